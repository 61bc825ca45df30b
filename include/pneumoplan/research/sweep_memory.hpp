// Peak memory of a sweep, estimated before any point runs, so a sweep that cannot fit is refused at once with
// the estimate (exit code 2) instead of failing to allocate after hours. A sweep holds the kept outputs of
// every point (and, while resuming, the journal's copies of them) and, for each point in flight, the point's
// own scenario, its replicates' results and its simulations (docs/reliability.md).
#pragma once

#include <cstdint>
#include <string>

#include "pneumoplan/research/sweep_design.hpp"
#include "pneumoplan/research/sweep_spec.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct SweepMemoryEstimate {
  std::uint64_t program_bytes = 0;    // the executable and the base scenario
  std::uint64_t kept_bytes = 0;       // every point's kept outputs, twice (the result and the journal's copies),
                                      // and the states of a shared history (sweep_history.hpp)
  std::uint64_t point_bytes = 0;      // one point in flight: its scenario, its replicates' results
  std::uint64_t simulation_bytes = 0; // one simulation while it runs
  std::size_t points_at_once = 0;     // min(threads, points)
  std::size_t simulations_at_once = 0;
  std::uint64_t total_bytes() const;
  std::string describe() const;
};

SweepMemoryEstimate estimate_sweep_memory(const SweepSpec& spec, const SweepPlan& plan, const Scenario& base,
                                          int threads);

// Throws InputError naming the sweep file, with the estimate, when it exceeds `limit_bytes`
// (described by `limit_source`, e.g. "available (MemAvailable)").
void check_sweep_fits(const SweepSpec& spec, const SweepMemoryEstimate& estimate, std::uint64_t limit_bytes,
                      const std::string& limit_source);

}  // namespace pneumo
