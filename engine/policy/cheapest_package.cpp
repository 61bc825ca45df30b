#include "pneumoplan/policy/cheapest_package.hpp"

#include <algorithm>

#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/target_finder.hpp"

namespace pneumo {
namespace {

PackageTrial run_package_trial(const Scenario& scenario, const PackageTargetQuery& query, const std::string& package,
                               const std::function<void()>& year_done) {
  Scenario trial = scenario;
  trial.select_package(package);
  RunRequest request;
  request.seed = query.seed;
  request.replicates = query.replicates;
  request.year_done = year_done;
  const std::vector<ReplicateResults> replicates = run_replicates(trial, request);
  // The intervention axis ends with the total of every intervention: the package's cost.
  const std::size_t total = trial.interventions.size();
  const TargetScore score = score_target(trial, replicates, query.target, query.year, query.region, total);
  PackageTrial out;
  out.package = package;
  out.share_meeting = score.share_meeting;
  out.indicator = score.indicator;
  out.cost_rmb = score.cost_rmb;
  return out;
}

}  // namespace

CheapestPackageSearch find_cheapest_package(const Scenario& scenario, const PackageTargetQuery& query,
                                            const std::function<void()>& year_done) {
  CheapestPackageSearch search;
  for (const auto& package : query.packages) {
    search.trials.push_back(run_package_trial(scenario, query, package, year_done));
    const PackageTrial& t = search.trials.back();
    if (t.share_meeting < query.probability) continue;
    if (!search.found || t.cost_rmb < search.found->cost_rmb ||
        (t.cost_rmb == search.found->cost_rmb && t.share_meeting > search.found->share_meeting)) {
      search.found = t;
    }
  }
  return search;
}

}  // namespace pneumo
