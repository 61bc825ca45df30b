#include "pneumoplan/model/year_tally.hpp"

#include <algorithm>

#include <tbb/blocked_range.h>

#include "pneumoplan/core/parallel_for.hpp"

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
  work_by_enterprise.assign(enterprise_count, EnterpriseWorkCounts{});
}

void YearTally::fold_work_counts(const std::vector<YearTally*>& parts,
                                 const std::vector<std::uint16_t>& county_of_enterprise) {
  if (parts.empty()) return;
  const std::size_t n = employed_by_enterprise.size();
  // Per enterprise on every thread, gathering the parts into the first; then by county in one serial pass.
  EnterpriseWorkCounts* const first = parts.front()->work_by_enterprise.data();
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, n, 16384), [&](const auto& range) {
    for (std::size_t e = range.begin(); e != range.end(); ++e) {
      EnterpriseWorkCounts sum = first[e];
      for (std::size_t p = 1; p < parts.size(); ++p) {
        EnterpriseWorkCounts& part = parts[p]->work_by_enterprise[e];
        sum.employed += part.employed;
        sum.staying += part.staying;
        sum.exposed += part.exposed;
        sum.insured += part.insured;
        part = EnterpriseWorkCounts{};
      }
      first[e] = sum;
      employed_by_enterprise[e] += sum.employed;
      staying[e] += sum.staying;
    }
  });
  for (std::size_t e = 0; e < n; ++e) {
    const EnterpriseWorkCounts& sum = first[e];
    const std::size_t county = county_of_enterprise[e];
    employed[county] += sum.employed;
    leavers[county] += sum.employed - sum.staying;
    exposed[county] += sum.exposed;
    insured[county] += sum.insured;
    first[e] = EnterpriseWorkCounts{};
  }
}

void YearTally::sum_and_clear(const std::vector<YearTally*>& parts) {
  std::vector<std::int64_t*> mine;
  visit_vectors(*this, [&](std::vector<std::int64_t>& v) { mine.push_back(v.data()); });
  std::vector<std::vector<std::int64_t*>> theirs(parts.size());
  for (std::size_t p = 0; p < parts.size(); ++p) {
    visit_vectors(*parts[p], [&](std::vector<std::int64_t>& v) { theirs[p].push_back(v.data()); });
  }
  // Pieces of at most kPiece entries of one count vector each (a few of them per thread at city scale).
  constexpr std::size_t kPiece = 16384;
  struct Piece {
    std::size_t vector, begin, end;
  };
  std::vector<Piece> pieces;
  std::size_t k = 0;
  visit_vectors(*this, [&](const std::vector<std::int64_t>& v) {
    for (std::size_t begin = 0; begin < v.size(); begin += kPiece) {
      pieces.push_back({k, begin, std::min(v.size(), begin + kPiece)});
    }
    ++k;
  });
  pneumo::parallel_for(std::size_t{0}, pieces.size(), [&](std::size_t i) {
    const Piece& piece = pieces[i];
    std::int64_t* const out = mine[piece.vector];
    std::fill(out + piece.begin, out + piece.end, 0);
    for (auto& part : theirs) {
      std::int64_t* const in = part[piece.vector];
      for (std::size_t j = piece.begin; j < piece.end; ++j) out[j] += in[j];
      std::fill(in + piece.begin, in + piece.end, 0);
    }
  });
  free_rows = 0;
  people = 0;
  for (YearTally* part : parts) {
    free_rows += part->free_rows;
    people += part->people;
    part->free_rows = 0;
    part->people = 0;
  }
}

}  // namespace pneumo
