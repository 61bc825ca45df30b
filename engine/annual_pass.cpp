#include "pneumoplan/annual_pass.hpp"

namespace pneumo {

AnnualPass::AnnualPass(const Scenario& scenario, const RandomStream& rng, const DiseaseCourse& course,
                       const Surveillance& surveillance, const EnterpriseTable& enterprises)
    : rng_(rng),
      course_(course),
      surveillance_(surveillance),
      enterprises_(enterprises),
      followup_years_(surveillance.followup_years()),
      outside_index_(static_cast<std::uint16_t>(scenario.geography.townships.size())) {}

void AnnualPass::run(WorkerTable& w, int year, std::size_t begin, std::size_t end, YearTally& t) const {
  const auto& e = enterprises_;
  for (std::size_t i = begin; i < end; ++i) {
    const int death = w.death_year[i];
    if (death < year) {  // already dead; waiting to be compacted away
      t.removable += 1;
      continue;
    }
    const std::uint32_t ent = w.enterprise[i];
    const std::uint16_t county = e.county[ent];
    const bool employed = year <= w.exit_year[i];
    int stage = w.stage[i];

    if (death == year) {
      if (stage > 0) {
        if (course_.dies_of_pneumoconiosis(rng_, w.rng_id[i], stage)) {
          t.deaths_pneumoconiosis[county] += 1;
        } else {
          t.deaths_other_cause_patients[county] += 1;
        }
      }
      if (employed) t.deaths_in_service[county] += 1;
      t.removable += 1;
      continue;
    }

    if (employed) {
      const float conc = w.ppe_propensity[i] < e.ppe_threshold[ent] ? e.dust_protected_mg_m3[ent] : e.dust_mg_m3[ent];
      const float dust = w.cum_dust_mg_m3_y[i] + conc;
      const float silica = w.cum_silica_mg_m3_y[i] + conc * e.silica_fraction[ent];
      w.cum_dust_mg_m3_y[i] = dust;
      w.cum_silica_mg_m3_y[i] = silica;
      if (w.exposure_years[i] < 255) w.exposure_years[i] += 1;
      t.employed[county] += 1;
      if (conc > 0.0f) t.exposed[county] += 1;
      t.dust_histogram[county * ExposureHistogram::kBins + ExposureHistogram::bin(dust)] += 1;
      if (stage == 0 && w.onset_year[i] == kNever &&
          (e.metric_is_silica[ent] ? silica : dust) >= w.tolerance_mg_m3_y[i]) {
        w.onset_year[i] = static_cast<std::int16_t>(course_.onset_year(rng_, w.rng_id[i], year));
      }
      if (w.exit_year[i] > year) {
        t.staying[ent] += 1;
      } else {
        t.leavers[county] += 1;
      }
    }

    const bool onset_now = w.onset_year[i] == year;
    const bool progression_now = w.next_stage_year[i] == year;
    if (onset_now || progression_now) {
      const bool female = WorkerTraits::female(w.traits[i]);
      stage = onset_now ? 1 : stage + 1;
      w.stage[i] = static_cast<std::uint8_t>(stage);
      w.next_stage_year[i] = static_cast<std::int16_t>(course_.next_stage_year(rng_, w.rng_id[i], stage, year));
      w.death_year[i] = static_cast<std::int16_t>(
          course_.death_year(rng_, w.rng_id[i], stage, year, w.birth_year[i], female));
      t.new_cases[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
      if (onset_now) t.new_cases_by_industry[static_cast<std::size_t>(e.industry[ent])] += 1;
    }

    if (stage > 0) {
      if (w.diagnosed_year[i] == kNever &&
          surveillance_.diagnoses(rng_, w.rng_id[i], year, stage, e.size_class[ent], employed ? -1 : year - w.exit_year[i])) {
        w.diagnosed_year[i] = static_cast<std::int16_t>(year);
        t.new_diagnoses[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
        if (w.exposure_years[i] < 5) t.diagnoses_short_exposure[county] += 1;
      }
      const bool migrant_at_work =
          employed && WorkerTraits::employment(w.traits[i]) == EmploymentType::Migrant;
      const std::uint16_t home = w.home_township[i] == kOutsideCity ? outside_index_ : w.home_township[i];
      const std::uint16_t residence = migrant_at_work ? e.township[ent] : home;
      t.prevalent[county * kStageCount + static_cast<std::size_t>(stage - 1)] += 1;
      t.patients_true[residence] += 1;
      if (w.diagnosed_year[i] != kNever) {
        t.prevalent_diagnosed[county] += 1;
        t.patients_diagnosed[residence] += 1;
      }
    } else if (!employed || w.exit_year[i] == year) {
      // Out of work for good, no disease scheduled and no exposure to come: once follow-up ends nothing
      // can happen to this person that any output counts, so the row may be dropped.
      if (w.onset_year[i] == kNever && year - w.exit_year[i] >= followup_years_) {
        t.removable += 1;
        continue;
      }
    }
    t.people += 1;
  }
}

}  // namespace pneumo
