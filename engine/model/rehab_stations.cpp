#include "pneumoplan/model/rehab_stations.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "pneumoplan/stations/location_solution.hpp"
#include "pneumoplan/stations/location_solver.hpp"

namespace pneumo {
namespace {

constexpr int kNoStation = std::numeric_limits<int>::max();

}  // namespace

RehabStations::RehabStations(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate)
    : scenario_(scenario),
      solver_seed_(seed ^ (0x9E3779B97F4A7C15ULL * (replicate + 1))),
      opened_year_(scenario.geography.townships.size(), kNoStation),
      existing_(scenario.geography.townships.size(), 0),
      threshold_(scenario.parameters.rehab.station_threshold_patients),
      delay_years_(static_cast<int>(std::lround(scenario.parameters.rehab.station_build_delay_years))),
      rule_start_year_(static_cast<int>(scenario.parameters.rehab.rule_start_year)) {
  for (const auto& station : scenario.existing_stations) {
    opened_year_[station.township] = std::min(opened_year_[station.township], station.opened_year);
    existing_[station.township] = 1;
  }
  const std::size_t n = scenario.geography.townships.size();
  problem_.n_sites = n;
  problem_.n_demand = n;
  problem_.distance = scenario.township_distance_km;
  problem_.demand_weight.assign(n, 0.0);
  problem_.capacity_patients.assign(n, scenario.parameters.rehab.station_capacity_patients);
  problem_.opening_cost_rmb.assign(n, scenario.parameters.rehab.station_cost_rmb);
}

std::int64_t RehabStations::update(int year, const std::vector<std::int64_t>& patients, double build_threshold) {
  const StationLayout layout = scenario_.parameters.rehab.layout;
  std::int64_t below_plan_threshold = 0;
  if (layout == StationLayout::Rule) {
    if (year < rule_start_year_) return 0;
    for (std::size_t t = 0; t < opened_year_.size(); ++t) {
      if (opened_year_[t] != kNoStation || static_cast<double>(patients[t]) < build_threshold) continue;
      opened_year_[t] = year + delay_years_;
      below_plan_threshold += !concentrated(patients[t]);
    }
  } else if (layout == StationLayout::Optimised && year == scenario_.parameters.rehab.optimise_year) {
    optimise(year, patients);
  }
  return below_plan_threshold;
}

void RehabStations::optimise(int year, const std::vector<std::int64_t>& patients) {
  const auto& r = scenario_.parameters.rehab;
  const std::size_t n = opened_year_.size();
  double total = 0.0;
  for (std::size_t t = 0; t < n; ++t) {
    problem_.demand_weight[t] = static_cast<double>(patients[t]);
    total += problem_.demand_weight[t];
  }
  if (total <= 0.0) return;  // nobody to serve: no new stations
  // Existing stations (open by this year) stay; they cost nothing more.
  problem_.fixed_sites.clear();
  std::size_t like_rule = 0;
  for (std::size_t t = 0; t < n; ++t) {
    const bool existing = opened_year_[t] <= year;
    if (existing) problem_.fixed_sites.push_back(static_cast<int>(t));
    if (existing || concentrated(patients[t])) ++like_rule;
  }
  for (std::size_t t = 0; t < n; ++t) {
    problem_.opening_cost_rmb[t] = opened_year_[t] <= year ? 0.0 : r.station_cost_rmb;
  }
  const int fixed = static_cast<int>(problem_.fixed_sites.size());
  // The count of stations: stations_budget, or as many as the rule would have; a money budget replaces it. Every
  // new station costs the same, so for the p-median models the budget buys floor(budget / cost) new stations
  // beyond the existing ones (the covering model spends it site by site, below). The loader refuses a budget
  // with a station cost of 0.
  int count = r.stations_budget > 0.0 ? static_cast<int>(std::lround(r.stations_budget)) : static_cast<int>(like_rule);
  if (r.budget_rmb > 0.0 && r.station_cost_rmb > 0.0) {
    const double affordable = std::floor(r.budget_rmb / r.station_cost_rmb * (1.0 + 1e-12));
    count = fixed + static_cast<int>(std::min(affordable, static_cast<double>(n)));
  }
  const int p = std::clamp(count, fixed, static_cast<int>(n));
  HeuristicOptions options;
  options.seed = solver_seed_;
  LocationSolution solution;
  if (r.optimise_model == StationOptimiseModel::Covering && r.budget_rmb > 0.0) {
    solution = solve_max_covering_within_budget(problem_, r.covering_distance_km, r.budget_rmb, options);
  } else if (p == fixed) {
    return;  // the budget buys nothing beyond the existing stations
  } else if (r.optimise_model == StationOptimiseModel::Covering) {
    solution = solve_max_covering(problem_, r.covering_distance_km, p, options);
  } else if (r.optimise_model == StationOptimiseModel::PMedian) {
    solution = solve_pmedian(problem_, p, options);
  } else {
    solution = solve_capacitated_pmedian(problem_, p, options);
  }
  for (const int site : solution.open_sites) {
    const auto t = static_cast<std::size_t>(site);
    if (opened_year_[t] == kNoStation) opened_year_[t] = year + delay_years_;
  }
}

RehabService RehabStations::serve(int year, const std::vector<std::int64_t>& patients) const {
  const auto& r = scenario_.parameters.rehab;
  const auto& townships = scenario_.geography.townships;
  const std::size_t regions = scenario_.geography.counties.size() + 1;
  const std::size_t city = regions - 1;
  RehabService s;
  for (auto* v : {&s.patients, &s.served, &s.unmet, &s.within_reach, &s.mean_km, &s.p90_km, &s.cost_rmb}) {
    v->assign(regions, 0.0);
  }
  std::vector<int> open;
  for (std::size_t t = 0; t < townships.size(); ++t) {
    if (!this->open(t, year)) continue;
    open.push_back(static_cast<int>(t));
    if (!existing_[t]) {
      s.cost_rmb[townships[t].county] += r.station_cost_rmb;
      s.cost_rmb[city] += r.station_cost_rmb;
    }
  }
  for (std::size_t t = 0; t < townships.size(); ++t) {
    problem_.demand_weight[t] = static_cast<double>(patients[t]);
    s.patients[townships[t].county] += problem_.demand_weight[t];
    s.patients[city] += problem_.demand_weight[t];
  }
  // Served patients and their distances: from the capacitated assignment (patients may be split between
  // stations; the rest is unmet).
  std::vector<std::vector<std::pair<double, double>>> distances(regions);  // (km, patients)
  if (!open.empty() && s.patients[city] > 0.0) {
    problem_.fixed_sites.clear();
    const LocationSolution solution = evaluate_capacitated(problem_, open);
    for (const auto& flow : solution.flows) {
      const auto c = townships[static_cast<std::size_t>(flow.demand)].county;
      const double km = problem_.d(static_cast<std::size_t>(flow.site), static_cast<std::size_t>(flow.demand));
      for (const std::size_t region : {static_cast<std::size_t>(c), city}) {
        s.served[region] += flow.patients;
        if (km <= r.covering_distance_km) s.within_reach[region] += flow.patients;
        distances[region].push_back({km, flow.patients});
      }
    }
  }
  for (std::size_t region = 0; region < regions; ++region) {
    s.unmet[region] = s.patients[region] - s.served[region];
    if (s.served[region] > 0.0) {
      double sum = 0.0;
      for (const auto& [km, n] : distances[region]) sum += km * n;
      s.mean_km[region] = sum / s.served[region];
      s.p90_km[region] = weighted_quantile(distances[region], 0.9);
    } else {
      s.mean_km[region] = s.p90_km[region] = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return s;
}

}  // namespace pneumo
