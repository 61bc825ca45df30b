#include "pneumoplan/rehab_stations.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pneumo {

RehabStations::RehabStations(const Scenario& scenario)
    : opened_year_(scenario.geography.townships.size(), std::numeric_limits<int>::max()),
      threshold_(scenario.parameters.rehab.station_threshold_patients),
      delay_years_(static_cast<int>(std::lround(scenario.parameters.rehab.station_build_delay_years))),
      rule_start_year_(static_cast<int>(scenario.parameters.rehab.rule_start_year)) {
  for (const auto& station : scenario.existing_stations) {
    opened_year_[station.township] = std::min(opened_year_[station.township], station.opened_year);
  }
}

void RehabStations::update(int year, const std::vector<std::int64_t>& patients_by_township) {
  if (year < rule_start_year_) return;
  for (std::size_t t = 0; t < opened_year_.size(); ++t) {
    if (opened_year_[t] == std::numeric_limits<int>::max() && concentrated(patients_by_township[t])) {
      opened_year_[t] = year + delay_years_;
    }
  }
}

}  // namespace pneumo
