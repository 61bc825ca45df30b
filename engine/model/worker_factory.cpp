#include "pneumoplan/model/worker_factory.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/patient_coverage.hpp"

namespace pneumo {

struct WorkerFactory::Draws {
  int hire_age_years;
  bool female;
  EmploymentType type;
  std::uint16_t home;
  std::uint8_t ppe_propensity;
  double u_tenure;
  double u_tolerance;
  double u_death;
};

WorkerFactory::WorkerFactory(const Scenario& scenario, const RandomStream& rng, const EnterpriseTable& enterprises,
                             const DiseaseCourse& course, const Surveillance& surveillance,
                             const ComplianceModel& compliance)
    : scenario_(scenario),
      rng_(rng),
      enterprises_(enterprises),
      course_(course),
      surveillance_(surveillance),
      compliance_(compliance),
      homes_(scenario.geography) {
  const auto& pop = scenario.parameters.population;
  // P(round(age) = k) for age ~ normal(mean, sd) truncated to [min, max], with max below the retirement
  // age of each sex (nobody is hired to work past it).
  const auto cdf = [&](double x) {
    return pop.hire_age_sd_years > 0.0 ? normal_cdf((x - pop.hire_age_mean_years) / pop.hire_age_sd_years)
                                       : (x >= pop.hire_age_mean_years ? 1.0 : 0.0);
  };
  for (const bool female : {false, true}) {
    const double retirement = female ? pop.retirement_age_female_years : pop.retirement_age_male_years;
    const double max_age = std::min(pop.hire_age_max_years, retirement - 1.0);
    std::vector<double> weights;
    std::vector<std::uint16_t> ages;
    for (long k = std::lround(pop.hire_age_min_years); k <= std::lround(max_age); ++k) {
      const double low = std::max(static_cast<double>(k) - 0.5, pop.hire_age_min_years);
      const double high = std::min(static_cast<double>(k) + 0.5, max_age);
      weights.push_back(high > low ? cdf(high) - cdf(low) : 0.0);
      ages.push_back(static_cast<std::uint16_t>(k));
    }
    double total = 0.0;
    for (const double w : weights) total += w;
    if (total <= 0.0) {  // all mass outside the bounds (or a degenerate sd): the nearest bound
      const long nearest = std::lround(std::clamp(pop.hire_age_mean_years, pop.hire_age_min_years, max_age));
      for (std::size_t k = 0; k < ages.size(); ++k) weights[k] = nearest == ages[k] ? 1.0 : 0.0;
    }
    hire_age_[female ? 1 : 0] = AliasTable(weights, ages);
  }
  retirement_age_rounded_years_ = {static_cast<int>(std::lround(pop.retirement_age_male_years)),
                                   static_cast<int>(std::lround(pop.retirement_age_female_years))};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    for (std::size_t t = 0; t < kEmploymentTypeCount; ++t) {
      log_stay_[k][t] = std::log1p(-turnover_rate(static_cast<SizeClass>(k), static_cast<EmploymentType>(t)));
    }
  }
}

double WorkerFactory::turnover_rate(SizeClass size, EmploymentType type) const {
  const auto& pop = scenario_.parameters.population;
  const double rate = pop.turnover_per_year[static_cast<std::size_t>(type)] *
                      pop.turnover_multiplier[static_cast<std::size_t>(size)];
  return std::min(rate, 0.95);  // someone hired works at least part of a year
}

std::int64_t WorkerFactory::years_until_exit(double u, std::uint32_t enterprise, EmploymentType type) const {
  const double log_stay =
      log_stay_[static_cast<std::size_t>(enterprises_.size_class[enterprise])][static_cast<std::size_t>(type)];
  return geometric_years_from_log_stay(u, log_stay, kNever);
}

