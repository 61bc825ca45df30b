#include "pneumoplan/model/year_tally.hpp"

#include <algorithm>

#include "pneumoplan/outputs/output_catalogue.hpp"

namespace pneumo {

YearTally::YearTally(std::size_t county_count, std::size_t township_count, std::size_t enterprise_count)
    : counties(county_count), townships(township_count) {
  for (auto* v : {&employed, &exposed, &leavers, &deaths_pneumoconiosis, &deaths_other_cause_patients,
                  &deaths_in_service, &prevalent_diagnosed, &diagnoses_short_exposure, &diagnosis_age_years,
                  &diagnosis_exposure_years, &insured, &diagnosis_requests, &diagnosed_at_work, &removed_from_dust}) {
    v->assign(county_count, 0);
  }
  for (auto* v : {&new_cases, &prevalent, &new_diagnoses}) v->assign(county_count * kStageCount, 0);
  dust_histogram.assign(county_count * ExposureHistogram::kBins, 0);
  patients_true.assign(township_count + 1, 0);
  patients_diagnosed.assign(township_count + 1, 0);
  diagnoses_by_township.assign(township_count + 1, 0);
  new_cases_by_industry.assign(kIndustryCount, 0);
  patient_years_by_stage_at_diagnosis.assign(kStageCount * kYearsSinceDiagnosisBins, 0);
  patient_deaths_by_stage_at_diagnosis.assign(kStageCount * kYearsSinceDiagnosisBins, 0);
  paid_rmb.assign(county_count * kPayerCount, 0);
  lost_earnings_rmb.assign(county_count, 0);
  for (auto* v : {&patients_by_coverage, &catastrophic_by_coverage, &impoverished_by_coverage}) {
    v->assign(county_count * kCoverageGroupCount, 0);
  }
  pneumoconiosis_deaths_by_age.assign(county_count * 2 * kDeathAgeBins, 0);
  staying.assign(enterprise_count, 0);
  employed_by_enterprise.assign(enterprise_count, 0);
}

void YearTally::clear() {
  visit_vectors(*this, [](std::vector<std::int64_t>& v) { std::fill(v.begin(), v.end(), 0); });
  free_rows = 0;
  people = 0;
}

void YearTally::add(const YearTally& other) {
  std::vector<std::vector<std::int64_t>*> mine;
  std::vector<const std::vector<std::int64_t>*> theirs;
  visit_vectors(*this, [&](std::vector<std::int64_t>& v) { mine.push_back(&v); });
  visit_vectors(other, [&](const std::vector<std::int64_t>& v) { theirs.push_back(&v); });
  for (std::size_t k = 0; k < mine.size(); ++k) {
    auto& a = *mine[k];
    const auto& b = *theirs[k];
    for (std::size_t i = 0; i < a.size(); ++i) a[i] += b[i];
  }
  free_rows += other.free_rows;
  people += other.people;
}

}  // namespace pneumo
