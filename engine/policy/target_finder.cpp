#include "pneumoplan/policy/target_finder.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/scorecard.hpp"

namespace pneumo {

Scenario target_trial_scenario(const Scenario& scenario, const TargetQuery& query, double intensity) {
  Scenario trial = scenario;
  trial.select_package(query.base_package);
  trial.interventions[query.intervention].intensity = intensity;
  auto& active = trial.active_interventions;
  if (std::find(active.begin(), active.end(), query.intervention) == active.end()) active.push_back(query.intervention);
  return trial;
}

std::int64_t target_search_replicate_years(const Scenario& scenario, const TargetQuery& query) {
  const Scenario trial = target_trial_scenario(scenario, query, query.low);
  const int fork = std::clamp(divergence_year(trial), trial.first_year(), trial.last_year() + 1);
  return query.replicates * (trial.year_count() + (1 + query.bisection_steps) * (trial.last_year() + 1 - fork));
}

TargetTrial run_target_trial(const Scenario& scenario, const TargetQuery& query, double intensity,
                             SharedHistory& history) {
  const Scenario trial = target_trial_scenario(scenario, query, intensity);
  const std::vector<ReplicateResults> replicates = std::move(history.run({&trial}).front());
  const TargetScore score = score_target(trial, replicates, query.target, query.year, query.region, query.intervention);
  TargetTrial out;
  out.intensity = intensity;
  out.share_meeting = score.share_meeting;
  out.indicator = score.indicator;
  out.cost_rmb = score.cost_rmb;
  return out;
}

TargetScore score_target(const Scenario& scenario, const std::vector<ReplicateResults>& replicates,
                         const PlanTarget& target, int year, std::size_t region, std::size_t cost_entry) {
  const OutputId indicator = indicator_output(target.indicator);
  const int first_year = scenario.first_year();
  const int cost_from = std::max(target.plan_first_year, first_year);
  std::vector<double> values;
  int meeting = 0;
  double cost = 0.0;
  for (const auto& r : replicates) {
    const OutputArray& a = r[indicator];
    const auto value = [&](int y) { return a.year_row(static_cast<std::size_t>(y - first_year))[region]; };
    values.push_back(value(year));
    meeting += replicate_meets(target, scenario.parameters.scorecard.increasing_rule, year, first_year, value);
    const OutputArray& costs = r[OutputId::InterventionCost];
    for (int y = cost_from; y <= year; ++y) cost += costs.year_row(static_cast<std::size_t>(y - first_year))[cost_entry];
  }
  TargetScore score;
  score.share_meeting = static_cast<double>(meeting) / static_cast<double>(replicates.size());
  score.indicator = summarise_values(values);
  score.cost_rmb = cost / static_cast<double>(replicates.size());
  return score;
}

TargetSearch find_target_intensity(const Scenario& scenario, const TargetQuery& query,
                                   const std::function<void()>& year_done) {
  TargetSearch search;
  RunRequest request;
  request.seed = query.seed;
  request.replicates = query.replicates;
  request.year_done = year_done;
  SharedHistory history(request);
  const auto trial = [&](double intensity) {
    search.trials.push_back(run_target_trial(scenario, query, intensity, history));
    return search.trials.back();
  };
  const TargetTrial at_low = trial(query.low);
  const TargetTrial at_high = trial(query.high);
  search.stronger_is_higher = at_high.share_meeting >= at_low.share_meeting;
  TargetTrial weak = search.stronger_is_higher ? at_low : at_high;
  TargetTrial strong = search.stronger_is_higher ? at_high : at_low;
  if (weak.share_meeting >= query.probability) {
    search.found = weak;  // even the weakest intensity is enough
    return search;
  }
  if (strong.share_meeting < query.probability) return search;  // not reachable in the range
  for (int step = 0; step < query.bisection_steps; ++step) {
    const TargetTrial middle = trial(0.5 * (weak.intensity + strong.intensity));
    (middle.share_meeting >= query.probability ? strong : weak) = middle;
  }
  search.found = strong;
  return search;
}

}  // namespace pneumo
