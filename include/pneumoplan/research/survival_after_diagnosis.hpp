// Survival of diagnosed patients by stage at diagnosis, two ways:
//  * from a results file: the life table of patient_years_by_stage_at_diagnosis and
//    patient_deaths_by_stage_at_diagnosis (all-cause deaths), per replicate, over a span of calendar years;
//  * from the disease course alone: patients diagnosed at a given stage, age and year followed through
//    progression and death (the model's own DiseaseCourse), which is how the mortality defaults are fitted to
//    published medians (docs/validation.md).
// Survival is counted in whole years after the year of diagnosis, as a product-limit over those years.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/disease_stage.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

// S(t) for t = 0, 1, ... years after the year of diagnosis (S(0) = 1).
struct SurvivalCurve {
  std::vector<double> survival;
  double patients = 0.0;  // at risk in the first year after diagnosis
  // Years at which S falls to one half, interpolated linearly within the year; NaN when it never does.
  double median_years() const;
  double at(std::size_t years) const;  // NaN beyond the curve
};

// Product-limit curve from person-years and deaths by years since diagnosis (bin 0 is the year of diagnosis,
// which is not at risk: survival starts the year after).
SurvivalCurve survival_curve(const std::vector<double>& person_years, const std::vector<double>& deaths);

struct StageSurvival {
  // Per replicate and pooled over replicates, by stage at diagnosis.
  std::array<std::vector<SurvivalCurve>, kStageCount> replicates;
  std::array<SurvivalCurve, kStageCount> pooled;
};

// Reads the survival outputs of a results file, summing the calendar years in [first_year, last_year].
StageSurvival survival_from_results(const ResultsFile& results, int first_year, int last_year);

struct PatientCohortSpec {
  std::int64_t patients_per_stage = 20000;
  double age_mean_years = 48.0, age_sd_years = 8.0, age_min_years = 20.0, age_max_years = 85.0;
  int first_diagnosis_year = 1985, last_diagnosis_year = 2000;
  double female_share = 0.0;
  std::uint64_t seed = 1;
  int follow_up_years = 60;
};

struct PatientCohortSurvival {
  std::array<SurvivalCurve, kStageCount> by_stage;
  // Medians by age at diagnosis: < 40, 40-49, 50-59, >= 60 (NaN where a group is empty).
  std::array<std::array<double, 4>, kStageCount> median_by_age_group{};
};

// Follows patients diagnosed at each stage through the disease course of `parameters` (progression and
// mortality), background mortality from `life_table_periods`.
PatientCohortSurvival simulate_patient_survival(const PatientCohortSpec& spec, const ScenarioParameters& parameters,
                                                const std::vector<MortalityPeriod>& life_table_periods);

}  // namespace pneumo
