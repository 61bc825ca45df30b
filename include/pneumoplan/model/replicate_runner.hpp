// Runs a scenario's replicates in parallel (oneTBB). Replicate r is keyed by (seed, r) and nothing else,
// so the results of each replicate are the same whatever the thread count or order of execution.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

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

}  // namespace pneumo
