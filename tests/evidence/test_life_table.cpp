// Life-table arithmetic: piecewise-constant hazards, log-linear interpolation between periods, sampled
// death years against the survival function, and the stage mortality multipliers against the published
// median survival from diagnosis.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

LifeTable prepared_china_table() {
  LifeTable table(builtin_china_mortality());
  table.prepare_cohorts(1880, 2040);
  return table;
}

TEST(LifeTable, HazardIsTheGroupDeathRate) {
  const LifeTable table = prepared_china_table();
  EXPECT_DOUBLE_EQ(table.hazard(40, false, 2018), 0.00224893);
  EXPECT_DOUBLE_EQ(table.hazard(44, false, 2018), 0.00224893);
  EXPECT_DOUBLE_EQ(table.hazard(45, true, 2030), 0.00167718);  // flat after the last period
  EXPECT_DOUBLE_EQ(table.hazard(0, false, 1960), 0.04097486);   // flat before the first period
  EXPECT_DOUBLE_EQ(table.hazard(105, false, 2018), 0.89341851); // open last group
}

TEST(LifeTable, HazardIsInterpolatedLogLinearlyBetweenPeriods) {
  const LifeTable table = prepared_china_table();
  EXPECT_NEAR(table.hazard(50, false, 1998), std::sqrt(0.00855913 * 0.00677496), 1e-15);
}

TEST(LifeTable, SurvivalIsTheExponentialOfMinusTheCumulativeHazard) {
  const LifeTable table = prepared_china_table();
  double cumulative = 0.0;
  for (int k = 0; k < 10; ++k) cumulative += table.hazard(50 + k, false, 2010 + k);
  EXPECT_NEAR(table.survival(1960, false, 2010, 2020, 1.0), std::exp(-cumulative), 1e-12);
  EXPECT_NEAR(table.survival(1960, false, 2010, 2020, 2.5), std::exp(-2.5 * cumulative), 1e-12);
}

TEST(LifeTable, SampledDeathYearsFollowTheSurvivalFunction) {
  const LifeTable table = prepared_china_table();
  const RandomStream stream(5, 0);
  const int n = 100000;
  for (const double multiplier : {1.0, 3.0}) {
    int dead_within_10 = 0;
    for (int i = 0; i < n; ++i) {
      const int death = table.death_year(1950, false, 2005, multiplier, stream.uniform(i, 0, Purpose::CohortMember));
      EXPECT_GE(death, 2005);
      if (death < 2015) ++dead_within_10;
    }
    const double p = 1.0 - table.survival(1950, false, 2005, 2015, multiplier);
    EXPECT_NEAR(dead_within_10 / static_cast<double>(n), p, test::binomial_tolerance(p, n)) << multiplier;
  }
}

TEST(LifeTable, ReproducesTheWppLifeExpectancyAtBirth) {
  // WPP 2024 gives e0 = 74.89 (men) and 80.49 (women) for 2015-2020. A period table with this
  // hazard (constant within groups, whole-year steps) must agree within half a year.
  LifeTable table({builtin_china_mortality().back()});
  table.prepare_cohorts(1900, 2100);
  for (const bool female : {false, true}) {
    double e0 = 0.0;
    for (int t = 0; t < 120; ++t) {
      const double s0 = table.survival(2000, female, 2000, 2000 + t, 1.0);
      const double s1 = table.survival(2000, female, 2000, 2000 + t + 1, 1.0);
      if (s0 <= s1) break;  // beyond the table's last age
      e0 += (s0 - s1) / std::log(s0 / s1);  // person-years lived in the year under a constant hazard
    }
    EXPECT_NEAR(e0, female ? 80.49 : 74.89, 0.5) << (female ? "women" : "men");
  }
}

TEST(LifeTable, StageMortalityMultipliersGiveThePublishedMedianSurvival) {
  // Guangdong silicosis (references.md §2): median survival from diagnosis 27 (I), 20 (II), 11 (III)
  // years; calibrated for a man diagnosed at 48 (Chen 2001 mean age at diagnosis) in 2000.
  const LifeTable table = prepared_china_table();
  const auto parameters = default_scenario_parameters();
  const double published[] = {27.0, 20.0, 11.0};
  for (int stage = 0; stage < 3; ++stage) {
    const double median =
        table.median_survival_years(1952, false, 2000, parameters.disease.mortality_multiplier[stage]);
    EXPECT_NEAR(median, published[stage], 0.1) << "stage " << stage + 1;
  }
}

}  // namespace
}  // namespace pneumo
