#include "pneumoplan/policy/station_sites.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/gcj02.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/stations/location_solution.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median(std::vector<double> values) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

double weighted_mean(const std::vector<std::pair<double, double>>& km_weight) {
  double sum = 0.0, weight = 0.0;
  for (const auto& [km, w] : km_weight) {
    sum += km * w;
    weight += w;
  }
  return weight > 0.0 ? sum / weight : kNaN;
}

// [replicate][year][township] of a per-township output, as a reader of one cell.
struct TownshipArray {
  ResultsArray a;
  double at(std::size_t r, std::size_t y, std::size_t t) const {
    return a.values[(r * a.shape[1] + y) * a.shape[2] + t];
  }
};

}  // namespace

StationSiteTable station_site_table(const ResultsFile& results, const Scenario& scenario, const std::vector<int>& years,
                                    int site_year) {
  const auto& rehab = scenario.parameters.rehab;
  const std::size_t n = scenario.geography.townships.size();
  if (n + 1 != results.townships) {
    throw IoError(results.path + ": its stored scenario has " + std::to_string(n) + " townships, its axis " +
                  std::to_string(results.townships - 1));
  }
  for (const int year : years) {
    if (year < results.years.front() || year > results.years.back()) {
      throw UsageError("year " + std::to_string(year) + " is outside the simulated years " +
                       std::to_string(results.years.front()) + "-" + std::to_string(results.years.back()));
    }
  }
  if (std::find(years.begin(), years.end(), site_year) == years.end()) {
    throw UsageError("the site year " + std::to_string(site_year) + " is not among the table's years");
  }

  StationSiteTable table;
  table.results_path = results.path;
  table.scenario_name = results.scenario_name;
  table.city_name_zh = results.city_name_zh;
  table.city_name_en = results.city_name_en;
  table.layout = std::string(kStationLayoutNames[static_cast<std::size_t>(rehab.layout)]);
  static constexpr std::string_view kLayoutZh[] = {"按规则", "优化布局", "仅已有站点"};
  static constexpr std::string_view kModelZh[] = {"最大覆盖", "p中位", "有容量限制的p中位"};
  table.layout_zh = kLayoutZh[static_cast<std::size_t>(rehab.layout)];
  if (rehab.layout == StationLayout::Optimised) {
    const auto model = static_cast<std::size_t>(rehab.optimise_model);
    table.layout += " (" + std::string(kStationOptimiseModelNames[model]) + ")";
    table.layout_zh += "（";
    table.layout_zh += kModelZh[model];
    table.layout_zh += "）";
  }
  table.seed = results.seed;
  table.replicates = results.replicates;
  table.years = years;
  table.site_year = site_year;
  table.capacity_patients = rehab.station_capacity_patients;
  const bool diagnosed = rehab.patients_counted == PatientsCounted::Diagnosed;
  table.patients_counted = diagnosed ? "diagnosed" : "true";

  const TownshipArray patients{results.read_output(diagnosed ? "patients_diagnosed_by_township" : "patients_true_by_township")};
  const TownshipArray open{results.read_output("rehab_station_open")};
  // The stations that served patients: open, staffed and paid for (model/rehab_stations.hpp).
  const TownshipArray functioning{results.read_output("rehab_station_functioning")};
  const std::size_t R = static_cast<std::size_t>(results.replicates);

  // The model's service problem (model/rehab_stations.cpp): every township a site and a demand point, one
  // capacity for all, the scenario's road distances.
  LocationProblem problem;
  problem.n_sites = problem.n_demand = n;
  problem.distance = scenario.township_distance_km;
  problem.capacity_patients.assign(n, rehab.station_capacity_patients);
  problem.demand_weight.assign(n, 0.0);

  for (std::size_t t = 0; t < n; ++t) {
    const auto& township = scenario.geography.townships[t];
    StationSite site;
    site.township = t;
    site.code = township.code;
    site.name_zh = township.name_zh;
    site.name_en = township.name_en;
    site.county = township.county;
    const auto& county = scenario.geography.counties[township.county];
    site.county_code = county.code;
    site.county_zh = county.name_zh;
    site.county_en = county.name_en;
    site.gcj02 = {township.lon, township.lat};
    site.wgs84 = gcj02_to_wgs84(site.gcj02);
    site.point_approximate = township.point_approximate;
    table.sites.push_back(site);
  }
  for (const auto& station : scenario.existing_stations) table.sites[station.township].existing = true;

  // Per site, over the replicates in which it is open in the site year: patients served and their distances.
  std::vector<double> served_sum(n, 0.0);
  std::vector<std::vector<std::pair<double, double>>> served_km(n);
  for (const int year : years) {
    const std::size_t y = results.year_index(year);
    StationYearView view;
    view.year = year;
    std::vector<double> stations(R), total(R), served(R), served_mean(R, kNaN), served_p90(R, kNaN), all_mean(R, kNaN),
        all_p90(R, kNaN);
    std::vector<std::vector<double>> within(std::size(kReachBandsKm), std::vector<double>(R, 0.0));
    for (std::size_t r = 0; r < R; ++r) {
      std::vector<int> serving_sites;
      std::vector<double> living(n, 0.0);
      for (std::size_t t = 0; t < n; ++t) {
        living[t] = patients.at(r, y, t);
        total[r] += living[t];
        stations[r] += open.at(r, y, t) > 0.5 ? 1.0 : 0.0;
        if (functioning.at(r, y, t) > 0.5) serving_sites.push_back(static_cast<int>(t));
      }
      // All patients: the nearest functioning station, room or not. Those who seek service are, as in the
      // model, uptake_at_station × 0.5^(distance / uptake_half_distance_km) of them.
      std::fill(problem.demand_weight.begin(), problem.demand_weight.end(), 0.0);
      double seeking = 0.0;
      if (!serving_sites.empty() && total[r] > 0.0) {
        std::vector<std::pair<double, double>> nearest;
        for (std::size_t t = 0; t < n; ++t) {
          double km = std::numeric_limits<double>::infinity();
          for (const int s : serving_sites) km = std::min(km, problem.d(static_cast<std::size_t>(s), t));
          problem.demand_weight[t] =
              living[t] * rehab.uptake_at_station * std::exp2(-km / rehab.uptake_half_distance_km);
          seeking += problem.demand_weight[t];
          if (living[t] <= 0.0) continue;
          nearest.push_back({km, living[t]});
          for (std::size_t b = 0; b < std::size(kReachBandsKm); ++b) {
            if (km <= kReachBandsKm[b]) within[b][r] += living[t];
          }
        }
        all_mean[r] = weighted_mean(nearest);
        all_p90[r] = weighted_quantile(nearest, 0.9);
      }
      for (auto& band : within) band[r] = total[r] > 0.0 ? band[r] / total[r] : kNaN;
      // Served: the capacitated assignment the model made of those seeking service.
      if (serving_sites.empty() || !(seeking > 0.0)) continue;
      const LocationSolution solution = evaluate_capacitated(problem, serving_sites);
      std::vector<std::pair<double, double>> city_km;
      std::vector<double> by_site(n, 0.0);
      for (const auto& flow : solution.flows) {
        if (!(flow.patients > 0.0)) continue;
        const double km = problem.d(static_cast<std::size_t>(flow.site), static_cast<std::size_t>(flow.demand));
        served[r] += flow.patients;
        city_km.push_back({km, flow.patients});
        by_site[static_cast<std::size_t>(flow.site)] += flow.patients;
        if (year == site_year) served_km[static_cast<std::size_t>(flow.site)].push_back({km, flow.patients});
      }
      if (served[r] > 0.0) {
        served_mean[r] = weighted_mean(city_km);
        served_p90[r] = weighted_quantile(city_km, 0.9);
      }
      if (year == site_year) {
        for (const int s : serving_sites) served_sum[static_cast<std::size_t>(s)] += by_site[static_cast<std::size_t>(s)];
      }
    }
    const auto mean = [](const std::vector<double>& v) {
      double sum = 0.0;
      int count = 0;
      for (const double x : v) {
        if (std::isnan(x)) continue;
        sum += x;
        ++count;
      }
      return count ? sum / count : kNaN;
    };
    view.stations = mean(stations);
    view.patients = mean(total);
    view.served = mean(served);
    std::vector<double> unmet(R);
    for (std::size_t r = 0; r < R; ++r) unmet[r] = total[r] - served[r];
    view.unmet = mean(unmet);
    view.served_mean_km = mean(served_mean);
    view.served_p90_km = mean(served_p90);
    view.all_mean_km = mean(all_mean);
    view.all_p90_km = mean(all_p90);
    for (const auto& band : within) view.share_within.push_back(mean(band));
    table.views.push_back(view);

    for (std::size_t t = 0; t < n; ++t) {
      double sum = 0.0;
      for (std::size_t r = 0; r < R; ++r) sum += patients.at(r, y, t);
      table.sites[t].patients.push_back(sum / static_cast<double>(R));
    }
  }

  const std::size_t sy = results.year_index(site_year);
  for (std::size_t t = 0; t < n; ++t) {
    StationSite& site = table.sites[t];
    std::vector<double> first_open;
    for (std::size_t r = 0; r < R; ++r) {
      if (open.at(r, sy, t) <= 0.5) continue;
      ++site.replicates_open;
      for (std::size_t y = 0; y <= sy; ++y) {
        if (open.at(r, y, t) > 0.5) {
          first_open.push_back(static_cast<double>(results.years[y]));
          break;
        }
      }
    }
    site.share_open = static_cast<double>(site.replicates_open) / static_cast<double>(R);
    site.opening_year = median(first_open);
    site.served = site.replicates_open ? served_sum[t] / site.replicates_open : kNaN;
    site.served_mean_km = weighted_mean(served_km[t]);
    site.served_p90_km = served_km[t].empty() ? kNaN : weighted_quantile(served_km[t], 0.9);
  }
  return table;
}

}  // namespace pneumo
