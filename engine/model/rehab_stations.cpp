#include "pneumoplan/model/rehab_stations.hpp"

#include "pneumoplan/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "pneumoplan/stations/location_solution.hpp"
#include "pneumoplan/stations/location_solver.hpp"

namespace pneumo {
namespace {

constexpr int kNever = std::numeric_limits<int>::max();
constexpr int kMaxPosts = 255;  // staff are counted in a byte

}  // namespace

RehabStations::RehabStations(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate)
    : scenario_(scenario),
      rng_(seed, replicate),
      solver_seed_(seed ^ (0x9E3779B97F4A7C15ULL * (replicate + 1))),
      state_(scenario.geography.townships.size(), State::None),
      build_until_(scenario.geography.townships.size(), kNever),
      existing_year_(scenario.geography.townships.size(), kNever),
      staff_(scenario.geography.townships.size(), 0),
      funded_(scenario.geography.townships.size(), 0),
      functioning_(scenario.geography.townships.size(), 0),
      low_years_(scenario.geography.townships.size(), 0),
      unfunded_years_(scenario.geography.townships.size(), 0),
      cumulative_build_rmb_(scenario.geography.counties.size() + 1, 0.0),
      threshold_(scenario.parameters.rehab.station_threshold_patients),
      delay_years_(static_cast<int>(std::lround(scenario.parameters.rehab.station_build_delay_years))),
      rule_start_year_(static_cast<int>(scenario.parameters.rehab.rule_start_year)),
      posts_(static_cast<int>(std::min<long>(kMaxPosts, std::lround(scenario.parameters.rehab.staff_per_station)))) {
  for (const auto& station : scenario.existing_stations) {
    existing_year_[station.township] = std::min(existing_year_[station.township], station.opened_year);
  }
  const std::size_t n = scenario.geography.townships.size();
  problem_.n_sites = n;
  problem_.n_demand = n;
  problem_.distance = scenario.township_distance_km;
  problem_.demand_weight.assign(n, 0.0);
  problem_.capacity_patients.assign(n, scenario.parameters.rehab.station_capacity_patients);
  problem_.opening_cost_rmb.assign(n, scenario.parameters.rehab.station_cost_rmb);
  // A station's catchment: the townships within the covering distance of it, its own included.
  catchment_.resize(n);
  for (std::size_t site = 0; site < n; ++site) {
    for (std::size_t t = 0; t < n; ++t) {
      if (problem_.d(site, t) <= scenario.parameters.rehab.covering_distance_km) catchment_[site].push_back(static_cast<std::uint32_t>(t));
    }
  }
}

std::vector<std::int64_t> RehabStations::catchment_patients(const std::vector<std::int64_t>& patients) const {
  std::vector<std::int64_t> out(catchment_.size(), 0);
  for (std::size_t site = 0; site < catchment_.size(); ++site) {
    for (const std::uint32_t t : catchment_[site]) out[site] += patients[t];
  }
  return out;
}

std::vector<std::size_t> RehabStations::by_patients(const std::vector<std::int64_t>& patients, State state) const {
  std::vector<std::size_t> out;
  for (std::size_t t = 0; t < state_.size(); ++t) {
    if (state_[t] == state) out.push_back(t);
  }
  // Most patients first; ties by township order, so the order never depends on anything but the data.
  std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return patients[a] > patients[b]; });
  return out;
}

void RehabStations::update_staff(std::size_t t, int year) {
  const auto& r = scenario_.parameters.rehab;
  int kept = 0;
  for (int k = 0; k < staff_[t]; ++k) {
    kept += rng_.uniforms(t, year, Purpose::StationStaff, static_cast<std::uint64_t>(k))[0] >= r.staff_turnover_per_year;
  }
  int filled = kept;
  for (int k = kept; k < posts_; ++k) {
    filled += rng_.uniforms(t, year, Purpose::StationStaff, static_cast<std::uint64_t>(k))[1] < r.staff_recruitment_probability;
  }
  staff_[t] = static_cast<std::uint8_t>(filled);
}

