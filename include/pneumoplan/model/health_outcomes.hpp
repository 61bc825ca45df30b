// The year's health and money outcomes of pneumoconiosis, from the annual pass's integer tallies (so they are
// the same for any number of threads): years of life lost (YLL, the GBD 2019 reference life expectancy at each
// pneumoconiosis death's age), years lived with disability (YLD, living patients × their stage's disability
// weight), DALYs = YLL + YLD, QALYs lost (living patients × the utility their stage takes, and each death × the
// full-health utility × the remaining life expectancy of the scenario's own life table; less the utility that
// rehabilitation gives the patients a station serves), the same discounted to
// economics.reference_year, medical costs by payer, lost income, and patients with catastrophic expenditure or
// impoverished by coverage group (docs/model.md, "Health economics").
#pragma once

#include <cstddef>
#include <vector>

#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// One region's health outcomes of a year (the city's are the sums of its counties').
struct HealthYear {
  double yll = 0.0, yld = 0.0, qaly_loss = 0.0;
  double yll_discounted = 0.0, yld_discounted = 0.0, qaly_loss_discounted = 0.0;
  double lost_income_rmb = 0.0;
  double dalys() const { return yll + yld; }
  double dalys_discounted() const { return yll_discounted + yld_discounted; }
};

class HealthOutcomes {
 public:
  explicit HealthOutcomes(const Scenario& scenario);

  // County `county`'s outcomes in `year` from the year's tally, with `rehab_served` of its patients served by a
  // rehabilitation station in the year.
  HealthYear county_year(int year, const YearTally& tally, std::size_t county, double rehab_served = 0.0) const;

  // Writes every health-economic output of `year` (row `year_index`) into `results`; `rehab_served_by_region`:
  // patients served by stations, by county (then the city), or empty where none are.
  void record(int year, std::size_t year_index, const YearTally& tally,
              const std::vector<double>& rehab_served_by_region, ReplicateResults& results) const;

 private:
  // This year's period life expectancy at each age, by sex, plain and discounted: the same for every county,
  // so record() computes each value the year's deaths need once, before the counties, instead of once per
  // county with a death at that age. Without it (nullptr), county_year computes what it needs.
  struct YearLifeExpectancy {
    std::vector<double> plain, discounted;  // [sex × kDeathAgeBins + age]
  };
  HealthYear county_year(int year, const YearTally& tally, std::size_t county, double rehab_served,
                         const YearLifeExpectancy* life_expectancy) const;

  const Scenario& scenario_;
  std::vector<double> reference_years_;             // GBD reference life expectancy, by age at death
  std::vector<double> reference_years_discounted_;  // ... as a discounted stream
};

}  // namespace pneumo
