// Runs a scenario's replicates in parallel (oneTBB), from their first year or from saved states. Replicate r is
// keyed by (seed, r) and nothing else, so the results of each replicate are the same whatever the thread count
// or order of execution.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "pneumoplan/core/state_archive.hpp"
#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct RunRequest {
  std::uint64_t seed = 0;
  std::int64_t replicates = 1;
  std::int64_t first_replicate = 0;  // replicate numbers first..first+replicates-1
  // Called (from any thread) after every simulated replicate-year; must be thread-safe.
  std::function<void()> year_done;
};

std::vector<ReplicateResults> run_replicates(const Scenario& scenario, const RunRequest& request);

// Runs `variant` for the replicates of `request`, each from its saved state (states[r] for replicate
// request.first_replicate + r), saved by the same scenario or one whose history the variant shares (its
// divergence year is not before the states' year).
std::vector<ReplicateResults> run_replicates_from_states(const Scenario& variant, const RunRequest& request,
                                                         const std::vector<StateArchive>& states);

// Runs the replicates of `request` from their first year, or from `from` (as run_replicates_from_states), and
// keeps each replicate's state at the start of `save_year` in `saved` (pneumoplan run --save-state).
struct StateRun {
  const std::vector<StateArchive>* from = nullptr;
  int save_year = 0;
  std::vector<StateArchive>* saved = nullptr;
};
std::vector<ReplicateResults> run_replicates_with_states(const Scenario& scenario, const RunRequest& request,
                                                         const StateRun& states);


}  // namespace pneumo
