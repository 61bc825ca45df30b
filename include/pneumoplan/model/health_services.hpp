// Exams and diagnoses as services with limited capacity. After the annual pass, the year's exam volumes
// are counted from the enterprises' states and workforce (pre-employment exams of hires, periodic exams by
// hazard-grade interval, exit exams of leavers, follow-up exams of former workers), false-positive
// diagnoses from the specificity of screening and of diagnosis, and the demand they put on the county exam
// institutions and the city's diagnosis institutions. Next year's capacity shares are capacity ÷ this
// year's demand (at most 1). Volumes are expected numbers, not draws; patients' own exams are drawn
// individually in the annual pass with the same shares.
#pragma once

#include <string>

#include "pneumoplan/core/state_archive.hpp"

#include <deque>
#include <vector>

#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/institution_investments.hpp"
#include "pneumoplan/model/year_conditions.hpp"
#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct ServiceVolumes {  // per county
  std::vector<double> periodic, pre_employment, exit, followup, requested, false_positive_diagnoses;
  explicit ServiceVolumes(std::size_t counties)
      : periodic(counties, 0), pre_employment(counties, 0), exit(counties, 0), followup(counties, 0),
        requested(counties, 0), false_positive_diagnoses(counties, 0) {}
};

class HealthServices {
 public:
  explicit HealthServices(const Scenario& scenario);

  // Shares where nothing limits a service: every share 1.
  YearConditions first_conditions() const;
  // Conditions of the first simulated year: no demand is known yet, so a service that exists has share 1 and
  // one that does not (no institution open yet in institutions.csv) has share 0 — no diagnoses before the
  // city's first diagnosis institution opens.
  YearConditions opening_conditions(int year) const;

  // Accounts for `year` (whose conditions were `now`) and returns next year's capacity shares in `next`.
  // `hires` are this year's hires per enterprise; institutions created by the plan's investments add capacity
  // once they are open (`investments`).
  ServiceVolumes account(int year, const EnterpriseTable& enterprises, const YearTally& tally,
                         const std::vector<std::int64_t>& hires, const YearConditions& now, YearConditions& next,
                         const InstitutionInvestments& investments);

  // Capacities of the institutions of institutions.csv (exams or diagnoses a year), investments excluded.
  double exam_capacity(std::size_t county, int year) const;  // county's own institutions
  double pooled_exam_capacity(int year) const;                // city-level institutions
  double diagnosis_capacity(int year) const;

 // The state carried to the next year (state_archive.hpp), under `prefix`.
  void save(StateArchive& archive, const std::string& prefix) const;
  void restore(const StateArchive& archive, const std::string& prefix);

 private:
  const Scenario& scenario_;
  std::deque<std::vector<double>> recent_leavers_;  // per county, most recent year first
};

}  // namespace pneumo
