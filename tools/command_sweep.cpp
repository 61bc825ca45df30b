// pneumoplan sweep SPEC --out FILE.h5: runs every point of a sweep file — on this machine's threads, across
// MPI ranks when started by mpirun, or as one shard of a Slurm job array — journalling each finished point so
// that a killed sweep resumes where it stopped, and writes the sweep file (docs/research.md).
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "command_line.hpp"
#include "progress_line.hpp"
#include "sweep_mpi.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_journal.hpp"

namespace pneumo::cli {
namespace {

namespace fs = std::filesystem;

struct Shard {
  std::int64_t index = 0, count = 1;
  bool holds(std::size_t point) const { return static_cast<std::int64_t>(point % static_cast<std::size_t>(count)) == index; }
};

Shard parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  const auto k = slash == std::string::npos ? std::nullopt : parse_int64(text.substr(0, slash));
  const auto t = slash == std::string::npos ? std::nullopt : parse_int64(text.substr(slash + 1));
  if (!k || !t || *t < 1 || *k < 0 || *k >= *t) throw UsageError("--shard: expected K/T with 0 <= K < T, found '" + text + "'");
  return {*k, *t};
}

std::string absolute(const std::string& path) { return fs::absolute(path).lexically_normal().string(); }

// The sbatch script of a job array: task K runs shard K/T into DIR/shard-K.h5.
void write_slurm_array(const std::string& folder, const std::string& spec_path, std::int64_t tasks, int threads,
                       const std::string& extra_options) {
  fs::create_directories(folder);
  const std::string dir = absolute(folder);
  const std::string program = fs::canonical("/proc/self/exe").string();
  std::string script =
      "#!/bin/bash\n"
      "# Written by pneumoplan sweep --slurm-array: one task per shard of " + absolute(spec_path) + ".\n"
      "# Submit with: sbatch " + dir + "/sweep.sbatch\n"
      "# Then join:   " + program + " merge " + dir + "/shard-*.h5 --out RESULT.h5\n"
      "#SBATCH --job-name=pneumoplan-sweep\n"
      "#SBATCH --array=0-" + std::to_string(tasks - 1) + "\n"
      "#SBATCH --cpus-per-task=" + std::to_string(threads) + "\n"
      "#SBATCH --output=" + dir + "/slurm-%A_%a.out\n";
  if (!extra_options.empty()) script += "#SBATCH " + extra_options + "\n";
  script += "set -euo pipefail\n"
            "exec " + program + " sweep " + absolute(spec_path) + " --shard \"${SLURM_ARRAY_TASK_ID}/" +
            std::to_string(tasks) + "\" --out \"" + dir + "/shard-${SLURM_ARRAY_TASK_ID}.h5\" --threads \"${SLURM_CPUS_PER_TASK:-" +
            std::to_string(threads) + "}\" --quiet\n";
  const std::string path = dir + "/sweep.sbatch";
  write_text_atomically(path, script);
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
  std::cout << "Slurm job array of " << tasks << " tasks: " << path << "\n"
            << "  submit: sbatch " << path << "\n"
            << "  then:   pneumoplan merge " << dir << "/shard-*.h5 --out RESULT.h5\n";
}

void report(const SweepData& data, const std::string& out, bool quiet) {
  std::size_t done = 0, failed = 0, missing = 0;
  for (std::size_t n = 0; n < data.points(); ++n) {
    done += data.status[n] == 1;
    failed += data.status[n] == -1;
    missing += data.status[n] == 0;
  }
  if (quiet) {
    std::cout << out << "\n";
  } else {
    std::cout << "Sweep " << data.design << " of " << data.scenario_name << ": " << data.points() << " points x "
              << data.replicates << " replicates"
              << (data.common_random_numbers ? "" : " (each point on its own random numbers)") << "; " << done
              << " done, " << failed << " failed"
              << (data.shard.empty() ? "" : ", " + std::to_string(missing) + " in other shards") << "\nResults: " << out
              << "\n";
  }
  std::size_t shown = 0;
  for (std::size_t n = 0; n < data.points() && shown < 10; ++n) {
    if (data.status[n] != -1) continue;
    std::cerr << "point " << n << " failed:";
    for (std::size_t k = 0; k < data.parameters(); ++k) std::cerr << " " << data.parameter_keys[k] << "=" << data.value[n * data.parameters() + k];
    std::cerr << ": " << data.errors[n] << "\n";
    ++shown;
  }
  if (failed > 0) std::cerr << failed << " point(s) failed; rerun with --retry-failed to compute them again\n";
}

}  // namespace