// What hiring needs of an enterprise, looked up once for all its hires of a year.
struct WorkerFactory::EnterpriseHiring {
  std::uint32_t enterprise;
  const Stratum* stratum;
  double migrant_or_dispatched;  // share_migrant + share_dispatched, summed as draw() sums it
  std::uint16_t township;
  std::uint16_t county;
  const std::array<double, kEmploymentTypeCount>* log_stay;  // by employment type, for its size class
  const ExposureResponseProfile* profile;
};

WorkerFactory::EnterpriseHiring WorkerFactory::hiring_of(std::uint32_t enterprise) const {
  EnterpriseHiring h{};
  h.enterprise = enterprise;
  h.stratum = &scenario_.strata[enterprises_.stratum[enterprise]];
  h.migrant_or_dispatched = h.stratum->share_migrant + h.stratum->share_dispatched;
  h.township = enterprises_.township[enterprise];
  h.county = enterprises_.county[enterprise];
  h.log_stay = &log_stay_[static_cast<std::size_t>(enterprises_.size_class[enterprise])];
  h.profile = scenario_.profile_of_industry[static_cast<std::size_t>(enterprises_.industry[enterprise])];
  return h;
}

WorkerFactory::Draws WorkerFactory::draw(std::uint64_t id, std::uint32_t enterprise) const {
  return draw_from(rng_.bits(id, kAnyYear, Purpose::HireAttributes), hiring_of(enterprise));
}

WorkerFactory::Draws WorkerFactory::draw_from(const std::array<std::uint64_t, 4>& bits,
                                              const EnterpriseHiring& h) const {
  // The eight uniforms of RandomStream::uniforms8, converted one by one (the same values).
  const auto half = [&bits](std::size_t k) {
    return u01_open_32(static_cast<std::uint32_t>(k % 2 == 0 ? bits[k / 2] : bits[k / 2] >> 32));
  };
  const auto& pop = scenario_.parameters.population;
  const Stratum& stratum = *h.stratum;
  // a: age, sex, employment type, home; b: respirator, tenure, tolerance, death
  Draws d{};
  const double a1 = half(1);
  d.female = a1 < stratum.female_share;
  d.hire_age_years = hire_age_[d.female ? 1 : 0].pick(half(0));
  const double a2 = half(2);
  d.type = a2 < stratum.share_migrant            ? EmploymentType::Migrant
           : a2 < h.migrant_or_dispatched         ? EmploymentType::Dispatched
                                                  : EmploymentType::Formal;
  const double a3 = half(3);
  if (d.type == EmploymentType::Migrant) {
    const double share = pop.migrant_home_in_city_share;
    d.home = a3 < share ? homes_.in_city(a3 / share) : kOutsideCity;
  } else {
    const double near = pop.local_home_at_workplace_share;
    d.home = a3 < near ? h.township : homes_.in_county(h.county, (a3 - near) / (1.0 - near));
  }
  d.ppe_propensity = static_cast<std::uint8_t>(std::min(255.0, std::floor(half(4) * 256.0)));
  d.u_tenure = half(5);
  d.u_tolerance = half(6);
  d.u_death = half(7);
  return d;
}

int WorkerFactory::retirement_exit_year(int birth_year, bool female) const {
  return birth_year + retirement_age_rounded_years_[female ? 1 : 0] - 1;
}

void WorkerFactory::place(WorkerTable& w, std::size_t row, std::uint64_t id, std::uint32_t enterprise,
                          const Draws& d, int hire_year, int birth_year) const {
  place(w, row, id, hiring_of(enterprise), d, hire_year, birth_year);
}

