#include "pneumoplan/worker_factory.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/distributions.hpp"

namespace pneumo {

struct WorkerFactory::Draws {
  double hire_age_years;
  bool female;
  EmploymentType type;
  std::uint16_t home;
  std::uint8_t ppe_propensity;
  double u_tenure;
  double u_tolerance;
  double u_death;
};

WorkerFactory::WorkerFactory(const Scenario& scenario, const RandomStream& rng, const EnterpriseTable& enterprises,
                             const DiseaseCourse& course, const Surveillance& surveillance)
    : scenario_(scenario),
      rng_(rng),
      enterprises_(enterprises),
      course_(course),
      surveillance_(surveillance),
      homes_(scenario.geography) {}

double WorkerFactory::turnover_rate(std::uint32_t enterprise, EmploymentType type) const {
  const auto& pop = scenario_.parameters.population;
  const double rate = pop.turnover_per_year[static_cast<std::size_t>(type)] *
                      pop.turnover_multiplier[static_cast<std::size_t>(enterprises_.size_class[enterprise])];
  return std::min(rate, 0.95);
}

WorkerFactory::Draws WorkerFactory::draw(std::uint64_t id, std::uint32_t enterprise) const {
  const auto& pop = scenario_.parameters.population;
  const Stratum& stratum = scenario_.strata[enterprises_.stratum[enterprise]];
  const auto a = rng_.uniforms(id, kAnyYear, Purpose::HireAttributes, 0);
  const auto b = rng_.uniforms(id, kAnyYear, Purpose::HireAttributes, 1);
  Draws d{};
  d.hire_age_years = truncated_normal(a[0], pop.hire_age_mean_years, pop.hire_age_sd_years, pop.hire_age_min_years,
                                      pop.hire_age_max_years);
  d.female = a[1] < stratum.female_share;
  d.type = a[2] < stratum.share_migrant                              ? EmploymentType::Migrant
           : a[2] < stratum.share_migrant + stratum.share_dispatched ? EmploymentType::Dispatched
                                                                     : EmploymentType::Formal;
  if (d.type == EmploymentType::Migrant) {
    const double share = pop.migrant_home_in_city_share;
    d.home = a[3] < share ? homes_.in_city(a[3] / share) : kOutsideCity;
  } else {
    d.home = homes_.in_county(enterprises_.county[enterprise], a[3]);
  }
  d.ppe_propensity = static_cast<std::uint8_t>(std::min(255.0, std::floor(b[0] * 256.0)));
  d.u_tenure = b[1];
  d.u_tolerance = b[2];
  d.u_death = b[3];
  return d;
}

int WorkerFactory::retirement_exit_year(int birth_year, bool female) const {
  const auto& pop = scenario_.parameters.population;
  const double age = female ? pop.retirement_age_female_years : pop.retirement_age_male_years;
  return birth_year + static_cast<int>(std::lround(age)) - 1;
}

void WorkerFactory::place(WorkerTable& w, std::size_t row, std::uint64_t id, std::uint32_t enterprise,
                          const Draws& d, int hire_year, int birth_year) const {
  const auto tenure = geometric_years(d.u_tenure, turnover_rate(enterprise, d.type));
  const std::int64_t planned_exit = std::min<std::int64_t>(hire_year + tenure - 1, kNever - 1);
  const int exit_year = std::max(hire_year, std::min(static_cast<int>(planned_exit), retirement_exit_year(birth_year, d.female)));
  const auto* profile = scenario_.profile_of_industry[static_cast<std::size_t>(enterprises_.industry[enterprise])];

  w.rng_id[row] = id;
  w.enterprise[row] = enterprise;
  w.home_township[row] = d.home;
  w.birth_year[row] = static_cast<std::int16_t>(birth_year);
  w.exit_year[row] = static_cast<std::int16_t>(exit_year);
  w.death_year[row] = static_cast<std::int16_t>(
      scenario_.life_table.death_year(birth_year, d.female, hire_year, 1.0, d.u_death));
  w.onset_year[row] = kNever;
  w.next_stage_year[row] = kNever;
  w.diagnosed_year[row] = kNever;
  w.cum_dust_mg_m3_y[row] = 0.0f;
  w.cum_silica_mg_m3_y[row] = 0.0f;
  w.tolerance_mg_m3_y[row] = static_cast<float>(profile->tolerance_mg_m3_y(d.u_tolerance));
  w.stage[row] = 0;
  w.traits[row] = WorkerTraits::pack(d.female, d.type);
  w.ppe_propensity[row] = d.ppe_propensity;
  w.exposure_years[row] = 0;
}

void WorkerFactory::hire(WorkerTable& w, std::size_t row, std::uint32_t enterprise, int year,
                         std::uint32_t slot) const {
  const std::uint64_t id = make_worker_id(enterprise, year, slot);
  const Draws d = draw(id, enterprise);
  place(w, row, id, enterprise, d, year, year - static_cast<int>(std::lround(d.hire_age_years)));
}

void WorkerFactory::initial(WorkerTable& w, std::size_t row, std::uint32_t enterprise, std::uint32_t slot) const {
  const int start = scenario_.first_year();
  const std::uint64_t id = make_worker_id(enterprise, start, slot);
  const Draws d = draw(id, enterprise);
  const auto history = rng_.uniforms(id, kAnyYear, Purpose::InitialHistory, 0);

  // Years already worked: the same turnover, looking backwards, bounded by the retirement age.
  const int hire_age = static_cast<int>(std::lround(d.hire_age_years));
  const auto& pop = scenario_.parameters.population;
  const double retirement_age = d.female ? pop.retirement_age_female_years : pop.retirement_age_male_years;
  const int max_prior = std::max(0, static_cast<int>(std::lround(retirement_age)) - hire_age - 1);
  const int prior = static_cast<int>(
      std::min<std::int64_t>(geometric_years(history[0], turnover_rate(enterprise, d.type)) - 1, max_prior));
  const int birth_year = start - hire_age - prior;
  place(w, row, id, enterprise, d, start, birth_year);

  // Exposure of the years before the start, at the enterprise's level and the industry's trend.
  const Industry industry = enterprises_.industry[enterprise];
  const bool wears = d.ppe_propensity < enterprises_.ppe_threshold[enterprise];
  const double protection = wears ? 1.0 - scenario_.parameters.exposure.ppe_reduction : 1.0;
  const bool silica_metric = enterprises_.metric_is_silica[enterprise] != 0;
  float dust = 0.0f;
  float silica = 0.0f;
  int onset = kNever;
  for (int year = start - prior; year < start; ++year) {
    const auto conc = static_cast<float>(enterprises_.level_dust_mg_m3[enterprise] *
                                         scenario_.trends.concentration_index(industry, enterprises_.county[enterprise], year) * protection);
    dust += conc;
    silica += conc * enterprises_.silica_fraction[enterprise];
    if (onset == kNever && (silica_metric ? silica : dust) >= w.tolerance_mg_m3_y[row]) {
      onset = course_.onset_year(rng_, id, year);
    }
  }
  w.cum_dust_mg_m3_y[row] = dust;
  w.cum_silica_mg_m3_y[row] = silica;
  w.exposure_years[row] = static_cast<std::uint8_t>(std::min(prior, 255));
  w.onset_year[row] = static_cast<std::int16_t>(onset);
  if (onset < start) {
    // Disease that began before the start: bring its course, and the surveillance the worker was under
    // all those years in work, up to the start year.
    int stage = 1;
    int next = course_.next_stage_year(rng_, id, 1, onset);
    for (int year = onset; year < start; ++year) {
      if (year == next && stage < 3) {
        ++stage;
        next = course_.next_stage_year(rng_, id, stage, year);
      }
      if (w.diagnosed_year[row] == kNever &&
          surveillance_.diagnoses(rng_, id, year, stage, enterprises_.size_class[enterprise], -1)) {
        w.diagnosed_year[row] = static_cast<std::int16_t>(year);
      }
    }
    w.stage[row] = static_cast<std::uint8_t>(stage);
    w.next_stage_year[row] = static_cast<std::int16_t>(next);
    w.death_year[row] = static_cast<std::int16_t>(course_.death_year(rng_, id, stage, start - 1, birth_year, d.female));
  }
}

}  // namespace pneumo
