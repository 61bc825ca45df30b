// Where the rehabilitation stations of a results file are, township by township, and how far every counted
// patient lives from one — what a planner needs to choose sites and load them into a GIS.
//
// The simulation records, per replicate and year, each township's counted patients and whether it has an
// open and a functioning station (docs/stations.md). From these and the scenario stored in the file
// (distances, capacity, uptake) the service is replayed exactly as the model ran it: the patients seeking
// service (uptake falling with the distance to the nearest functioning station) are served by the
// functioning stations within capacity (the same transportation problem, stations/transportation.hpp), so
// each station's patients served and their distances are known, and the sums equal the file's
// rehab_patients_served. Beside that served view stands the all-patients view: every counted patient's
// distance to the nearest functioning station, whether or not they seek service or a station has room.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/core/geo_distance.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// Distances of the all-patients view: the share of patients within each, in km.
inline constexpr double kReachBandsKm[] = {5.0, 10.0, 20.0};

// One candidate site: a township (every township is a candidate, docs/stations.md).
struct StationSite {
  std::size_t township = 0;  // index on the file's township axis
  std::int64_t code = 0;
  std::string name_zh, name_en;
  std::size_t county = 0;    // region index
  std::int64_t county_code = 0;
  std::string county_zh, county_en;
  GeoPoint gcj02, wgs84;
  bool point_approximate = false;
  bool existing = false;     // listed in stations.csv
  std::vector<double> patients;  // counted patients living there, mean over replicates, per table year
  // In the site year:
  int replicates_open = 0;         // replicates in which the station is open
  double share_open = 0.0;         // replicates_open / replicates
  double opening_year = 0.0;       // median first year open over those replicates (NaN: never open)
  double served = 0.0;             // patients served a year, mean over the replicates in which it is open (NaN: never)
  double served_mean_km = 0.0;     // mean distance of the patients it serves, pooled over those replicates
  double served_p90_km = 0.0;      // their 90th percentile
};

// The city in one year, means over replicates.
struct StationYearView {
  int year = 0;
  double stations = 0.0, patients = 0.0;
  // Served view: patients a station has room for.
  double served = 0.0, unmet = 0.0, served_mean_km = 0.0, served_p90_km = 0.0;
  // All-patients view: every counted patient to the nearest open station (NaN distance without any station).
  double all_mean_km = 0.0, all_p90_km = 0.0;
  std::vector<double> share_within;  // per kReachBandsKm
};

struct StationSiteTable {
  std::string results_path, scenario_name, city_name_zh, city_name_en;
  std::string layout, layout_zh;  // "optimised (p_median)" / "优化布局（p中位）"
  std::int64_t seed = 0, replicates = 0;
  std::vector<int> years;  // the table's years (patients per year; one view per year)
  int site_year = 0;       // the year of the sites' share open, service and distances
  double capacity_patients = 0.0;
  std::string patients_counted;  // "diagnosed" or "true"
  std::vector<StationSite> sites;        // every township of the scenario, in townships.csv order
  std::vector<StationYearView> views;    // per year
};

// `years` must lie in the simulated period; `site_year` is one of them. `scenario` is the file's own
// (stored_scenario.hpp).
StationSiteTable station_site_table(const ResultsFile& results, const Scenario& scenario, const std::vector<int>& years,
                                    int site_year);

}  // namespace pneumo
