// Pneumoconiosis rehabilitation stations (康复站) by township, and the service they give to patients where
// those live. Three layouts (rehab.layout):
//  * rule:      from the rule's start year, a township whose counted patients reach the threshold (100) gets
//               a station after the build delay (the plans' rule);
//  * optimised: in rehab.optimise_year a location model (maximal covering, p-median or capacitated
//               p-median; engine/location_*.cpp) chooses where stations go, given that year's patients, the
//               station budget and the existing stations, which stay; the new ones open after the delay;
//  * given:     only the stations of stations.csv.
// Stations listed in stations.csv exist from their opening year in every layout. Each year the patients of
// every township are served by the open stations: nearest station first, or within station capacities.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/scenario/scenario.hpp"
#include "pneumoplan/stations/location_problem.hpp"

namespace pneumo {

// How well the open stations serve patients in a year, per region (counties, then the city).
struct RehabService {
  std::vector<double> patients, served, unmet, within_reach, mean_km, p90_km, cost_rmb;
};

class RehabStations {
 public:
  RehabStations(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate);

  // Given the counted patients living in each township at the end of `year` (townships + 1 entries, the
  // last outside the city), schedules new stations by the layout. Under the rule a township gets one from
  // `build_threshold` patients (the plan's threshold, or a lower one of a station programme). Returns the
  // stations scheduled this year in townships below the plan's threshold (those only a programme builds).
  std::int64_t update(int year, const std::vector<std::int64_t>& patients_by_township, double build_threshold);

  bool open(std::size_t township, int year) const { return opened_year_[township] <= year; }
  // Patients concentrate in a township from the plan's threshold on (the coverage indicator's denominator).
  bool concentrated(std::int64_t patients) const { return static_cast<double>(patients) >= threshold_; }

  // Service of `year`'s patients by the stations open that year.
  RehabService serve(int year, const std::vector<std::int64_t>& patients_by_township) const;

 private:
  void optimise(int year, const std::vector<std::int64_t>& patients_by_township);

  const Scenario& scenario_;
  std::uint64_t solver_seed_;
  std::vector<int> opened_year_;      // per township; a year after the end of time when none is planned
  std::vector<std::uint8_t> existing_;  // from stations.csv (no building cost counted)
  mutable LocationProblem problem_;   // townships as sites and demand points; weights set per use
  double threshold_ = 100.0;
  int delay_years_ = 1;
  int rule_start_year_ = 0;
};

}  // namespace pneumo
