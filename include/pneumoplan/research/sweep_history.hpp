// The history a sweep's points share. A sweep whose varied parameters are all intervention settings, run on
// common random numbers, runs the base scenario's history once per replicate up to the year its package's
// interventions first act, and every point whose interventions act no earlier forks from the state saved there
// (shared_history.hpp): the same results as running each point from its first year, with the shared years
// simulated once per process instead of once per point.
#pragma once

#include <memory>
#include <vector>

#include "pneumoplan/core/state_archive.hpp"
#include "pneumoplan/research/sweep_spec.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct SweepHistory {
  int year = 0;                     // the states are of the start of this year
  std::vector<StateArchive> states;  // per replicate
};

// Whether the points of `spec` share a history: common random numbers, and every varied key an
// intervention's (intervention.NAME.KEY).
bool sweep_shares_history(const SweepSpec& spec);

// The year the shared history is saved at: the base's divergence year, within its simulated years after the
// first (nullopt-like 0 when there is nothing to share: the base's interventions act from its first year).
int sweep_history_year(const Scenario& base);

// Simulates the base's history for replicates 0..replicates-1 up to sweep_history_year (on the threads of the
// caller's arena); nullptr when the sweep does not share one.
std::shared_ptr<const SweepHistory> simulate_sweep_history(const SweepSpec& spec, const Scenario& base,
                                                           std::uint64_t seed);

}  // namespace pneumo