int sweep_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("spec", po::value<std::string>(), "Sweep file (docs/research.md).")
      ("out,o", po::value<std::string>(), "Sweep result file (HDF5) to write; its journal is FILE.parts beside it.")
      ("threads,t", po::value<int>(), "Threads (per MPI rank when run by mpirun; default: all cores).")
      ("shard", po::value<std::string>(), "Compute only shard K/T: the points n with n mod T = K (Slurm array tasks).")
      ("slurm-array", po::value<std::string>(),
       "Write DIR/sweep.sbatch, a Slurm job array whose tasks each compute one shard into DIR/shard-K.h5; join "
       "them with 'pneumoplan merge'. Nothing is computed.")
      ("tasks", po::value<std::int64_t>()->default_value(4), "Tasks of the --slurm-array job.")
      ("sbatch-options", po::value<std::string>()->default_value(""),
       "Extra #SBATCH line for --slurm-array, e.g. '--partition=long --time=02:00:00'.")
      ("retry-failed", "Compute again the points that failed in an earlier run (kept in the journal or result).")
      ("quiet,q", "Print only the path of the result.");
  po::positional_options_description positional;
  positional.add("spec", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan sweep SPEC --out FILE.h5 [--threads T] [--shard K/T] [--retry-failed]\n"
                     "       pneumoplan sweep SPEC --slurm-array DIR [--tasks T]\n"
                     "       mpirun -np N pneumoplan sweep SPEC --out FILE.h5",
                     "Runs a parameter sweep: every point of the sweep file's design, each with its replicates on the "
                     "same seed. The result is the same file whether it runs on threads, across MPI ranks or as Slurm "
                     "shards joined by 'pneumoplan merge'; a sweep killed at any moment resumes where it stopped.")) {
    return 0;
  }
  if (!values.count("spec")) throw UsageError("expected a sweep file, e.g. 'pneumoplan sweep sweeps/xuzhou.ini --out s.h5'");
  const int threads = thread_count(values);
  const std::string spec_path = values["spec"].as<std::string>();
  const SweepSpec spec = read_sweep_spec(spec_path);
  const SweepPlan plan = plan_sweep(spec);
  const Scenario base = load_sweep_base(spec);
  const SweepContext context = sweep_context(spec, plan, base);

  if (values.count("slurm-array")) {
    const auto tasks = values["tasks"].as<std::int64_t>();
    if (tasks < 1 || tasks > 100000) throw UsageError("--tasks: expected a whole number in [1, 100000]");
    write_slurm_array(values["slurm-array"].as<std::string>(), spec_path, tasks, values.count("threads") ? threads : 1,
                      values["sbatch-options"].as<std::string>());
    return 0;
  }
  if (!values.count("out")) throw UsageError("expected --out FILE.h5");
  const std::string out = values["out"].as<std::string>();
  const Shard shard = values.count("shard") ? parse_shard(values["shard"].as<std::string>()) : Shard{};

  std::unique_ptr<MpiSession> mpi;
  if (launched_by_mpi()) mpi = std::make_unique<MpiSession>();
  const bool coordinator = !mpi || mpi->rank() == 0;
  // Rank 0 of several keeps one thread answering the other ranks, besides its `threads` computing ones.
  const bool polling = mpi && mpi->size() > 1 && coordinator;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads) + (polling ? 1 : 0));

  const auto body = [&]() -> int {
    const std::string fingerprint = sweep_fingerprint(spec, base);
    SweepData data = start_sweep_data(spec, plan, context, base, fingerprint);
    if (shard.count > 1) data.shard = std::to_string(shard.index) + "/" + std::to_string(shard.count);
    std::vector<std::size_t> pending;
    std::unique_ptr<SweepJournal> journal;
    if (coordinator) {
      check_output_writable(out);
      journal = std::make_unique<SweepJournal>(out, fingerprint);
      std::map<std::int64_t, PointResult> known = journal->load();
      // A finished result of the same sweep counts as recorded too (e.g. to retry its failed points).
      if (fs::exists(out)) {
        try {
          const SweepData earlier = read_sweep_file(out);
          if (earlier.fingerprint == fingerprint) {
            for (std::size_t n = 0; n < earlier.points(); ++n) {
              if (earlier.status[n] != 0 && !known.count(static_cast<std::int64_t>(n))) {
                known[static_cast<std::int64_t>(n)] = point_result(earlier, n);
              }
            }
          }
        } catch (const IoError&) {
          // Not a sweep result (or a damaged one): it is replaced, atomically, when this run finishes.
        }
      }
      const bool retry = values.count("retry-failed") > 0;
      for (std::size_t n = 0; n < plan.points; ++n) {
        if (!shard.holds(n)) continue;
        const auto found = known.find(static_cast<std::int64_t>(n));
        if (found == known.end() || (retry && found->second.status == PointStatus::Failed)) {
          pending.push_back(n);
        } else {
          add_point(data, found->second);
        }
      }
    }

    std::mutex mutex;
    ProgressLine progress("pneumoplan sweep", static_cast<std::int64_t>(pending.size()), "points");
    const auto done = [&](const PointResult& r) {
      journal->record(r);
      std::lock_guard lock(mutex);
      add_point(data, r);
      progress.advance();
    };
    if (mpi && mpi->size() > 1) {
      run_points_mpi(*mpi, context, pending, threads, done);
    } else {
      tbb::parallel_for(std::size_t{0}, pending.size(), [&](std::size_t k) { done(evaluate_point(context, pending[k])); });
    }
    if (!coordinator) return 0;
    write_sweep_file(out, data);
    journal->remove();
    report(data, out, values.count("quiet") > 0);
    for (const auto s : data.status) {
      if (s == -1) return 1;
    }
    return 0;
  };
  if (!mpi || mpi->size() == 1) return body();
  try {
    return body();
  } catch (const InputError& error) {
    std::cerr << "error: " << error.what() << "\n";
    mpi->abort(2);
  } catch (const UsageError& error) {
    std::cerr << "pneumoplan sweep: " << error.what() << "\n";
    mpi->abort(2);
  } catch (const std::exception& error) {
    std::cerr << "error (rank " << mpi->rank() << "): " << error.what() << "\n";
    mpi->abort(1);
  }
}

}  // namespace pneumo::cli
