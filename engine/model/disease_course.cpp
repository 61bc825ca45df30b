#include "pneumoplan/model/disease_course.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/worker_table.hpp"

namespace pneumo {

int DiseaseCourse::onset_year(const RandomStream& rng, std::uint64_t worker, int crossing_year) const {
  const double u = rng.uniform(worker, kAnyYear, Purpose::OnsetLatency);
  const double latency =
      lognormal_from_median(u, parameters_.onset_latency_median_years, parameters_.onset_latency_gsd);
  const double year = crossing_year + std::floor(latency + 0.5);
  return static_cast<int>(std::min<double>(year, kNever));
}

int DiseaseCourse::next_stage_year(const RandomStream& rng, std::uint64_t worker, int stage, int year,
                                   int exposed_years, double silica_mg_m3) const {
  if (stage >= 3) return kNever;
  const auto u = rng.uniforms(worker, kAnyYear, Purpose::Progression, static_cast<std::uint64_t>(stage));
  const double probability =
      stage == 1 ? parameters_.progression_probability_1_2 : parameters_.progression_probability_2_3;
  if (u[0] >= probability) return kNever;
  const double median = stage == 1 ? parameters_.progression_median_years_1_2 : parameters_.progression_median_years_2_3;
  double years = lognormal_from_median(u[1], median, parameters_.progression_time_gsd);
  const double rate = 1.0 + parameters_.progression_acceleration_per_mg_m3_silica * silica_mg_m3;
  if (exposed_years > 0 && rate > 1.0) {
    // Disease time accrues at `rate` while exposed, then at 1: the calendar years that hold `years` of it.
    const double exposed = static_cast<double>(exposed_years);
    years = rate * exposed >= years ? years / rate : exposed + (years - rate * exposed);
  }
  const double next = year + std::max(1.0, std::floor(years + 0.5));
  return static_cast<int>(std::min<double>(next, kNever));
}

int DiseaseCourse::progression_after_removal(int next, int year, int old_exit, double silica_mg_m3) const {
  if (next == kNever || next <= year + 1) return next;
  const double rate = 1.0 + parameters_.progression_acceleration_per_mg_m3_silica * silica_mg_m3;
  const double ahead = static_cast<double>(next - year);
  const double exposed = std::clamp(static_cast<double>(old_exit - year), 0.0, ahead);
  const double disease_time = rate * exposed + (ahead - exposed);  // what the old schedule needed
  const double moved = year + std::max(1.0, std::floor(disease_time + 0.5));
  return static_cast<int>(std::min<double>(moved, kNever));
}

int DiseaseCourse::death_year(const RandomStream& rng, std::uint64_t worker, int stage, int year, int birth_year,
                              bool female) const {
  const double u = rng.uniform(worker, kAnyYear, Purpose::StageMortality, static_cast<std::uint64_t>(stage));
  return life_table_.death_year(birth_year, female, year + 1, mortality_multiplier(stage), u,
                                excess_mortality_per_year(stage));
}

int DiseaseCourse::death_year_after_work(const RandomStream& rng, std::uint64_t worker, int last_work_year,
                                         int birth_year, bool female) const {
  const double u = rng.uniform(worker, kAnyYear, Purpose::LaterBackgroundDeath);
  return life_table_.death_year(birth_year, female, last_work_year + 1, 1.0, u);
}

bool DiseaseCourse::dies_of_pneumoconiosis(const RandomStream& rng, std::uint64_t worker, int stage, int year,
                                           int birth_year, bool female) const {
  const double m = mortality_multiplier(stage);
  const double e = excess_mortality_per_year(stage);
  const double background = life_table_.hazard(year - birth_year, female, year);
  const double total = m * background + e;
  return total > 0.0 && rng.uniform(worker, kAnyYear, Purpose::DeathCause) < ((m - 1.0) * background + e) / total;
}

}  // namespace pneumo
