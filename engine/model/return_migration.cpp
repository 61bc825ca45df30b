#include "pneumoplan/model/return_migration.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/model/distributions.hpp"

namespace pneumo {

ReturnMigration::ReturnMigration(const Scenario& scenario, const RandomStream& rng, const DiseaseCourse& course)
    : scenario_(scenario),
      parameters_(scenario.parameters.return_migration),
      rng_(rng),
      course_(course),
      homes_(scenario.geography) {}

std::uint32_t ReturnMigration::arrivals(int year) const {
  const auto& p = parameters_;
  if (p.returners_per_year <= 0.0 || year < p.start_year) return 0;
  const double expected = p.returners_per_year * std::pow(1.0 + p.trend_per_year, static_cast<double>(year - p.start_year));
  const double whole = std::floor(expected);
  // Entity 0 never names a returner (their identities have bit 63 set).
  const bool one_more = rng_.uniform(0, year, Purpose::ReturnMigration) < expected - whole;
  return static_cast<std::uint32_t>(whole) + (one_more ? 1u : 0u);
}

std::uint32_t ReturnMigration::arrive(WorkerTable& r, int year) const {
  const auto& p = parameters_;
  const std::uint32_t count = arrivals(year);
  const auto* profile = scenario_.profile_of_industry[static_cast<std::size_t>(p.industry)];
  const double metric_per_dust = profile->metric() == ExposureMetric::RespirableSilica ? p.silica_fraction : 1.0;
  const int last_work = year - 1;
  for (std::uint32_t k = 0; k < count; ++k) {
    const std::uint64_t id = make_returner_id(year, k);
    const auto u = rng_.uniforms8(id, kAnyYear, Purpose::ReturnMigration);
    const bool female = u[0] < p.female_share;
    const int age = static_cast<int>(std::lround(truncated_normal(u[1], p.age_mean_years, p.age_sd_years, 20.0, 75.0)));
    // Dust work started at 16 at the earliest.
    const double max_years = std::max(1.0, static_cast<double>(age - 16));
    const int years = static_cast<int>(
        std::lround(truncated_normal(u[2], p.work_years_mean, p.work_years_sd, 1.0, max_years)));
    const double dust = lognormal_from_median(u[3], p.dust_median_mg_m3, p.dust_gsd);
    const double metric_per_year = dust * metric_per_dust;
    const double tolerance = profile->tolerance_mg_m3_y(u[4]);
    if (!(metric_per_year > 0.0) || metric_per_year * years < tolerance) continue;  // can never fall ill

    // The year in which the dose elsewhere reached the tolerance, then the disease up to the return.
    const int first_work = year - years;
    const int crossing = std::min(last_work, first_work + static_cast<int>(std::ceil(tolerance / metric_per_year)) - 1);
    const int birth_year = year - age;
    const int onset = course_.onset_year(rng_, id, crossing);
    const double silica = dust * p.silica_fraction;

    const std::size_t row = r.size();
    r.resize(row + 1);
    r.rng_id[row] = id;
    r.enterprise[row] = 0;  // none in the city; the returner pass never reads it
    r.home_township[row] = homes_.in_city(u[5]);
    r.birth_year[row] = static_cast<std::int16_t>(birth_year);
    r.exit_year[row] = static_cast<std::int16_t>(last_work);
    r.onset_year[row] = static_cast<std::int16_t>(onset);
    r.next_stage_year[row] = kNever;
    r.diagnosed_year[row] = kNever;
    r.cum_dust_mg_m3_y[row] = static_cast<float>(dust * years);
    r.cum_metric_mg_m3_y[row] = static_cast<float>(metric_per_year * years);
    r.tolerance_mg_m3_y[row] = static_cast<float>(tolerance);
    r.stage[row] = 0;
    r.traits[row] = WorkerTraits::pack(female, EmploymentType::Migrant);
    r.ppe_propensity[row] = 0;
    r.exposure_years[row] = static_cast<std::uint8_t>(std::min(years, 255));
    r.patient_record[row] = 0;
    if (onset >= year) {
      // Onset still ahead: the annual pass starts the disease in its year, like a former worker's.
      r.death_year[row] = static_cast<std::int16_t>(course_.death_year_after_work(rng_, id, last_work, birth_year, female));
      continue;
    }
    // Sick already: progression from onset to the return, faster while still in dust work.
    int stage = 1;
    int next = course_.next_stage_year(rng_, id, 1, onset, std::max(0, last_work - onset), silica);
    for (int y = onset + 1; y < year; ++y) {
      if (y == next && stage < 3) {
        ++stage;
        next = course_.next_stage_year(rng_, id, stage, y, std::max(0, last_work - y), silica);
      }
    }
    r.stage[row] = static_cast<std::uint8_t>(stage);
    r.next_stage_year[row] = static_cast<std::int16_t>(next);
    // They came home alive: death is drawn from the end of last year on.
    r.death_year[row] = static_cast<std::int16_t>(course_.death_year(rng_, id, stage, last_work, birth_year, female));
    if (u[6] < p.diagnosed_share) {
      // Diagnosed elsewhere, by an institution of the city where they worked: no claim on an employer here.
      r.diagnosed_year[row] = static_cast<std::int16_t>(last_work);
      r.patient_record[row] = PatientRecord::with_stage_at_diagnosis(0, stage);
    }
  }
  return count;
}

}  // namespace pneumo
