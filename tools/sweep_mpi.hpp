// Running a sweep's points across MPI ranks (OpenMPI; `mpirun -np N pneumoplan sweep ...`). Rank 0 hands out
// points one at a time to whichever rank asks (dynamic, so slow points do not hold up the rest), computes points
// itself between messages, records every result in the journal and writes the result file; the other ranks
// only compute. Results depend on the point alone, never on the rank that computed it, so the file is the
// same for any number of ranks.
#pragma once

#include <functional>
#include <vector>

#include "pneumoplan/research/sweep_journal.hpp"
#include "pneumoplan/research/sweep_point.hpp"

namespace pneumo::cli {

// True when this process was started by mpirun (an MPI launcher's environment is present).
bool launched_by_mpi();
// Ranks of this MPI job on this node, from the launcher's environment (OpenMPI OMPI_COMM_WORLD_LOCAL_SIZE,
// PMIx PMIX_LOCAL_SIZE, MPICH MPI_LOCALNRANKS); 1 when not started by an MPI launcher or when it does not say.
int mpi_ranks_on_node();

class MpiSession {
 public:
  MpiSession();   // MPI_Init_thread (funnelled); throws UsageError when the program was built without MPI
  ~MpiSession();  // MPI_Finalize
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
  int rank() const { return rank_; }
  int size() const { return size_; }
  [[noreturn]] void abort(int code) const;  // ends every rank (a failure on one rank must not hang the others)

 private:
  int rank_ = 0, size_ = 1;
};

// Rank 0: computes `pending` with the other ranks and itself, calling `done` (on this thread) for each result.
// Other ranks: computes what rank 0 assigns until told to stop. `threads` bounds each rank's own threads.
void run_points_mpi(const MpiSession& mpi, const SweepContext& context, const std::vector<std::size_t>& pending,
                    int threads, const std::function<void(const PointResult&)>& done);

}  // namespace pneumo::cli
