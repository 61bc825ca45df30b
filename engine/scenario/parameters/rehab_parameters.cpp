// [rehab] parameters: the rule that places pneumoconiosis rehabilitation stations (康复站).
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_rehab(std::vector<Spec>& s) {
  s.push_back(enum_choice("rehab.layout", "rule", "the plans' rule (Yuncheng, Xuzhou: a station where >= 100 patients live)",
                     "How stations are placed: the threshold rule, an optimised layout, or only the stations given in "
                     "stations.csv.",
                     [](P& p) -> StationLayout& { return p.rehab.layout; }, kStationLayoutNames));
  s.push_back(real("rehab.station_threshold_patients", "100", "patients", 1, 1e6,
                   "Yuncheng and Xuzhou plans: a station in every township with >= 100 patients (references.md §8); "
                   "Liaoning 2020 implementation (references.md §6)",
                   "Patients living in a township from which it gets a rehabilitation station.",
                   [](P& p) -> double& { return p.rehab.station_threshold_patients; }));
  s.push_back(real("rehab.station_build_delay_years", "1", "years", 0, 20, "assumed",
                   "Years from reaching the threshold to the station opening.",
                   [](P& p) -> double& { return p.rehab.station_build_delay_years; }));
  s.push_back(integer("rehab.rule_start_year", "2019", "calendar year", 1900, 2200,
                      "national rehabilitation station pilot: 192 M RMB in 2020, 500 stations and points by April 2021 "
                      "(references.md §6)",
                      "First year in which a township reaching the threshold is given a station.",
                      [](P& p) -> std::int64_t& { return p.rehab.rule_start_year; }));
  s.push_back(enum_choice("rehab.optimise_model", "covering",
                     "planning choice: reach within a distance (covering), travel (p_median) or both with capacities "
                     "(docs/stations.md)",
                     "Optimised layout: maximise patients within the covering distance (covering), minimise patients' "
                     "total distance (p_median), or the same within station capacities (capacitated).",
                     [](P& p) -> StationOptimiseModel& { return p.rehab.optimise_model; }, kStationOptimiseModelNames));
  s.push_back(integer("rehab.optimise_year", "2021", "calendar year", 1900, 2200,
                      "the first year of the plans' period (2021-2025)",
                      "Optimised layout: chosen from the patients of this year; new stations open after the build delay.",
                      [](P& p) -> std::int64_t& { return p.rehab.optimise_year; }));
  s.push_back(real("rehab.stations_budget", "0", "stations", 0, 1e5,
                   "0 = as many stations as the rule would have open in optimise_year, for a like-for-like comparison",
                   "Optimised layout: number of stations, existing ones included.",
                   [](P& p) -> double& { return p.rehab.stations_budget; }));
  s.push_back(real("rehab.budget_rmb", "0", "RMB", 0, 1e13, "0 = no money budget (stations_budget applies)",
                   "Optimised layout, every model: spend at most this on new stations (station_cost_rmb each) "
                   "instead of a station count.",
                   [](P& p) -> double& { return p.rehab.budget_rmb; }));
  s.push_back(real("rehab.covering_distance_km", "10", "km", 0.1, 1000,
                   "assumed: about half an hour's travel to a township health centre",
                   "Patients within this road distance of a station count as within reach.",
                   [](P& p) -> double& { return p.rehab.covering_distance_km; }));
  s.push_back(real("rehab.road_factor", "1.3", "factor", 1, 5,
                   "assumed: road distances are typically 1.2-1.4 times straight-line distances",
                   "Road distance ÷ great-circle distance between township points (unless distances.csv gives it).",
                   [](P& p) -> double& { return p.rehab.road_factor; }));
  s.push_back(real("rehab.station_capacity_patients", "220", "patients per year", 1, 1e7,
                   "derived: about 500 stations and points served about 110,000 patients by April 2021 (references.md "
                   "§6); no capacity standard was published",
                   "Patients one station can serve a year.",
                   [](P& p) -> double& { return p.rehab.station_capacity_patients; }));
  s.push_back(real("rehab.station_cost_rmb", "384000", "RMB", 0, 1e10,
                   "derived: 192 M RMB of central funds for about 500 stations and points (references.md §6)",
                   "Cost of building one station.", [](P& p) -> double& { return p.rehab.station_cost_rmb; }));
  s.push_back(enum_choice("rehab.patients_counted", "diagnosed",
                     "the plans count patients known to the health system",
                     "Which patients the threshold counts: diagnosed (reported) or true (all living patients).",
                     [](P& p) -> PatientsCounted& { return p.rehab.patients_counted; }, kPatientsCountedNames));
}

}  // namespace pneumo::parameters
