// Peak memory of a run, estimated from the scenario's sizes before anything large is allocated, so a run
// that cannot fit is refused at once, with the estimate, instead of failing or being killed after hours.
// The estimate is deliberately generous (docs/reliability.md compares it with measured peaks): it assumes
// every replicate running at once holds worker rows for twice the most jobs the strata ever have, every
// thread keeps its own tallies, and every finished replicate's results stay in memory until the file is
// written, which is what the engine does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct MemoryEstimate {
  std::int64_t replicates = 0;
  std::int64_t runs_kept = 1;        // runs of `replicates` held until the end (compare: one per package)
  int concurrent_simulations = 0;    // min(threads, replicates)
  double peak_jobs = 0.0;            // most jobs the strata have in any simulated year
  std::uint64_t program_bytes = 0;   // the executable, its libraries and thread pools
  std::uint64_t scenario_bytes = 0;  // shared by every replicate: the township distances, the input texts
  std::uint64_t simulation_bytes = 0;  // one replicate while it runs: workers, enterprises, tallies, distances
  std::uint64_t results_bytes = 0;   // one finished replicate's outputs, kept until the file is written
  std::uint64_t writing_bytes = 0;   // buffers while the results file is written (outputs prepared in parallel)
  std::int64_t states_per_running_replicate = 0;  // saved states held while a replicate runs (compare)
  std::int64_t states_per_replicate = 0;          // saved states held for every replicate (target, --save-state)
  std::uint64_t state_bytes = 0;     // one saved state: the worker and enterprise tables, results so far
  std::uint64_t total_bytes() const;  // at the worst moment
  std::string describe() const;       // the total and how it is made up, for messages
};

// What a command holds besides the simulations running (shared_history.hpp for the states).
struct HeldRuns {
  std::int64_t runs = 1;  // runs of the replicates kept until written (compare: one per package)
  std::int64_t states_per_running_replicate = 0;  // compare: one per package but the last, dropped with the replicate
  std::int64_t states_per_replicate = 0;  // a target search's shared history; run --save-state or --from-state
};

// `threads` is the number of worker threads the run may use; `replicates` how many it runs.
MemoryEstimate estimate_run_memory(const Scenario& scenario, std::int64_t replicates, int threads,
                                   const HeldRuns& held = {});

// Throws InputError naming the scenario folder, with the estimate, when it exceeds `limit_bytes`
// (described by `limit_source`, e.g. "available (MemAvailable)" or "allowed by --max-memory").
void check_run_fits(const Scenario& scenario, const MemoryEstimate& estimate, std::uint64_t limit_bytes,
                    const std::string& limit_source);

// "12.3 GiB", "512 MiB", "800 B".
std::string format_bytes(double bytes);
// "8G", "512M", "64k", "1.5T", "1000000" (bytes; K, M, G, T are powers of 1024, an optional "iB" or "B"
// after them); nullopt when it is not such a size.
std::optional<std::uint64_t> parse_memory_size(const std::string& text);

}  // namespace pneumo
