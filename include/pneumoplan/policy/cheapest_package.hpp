// The cheapest package meeting a plan target: every candidate package runs the same replicates with the same
// seed (common random numbers), so the shares of replicates meeting the target differ only by what the
// packages do; the cheapest package whose share reaches the chosen probability is the answer. Cost is what the
// package's interventions cost from the plan's first year to the judged year (the programme's budget; compare
// adds station, medical and household costs).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/scenario/plan_target.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct PackageTargetQuery {
  std::vector<std::string> packages;  // candidates, each a package of the scenario (or the baseline)
  PlanTarget target;
  int year = 2025;            // judged in this year
  std::size_t region = 0;     // region index (counties, then the city)
  double probability = 0.8;   // share of replicates that must meet the target
  std::uint64_t seed = 0;
  std::int64_t replicates = 10;
};

struct PackageTrial {
  std::string package;
  double share_meeting = 0.0;  // of replicates
  Interval indicator;          // the indicator in `year` over replicates
  double cost_rmb = 0.0;       // mean programme cost over the plan's first year to `year`
};

struct CheapestPackageSearch {
  std::vector<PackageTrial> trials;   // in the order of the query's packages
  std::optional<PackageTrial> found;  // the cheapest meeting the probability (ties: the larger share meeting)
};

// `year_done` is called after every simulated replicate-year (from any thread). The packages are forked from
// one shared history per replicate (shared_history.hpp; the same results as separate runs).
CheapestPackageSearch find_cheapest_package(const Scenario& scenario, const PackageTargetQuery& query,
                                            const std::function<void()>& year_done = {});

// The query's packages, each selected in a copy of the scenario.
std::vector<Scenario> package_trial_scenarios(const Scenario& scenario, const PackageTargetQuery& query);
// Replicate-years the search simulates, for progress.
std::int64_t package_search_replicate_years(const Scenario& scenario, const PackageTargetQuery& query);

}  // namespace pneumo
