#include "pneumoplan/research/survival_after_diagnosis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"

namespace pneumo {

double SurvivalCurve::median_years() const {
  for (std::size_t t = 1; t < survival.size(); ++t) {
    if (survival[t] <= 0.5) {
      const double before = survival[t - 1];
      return static_cast<double>(t - 1) + (before - 0.5) / (before - survival[t]);
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double SurvivalCurve::at(std::size_t years) const {
  return years < survival.size() ? survival[years] : std::numeric_limits<double>::quiet_NaN();
}

SurvivalCurve survival_curve(const std::vector<double>& person_years, const std::vector<double>& deaths) {
  SurvivalCurve curve;
  curve.survival.push_back(1.0);
  curve.patients = person_years.size() > 1 ? person_years[1] : 0.0;
  double s = 1.0;
  // The open last bin mixes durations; the curve stops before it.
  for (std::size_t t = 1; t + 1 < person_years.size(); ++t) {
    if (person_years[t] <= 0.0) break;
    s *= 1.0 - deaths[t] / person_years[t];
    curve.survival.push_back(s);
  }
  return curve;
}

StageSurvival survival_from_results(const ResultsFile& results, int first_year, int last_year) {
  const ResultsArray years = results.read_output("patient_years_by_stage_at_diagnosis");
  const ResultsArray deaths = results.read_output("patient_deaths_by_stage_at_diagnosis");
  const std::size_t replicates = years.shape[0], year_count = years.shape[1];
  const std::size_t bins = kYearsSinceDiagnosisBins;
  StageSurvival out;
  for (std::size_t s = 0; s < kStageCount; ++s) {
    std::vector<double> pooled_years(bins, 0.0), pooled_deaths(bins, 0.0);
    for (std::size_t r = 0; r < replicates; ++r) {
      std::vector<double> py(bins, 0.0), d(bins, 0.0);
      for (std::size_t y = 0; y < year_count; ++y) {
        const auto calendar = results.years[y];
        if (calendar < first_year || calendar > last_year) continue;
        const std::size_t base = ((r * year_count + y) * kStageCount + s) * bins;
        for (std::size_t b = 0; b < bins; ++b) {
          py[b] += years.values[base + b];
          d[b] += deaths.values[base + b];
        }
      }
      for (std::size_t b = 0; b < bins; ++b) pooled_years[b] += py[b], pooled_deaths[b] += d[b];
      out.replicates[s].push_back(survival_curve(py, d));
    }
    out.pooled[s] = survival_curve(pooled_years, pooled_deaths);
  }
  return out;
}

PatientCohortSurvival simulate_patient_survival(const PatientCohortSpec& spec, const ScenarioParameters& parameters,
                                                const std::vector<MortalityPeriod>& life_table_periods) {
  LifeTable life(life_table_periods);
  life.prepare_cohorts(spec.first_diagnosis_year - static_cast<int>(spec.age_max_years) - 1, spec.last_diagnosis_year);
  const DiseaseCourse course(parameters.disease, life);
  const RandomStream rng(spec.seed, 0);
  const int horizon = spec.follow_up_years;
  PatientCohortSurvival out;
  for (std::size_t s = 0; s < kStageCount; ++s) {
    std::vector<double> at_risk(static_cast<std::size_t>(horizon) + 2, 0.0), died(at_risk.size(), 0.0);
    std::array<std::vector<double>, 4> group_at_risk, group_died;
    for (auto& v : group_at_risk) v.assign(at_risk.size(), 0.0);
    for (auto& v : group_died) v.assign(at_risk.size(), 0.0);
    for (std::int64_t p = 0; p < spec.patients_per_stage; ++p) {
      // Patient p of every stage shares its draws, like a worker across scenarios.
      const auto id = static_cast<std::uint64_t>(p);
      const auto u = rng.uniforms(id, kAnyYear, Purpose::CohortMember, 0);
      const int span = spec.last_diagnosis_year - spec.first_diagnosis_year + 1;
      const int year0 = spec.first_diagnosis_year + std::min(span - 1, static_cast<int>(u[0] * span));
      const double age = truncated_normal(u[1], spec.age_mean_years, spec.age_sd_years, spec.age_min_years, spec.age_max_years);
      const int birth = year0 - static_cast<int>(std::lround(age));
      const bool female = u[2] < spec.female_share;
      const std::size_t group = age < 40 ? 0 : age < 50 ? 1 : age < 60 ? 2 : 3;
      int stage = static_cast<int>(s) + 1;
      int death = course.death_year(rng, id, stage, year0, birth, female);
      int next = course.next_stage_year(rng, id, stage, year0);
      for (int t = 1; t <= horizon; ++t) {
        const int year = year0 + t;
        at_risk[static_cast<std::size_t>(t)] += 1;
        group_at_risk[group][static_cast<std::size_t>(t)] += 1;
        if (year == death) {
          died[static_cast<std::size_t>(t)] += 1;
          group_died[group][static_cast<std::size_t>(t)] += 1;
          break;
        }
        if (year == next) {  // progression: the next stage's hazard from now on (as the annual pass does)
          ++stage;
          death = course.death_year(rng, id, stage, year, birth, female);
          next = course.next_stage_year(rng, id, stage, year);
        }
      }
    }
    out.by_stage[s] = survival_curve(at_risk, died);
    for (std::size_t g = 0; g < 4; ++g) {
      out.median_by_age_group[s][g] = group_at_risk[g][1] > 0 ? survival_curve(group_at_risk[g], group_died[g]).median_years()
                                                              : std::numeric_limits<double>::quiet_NaN();
    }
  }
  return out;
}

}  // namespace pneumo
