// Pneumoconiosis rehabilitation stations (康复站) by township, placed by the plans' rule: from the rule's
// start year, a township whose patients reach the threshold (default 100) gets a station after a build
// delay; stations listed in
// stations.csv exist from their opening year. This is the seam where optimised layouts (the stations
// issue) will plug in: anything that decides, year by year, which townships have an open station.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/scenario.hpp"

namespace pneumo {

class RehabStations {
 public:
  explicit RehabStations(const Scenario& scenario);

  // Given the patients living in each township at the end of `year` (townships + 1 entries, the last
  // outside the city), schedules new stations by the rule.
  void update(int year, const std::vector<std::int64_t>& patients_by_township);

  bool open(std::size_t township, int year) const { return opened_year_[township] <= year; }
  bool concentrated(std::int64_t patients) const { return static_cast<double>(patients) >= threshold_; }

 private:
  std::vector<int> opened_year_;  // per township; a year after the end of time when none is planned
  double threshold_ = 100.0;
  int delay_years_ = 1;
  int rule_start_year_ = 0;
};

}  // namespace pneumo