RehabYear RehabStations::update(int year, const std::vector<std::int64_t>& patients, double build_threshold) {
  const auto& r = scenario_.parameters.rehab;
  const auto& townships = scenario_.geography.townships;
  const std::size_t n = townships.size();
  const std::size_t regions = scenario_.geography.counties.size() + 1;
  const std::size_t city = regions - 1;
  RehabYear out;
  out.build_spending_rmb.assign(regions, 0.0);
  out.running_cost_rmb.assign(regions, 0.0);
  out.opened.assign(regions, 0);
  out.closed.assign(regions, 0);
  out.open_failures.assign(regions, 0);
  const auto count = [&](std::vector<std::int64_t>& v, std::size_t t) {
    v[townships[t].county] += 1;
    v[city] += 1;
  };
  const auto spend = [&](std::vector<double>& v, std::size_t t, double rmb) {
    v[townships[t].county] += rmb;
    v[city] += rmb;
  };

  // Stations of stations.csv come into existence, staffed, in their year (or the first simulated one).
  for (std::size_t t = 0; t < n; ++t) {
    if (existing_year_[t] > year) continue;
    existing_year_[t] = kNever;
    state_[t] = State::Open;
    staff_[t] = static_cast<std::uint8_t>(posts_);
    low_years_[t] = unfunded_years_[t] = 0;
  }

  // Planning.
  if (r.layout == StationLayout::Rule && year >= rule_start_year_) {
    for (std::size_t t = 0; t < n; ++t) {
      const bool reaches = static_cast<double>(patients[t]) >= build_threshold;
      if (reaches && (state_[t] == State::None || state_[t] == State::Closed)) state_[t] = State::Planned;
      if (!reaches && state_[t] == State::Planned) state_[t] = State::None;  // not funded before patients fell
    }
  } else if (r.layout == StationLayout::Optimised && year == r.optimise_year) {
    optimise(patients);
  }

  // The year's budget: running costs of open stations first, then new stations.
  double city_patients = 0.0;
  for (std::size_t t = 0; t < n; ++t) city_patients += static_cast<double>(patients[t]);
  out.funding_rmb = r.funding_rmb_per_year + r.funding_rmb_per_patient_year * city_patients;
  double left = out.funding_rmb;
  std::fill(funded_.begin(), funded_.end(), 0);
  const std::vector<std::int64_t> catchment = catchment_patients(patients);
  for (const std::size_t t : by_patients(catchment, State::Open)) {
    if (left >= r.running_cost_rmb_per_year) {
      left -= r.running_cost_rmb_per_year;
      funded_[t] = 1;
      unfunded_years_[t] = 0;
      spend(out.running_cost_rmb, t, r.running_cost_rmb_per_year);
    } else {
      unfunded_years_[t] += 1;
    }
  }
  // A new station is funded only when the money left also holds a year of its running cost, set aside (and
  // lapsing) so that the city does not build stations it cannot run.
  for (const std::size_t t : by_patients(patients, State::Planned)) {
    if (left < r.station_cost_rmb + r.running_cost_rmb_per_year) continue;
    left -= r.station_cost_rmb + r.running_cost_rmb_per_year;
    state_[t] = State::Building;
    build_until_[t] = year + delay_years_;
    spend(out.build_spending_rmb, t, r.station_cost_rmb);
    spend(cumulative_build_rmb_, t, r.station_cost_rmb);
    out.funded_below_plan_threshold += !concentrated(patients[t]);
  }

  // Staff come and go at building and open stations; stations whose build time is over open or fail.
  for (std::size_t t = 0; t < n; ++t) {
    if (state_[t] != State::Building && state_[t] != State::Open) continue;
    update_staff(t, year);
    if (state_[t] != State::Building || build_until_[t] > year) continue;
    if (rng_.uniform(t, year, Purpose::StationBuild) >= r.open_failure_probability) {
      state_[t] = State::Open;
      funded_[t] = 1;  // the build cost covers the first year
      low_years_[t] = unfunded_years_[t] = 0;
      count(out.opened, t);
    } else {
      state_[t] = State::None;
      staff_[t] = 0;
      count(out.open_failures, t);
    }
  }

  // Functioning this year; closing after years with few patients or without money.
  const auto close_after = static_cast<int>(std::lround(r.close_after_years));
  for (std::size_t t = 0; t < n; ++t) {
    functioning_[t] = state_[t] == State::Open && staff_[t] >= posts_ && funded_[t];
    if (state_[t] != State::Open) continue;
    low_years_[t] = static_cast<double>(catchment[t]) < r.close_below_patients ? low_years_[t] + 1 : 0;
    if (low_years_[t] >= close_after || unfunded_years_[t] >= close_after) {
      state_[t] = State::Closed;  // it no longer serves, from this year
      staff_[t] = 0;
      functioning_[t] = 0;
      count(out.closed, t);
    }
  }
  return out;
}

void RehabStations::optimise(const std::vector<std::int64_t>& patients) {
  const auto& r = scenario_.parameters.rehab;
  const std::size_t n = state_.size();
  double total = 0.0;
  for (std::size_t t = 0; t < n; ++t) {
    problem_.demand_weight[t] = static_cast<double>(patients[t]);
    total += problem_.demand_weight[t];
  }
  if (total <= 0.0) return;  // nobody to serve: no new stations
  // Stations already there (open, being built or planned) stay; they cost nothing more.
  const auto present = [&](std::size_t t) {
    return state_[t] == State::Open || state_[t] == State::Building || state_[t] == State::Planned;
  };
  problem_.fixed_sites.clear();
  std::size_t like_rule = 0;
  for (std::size_t t = 0; t < n; ++t) {
    if (present(t)) problem_.fixed_sites.push_back(static_cast<int>(t));
    if (present(t) || concentrated(patients[t])) ++like_rule;
    problem_.opening_cost_rmb[t] = present(t) ? 0.0 : r.station_cost_rmb;
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
    return;  // the budget buys nothing beyond the stations already there
  } else if (r.optimise_model == StationOptimiseModel::Covering) {
    solution = solve_max_covering(problem_, r.covering_distance_km, p, options);
  } else if (r.optimise_model == StationOptimiseModel::PMedian) {
    solution = solve_pmedian(problem_, p, options);
  } else {
    solution = solve_capacitated_pmedian(problem_, p, options);
  }
  for (const int site : solution.open_sites) {
    const auto t = static_cast<std::size_t>(site);
    if (state_[t] == State::None || state_[t] == State::Closed) state_[t] = State::Planned;
  }
}

