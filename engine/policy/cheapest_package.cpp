#include "pneumoplan/policy/cheapest_package.hpp"

#include <algorithm>

#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/scorecard.hpp"

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

  const OutputId indicator = indicator_output(query.target.indicator);
  const int first_year = trial.first_year();
  const int cost_from = std::max(query.target.plan_first_year, first_year);
  PackageTrial out;
  out.package = package;
  std::vector<double> values;
  int meeting = 0;
  double cost = 0.0;
  for (const auto& r : replicates) {
    const OutputArray& a = r[indicator];
    const auto value = [&](int year) {
      return a.year_row(static_cast<std::size_t>(year - first_year))[query.region];
    };
    values.push_back(value(query.year));
    meeting += replicate_meets(query.target, trial.parameters.scorecard.increasing_rule, query.year, first_year, value);
    const OutputArray& costs = r[OutputId::InterventionCost];
    for (int year = cost_from; year <= query.year; ++year) {
      cost += city_cell(costs, static_cast<std::size_t>(year - first_year));  // the total of every intervention
    }
  }
  out.share_meeting = static_cast<double>(meeting) / static_cast<double>(replicates.size());
  out.indicator = summarise_values(values);
  out.cost_rmb = cost / static_cast<double>(replicates.size());
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
