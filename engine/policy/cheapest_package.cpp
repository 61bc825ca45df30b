#include "pneumoplan/policy/cheapest_package.hpp"

#include <algorithm>

#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/policy/target_finder.hpp"

namespace pneumo {
CheapestPackageSearch find_cheapest_package(const Scenario& scenario, const PackageTargetQuery& query,
                                            const std::function<void()>& year_done) {
  // Every package at once, forked from one shared history per replicate (shared_history.hpp).
  const std::vector<Scenario> trials = package_trial_scenarios(scenario, query);
  RunRequest request;
  request.seed = query.seed;
  request.replicates = query.replicates;
  request.year_done = year_done;
  SharedHistory history(request, /*keep_states=*/false);  // one batch: a replicate's states go when it is done
  const auto runs = history.run(trials);

  CheapestPackageSearch search;
  for (std::size_t p = 0; p < trials.size(); ++p) {
    // The intervention axis ends with the total of every intervention: the package's cost.
    const std::size_t total = trials[p].interventions.size();
    const TargetScore score = score_target(trials[p], runs[p], query.target, query.year, query.region, total);
    PackageTrial t;
    t.package = query.packages[p];
    t.share_meeting = score.share_meeting;
    t.indicator = score.indicator;
    t.cost_rmb = score.cost_rmb;
    search.trials.push_back(t);
    if (t.share_meeting < query.probability) continue;
    if (!search.found || t.cost_rmb < search.found->cost_rmb ||
        (t.cost_rmb == search.found->cost_rmb && t.share_meeting > search.found->share_meeting)) {
      search.found = t;
    }
  }
  return search;
}

std::vector<Scenario> package_trial_scenarios(const Scenario& scenario, const PackageTargetQuery& query) {
  std::vector<Scenario> trials;
  trials.reserve(query.packages.size());
  for (const auto& package : query.packages) {
    trials.push_back(scenario);
    trials.back().select_package(package);
  }
  return trials;
}

std::int64_t package_search_replicate_years(const Scenario& scenario, const PackageTargetQuery& query) {
  RunRequest request;
  request.replicates = query.replicates;
  return SharedHistory(request).years_to_simulate(package_trial_scenarios(scenario, query));
}

}  // namespace pneumo