RehabService RehabStations::serve(int /*year*/, const std::vector<std::int64_t>& patients) const {
  const auto& r = scenario_.parameters.rehab;
  const auto& townships = scenario_.geography.townships;
  const std::size_t n = townships.size();
  const std::size_t regions = scenario_.geography.counties.size() + 1;
  const std::size_t city = regions - 1;
  RehabService s;
  for (auto* v : {&s.patients, &s.seeking, &s.served, &s.unmet, &s.within_reach, &s.mean_km, &s.p90_km}) {
    v->assign(regions, 0.0);
  }
  s.cost_rmb = cumulative_build_rmb_;
  s.functioning.assign(regions, 0);
  s.staff.assign(regions, 0);
  s.covered.assign(n, 0);
  std::vector<int> open;
  for (std::size_t t = 0; t < n; ++t) {
    if (state_[t] == State::Building || state_[t] == State::Open) {
      s.staff[townships[t].county] += staff_[t];
      s.staff[city] += staff_[t];
    }
    if (!functioning_[t]) continue;
    open.push_back(static_cast<int>(t));
    s.functioning[townships[t].county] += 1;
    s.functioning[city] += 1;
  }
  // Who seeks service: uptake falls with the distance to the nearest functioning station. The distances are kept
  // by station, so they are read station by station (the same minimum, in the same order, for each township).
  std::vector<double> nearest_km(n, std::numeric_limits<double>::infinity());
  for (const int site : open) {
    const double* from_site = problem_.distances_from(static_cast<std::size_t>(site));
    for (std::size_t t = 0; t < n; ++t) nearest_km[t] = std::min(nearest_km[t], from_site[t]);
  }
  for (std::size_t t = 0; t < n; ++t) {
    const double living = static_cast<double>(patients[t]);
    s.patients[townships[t].county] += living;
    s.patients[city] += living;
    const double nearest = nearest_km[t];
    const double seeking =
        std::isfinite(nearest) ? living * r.uptake_at_station * std::exp2(-nearest / r.uptake_half_distance_km) : 0.0;
    problem_.demand_weight[t] = seeking;
    s.seeking[townships[t].county] += seeking;
    s.seeking[city] += seeking;
  }
  // Served patients and their distances: from the capacitated assignment (patients may be split between
  // stations; the rest is unmet).
  std::vector<std::vector<std::pair<double, double>>> distances(regions);  // (km, patients)
  if (!open.empty() && s.seeking[city] > 0.0) {
    problem_.fixed_sites.clear();
    const LocationSolution solution = evaluate_capacitated(problem_, open, serving_solver_);
    for (const auto& flow : solution.flows) {
      if (!(flow.patients > 0.0)) continue;
      const auto demand = static_cast<std::size_t>(flow.demand);
      const auto c = townships[demand].county;
      const double km = problem_.d(static_cast<std::size_t>(flow.site), demand);
      if (km <= r.covering_distance_km) s.covered[demand] = 1;
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
      for (const auto& [km, people] : distances[region]) sum += km * people;
      s.mean_km[region] = sum / s.served[region];
      s.p90_km[region] = weighted_quantile(distances[region], 0.9);
    } else {
      s.mean_km[region] = s.p90_km[region] = std::numeric_limits<double>::quiet_NaN();
    }
  }
  return s;
}

}  // namespace pneumo

namespace pneumo {

void RehabStations::save(StateArchive& archive, const std::string& prefix) const {
  for_each_state_column(*this, [&](const char* name, const auto& column) { archive.put(prefix + name, column); });
  archive.put(prefix + "cumulative_build_rmb", cumulative_build_rmb_);
}

void RehabStations::restore(const StateArchive& archive, const std::string& prefix) {
  const std::size_t townships = state_.size();
  for_each_state_column(*this, [&](const char* name, auto& column) {
    archive.get(prefix + name, column);
    if (column.size() != townships) {
      throw IoError("saved state: " + prefix + name + " has " + std::to_string(column.size()) +
                    " townships, the scenario " + std::to_string(townships));
    }
  });
  archive.get(prefix + "cumulative_build_rmb", cumulative_build_rmb_);
  if (cumulative_build_rmb_.size() != scenario_.geography.counties.size() + 1) {
    throw IoError("saved state: " + prefix + "cumulative_build_rmb does not match the scenario's counties");
  }
}

}  // namespace pneumo
