// What the active interventions change in a year, in the terms the phases read: a factor on each
// enterprise's concentration, the share of each compliance gap closed, help coverage, added inspections,
// case capacity, follow-up coverage, support for coordinator recruitment and retention, the station
// threshold, closures. (Exam and diagnosis capacity come from institutions the investments create:
// institution_investments.hpp.) Several
// interventions of one kind combine: factors multiply, gap closures combine as 1 − Π(1 − c), coverages take
// the largest, additions add. Without active interventions every effect is neutral and nothing changes —
// not a draw, not a result (tested).
#pragma once

#include <string>

#include "pneumoplan/core/state_archive.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class InterventionEffects {
 public:
  InterventionEffects(const Scenario& scenario, const RandomStream& rng);

  // Effects of `year` on enterprises (their county, industry and size set the scope).
  void prepare(int year, const EnterpriseTable& enterprises);
  bool any_active() const { return active_; }

  // Per enterprise (neutral values when nothing is active).
  float concentration_factor(std::size_t e) const { return concentration_factor_.empty() ? 1.0f : concentration_factor_[e]; }
  double respirator_gap_closed(std::size_t e) const { return respirator_.empty() ? 0.0 : respirator_[e]; }
  double compliance_gap_closed(std::size_t e, ComplianceState state) const {
    const auto& v = compliance_[static_cast<std::size_t>(state)];
    return v.empty() ? 0.0 : v[e];
  }
  double help_coverage(std::size_t e, double baseline) const {
    return help_coverage_.empty() ? baseline : std::max(baseline, help_coverage_[e]);
  }
  double training_reach_added(std::size_t e) const { return training_.empty() ? 0.0 : training_[e]; }
  double inspection_rate_added(std::size_t e) const { return inspections_.empty() ? 0.0 : inspections_[e]; }

  // Per county and city, for the prepared year.
  double cases_added(std::size_t county) const { return cases_.empty() ? 0.0 : cases_[county]; }
  double followup_coverage(double baseline) const { return std::max(baseline, followup_coverage_); }
  double migrant_insured_share(double baseline) const { return baseline + (1.0 - baseline) * migrant_insurance_; }
  // Share of the coordinator recruitment gap closed, and of coordinator turnover prevented, in `county`.
  double coordinator_support(std::size_t county) const {
    return coordinator_support_.empty() ? 0.0 : coordinator_support_[county];
  }
  double station_threshold(double baseline) const { return station_threshold_ > 0.0 ? station_threshold_ : baseline; }

  // Closures from `year`: targeted enterprises whose mean concentration this year (the one before `year`)
  // reached the closure multiple of their limit get no jobs from `year` on (EnterpriseTable::closed_from_year),
  // so their workers are laid off at the end of this year. Call before the layoffs and hiring for `year`.
  void plan_closures(int year, EnterpriseTable& enterprises);

  // Cost of each intervention of the scenario in `year` (RMB; zero for inactive ones). `followup_exams` is
  // the year's follow-up exam volume and `new_stations` the stations the rule funded this year.
  struct CostInputs {
    double followup_exams = 0.0;       // follow-up exams performed this year
    double followup_baseline = 0.0;    // the follow-up coverage without interventions
    std::vector<std::int64_t> coordinators_by_county;  // coordinators in post this year
    std::int64_t new_stations = 0;     // stations funded this year below the plan's threshold
  };
  std::vector<double> costs(int year, const EnterpriseTable& enterprises, const YearTally& tally,
                            const CostInputs& inputs) const;

 // The state carried to the next year (state_archive.hpp), under `prefix`.
  void save(StateArchive& archive, const std::string& prefix) const;
  void restore(const StateArchive& archive, const std::string& prefix);

 private:
  const Scenario& scenario_;
  const RandomStream& rng_;
  bool active_ = false;
  std::vector<float> concentration_factor_;
  std::vector<double> respirator_, help_coverage_, training_;
  std::array<std::vector<double>, kComplianceStateCount> compliance_;
  std::vector<double> inspections_;  // per enterprise
  std::vector<double> cases_;        // per county
  std::vector<double> coordinator_support_;  // per county
  double followup_coverage_ = 0.0, migrant_insurance_ = 0.0, station_threshold_ = 0.0;
  std::vector<std::vector<std::pair<int, double>>> jobs_closed_;  // per intervention: (year, jobs closed)
};

}  // namespace pneumo
