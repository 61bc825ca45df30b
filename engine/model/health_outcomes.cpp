#include "pneumoplan/model/health_outcomes.hpp"

#include <algorithm>

#include "pneumoplan/core/discounting.hpp"
#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/evidence/period_life_expectancy.hpp"
#include "pneumoplan/evidence/standard_life_table.hpp"

namespace pneumo {

HealthOutcomes::HealthOutcomes(const Scenario& scenario) : scenario_(scenario) {
  const double rate = scenario.parameters.economics.discount_rate_per_year;
  for (std::size_t age = 0; age < kDeathAgeBins; ++age) {
    const double years = gbd2019_reference_life_expectancy(static_cast<double>(age));
    reference_years_.push_back(years);
    reference_years_discounted_.push_back(discounted_years(years, rate));
  }
}

HealthYear HealthOutcomes::county_year(int year, const YearTally& t, std::size_t county, double rehab_served) const {
  return county_year(year, t, county, rehab_served, nullptr);
}

HealthYear HealthOutcomes::county_year(int year, const YearTally& t, std::size_t county, double rehab_served,
                                       const YearLifeExpectancy* life_expectancy) const {
  const auto& p = scenario_.parameters.economics;
  const auto& population = scenario_.parameters.population;
  const double rate = p.discount_rate_per_year;
  const double factor = discount_factor(rate, year, static_cast<int>(p.reference_year));
  HealthYear h;
  double morbidity_qalys = 0.0;
  for (std::size_t s = 0; s < kStageCount; ++s) {
    const auto living = static_cast<double>(t.prevalent[county * kStageCount + s]);
    h.yld += living * p.disability_weight[s];
    morbidity_qalys += living * (p.utility_full_health - p.utility[s]);
  }
  // Pulmonary rehabilitation improves breathlessness and quality of life, not the stage: QALYs only (the GBD
  // weights are per health state, and no effect on survival is established).
  morbidity_qalys -= std::min(morbidity_qalys, rehab_served * p.rehab_utility_gain);
  double mortality_qalys = 0.0, mortality_qalys_discounted = 0.0;
  for (std::size_t sex = 0; sex < 2; ++sex) {
    const bool female = sex == 1;
    const double retirement = female ? population.retirement_age_female_years : population.retirement_age_male_years;
    for (std::size_t age = 0; age < kDeathAgeBins; ++age) {
      const std::int64_t deaths = t.pneumoconiosis_deaths_by_age[(county * 2 + sex) * kDeathAgeBins + age];
      if (deaths == 0) continue;
      const auto n = static_cast<double>(deaths);
      h.yll += n * reference_years_[age];
      h.yll_discounted += n * reference_years_discounted_[age];
      const int a = static_cast<int>(age);
      double expectancy = 0.0, expectancy_discounted = 0.0;
      const std::size_t cell = sex * kDeathAgeBins + age;
      if (life_expectancy != nullptr) {
        expectancy = life_expectancy->plain[cell];
        expectancy_discounted = life_expectancy->discounted[cell];
      } else {
        expectancy = period_life_expectancy(scenario_.life_table, a, female, year);
        expectancy_discounted = period_life_expectancy(scenario_.life_table, a, female, year, rate);
      }
      mortality_qalys += n * p.utility_full_health * expectancy;
      mortality_qalys_discounted += n * p.utility_full_health * expectancy_discounted;
      h.lost_income_rmb += n * p.earnings_rmb_per_year * std::max(0.0, retirement - static_cast<double>(age));
    }
  }
  h.qaly_loss = morbidity_qalys + mortality_qalys;
  h.yll_discounted *= factor;
  h.yld_discounted = h.yld * factor;
  h.qaly_loss_discounted = factor * (morbidity_qalys + mortality_qalys_discounted);
  h.lost_income_rmb += static_cast<double>(t.lost_earnings_rmb[county]);
  return h;
}

void HealthOutcomes::record(int year, std::size_t y, const YearTally& t, const std::vector<double>& rehab_served,
                            ReplicateResults& results) const {
  const std::size_t counties = scenario_.geography.counties.size();
  std::vector<HealthYear> regions(counties + 1);
  HealthYear& city = regions[counties];
  YearLifeExpectancy life_expectancy;
  life_expectancy.plain.assign(2 * kDeathAgeBins, 0.0);
  life_expectancy.discounted.assign(2 * kDeathAgeBins, 0.0);
  // The period life expectancies the year's deaths need (a hundred years of the life table each), computed on
  // every thread before the counties read them: each is a function of its sex, age and year alone.
  std::vector<std::uint8_t> wanted(2 * kDeathAgeBins, 0);
  for (std::size_t c = 0; c < counties; ++c) {
    const std::int64_t* deaths = t.pneumoconiosis_deaths_by_age.data() + c * 2 * kDeathAgeBins;
    for (std::size_t cell = 0; cell < 2 * kDeathAgeBins; ++cell) wanted[cell] |= deaths[cell] != 0;
  }
  std::vector<std::size_t> needed;
  for (std::size_t cell = 0; cell < 2 * kDeathAgeBins; ++cell) {
    if (wanted[cell]) needed.push_back(cell);
  }
  const double rate = scenario_.parameters.economics.discount_rate_per_year;
  pneumo::parallel_for(std::size_t{0}, needed.size(), [&](std::size_t k) {
    const std::size_t cell = needed[k];
    const int age = static_cast<int>(cell % kDeathAgeBins);
    const bool female = cell / kDeathAgeBins == 1;
    life_expectancy.plain[cell] = period_life_expectancy(scenario_.life_table, age, female, year);
    life_expectancy.discounted[cell] = period_life_expectancy(scenario_.life_table, age, female, year, rate);
  });
  for (std::size_t c = 0; c < counties; ++c) {
    regions[c] = county_year(year, t, c, rehab_served.empty() ? 0.0 : rehab_served[c], &life_expectancy);
    city.yll += regions[c].yll;
    city.yld += regions[c].yld;
    city.qaly_loss += regions[c].qaly_loss;
    city.yll_discounted += regions[c].yll_discounted;
    city.yld_discounted += regions[c].yld_discounted;
    city.qaly_loss_discounted += regions[c].qaly_loss_discounted;
    city.lost_income_rmb += regions[c].lost_income_rmb;
  }
  const auto write = [&](OutputId id, auto value_of) {
    double* row = results[id].year_row(y);
    for (std::size_t r = 0; r <= counties; ++r) row[r] = value_of(regions[r]);
  };
  write(OutputId::Yll, [](const HealthYear& h) { return h.yll; });
  write(OutputId::Yld, [](const HealthYear& h) { return h.yld; });
  write(OutputId::Dalys, [](const HealthYear& h) { return h.dalys(); });
  write(OutputId::QalyLoss, [](const HealthYear& h) { return h.qaly_loss; });
  write(OutputId::YllDiscounted, [](const HealthYear& h) { return h.yll_discounted; });
  write(OutputId::YldDiscounted, [](const HealthYear& h) { return h.yld_discounted; });
  write(OutputId::DalysDiscounted, [](const HealthYear& h) { return h.dalys_discounted(); });
  write(OutputId::QalyLossDiscounted, [](const HealthYear& h) { return h.qaly_loss_discounted; });
  write(OutputId::LostIncome, [](const HealthYear& h) { return h.lost_income_rmb; });

  // Whole-RMB and head counts: the city is the sum of its counties.
  const auto counts = [&](OutputId id, const std::vector<std::int64_t>& cells, std::size_t stride, std::size_t k) {
    double* row = results[id].year_row(y);
    std::int64_t total = 0;
    for (std::size_t c = 0; c < counties; ++c) {
      row[c] = static_cast<double>(cells[c * stride + k]);
      total += cells[c * stride + k];
    }
    row[counties] = static_cast<double>(total);
  };
  {
    double* row = results[OutputId::MedicalCost].year_row(y);
    std::int64_t city_total = 0;
    for (std::size_t c = 0; c < counties; ++c) {
      std::int64_t total = 0;
      for (std::size_t k = 0; k < kPayerCount; ++k) total += t.paid_rmb[c * kPayerCount + k];
      row[c] = static_cast<double>(total);
      city_total += total;
    }
    row[counties] = static_cast<double>(city_total);
  }
  for (std::size_t k = 0; k < kPayerCount; ++k) {
    counts(static_cast<OutputId>(static_cast<std::size_t>(OutputId::PaidInjuryInsurance) + k), t.paid_rmb, kPayerCount, k);
  }
  counts(OutputId::PatientsInjuryInsured, t.patients_by_coverage, kCoverageGroupCount,
         static_cast<std::size_t>(CoverageGroup::InjuryInsured));
  for (std::size_t g = 0; g < kCoverageGroupCount; ++g) {
    counts(static_cast<OutputId>(static_cast<std::size_t>(OutputId::CatastrophicInjuryInsured) + g),
           t.catastrophic_by_coverage, kCoverageGroupCount, g);
    counts(static_cast<OutputId>(static_cast<std::size_t>(OutputId::ImpoverishedInjuryInsured) + g),
           t.impoverished_by_coverage, kCoverageGroupCount, g);
  }
}

}  // namespace pneumo
