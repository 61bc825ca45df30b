// [rehab] parameters: the rule that places pneumoconiosis rehabilitation stations (康复站).
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_rehab(std::vector<Spec>& s) {
  s.push_back(real("rehab.station_threshold_patients", "100", "patients", 1, 1e6,
                   "Yuncheng and Xuzhou plans: a station in every township with >= 100 patients (plans.md); "
                   "Liaoning 2020 implementation (parameters.md §6)",
                   "Patients living in a township from which it gets a rehabilitation station.",
                   [](P& p) -> double& { return p.rehab.station_threshold_patients; }));
  s.push_back(real("rehab.station_build_delay_years", "1", "years", 0, 20, "assumed",
                   "Years from reaching the threshold to the station opening.",
                   [](P& p) -> double& { return p.rehab.station_build_delay_years; }));
  s.push_back(integer("rehab.rule_start_year", "2019", "calendar year", 1900, 2200,
                      "national rehabilitation station pilot: 192 M RMB in 2020, 500 stations and points by April 2021 "
                      "(parameters.md §6)",
                      "First year in which a township reaching the threshold is given a station.",
                      [](P& p) -> std::int64_t& { return p.rehab.rule_start_year; }));
  s.push_back(choice("rehab.patients_counted", "diagnosed",
                     "the plans count patients known to the health system",
                     "Which patients the threshold counts: diagnosed (reported) or true (all living patients).",
                     [](P& p) -> std::string& { return p.rehab.patients_counted; }, {"diagnosed", "true"}));
}

}  // namespace pneumo::parameters
