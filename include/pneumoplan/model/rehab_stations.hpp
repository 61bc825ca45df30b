// Pneumoconiosis rehabilitation stations (康复站) by township: where they are planned, whether they are
// funded, built, staffed and kept, and the service they give to patients where those live.
//
// Planning (rehab.layout):
//  * rule:      from the rule's start year, a township whose counted patients reach the threshold (100) is
//               planned a station (the plans' rule);
//  * optimised: in rehab.optimise_year a location model (maximal covering, p-median or capacitated
//               p-median; engine/stations/) chooses where stations go, given that year's patients, the
//               station budget and the stations already there, which stay;
//  * given:     only the stations of stations.csv.
// Stations of stations.csv exist, staffed, from their opening year in every layout.
//
// A station's catchment is the townships within rehab.covering_distance_km of it (its own included).
// Every year (update): the city's station budget (rehab.funding_rmb_per_year + funding_rmb_per_patient_year
// × counted patients) pays the running cost of open stations first, those with most patients in their
// catchment first, then the
// build cost of planned stations in the same order, each only if a year of its running cost is left as well
// (set aside); what is left lapses. A funded station is built for
// station_build_delay_years, recruiting staff meanwhile, then opens with probability 1 −
// open_failure_probability (a failed one may be planned and funded again). Each post of a station is lost
// with staff_turnover_per_year and a vacant one filled with staff_recruitment_probability. A station
// functions in a year when it is open, has all staff_per_station posts filled and its running cost was paid
// (the build cost covers its first year). It closes when the patients of its catchment stay below
// close_below_patients, or it goes without running money, for close_after_years years in a row. Draws are
// keyed by (township, year), so the same station fares alike in every package.
//
// Service (serve): patients seek rehabilitation with an uptake that falls with the road distance d to the
// nearest functioning station, uptake_at_station × 0.5^(d / uptake_half_distance_km); those seeking are
// served within station capacities (a transportation problem). A township is covered when a functioning
// station within rehab.covering_distance_km serves its patients.
#pragma once

#include <string>

#include "pneumoplan/core/state_archive.hpp"

#include <cstdint>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/scenario/scenario.hpp"
#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/transportation.hpp"

namespace pneumo {

// The stations' money and events in a year, per region (counties, then the city).
struct RehabYear {
  std::vector<double> build_spending_rmb, running_cost_rmb;
  std::vector<std::int64_t> opened, closed, open_failures;
  double funding_rmb = 0.0;                    // the city's station budget of the year
  std::int64_t funded_below_plan_threshold = 0;  // stations funded in townships below the plan's threshold
};

// How the functioning stations serve patients in a year, per region (counties, then the city), and which
// townships they cover.
struct RehabService {
  std::vector<double> patients, seeking, served, unmet, within_reach, mean_km, p90_km, cost_rmb;
  std::vector<std::int64_t> functioning, staff;
  std::vector<std::uint8_t> covered;  // per township
};

class RehabStations {
 public:
  RehabStations(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate);
  RehabStations(const RehabStations&) = delete;  // the serving solver refers to this object's problem
  RehabStations& operator=(const RehabStations&) = delete;

  // Runs `year` (once a year, in order) given the counted patients living in each township at its end
  // (townships + 1 entries, the last outside the city). Under the rule a township is planned a station from
  // `build_threshold` patients (the plan's threshold, or a lower one of a station programme).
  RehabYear update(int year, const std::vector<std::int64_t>& patients_by_township, double build_threshold);

  bool open(std::size_t township) const { return state_[township] == State::Open; }  // built, not closed
  bool functioning(std::size_t township) const { return functioning_[township] != 0; }
  // Patients concentrate in a township from the plan's threshold on (the coverage indicator's denominator).
  bool concentrated(std::int64_t patients) const { return static_cast<double>(patients) >= threshold_; }

  // Service of `year`'s patients by the stations functioning that year (call after update).
  RehabService serve(int year, const std::vector<std::int64_t>& patients_by_township) const;

 // The state carried to the next year (state_archive.hpp), under `prefix`.
  void save(StateArchive& archive, const std::string& prefix) const;
  void restore(const StateArchive& archive, const std::string& prefix);

 private:
  enum class State : std::uint8_t { None, Planned, Building, Open, Closed };

  // The columns per township carried from year to year, with their names in a saved state.
  template <typename Self, typename F>
  static void for_each_state_column(Self& self, F&& f) {
    f("state", self.state_); f("build_until", self.build_until_);
    f("existing_year", self.existing_year_);  // stations.csv ones not yet in existence
    f("staff", self.staff_); f("funded", self.funded_); f("functioning", self.functioning_);
    f("low_years", self.low_years_); f("unfunded_years", self.unfunded_years_);
  }

  void optimise(const std::vector<std::int64_t>& patients_by_township);
  void update_staff(std::size_t township, int year);
  std::vector<std::size_t> by_patients(const std::vector<std::int64_t>& patients, State state) const;
  std::vector<std::int64_t> catchment_patients(const std::vector<std::int64_t>& patients) const;  // per township

  const Scenario& scenario_;
  RandomStream rng_;
  std::uint64_t solver_seed_;
  std::vector<State> state_;                // per township
  std::vector<int> build_until_;            // Building: the year it opens or fails
  std::vector<int> existing_year_;          // stations.csv opening year, or a year after the end of time
  std::vector<std::uint8_t> staff_;         // posts filled
  std::vector<std::uint8_t> funded_;        // running money this year
  std::vector<std::uint8_t> functioning_;   // this year
  std::vector<int> low_years_, unfunded_years_;
  std::vector<double> cumulative_build_rmb_;  // per region
  std::vector<std::vector<std::uint32_t>> catchment_;  // per township: townships within the covering distance
  mutable LocationProblem problem_;         // townships as sites and demand points; weights set per use
  // Serves each year's patients: kept from year to year so that its work arrays, as large as the distance table at
  // national scale, are not allocated (and their pages faulted in) again every year.
  mutable TransportationSolver serving_solver_{problem_};
  double threshold_ = 100.0;
  int delay_years_ = 1;
  int rule_start_year_ = 0;
  int posts_ = 0;
};

}  // namespace pneumo
