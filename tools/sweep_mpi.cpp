#include "sweep_mpi.hpp"

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>

#include <tbb/task_arena.h>

#include <cstring>

#include "pneumoplan/core/available_cpus.hpp"
#include "pneumoplan/core/error.hpp"

#ifdef PNEUMO_HAVE_MPI
#include <mpi.h>
#endif

namespace pneumo::cli {

bool launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(name)) return true;
  }
  return false;
}

int mpi_ranks_on_node() {
  if (!launched_by_mpi()) return 1;
  for (const char* name : {"OMPI_COMM_WORLD_LOCAL_SIZE", "PMIX_LOCAL_SIZE", "MPI_LOCALNRANKS"}) {
    if (const auto ranks = parse_cpu_count(std::getenv(name))) return *ranks;
  }
  return 1;
}

#ifdef PNEUMO_HAVE_MPI

namespace {

enum Tag : int { kReady = 1, kResult = 2, kAssign = 3, kStop = 4 };

void send_bytes(const std::string& bytes, int to, int tag) {
  MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, to, tag, MPI_COMM_WORLD);
}

std::string receive_bytes(const MPI_Status& probed) {
  int count = 0;
  MPI_Get_count(&probed, MPI_BYTE, &count);
  std::string bytes(static_cast<std::size_t>(count), '\0');
  MPI_Recv(bytes.data(), count, MPI_BYTE, probed.MPI_SOURCE, probed.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return bytes;
}

void worker(const SweepContext& context) {
  send_bytes("", 0, kReady);
  for (;;) {
    MPI_Status status;
    MPI_Probe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &status);
    const std::string message = receive_bytes(status);
    if (status.MPI_TAG == kStop) return;
    std::int64_t index = 0;
    std::memcpy(&index, message.data(), sizeof index);
    send_bytes(encode_point(evaluate_point(context, static_cast<std::size_t>(index))), 0, kResult);
  }
}

void coordinator(const MpiSession& mpi, const SweepContext& context, const std::vector<std::size_t>& pending, int threads,
                 const std::function<void(const PointResult&)>& done) {
  std::size_t next = 0, finished = 0;
  int workers_left = mpi.size() - 1;
  // This rank computes too, one point at a time, on its own threads; its main thread keeps answering.
  tbb::task_arena arena(threads, 0);  // no slot kept for this thread: it only polls
  std::mutex mutex;
  std::vector<PointResult> local_results;
  bool local_busy = false;
  while (finished < pending.size() || workers_left > 0) {
    bool idle = true;
    {
      std::vector<PointResult> ready;
      {
        std::lock_guard lock(mutex);
        ready.swap(local_results);
        if (!local_busy && next < pending.size()) {
          local_busy = true;
          const std::size_t index = pending[next++];
          // Enqueued, not executed: this thread must return at once to answer the other ranks. The task
          // touches the shared state only under the mutex, and the loop ends only after it has handed over its
          // result, so nothing it refers to is gone while it runs.
          arena.enqueue([&, index] {
            PointResult r = evaluate_point(context, index);
            std::lock_guard inner(mutex);
            local_results.push_back(std::move(r));
            local_busy = false;
          });
        }
      }
      for (const auto& r : ready) {
        done(r);
        ++finished;
        idle = false;
      }
    }
    int flag = 0;
    MPI_Status status;
    MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
    if (flag) {
      idle = false;
      const std::string message = receive_bytes(status);
      if (status.MPI_TAG == kResult) {
        done(decode_point(message));
        ++finished;
      }
      std::lock_guard lock(mutex);
      if (next < pending.size()) {
        const auto index = static_cast<std::int64_t>(pending[next++]);
        send_bytes(std::string(reinterpret_cast<const char*>(&index), sizeof index), status.MPI_SOURCE, kAssign);
      } else {
        send_bytes("", status.MPI_SOURCE, kStop);
        --workers_left;
      }
    }
    if (idle) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace

MpiSession::MpiSession() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() { MPI_Finalize(); }

void MpiSession::abort(int code) const {
  MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

void run_points_mpi(const MpiSession& mpi, const SweepContext& context, const std::vector<std::size_t>& pending,
                    int threads, const std::function<void(const PointResult&)>& done) {
  if (mpi.rank() == 0) {
    coordinator(mpi, context, pending, threads, done);
  } else {
    tbb::task_arena arena(threads);
    arena.execute([&] { worker(context); });
  }
}

#else  // built without MPI

MpiSession::MpiSession() {
  throw UsageError("this pneumoplan was built without MPI (configure with -DPNEUMO_USE_MPI=ON and libopenmpi-dev)");
}
MpiSession::~MpiSession() = default;
void MpiSession::abort(int code) const { std::exit(code); }
void run_points_mpi(const MpiSession&, const SweepContext&, const std::vector<std::size_t>&, int,
                    const std::function<void(const PointResult&)>&) {}

#endif

}  // namespace pneumo::cli
