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
                   "Years from a station being funded to its opening (it recruits staff meanwhile).",
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
                   "Cost of building one station, paid from the station budget in the year it is funded.",
                   [](P& p) -> double& { return p.rehab.station_cost_rmb; }));
  s.push_back(real("rehab.funding_rmb_per_year", "0", "RMB per year", 0, 1e12,
                   "assumed: no city budget for stations was published; the per-patient part carries the default",
                   "The city's yearly budget for stations, fixed part: it pays running costs first, then new "
                   "stations; unspent money lapses at the end of the year.",
                   [](P& p) -> double& { return p.rehab.funding_rmb_per_year; }));
  s.push_back(real("rehab.funding_rmb_per_patient_year", "427", "RMB per patient-year", 0, 1e9,
                   "derived: 192 M RMB of central funds in 2020 for about 450,000 living occupational pneumoconiosis "
                   "patients (references.md §6)",
                   "The city's yearly budget for stations, per counted patient living in the city that year (added "
                   "to the fixed part).",
                   [](P& p) -> double& { return p.rehab.funding_rmb_per_patient_year; }));
  s.push_back(real("rehab.running_cost_rmb_per_year", "96000", "RMB per year", 0, 1e10,
                   "assumed: a quarter of the 384,000 RMB pilot grant per station a year (equipment renewed over "
                   "about five years, consumables, training); no operating budget was published (references.md §6)",
                   "Running cost of an open station a year (paid from the year after it opens; the build cost "
                   "covers the first year).",
                   [](P& p) -> double& { return p.rehab.running_cost_rmb_per_year; }));
  s.push_back(real("rehab.open_failure_probability", "0.1", "probability", 0, 1,
                   "assumed: no share of funded stations failing to open was published (references.md §6)",
                   "Probability that a funded station does not open at the end of its build time (site, staff or "
                   "certification); the township may be planned and funded again.",
                   [](P& p) -> double& { return p.rehab.open_failure_probability; }));
  s.push_back(real("rehab.staff_per_station", "2", "posts", 0, 100,
                   "Chongqing's 2019 station standard: one trained physician and one trained nurse "
                   "(references.md §6)",
                   "Trained posts a station needs filled to serve patients.",
                   [](P& p) -> double& { return p.rehab.staff_per_station; }));
  s.push_back(real("rehab.staff_recruitment_probability", "0.8", "per year", 0, 1,
                   "assumed: a township health centre usually assigns and trains one of its own staff within the "
                   "year; no figure was found (references.md §6)",
                   "Probability that a vacant post of a funded station is filled in a year.",
                   [](P& p) -> double& { return p.rehab.staff_recruitment_probability; }));
  s.push_back(real("rehab.staff_turnover_per_year", "0.1", "per year", 0, 1,
                   "derived: township health centre staff left at 8.1 % a year (2005) and 9.67-13 % (2012-2013) "
                   "(references.md §11)",
                   "Probability that a filled post of a station is lost in a year (it may be filled again the same "
                   "year).",
                   [](P& p) -> double& { return p.rehab.staff_turnover_per_year; }));
  s.push_back(real("rehab.close_below_patients", "50", "patients", 0, 1e6,
                   "assumed: half the plans' threshold, so a station is not closed at the first dip below 100",
                   "A station closes when the counted patients living within covering_distance_km of it stay "
                   "below this many for close_after_years years in a row.",
                   [](P& p) -> double& { return p.rehab.close_below_patients; }));
  s.push_back(real("rehab.close_after_years", "3", "years", 1, 100,
                   "assumed: a station is kept through a short gap in patients or money",
                   "Years in a row below close_below_patients, or without running money, after which a station "
                   "closes.",
                   [](P& p) -> double& { return p.rehab.close_after_years; }));
  s.push_back(real("rehab.uptake_at_station", "0.44", "share per year", 0, 1,
                   "derived: about 200,000 of about 450,000 living patients received free rehabilitation at the "
                   "stations in 2021-2023 (references.md §6), taken as the uptake of patients living at a station",
                   "Share of counted patients living in a station's own township who seek its service in a year.",
                   [](P& p) -> double& { return p.rehab.uptake_at_station; }));
  s.push_back(real("rehab.uptake_half_distance_km", "10", "km", 0.1, 1000,
                   "assumed: uptake halves with about half an hour's travel (the covering distance); an exponential "
                   "distance decay, the usual form of facility-use models; no Chinese estimate was found",
                   "Uptake falls with the road distance d to the nearest functioning station as "
                   "uptake_at_station x 0.5^(d / uptake_half_distance_km).",
                   [](P& p) -> double& { return p.rehab.uptake_half_distance_km; }));
  s.push_back(enum_choice("rehab.patients_counted", "diagnosed",
                     "the plans count patients known to the health system",
                     "Which patients the threshold counts: diagnosed (reported) or true (all living patients).",
                     [](P& p) -> PatientsCounted& { return p.rehab.patients_counted; }, kPatientsCountedNames));
}

}  // namespace pneumo::parameters
