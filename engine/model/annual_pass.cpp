#include "pneumoplan/model/annual_pass.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/core/round_to_int64.hpp"
#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/patient_coverage.hpp"
#include "pneumoplan/model/patient_payments.hpp"
#include "pneumoplan/model/person_propensity.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"

namespace pneumo {

AnnualPass::AnnualPass(const Scenario& scenario, const RandomStream& rng, const DiseaseCourse& course,
                       const Surveillance& surveillance, const EnterpriseTable& enterprises,
                       const YearConditions& conditions)
    : rng_(rng),
      course_(course),
      care_(scenario.parameters.care),
      economics_(scenario.parameters.economics),
      population_(scenario.parameters.population),
      surveillance_(surveillance),
      enterprises_(enterprises),
      conditions_(conditions),
      returns_(scenario.parameters.return_migration),
      log_medical_cost_gsd_(std::log(scenario.parameters.economics.medical_cost_gsd)),
      log_household_income_gsd_(std::log(scenario.parameters.economics.household_income_gsd)),
      outside_index_(static_cast<std::uint16_t>(scenario.geography.townships.size())) {
  for (const auto& township : scenario.geography.townships) county_of_township_.push_back(township.county);
}

// The rare events of a row, kept out of the hot loop: death, onset scheduling, disease events,
// surveillance and patient tallies.

void AnnualPass::record_death(const WorkerTable& w, std::size_t i, bool employed, std::uint16_t county,
                              YearTally& t) const {
  const int stage = w.stage[i];
  if (stage > 0) {
    if (course_.dies_of_pneumoconiosis(rng_, w.rng_id[i], stage, w.death_year[i], w.birth_year[i],
                                       WorkerTraits::female(w.traits[i]))) {
      t.deaths_pneumoconiosis[county] += 1;
      // The age at death values the years the death takes (health_outcomes.cpp).
      const auto age = static_cast<std::size_t>(std::clamp(w.death_year[i] - w.birth_year[i], 0, LifeTable::kMaxAge));
      const std::size_t sex = WorkerTraits::female(w.traits[i]) ? 1 : 0;
      t.pneumoconiosis_deaths_by_age[(county * 2 + sex) * kDeathAgeBins + age] += 1;
    } else {
      t.deaths_other_cause_patients[county] += 1;
    }
  }
  if (employed) t.deaths_in_service[county] += 1;
  if (w.diagnosed_year[i] != kNever) count_patient_year(w, i, w.death_year[i], t, true);
}

void AnnualPass::schedule_onset(WorkerTable& w, std::size_t i, int year) const {
  w.onset_year[i] = static_cast<std::int16_t>(course_.onset_year(rng_, w.rng_id[i], year));
  if (w.death_year[i] == kNever) {
    w.death_year[i] = static_cast<std::int16_t>(course_.death_year_after_work(
        rng_, w.rng_id[i], w.exit_year[i], w.birth_year[i], WorkerTraits::female(w.traits[i])));
  }
}

void AnnualPass::follow_patient(WorkerTable& w, std::size_t i, int year, bool employed, std::uint32_t ent,
                                std::uint16_t county, YearTally& t) const {
  const auto& e = enterprises_;
  int stage = w.stage[i];
  const bool onset_now = w.onset_year[i] == year;
  // Respirable silica a patient still in dust work breathes this year: it speeds progression.
  const double silica = employed ? silica_breathed(w, i, ent) : 0.0;
  if (onset_now || w.next_stage_year[i] == year) {
    stage = onset_now ? 1 : stage + 1;
    w.stage[i] = static_cast<std::uint8_t>(stage);
    const int exposed_ahead = std::max(0, w.exit_year[i] - year);
    w.next_stage_year[i] =
        static_cast<std::int16_t>(course_.next_stage_year(rng_, w.rng_id[i], stage, year, exposed_ahead, silica));
    w.death_year[i] = static_cast<std::int16_t>(
        course_.death_year(rng_, w.rng_id[i], stage, year, w.birth_year[i], WorkerTraits::female(w.traits[i])));
    t.new_cases[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
    if (onset_now) t.new_cases_by_industry[static_cast<std::size_t>(e.industry[ent])] += 1;
  }
  const bool migrant_at_work = employed && WorkerTraits::employment(w.traits[i]) == EmploymentType::Migrant;
  const std::uint16_t home = w.home_township[i] == kOutsideCity ? outside_index_ : w.home_township[i];
  const std::uint16_t residence = migrant_at_work ? e.township[ent] : home;
  if (w.diagnosed_year[i] == kNever) {
    ExamAccess access;
    access.route = surveillance_.route(employed, w.exit_year[i] == year, year - w.exit_year[i]);
    access.enterprise_provides = e.complies(ent, ComplianceState::ExamsProvided);
    access.interval_years = e.exam_interval_years[ent];
    access.exam_capacity_share = conditions_.exam_capacity_share[county];
    access.diagnosis_capacity_share = conditions_.diagnosis_capacity_share;
    access.followup_coverage = conditions_.followup_coverage;
    const SurveillanceOutcome outcome = surveillance_.patient_year(rng_, w.rng_id[i], year, stage, access);
    if (outcome.screen_positive || outcome.self_presented) t.diagnosis_requests[county] += 1;
    if (outcome.diagnosed) {
      w.diagnosed_year[i] = static_cast<std::int16_t>(year);
      w.patient_record[i] = with_claims_at_diagnosis(
          PatientRecord::with_stage_at_diagnosis(w.patient_record[i], stage), w.rng_id[i],
          WorkerTraits::employment(w.traits[i]), e.complies(ent, ComplianceState::InjuryInsurance),
          conditions_.migrant_insured_threshold, economics_);
      if (employed && w.exit_year[i] > year) remove_from_dust_if_required(w, i, year, ent, county, silica, t);
      t.new_diagnoses[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
      t.diagnoses_by_township[residence] += 1;
      if (w.exposure_years[i] <= 5) t.diagnoses_short_exposure[county] += 1;
      t.diagnosis_age_years[county] += year - w.birth_year[i];
      t.diagnosis_exposure_years[county] += w.exposure_years[i];
    }
  }
  t.prevalent[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
  t.patients_true[residence] += 1;
  if (w.diagnosed_year[i] != kNever) {
    t.prevalent_diagnosed[county] += 1;
    t.patients_diagnosed[residence] += 1;
    if (w.diagnosed_year[i] < year) count_patient_year(w, i, year, t, false);
  }
  account_patient_year(w, i, year, stage, employed, e.closed_from_year[ent] > year, county, t);
}

void AnnualPass::follow_returner(WorkerTable& r, std::size_t i, int year, std::uint16_t county, YearTally& t) const {
  // follow_patient for a returner: never in dust work here, no employer in the city, living at home.
  int stage = r.stage[i];
  if (r.onset_year[i] == year || r.next_stage_year[i] == year) {
    const bool onset_now = r.onset_year[i] == year;
    stage = onset_now ? 1 : stage + 1;
    r.stage[i] = static_cast<std::uint8_t>(stage);
    r.next_stage_year[i] = static_cast<std::int16_t>(course_.next_stage_year(rng_, r.rng_id[i], stage, year));
    r.death_year[i] = static_cast<std::int16_t>(
        course_.death_year(rng_, r.rng_id[i], stage, year, r.birth_year[i], WorkerTraits::female(r.traits[i])));
    t.new_cases[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
    if (onset_now) t.new_cases_by_industry[static_cast<std::size_t>(returns_.industry)] += 1;
  }
  const std::uint16_t residence = r.home_township[i];
  if (r.diagnosed_year[i] == kNever) {
    // Found as the city finds its own former dust workers: follow-up exams (as far as they reach people on no
    // employer's list) and symptoms that bring them to a diagnosis institution.
    ExamAccess access;
    access.route = surveillance_.route(false, false, year - r.exit_year[i]);
    access.exam_capacity_share = conditions_.exam_capacity_share[county];
    access.diagnosis_capacity_share = conditions_.diagnosis_capacity_share;
    access.followup_coverage = conditions_.followup_coverage * returns_.followup_reach;
    const SurveillanceOutcome outcome = surveillance_.patient_year(rng_, r.rng_id[i], year, stage, access);
    if (outcome.screen_positive || outcome.self_presented) t.diagnosis_requests[county] += 1;
    if (outcome.diagnosed) {
      r.diagnosed_year[i] = static_cast<std::int16_t>(year);
      // No employer in the city: no work-injury insurance, nobody to hold liable.
      r.patient_record[i] = PatientRecord::with_stage_at_diagnosis(r.patient_record[i], stage);
      t.new_diagnoses[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
      t.diagnoses_by_township[residence] += 1;
      if (r.exposure_years[i] <= 5) t.diagnoses_short_exposure[county] += 1;
      t.diagnosis_age_years[county] += year - r.birth_year[i];
      t.diagnosis_exposure_years[county] += r.exposure_years[i];
    }
  }
  t.prevalent[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
  t.patients_true[residence] += 1;
  if (r.diagnosed_year[i] != kNever) {
    t.prevalent_diagnosed[county] += 1;
    t.patients_diagnosed[residence] += 1;
    if (r.diagnosed_year[i] < year) count_patient_year(r, i, year, t, false);
  }
  account_patient_year(r, i, year, stage, false, false, county, t);
}

void AnnualPass::run_returners(WorkerTable& r, int year, YearTally& t) const {
  for (std::size_t i = 0; i < r.size(); ++i) {
    const int death = r.death_year[i];
    if (death < year) continue;  // released
    const std::uint16_t county = county_of_township_[r.home_township[i]];
    if (death == year) {
      record_death(r, i, false, county, t);
      r.death_year[i] = kFreeRow;
      continue;
    }
    if (r.stage[i] > 0 || r.onset_year[i] == year) follow_returner(r, i, year, county, t);
  }
}

void AnnualPass::account_patient_year(const WorkerTable& w, std::size_t i, int year, int stage, bool employed,
                                      bool employer_open, std::uint16_t county, YearTally& t) const {
  const auto& p = economics_;
  const std::uint64_t person = w.rng_id[i];
  const std::uint8_t record = w.patient_record[i];
  const EmploymentType type = WorkerTraits::employment(w.traits[i]);
  const bool female = WorkerTraits::female(w.traits[i]);
  PatientClaims claims;
  claims.diagnosed = w.diagnosed_year[i] != kNever;
  claims.injury_insured = claims.diagnosed && PatientRecord::injury_insured(record);
  // A closed enterprise can no longer be held liable.
  const bool employer = claims.diagnosed && PatientRecord::employer_identifiable(record) && employer_open;
  claims.employer_pays = employer && person_propensity(person, PersonTrait::EmployerPays) < p.employer_pays_share;
  claims.resident_insurance = type == EmploymentType::Migrant;
  claims.medical_aid = claims.diagnosed && !employer &&
                       person_propensity(person, PersonTrait::MedicalAid) < p.medical_aid_reach_share;

  // This year's medical cost: lognormal around the stage's median, drawn by person and year.
  const auto s = static_cast<std::size_t>(stage - 1);
  const double median = p.medical_cost_rmb_per_year[s] * (claims.diagnosed ? 1.0 : p.undiagnosed_cost_share);
  const double cost = median > 0.0 ? lognormal_from_median_log_gsd(rng_.uniform(person, year, Purpose::MedicalCost),
                                                                   median, log_medical_cost_gsd_)
                                   : 0.0;
  const PaymentSplit split = split_medical_cost(round_to_int64(cost), claims, p);
  for (std::size_t k = 0; k < kPayerCount; ++k) t.paid_rmb[county * kPayerCount + k] += split.paid[k];

  // The household: one income draw per person, for life. Nothing out of pocket strains no household
  // (household_strain is then false, false whatever the income), so the income is drawn only when needed.
  const double median_income = type == EmploymentType::Migrant ? p.household_income_migrant_rmb_per_year
                                                                : p.household_income_local_rmb_per_year;
  const double out_of_pocket = static_cast<double>(split[Payer::OutOfPocket]);
  const HouseholdStrain strain =
      out_of_pocket > 0.0
          ? household_strain(lognormal_from_median_log_gsd(person_propensity(person, PersonTrait::HouseholdIncome),
                                                           median_income, log_household_income_gsd_),
                             out_of_pocket, p)
          : HouseholdStrain{};
  const std::size_t cell = county * kCoverageGroupCount + static_cast<std::size_t>(claims.group());
  t.patients_by_coverage[cell] += 1;
  t.catastrophic_by_coverage[cell] += strain.catastrophic;
  t.impoverished_by_coverage[cell] += strain.impoverished;

  // Earnings lost by a patient of working age out of dust work (a worker still in dust work earns a wage).
  const double retirement = female ? population_.retirement_age_female_years : population_.retirement_age_male_years;
  if (!employed && static_cast<double>(year - w.birth_year[i]) < retirement) {
    t.lost_earnings_rmb[county] += round_to_int64(p.earnings_rmb_per_year * p.work_capacity_lost[s]);
  }
}

double AnnualPass::silica_breathed(const WorkerTable& w, std::size_t i, std::uint32_t ent) const {
  const auto& e = enterprises_;
  const bool wears = w.ppe_propensity[i] < e.ppe_threshold[ent];
  return static_cast<double>(wears ? e.dust_protected_mg_m3[ent] : e.dust_mg_m3[ent]) * e.silica_fraction[ent];
}

void AnnualPass::remove_from_dust_if_required(WorkerTable& w, std::size_t i, int year, std::uint32_t ent,
                                              std::uint16_t county, double silica, YearTally& t) const {
  // The law requires removal (调离); whether it happens depends on the employer and the worker's contract.
  const auto& care = care_;
  double share = care.removal_share[static_cast<std::size_t>(enterprises_.size_class[ent])];
  const EmploymentType type = WorkerTraits::employment(w.traits[i]);
  if (type == EmploymentType::Migrant) share *= care.removal_factor_migrant;
  if (type == EmploymentType::Dispatched) share *= care.removal_factor_dispatched;
  t.diagnosed_at_work[county] += 1;
  if (person_propensity(w.rng_id[i], PersonTrait::RemovalFromDust) >= share) return;
  t.removed_from_dust[county] += 1;
  const int old_exit = w.exit_year[i];
  w.exit_year[i] = static_cast<std::int16_t>(year);  // this year is the last in dust work
  w.patient_record[i] = PatientRecord::with_removed(w.patient_record[i]);
  // The hot loop counted this worker as staying; now they leave and their job is refilled.
  t.staying[ent] -= 1;
  t.leavers[county] += 1;
  w.next_stage_year[i] =
      static_cast<std::int16_t>(course_.progression_after_removal(w.next_stage_year[i], year, old_exit, silica));
}

void AnnualPass::count_patient_year(const WorkerTable& w, std::size_t i, int year, YearTally& t, bool died) const {
  // Survival after diagnosis is counted from the year after the year of diagnosis: a diagnosed patient alive
  // at the start of year y adds a person-year at (stage at diagnosis, y − year of diagnosis).
  const int stage_at_diagnosis = PatientRecord::stage_at_diagnosis(w.patient_record[i]);
  if (stage_at_diagnosis == 0) return;  // diagnosed before records began (never in practice)
  const auto since = std::min<std::size_t>(static_cast<std::size_t>(year - w.diagnosed_year[i]), kYearsSinceDiagnosisBins - 1);
  const std::size_t cell = static_cast<std::size_t>(stage_at_diagnosis - 1) * kYearsSinceDiagnosisBins + since;
  t.patient_years_by_stage_at_diagnosis[cell] += 1;
  if (died) t.patient_deaths_by_stage_at_diagnosis[cell] += 1;
}

AnnualPass::Year AnnualPass::prepare(int year) const {
  const auto& e = enterprises_;
  constexpr std::uint8_t kInsuredBit = 1u << static_cast<unsigned>(ComplianceState::InjuryInsurance);
  Year prepared;
  prepared.year = year;
  prepared.enterprise.resize(e.count());
  for (std::size_t k = 0; k < e.count(); ++k) {
    EnterpriseYear& x = prepared.enterprise[k];
    for (const int wears : {0, 1}) {
      // The expression the per-worker loop used, term for term (wears = 0 or 1 as a float).
      const float conc = e.dust_mg_m3[k] - static_cast<float>(wears) * (e.dust_mg_m3[k] - e.dust_protected_mg_m3[k]);
      x.dust[wears] = conc;
      x.metric[wears] = conc * e.metric_per_dust[k];
      x.exposed[wears] = conc > 0.0f;
    }
    x.county = e.county[k];
    x.ppe_threshold = e.ppe_threshold[k];
    x.insured = (e.compliance[k] & kInsuredBit) != 0;
  }
  return prepared;
}

void AnnualPass::run(WorkerTable& w, const Year& prepared, std::size_t begin, std::size_t end, YearTally& t) const {
  const int year = prepared.year;
  // Raw pointers: the compiler cannot otherwise prove that tally writes leave the columns' own pointers
  // alone, and would reload them for every row.
  std::int16_t* const death_year = w.death_year.data();
  const std::uint32_t* const enterprise = w.enterprise.data();
  const std::int16_t* const exit_year = w.exit_year.data();
  const std::int16_t* const onset_year = w.onset_year.data();
  const std::uint8_t* const stage = w.stage.data();
  const std::uint8_t* const ppe_propensity = w.ppe_propensity.data();
  const std::uint8_t* const traits = w.traits.data();
  const std::uint64_t* const rng_id = w.rng_id.data();
  std::uint8_t* const exposure_years = w.exposure_years.data();
  float* const cum_dust = w.cum_dust_mg_m3_y.data();
  float* const cum_metric = w.cum_metric_mg_m3_y.data();
  const float* const tolerance = w.tolerance_mg_m3_y.data();
  const EnterpriseYear* const ent_year = prepared.enterprise.data();

  EnterpriseWorkCounts* const work = t.work_by_enterprise.data();
  std::int64_t* const histogram = t.dust_histogram.data();
  const std::uint64_t migrant_insured_threshold = conditions_.migrant_insured_threshold;
  std::int64_t free_rows = 0;
  std::int64_t people = 0;

  for (std::size_t i = begin; i < end; ++i) {
    const int death = death_year[i];
    if (death < year) {  // a released row
      ++free_rows;
      continue;
    }
    const std::uint32_t ent = enterprise[i];
    const EnterpriseYear& x = ent_year[ent];
    const std::uint16_t county = x.county;
    const int exit = exit_year[i];
    const bool employed = year <= exit;
    if (death == year) {
      record_death(w, i, employed, county, t);
      death_year[i] = kFreeRow;
      ++free_rows;
      continue;
    }

    if (employed) {
      // An index rather than a branch: whether a worker wears a respirator is a coin toss to the CPU.
      const unsigned wears = ppe_propensity[i] < x.ppe_threshold;
      const float dust = cum_dust[i] + x.dust[wears];
      const float metric = cum_metric[i] + x.metric[wears];
      cum_dust[i] = dust;
      cum_metric[i] = metric;
      exposure_years[i] = static_cast<std::uint8_t>(exposure_years[i] + (exposure_years[i] < 255));
      EnterpriseWorkCounts& counts = work[ent];
      counts.employed += 1;
      counts.exposed += x.exposed[wears];
      // Formal and dispatched workers of an insured enterprise are enrolled; migrant workers partly.
      const bool migrant = WorkerTraits::employment(traits[i]) == EmploymentType::Migrant;
      counts.insured += x.insured &
                        (!migrant | (person_propensity_32(rng_id[i], PersonTrait::MigrantInsurance) < migrant_insured_threshold));
      counts.staying += exit > year;
      histogram[county * ExposureHistogram::kBins + ExposureHistogram::bin(dust)] += 1;
      if (metric >= tolerance[i] && stage[i] == 0 && onset_year[i] == kNever) {
        schedule_onset(w, i, year);
      }
    }

    if (stage[i] > 0 || onset_year[i] == year) {
      follow_patient(w, i, year, employed, ent, county, t);
    } else if (exit <= year && onset_year[i] == kNever) {
      // Out of dust work for good with no disease scheduled: without further exposure nothing can happen
      // to this person that any output counts, so the row is released for a new hire.
      death_year[i] = kFreeRow;
      ++free_rows;
      continue;
    }
    ++people;
  }
  t.free_rows += free_rows;
  t.people += people;
}

}  // namespace pneumo
