// Counts gathered while workers are processed in one year. Every thread fills its own YearTally; the
// tallies are then added up. All entries are integers, so the sum — and every output derived from it —
// is the same whatever the number of threads or the order in which blocks of workers were processed.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/model/exposure_histogram.hpp"
#include "pneumoplan/model/patient_payments.hpp"
#include "pneumoplan/scenario/disease_stage.hpp"
#include "pneumoplan/scenario/industry.hpp"

namespace pneumo {

// Ages at death tallied: 0 .. LifeTable::kMaxAge.
inline constexpr std::size_t kDeathAgeBins = LifeTable::kMaxAge + 1;

// What the annual pass counts of one enterprise's workers, side by side so that a worker's counts touch one
// cache line: once hires have refilled released rows, a row's neighbours mostly work elsewhere (rows of one
// enterprise are scattered through the table), so counts cannot be kept in registers from row to row.
struct EnterpriseWorkCounts {
  std::int32_t employed = 0;
  std::int32_t staying = 0;  // into next year
  std::int32_t exposed = 0;
  std::int32_t insured = 0;
};

struct YearTally {
  std::size_t counties = 0;
  std::size_t townships = 0;  // + 1 for outside the city

  // per county
  std::vector<std::int64_t> employed, exposed, leavers, deaths_pneumoconiosis, deaths_other_cause_patients,
      deaths_in_service, prevalent_diagnosed, diagnoses_short_exposure, diagnosis_age_years,
      diagnosis_exposure_years, insured, diagnosis_requests, diagnosed_at_work, removed_from_dust;
  // per county × stage
  std::vector<std::int64_t> new_cases, prevalent, new_diagnoses;
  // per county × histogram bin
  std::vector<std::int64_t> dust_histogram;
  // per township (+ outside)
  std::vector<std::int64_t> patients_true, patients_diagnosed, diagnoses_by_township;
  // per industry
  std::vector<std::int64_t> new_cases_by_industry;
  // per stage at diagnosis × years since diagnosis (kYearsSinceDiagnosisBins): survival after diagnosis
  std::vector<std::int64_t> patient_years_by_stage_at_diagnosis, patient_deaths_by_stage_at_diagnosis;
  // health economics (health_outcomes.hpp, patient_payments.hpp): per county × payer, whole RMB paid for the
  // year's medical care; per county, whole RMB of earnings lost by patients out of work; per county × coverage
  // group, living patients, those with catastrophic expenditure and those impoverished; per county × sex × age at
  // death (0..LifeTable::kMaxAge), pneumoconiosis deaths
  std::vector<std::int64_t> paid_rmb, lost_earnings_rmb, patients_by_coverage, catastrophic_by_coverage,
      impoverished_by_coverage, pneumoconiosis_deaths_by_age;
  // per enterprise: workers this year, and those staying into next year (to size next year's hiring)
  std::vector<std::int64_t> employed_by_enterprise, staying;
  // Filled by the annual pass on each thread, then folded into the counts above (fold_work_counts) and cleared.
  std::vector<EnterpriseWorkCounts> work_by_enterprise;
  std::int64_t free_rows = 0;  // rows released (now or before) by the end of the pass
  std::int64_t people = 0;     // people still followed at the end of the year

  YearTally() = default;
  YearTally(std::size_t county_count, std::size_t township_count, std::size_t enterprise_count);

  // Sets this tally (of the same shape) to the sum of `parts` and clears them, on every thread: at national scale
  // each thread's tally holds megabytes (per enterprise, per county × age or histogram bin). Integer sums, so
  // the result is the same for any thread count.
  void sum_and_clear(const std::vector<YearTally*>& parts);

  // Adds the parts' work_by_enterprise to employed_by_enterprise and staying, and by each enterprise's county to
  // employed, leavers (employed but not staying), exposed and insured; clears the parts' work_by_enterprise.
  void fold_work_counts(const std::vector<YearTally*>& parts, const std::vector<std::uint16_t>& county_of_enterprise);

  // Calls f on every count vector of `tally` (const or not), always in the same order.
  template <typename Tally, typename F>
  static void visit_vectors(Tally& t, F&& f) {
    f(t.employed); f(t.exposed); f(t.leavers); f(t.deaths_pneumoconiosis); f(t.deaths_other_cause_patients);
    f(t.deaths_in_service); f(t.prevalent_diagnosed); f(t.diagnoses_short_exposure); f(t.diagnosis_age_years);
    f(t.diagnosis_exposure_years); f(t.insured); f(t.diagnosis_requests); f(t.diagnosed_at_work);
    f(t.removed_from_dust); f(t.new_cases);
    f(t.prevalent); f(t.new_diagnoses); f(t.dust_histogram); f(t.patients_true); f(t.patients_diagnosed);
    f(t.diagnoses_by_township); f(t.new_cases_by_industry); f(t.employed_by_enterprise); f(t.staying);
    f(t.patient_years_by_stage_at_diagnosis); f(t.patient_deaths_by_stage_at_diagnosis);
    f(t.paid_rmb); f(t.lost_earnings_rmb); f(t.patients_by_coverage); f(t.catastrophic_by_coverage);
    f(t.impoverished_by_coverage); f(t.pneumoconiosis_deaths_by_age);
  }
};

}  // namespace pneumo
