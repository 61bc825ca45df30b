// The target finder: the weakest intensity of one intervention that meets a plan target with a chosen
// probability. Each trial runs the same replicates with the same seed (common random numbers) with the
// intervention at one intensity, on top of a base package; the share of replicates meeting the target is
// then a step function of the intensity whose noise is shared between trials, so bisection converges on it
// instead of chasing sampling noise. Stronger is assumed to help (the share meeting rises with effort); the
// direction of effort is read from the two ends of the range (for closures and station thresholds a lower
// intensity is the stronger one).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/scenario/plan_target.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct TargetQuery {
  std::size_t intervention = 0;    // index into Scenario::interventions
  std::string base_package{kBaselinePackage};
  PlanTarget target;               // indicator, comparator, threshold and plan period
  int year = 2025;                 // judged in this year
  std::size_t region = 0;          // region index (counties, then the city)
  double probability = 0.8;        // share of replicates that must meet the target
  double low = 0.0, high = 1.0;    // intensities searched
  int bisection_steps = 10;
  std::uint64_t seed = 0;
  std::int64_t replicates = 10;
};

struct TargetTrial {
  double intensity = 0.0;
  double share_meeting = 0.0;  // of replicates
  Interval indicator;          // the indicator in `year` over replicates
  double cost_rmb = 0.0;       // mean cost of the intervention over the plan's first year to `year`
};

struct TargetSearch {
  std::vector<TargetTrial> trials;   // in the order they ran
  std::optional<TargetTrial> found;  // the weakest trial meeting the probability; none if even the strongest fails
  bool stronger_is_higher = true;    // direction of effort found at the ends of the range
};

// How a set of replicates fares against a target: the share meeting it in `year` at `region` (for "increasing":
// rose every year of the plan period), the indicator's interval in `year`, and the mean cost of the intervention
// axis entry `cost_entry` (an intervention, or the total) from the plan's first year to `year`.
struct TargetScore {
  double share_meeting = 0.0;
  Interval indicator;
  double cost_rmb = 0.0;
};
TargetScore score_target(const Scenario& scenario, const std::vector<ReplicateResults>& replicates,
                         const PlanTarget& target, int year, std::size_t region, std::size_t cost_entry);

// `year_done` is called after every simulated replicate-year (from any thread). The trials share the history
// before the intervention acts: it is simulated once per replicate and every trial forks from it
// (shared_history.hpp; the same results as separate runs).
TargetSearch find_target_intensity(const Scenario& scenario, const TargetQuery& query,
                                   const std::function<void()>& year_done = {});

// Replicate-years the search simulates at most (the first trial whole, the others from the fork), for progress.
std::int64_t target_search_replicate_years(const Scenario& scenario, const TargetQuery& query);

// The scenario of one trial: the base package with the intervention at `intensity`.
Scenario target_trial_scenario(const Scenario& scenario, const TargetQuery& query, double intensity);

// Runs one trial, forked from `history` (whose request gives the seed and replicates; used by the search,
// public for tests).
TargetTrial run_target_trial(const Scenario& scenario, const TargetQuery& query, double intensity,
                             SharedHistory& history);

}  // namespace pneumo