void WorkerFactory::place(WorkerTable& w, std::size_t row, std::uint64_t id, const EnterpriseHiring& h,
                          const Draws& d, int hire_year, int birth_year) const {
  const auto tenure = geometric_years_from_log_stay(d.u_tenure, (*h.log_stay)[static_cast<std::size_t>(d.type)], kNever);
  const std::int64_t planned_exit = std::min<std::int64_t>(hire_year + tenure - 1, kNever - 1);
  const int exit_year = std::max(hire_year, std::min(static_cast<int>(planned_exit), retirement_exit_year(birth_year, d.female)));
  const auto* profile = h.profile;

  w.rng_id[row] = id;
  w.enterprise[row] = h.enterprise;
  w.home_township[row] = d.home;
  w.birth_year[row] = static_cast<std::int16_t>(birth_year);
  w.exit_year[row] = static_cast<std::int16_t>(exit_year);
  // Background death is resolved only up to the end of dust work: beyond it, it matters only for those
  // whose disease gets scheduled, and is drawn then (DiseaseCourse::death_year_after_work).
  const auto& life = scenario_.life_table;
  if (life.survives_within(birth_year, d.female, hire_year, exit_year, d.u_death)) {
    w.death_year[row] = kNever;
  } else {
    const auto death = life.death_year_within(birth_year, d.female, hire_year, exit_year, 1.0, d.u_death);
    w.death_year[row] = death ? static_cast<std::int16_t>(*death) : kNever;
  }
  w.onset_year[row] = kNever;
  w.next_stage_year[row] = kNever;
  w.diagnosed_year[row] = kNever;
  w.cum_dust_mg_m3_y[row] = 0.0f;
  w.cum_metric_mg_m3_y[row] = 0.0f;
  w.tolerance_mg_m3_y[row] = static_cast<float>(profile->tolerance_mg_m3_y(d.u_tolerance));
  w.stage[row] = 0;
  w.traits[row] = WorkerTraits::pack(d.female, d.type);
  w.ppe_propensity[row] = d.ppe_propensity;
  w.exposure_years[row] = 0;
  w.patient_record[row] = 0;
}

void WorkerFactory::hire(WorkerTable& w, std::size_t row, std::uint32_t enterprise, int year,
                         std::uint32_t slot) const {
  const std::uint64_t id = make_worker_id(enterprise, year, slot);
  const Draws d = draw(id, enterprise);
  place(w, row, id, enterprise, d, year, year - d.hire_age_years);
}

void WorkerFactory::hire_all(WorkerTable& w, std::uint32_t enterprise, int year, std::size_t count,
                             const std::size_t* rows, std::size_t first) const {
  const EnterpriseHiring h = hiring_of(enterprise);
  constexpr std::size_t kBatch = 8;
  std::array<std::array<std::uint64_t, 4>, kBatch> bits;
  for (std::size_t start = 0; start < count; start += kBatch) {
    const std::size_t n = std::min(kBatch, count - start);
    // Independent Philox evaluations back to back, before anything waits on their results.
    for (std::size_t k = 0; k < n; ++k) {
      bits[k] = rng_.bits(make_worker_id(enterprise, year, static_cast<std::uint32_t>(start + k)), kAnyYear,
                          Purpose::HireAttributes);
    }
    for (std::size_t k = 0; k < n; ++k) {
      const auto slot = static_cast<std::uint32_t>(start + k);
      const Draws d = draw_from(bits[k], h);
      place(w, rows[first + start + k], make_worker_id(enterprise, year, slot), h, d, year, year - d.hire_age_years);
    }
  }
}

