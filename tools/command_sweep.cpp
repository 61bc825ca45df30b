// pneumoplan sweep SPEC --out FILE.h5: runs every point of a sweep file — on this machine's threads, across
// MPI ranks when started by mpirun, or as one shard of a Slurm job array — journalling each finished point so
// that a killed sweep resumes where it stopped, and writes the sweep file (docs/research.md).
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <string_view>
#include <regex>
#include <thread>

#include "command_line.hpp"
#include "progress_line.hpp"
#include "shipped_data.hpp"
#include "sweep_mpi.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/available_memory.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/model/memory_estimate.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_journal.hpp"
#include "pneumoplan/research/sweep_memory.hpp"
#include "pneumoplan/model/memory_estimate.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

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
  if (!k || !t || *t < 1 || *k < 0 || *k >= *t) throw UsageError("--shard: expected K/T with 0 <= K < T, found " + quote_value(text));
  return {*k, *t};
}

// An absolute, normalised path without a trailing separator ("jobs/" -> "/home/u/jobs").
std::string absolute(const std::string& path) {
  fs::path p = fs::absolute(path).lexically_normal();
  if (p.filename().empty() && p.has_parent_path()) p = p.parent_path();
  return p.string();
}

// Slurm's --time formats: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S (whole numbers).
bool slurm_time_format(const std::string& text) {
  static const std::regex format(R"(^(\d+|\d+:\d+|\d+:\d+:\d+|\d+-\d+|\d+-\d+:\d+|\d+-\d+:\d+:\d+)$)");
  return std::regex_match(text, format);
}

// Peak memory of one array task: `threads` points at once, each with its own scenario, one simulation per thread
// and its replicates' results until the point is recorded, plus the sweep's table of kept values. From the run
// estimate (engine/model/memory_estimate.cpp), which is generous by design.
std::uint64_t task_memory_bytes(const Scenario& base, const SweepContext& context, std::size_t points, int threads) {
  const MemoryEstimate one = estimate_run_memory(base, context.replicates, 1);
  const double concurrent = static_cast<double>(std::max<std::size_t>(1, std::min<std::size_t>(points, threads)));
  const double per_point = static_cast<double>(one.scenario_bytes) + static_cast<double>(one.simulation_bytes) +
                           static_cast<double>(context.replicates) * static_cast<double>(one.results_bytes);
  const double table = 8.0 * static_cast<double>(points) * static_cast<double>(context.replicates) *
                       static_cast<double>(context.year_count()) * static_cast<double>(context.spec.outputs.size());
  return static_cast<std::uint64_t>(static_cast<double>(one.program_bytes) + concurrent * per_point + 2.0 * table +
                                    static_cast<double>(one.writing_bytes));
}

// A word for a shell command line: single-quoted, so spaces, '$' or ';' in a path stay part of it.
std::string shell_word(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// --sbatch-options goes into the job script as one "#SBATCH" line: a newline would add a line of shell code,
// and sbatch itself does not unquote. Options are words of letters, digits and - = : , . / _ + @ % only.
void check_sbatch_options(const std::string& text) {
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view(" -=:,./_+@%").find(c) != std::string_view::npos;
    if (!plain) {
      throw UsageError("--sbatch-options: expected sbatch options such as '--partition=long --time=02:00:00' "
                       "(letters, digits, spaces and - = : , . / _ + @ %), found " + quote_value(std::string(1, c)) +
                       " in " + quote_value(text) + (c == '\n' || c == '\r' ? ": a line break would add a line to the job script"
                                                                         : ": a shell metacharacter"));
    }
  }
}

// Paths written into #SBATCH lines cannot be quoted there: Slurm reads them up to the first space.
void check_script_path(const std::string& path, const std::string& what) {
  for (const char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == ' ' || c == '"' || c == '\'' || c == '\\') {
      throw UsageError(what + ": expected a path without spaces, quotes or control characters (a Slurm job script "
                       "cannot carry them), found " + quote_value(path));
    }
  }
}

