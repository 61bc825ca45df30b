#include "pneumoplan/model/health_services.hpp"

#include "pneumoplan/core/error.hpp"

#include <algorithm>
#include <cmath>

namespace pneumo {

HealthServices::HealthServices(const Scenario& scenario) : scenario_(scenario) {}

YearConditions HealthServices::first_conditions() const {
  YearConditions c;
  c.exam_capacity_share.assign(scenario_.geography.counties.size(), 1.0);
  c.diagnosis_capacity_share = 1.0;
  return c;
}

YearConditions HealthServices::opening_conditions(int year) const {
  YearConditions c = first_conditions();
  if (!scenario_.has_institutions) return c;
  const double pooled = pooled_exam_capacity(year);
  for (std::size_t county = 0; county < c.exam_capacity_share.size(); ++county) {
    c.exam_capacity_share[county] = exam_capacity(county, year) + pooled > 0.0 ? 1.0 : 0.0;
  }
  c.diagnosis_capacity_share = diagnosis_capacity(year) > 0.0 ? 1.0 : 0.0;
  return c;
}

double HealthServices::exam_capacity(std::size_t county, int year) const {
  double capacity = 0.0;
  for (const auto& i : scenario_.institutions) {
    if (i.exam && i.county == static_cast<int>(county) && i.open_in(year)) capacity += i.exam_capacity_per_year;
  }
  return capacity;
}

double HealthServices::pooled_exam_capacity(int year) const {
  double capacity = 0.0;
  for (const auto& i : scenario_.institutions) {
    if (i.exam && i.county < 0 && i.open_in(year)) capacity += i.exam_capacity_per_year;
  }
  return capacity;
}

double HealthServices::diagnosis_capacity(int year) const {
  double capacity = 0.0;
  for (const auto& i : scenario_.institutions) {
    if (i.diagnosis && i.open_in(year)) capacity += i.diagnosis_capacity_per_year;
  }
  return capacity;
}

ServiceVolumes HealthServices::account(int year, const EnterpriseTable& e, const YearTally& tally,
                                       const std::vector<std::int64_t>& hires, const YearConditions& now,
                                       YearConditions& next, const InstitutionInvestments& investments) {
  const auto& s = scenario_.parameters.surveillance;
  const std::size_t counties = scenario_.geography.counties.size();
  ServiceVolumes v(counties);
  std::vector<double> leavers(counties, 0.0);
  for (std::size_t i = 0; i < e.count(); ++i) {
    const auto c = e.county[i];
    const double employed = static_cast<double>(tally.employed_by_enterprise[i]);
    const double staying = static_cast<double>(tally.staying[i]);
    leavers[c] += employed - staying;
    if (!e.complies(i, ComplianceState::ExamsProvided)) continue;
    const double periodic = s.attendance * staying / e.exam_interval_years[i];
    const double exit = s.attendance * (employed - staying);
    const double pre = static_cast<double>(hires[i]);
    v.requested[c] += periodic + exit + pre;
    v.periodic[c] += periodic * now.exam_capacity_share[c];
    v.exit[c] += exit * now.exam_capacity_share[c];
    v.pre_employment[c] += pre * now.exam_capacity_share[c];
  }
  // Follow-up of former workers, by how many left in each of the last follow-up years.
  const auto followup_years = static_cast<std::size_t>(std::lround(s.followup_years_after_exit));
  for (const auto& past : recent_leavers_) {
    for (std::size_t c = 0; c < counties; ++c) {
      const double requested = past[c] * now.followup_coverage / s.exam_interval_low_hazard_years;
      v.requested[c] += requested;
      v.followup[c] += requested * now.exam_capacity_share[c];
    }
  }
  recent_leavers_.push_front(leavers);
  while (recent_leavers_.size() > followup_years) recent_leavers_.pop_back();

  // False positives: screens of workers without pneumoconiosis that come back positive, then are confirmed.
  double diagnosis_demand = 0.0;
  for (std::size_t c = 0; c < counties; ++c) {
    const double exams = v.periodic[c] + v.exit[c] + v.pre_employment[c] + v.followup[c];
    const double false_screens = exams * (1.0 - s.specificity_screening);
    v.false_positive_diagnoses[c] = false_screens * now.diagnosis_capacity_share * (1.0 - s.specificity_diagnosis);
    diagnosis_demand += false_screens + static_cast<double>(tally.diagnosis_requests[c]);
  }

  // Next year's shares: capacity over this year's demand.
  next = first_conditions();
  if (!scenario_.has_institutions) return v;
  double total_demand = 0.0;
  for (const double d : v.requested) total_demand += d;
  const double pooled = pooled_exam_capacity(year + 1);
  for (std::size_t c = 0; c < counties; ++c) {
    if (v.requested[c] <= 0.0) continue;
    const double capacity = exam_capacity(c, year + 1) + investments.exam_capacity_added(c, year + 1) +
                            pooled * v.requested[c] / total_demand;
    next.exam_capacity_share[c] = std::min(1.0, capacity / v.requested[c]);
  }
  if (diagnosis_demand > 0.0) {
    const double capacity = diagnosis_capacity(year + 1) + investments.diagnosis_capacity_added(year + 1);
    next.diagnosis_capacity_share = std::min(1.0, capacity / diagnosis_demand);
  }
  return v;
}

}  // namespace pneumo

namespace pneumo {

void HealthServices::save(StateArchive& archive, const std::string& prefix) const {
  archive.put_lists(prefix + "recent_leavers", recent_leavers_);  // per county, most recent year first
}

void HealthServices::restore(const StateArchive& archive, const std::string& prefix) {
  const auto years = archive.get_lists<double>(prefix + "recent_leavers");
  const std::size_t counties = scenario_.geography.counties.size();
  recent_leavers_.clear();
  for (const auto& leavers : years) {
    if (leavers.size() != counties) {
      throw IoError("saved state: " + prefix + "recent_leavers holds a year of " + std::to_string(leavers.size()) +
                    " counties, the scenario " + std::to_string(counties));
    }
    recent_leavers_.push_back(leavers);
  }
}

}  // namespace pneumo