void WorkerFactory::initial(WorkerTable& w, std::size_t row, std::uint32_t enterprise, std::uint32_t slot) const {
  const int start = scenario_.first_year();
  const std::uint64_t id = make_worker_id(enterprise, start, slot);
  const Draws d = draw(id, enterprise);
  const auto history = rng_.uniforms(id, kAnyYear, Purpose::InitialHistory, 0);

  // Years already worked: the same turnover, looking backwards, bounded by the retirement age.
  const int hire_age = d.hire_age_years;
  const auto& pop = scenario_.parameters.population;
  const double retirement_age = d.female ? pop.retirement_age_female_years : pop.retirement_age_male_years;
  const int max_prior = std::max(0, static_cast<int>(std::lround(retirement_age)) - hire_age - 1);
  const int prior = static_cast<int>(
      std::min<std::int64_t>(years_until_exit(history[0], enterprise, d.type) - 1, max_prior));
  const int birth_year = start - hire_age - prior;
  place(w, row, id, enterprise, d, start, birth_year);

  // Exposure of the years before the start, at the enterprise's level and the industry's trend.
  const Industry industry = enterprises_.industry[enterprise];
  const bool wears = d.ppe_propensity < enterprises_.ppe_threshold[enterprise];
  const double protection = wears ? 1.0 - scenario_.parameters.exposure.ppe_reduction : 1.0;
  const float metric_per_dust = enterprises_.metric_per_dust[enterprise];
  float dust = 0.0f;
  float metric = 0.0f;
  int onset = kNever;
  for (int year = start - prior; year < start; ++year) {
    const auto conc = static_cast<float>(enterprises_.level_dust_mg_m3[enterprise] *
                                         scenario_.trends.concentration_index(industry, enterprises_.county[enterprise], year) * protection);
    dust += conc;
    metric += conc * metric_per_dust;
    if (onset == kNever && metric >= w.tolerance_mg_m3_y[row]) {
      onset = course_.onset_year(rng_, id, year);
    }
  }
  w.cum_dust_mg_m3_y[row] = dust;
  w.cum_metric_mg_m3_y[row] = metric;
  w.exposure_years[row] = static_cast<std::uint8_t>(std::min(prior, 255));
  w.onset_year[row] = static_cast<std::int16_t>(onset);
  if (onset != kNever && w.death_year[row] == kNever) {
    w.death_year[row] = static_cast<std::int16_t>(
        course_.death_year_after_work(rng_, id, w.exit_year[row], birth_year, d.female));
  }
  if (onset < start) {
    // Disease that began before the start: bring its course, and the surveillance the worker was under
    // all those years in work (exams if the enterprise then provided them, no capacity limits), up to the
    // start year.
    int stage = 1;
    int next = course_.next_stage_year(rng_, id, 1, onset);
    const auto& propensity = enterprises_.compliance_propensity[static_cast<std::size_t>(ComplianceState::ExamsProvided)];
    // Diagnosed before the start only where the city already had a diagnosis institution (institutions.csv).
    const auto can_diagnose = [&](int year) {
      if (!scenario_.has_institutions) return true;
      return std::any_of(scenario_.institutions.begin(), scenario_.institutions.end(),
                         [year](const Institution& i) { return i.diagnosis && i.open_in(year); });
    };
    for (int year = onset; year < start; ++year) {
      if (year == next && stage < 3) {
        ++stage;
        next = course_.next_stage_year(rng_, id, stage, year);
      }
      if (w.diagnosed_year[row] != kNever || !can_diagnose(year)) continue;
      ExamAccess access;
      access.route = ExamRoute::InWork;
      access.enterprise_provides = propensity[enterprise] < compliance_.baseline_share(
                                       ComplianceState::ExamsProvided, enterprises_.size_class[enterprise], year);
      access.interval_years = enterprises_.exam_interval_years[enterprise];
      if (surveillance_.patient_year(rng_, id, year, stage, access).diagnosed) {
        w.diagnosed_year[row] = static_cast<std::int16_t>(year);
        const auto& insurance =
            enterprises_.compliance_propensity[static_cast<std::size_t>(ComplianceState::InjuryInsurance)];
        const bool insures = insurance[enterprise] < compliance_.baseline_share(ComplianceState::InjuryInsurance,
                                                                               enterprises_.size_class[enterprise], year);
        w.patient_record[row] = with_claims_at_diagnosis(
            PatientRecord::with_stage_at_diagnosis(w.patient_record[row], stage), id, d.type, insures,
            share_threshold_32(scenario_.parameters.compliance.migrant_insured_share), scenario_.parameters.economics);
      }
    }
    w.stage[row] = static_cast<std::uint8_t>(stage);
    w.next_stage_year[row] = static_cast<std::int16_t>(next);
    w.death_year[row] = static_cast<std::int16_t>(course_.death_year(rng_, id, stage, start - 1, birth_year, d.female));
  }
}

}  // namespace pneumo