// The sbatch script of a job array: task K runs shard K/T into DIR/shard-K.h5.
void write_slurm_array(const std::string& folder, const std::string& spec_path, std::int64_t tasks, int threads,
                       std::uint64_t memory_bytes, const std::string& time, const std::string& extra_options,
                       const std::string& progress_options, bool quiet) {
  const std::string dir = absolute(folder);
  check_script_path(dir, "--slurm-array");
  ensure_folder(folder);
  const std::string program = fs::canonical("/proc/self/exe").string();
  const std::uint64_t mebibytes = (memory_bytes + (1u << 20) - 1) >> 20;
  std::string script =
      "#!/bin/bash\n"
      "# Written by pneumoplan sweep --slurm-array: one task per shard of " + excerpt(absolute(spec_path), 400) + ".\n"
      "# Submit with: sbatch " + dir + "/sweep.sbatch\n"
      "# Then join:   " + excerpt(program, 400) + " merge " + dir + "/shard-*.h5 --out RESULT.h5\n"
      "# --mem: pneumoplan's estimate of one task's peak memory (" + format_bytes(static_cast<double>(memory_bytes)) +
      " for " + std::to_string(threads) + " thread(s)).\n"
      "#SBATCH --job-name=pneumoplan-sweep\n"
      "#SBATCH --array=0-" + std::to_string(tasks - 1) + "\n"
      "#SBATCH --cpus-per-task=" + std::to_string(threads) + "\n"
      "#SBATCH --mem=" + std::to_string(mebibytes) + "M\n";
  if (!time.empty()) script += "#SBATCH --time=" + time + "\n";
  script += "#SBATCH --output=" + dir + "/slurm-%A_%a.out\n";
  if (!extra_options.empty()) script += "#SBATCH " + extra_options + "\n";
  // Not --quiet: the task's log shows plain progress lines while it runs and the shard's summary at the end.
  script += "set -euo pipefail\n"
            "exec " + shell_word(program) + " sweep " + shell_word(absolute(spec_path)) + " --shard \"${SLURM_ARRAY_TASK_ID}/" +
            std::to_string(tasks) + "\" --out " + shell_word(dir) + "\"/shard-${SLURM_ARRAY_TASK_ID}.h5\" --threads \"${SLURM_CPUS_PER_TASK:-" +
            std::to_string(threads) + "}\"" + progress_options + "\n";
  const std::string path = dir + "/sweep.sbatch";
  write_text_atomically(path, script);
  fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add);
  if (quiet) {
    std::cout << path << "\n";
  } else {
    std::cout << "Slurm job array of " << tasks << " tasks, " << threads << " CPU(s) and "
              << format_bytes(static_cast<double>(mebibytes) * 1048576.0) << " each"
              << (time.empty() ? std::string() : ", time limit " + time) << ": " << path << "\n"
              << "  submit: sbatch " << path << "\n"
              << "  then:   pneumoplan merge " << dir << "/shard-*.h5 --out RESULT.h5\n";
  }
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
      ("threads,t", po::value<int>(), "Threads per process (default: the CPUs this process may use: its affinity mask or cpuset, a cgroup CPU "
       "quota, SLURM_CPUS_PER_TASK; under mpirun shared equally among the ranks of a node).")
      ("shard", po::value<std::string>(), "Compute only shard K/T: the points n with n mod T = K (Slurm array tasks).")
      ("slurm-array", po::value<std::string>(),
       "Write DIR/sweep.sbatch, a Slurm job array whose tasks each compute one shard into DIR/shard-K.h5; join "
       "them with 'pneumoplan merge'. Nothing is computed.")
      ("tasks", po::value<std::int64_t>()->default_value(4), "Tasks of the --slurm-array job.")
      ("time", po::value<std::string>(),
       "Time limit of each --slurm-array task (#SBATCH --time), in Slurm's form: minutes, H:M:S or D-H:M:S. "
       "Default: none (the partition's limit).")
      ("sbatch-options", po::value<std::string>()->default_value(""),
       "Extra #SBATCH line for --slurm-array, e.g. '--partition=long --account=proj' (letters, digits, spaces and "
       "- = : , . / _ + @ % only: no line breaks or shell metacharacters).")
      ("retry-failed", "Compute again the points that failed in an earlier run (kept in the journal or result).")
      ("max-memory", po::value<std::string>(),
       "Memory the sweep may use, e.g. 8G or 512M. Before any point runs, the sweep's peak memory is estimated from "
       "its points, replicates, outputs and --threads, and the sweep is refused (exit code 2) when the estimate "
       "exceeds this. Default: the memory available now (MemAvailable, or the cgroup or ulimit limit when lower).")
      ("quiet,q", "Print only the path of the result (with --slurm-array: of the sbatch script).");
  add_progress_options(options);
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
  const ProgressSettings progress_shown = progress_settings(values);
  const std::string spec_path = resolve_input_path(values["spec"].as<std::string>());
  // Every option before any work.
  const bool slurm = values.count("slurm-array") > 0;
  if (!slurm && !values.count("out")) throw UsageError("expected --out FILE.h5");
  if (!slurm && values.count("time")) throw UsageError("--time belongs to --slurm-array");
  const std::string out = slurm ? std::string() : values["out"].as<std::string>();
  const Shard shard = values.count("shard") ? parse_shard(values["shard"].as<std::string>()) : Shard{};
  const auto tasks = values["tasks"].as<std::int64_t>();
  if (tasks < 1 || tasks > 100000) throw UsageError("--tasks: expected a whole number in [1, 100000]");
  check_sbatch_options(values["sbatch-options"].as<std::string>());
  const std::string time = values.count("time") ? values["time"].as<std::string>() : "";
  if (!time.empty() && !slurm_time_format(time)) {
    throw UsageError("--time: expected minutes, H:M:S or D-H:M:S (Slurm's --time), found " + quote_value(time));
  }
  std::optional<std::uint64_t> max_memory;
  if (values.count("max-memory")) {
    max_memory = parse_memory_size(values["max-memory"].as<std::string>());
    if (!max_memory) throw UsageError("--max-memory: expected a size such as 8G or 512M, found " + quote_value(values["max-memory"].as<std::string>()));
  }
  const SweepSpec spec = read_sweep_spec(spec_path);
  {
    CommandPaths paths;
    paths.input(spec_path, "the sweep file");
    paths.inputs_in_folder(spec.scenario_directory, scenario_file_names(), "the sweep's scenario's");
    if (slurm) {
      paths.output_folder(values["slurm-array"].as<std::string>(), "--slurm-array");
      paths.output((fs::path(values["slurm-array"].as<std::string>()) / "sweep.sbatch").string(), "--slurm-array");
    } else {
      paths.output(out, "--out");
      paths.output_folder(out + ".parts", "journal of --out");
    }
    paths.check();
  }
  const SweepPlan plan = plan_sweep(spec);
  const Scenario base = load_sweep_base(spec);
  SweepContext context = sweep_context(spec, plan, base);

  if (slurm) {
    const int task_threads = values.count("threads") ? threads : 1;
    const std::size_t task_points = (plan.points + static_cast<std::size_t>(tasks) - 1) / static_cast<std::size_t>(tasks);
    // --progress and --progress-every given here are the tasks' own.
    std::string progress_options;
    if (!values["progress"].defaulted()) progress_options += " --progress " + values["progress"].as<std::string>();
    if (!values["progress-every"].defaulted()) {
      progress_options += " --progress-every " + number_text(values["progress-every"].as<double>());
    }
    write_slurm_array(values["slurm-array"].as<std::string>(), spec_path, tasks, task_threads,
                      task_memory_bytes(base, context, task_points, task_threads), time,
                      values["sbatch-options"].as<std::string>(), progress_options, values.count("quiet") > 0);
    return 0;
  }
  // Refuse a sweep that cannot fit before its arrays are made and before any point runs.
  const SweepMemoryEstimate memory = estimate_sweep_memory(spec, plan, base, threads);
  if (max_memory) {
    check_sweep_fits(spec, memory, *max_memory, "allowed by --max-memory");
  } else if (const auto available = available_memory()) {
    check_sweep_fits(spec, memory, available->bytes, "available (" + available->source + ")");
  }

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
      const std::size_t from_journal = known.size();
      std::size_t from_result = 0;
      // A finished result of the same sweep counts as recorded too (e.g. to retry its failed points).
      if (fs::exists(out)) {
        try {
          const SweepData earlier = read_sweep_file(out);
          if (earlier.fingerprint == fingerprint) {
            for (std::size_t n = 0; n < earlier.points(); ++n) {
              if (earlier.status[n] != 0 && !known.count(static_cast<std::int64_t>(n))) {
                known[static_cast<std::int64_t>(n)] = point_result(earlier, n);
                ++from_result;
              }
            }
          }
        } catch (const IoError&) {
          // Not a sweep result (or a damaged one): it is replaced, atomically, when this run finishes.
        }
      }
      const bool retry = values.count("retry-failed") > 0;
      std::size_t held = 0, found_done = 0, found_failed = 0;
      for (std::size_t n = 0; n < plan.points; ++n) {
        if (!shard.holds(n)) continue;
        ++held;
        const auto found = known.find(static_cast<std::int64_t>(n));
        if (found != known.end()) (found->second.status == PointStatus::Failed ? found_failed : found_done) += 1;
        if (found == known.end() || (retry && found->second.status == PointStatus::Failed)) {
          pending.push_back(n);
        } else {
          add_point(data, found->second);
        }
      }
      // A resumed sweep says what it found, so a log shows that the earlier work was kept.
      if ((found_done > 0 || found_failed > 0) && !values.count("quiet")) {
        std::cerr << "pneumoplan sweep: resuming " << out << ": found " << found_done << " done and " << found_failed
                  << " failed of the " << held << " points" << (shard.count > 1 ? " of this shard" : "") << " ("
                  << (from_journal > 0 ? "in the journal " + out + ".parts" : std::string())
                  << (from_journal > 0 && from_result > 0 ? " and " : "")
                  << (from_result > 0 ? "in the earlier result" : "") << "); computing " << pending.size()
                  << (retry ? " (failed ones again)" : "") << "\n";
      }
    }

    std::mutex mutex;
    ProgressSettings shown = progress_shown;
    shown.shown = shown.shown && coordinator;  // the other ranks only compute what rank 0 hands out
    ProgressLine progress("pneumoplan sweep", static_cast<std::int64_t>(pending.size()), "points", shown);
    const auto done = [&](const PointResult& r) {
      journal->record(r);
      std::lock_guard lock(mutex);
      add_point(data, r);
      progress.advance();
    };
    // Points over intervention settings fork from the history they share, simulated here once (sweep_history.hpp).
    if (!coordinator || !pending.empty()) context.history = simulate_sweep_history(spec, base, context.seed);
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
