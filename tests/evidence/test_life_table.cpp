// Life-table arithmetic: piecewise-constant hazards, log-linear interpolation between periods, sampled
// death years against the survival function, with a multiplier and with an excess hazard. The published
// survival by stage is checked with the disease course in tests/model/test_survival.cpp.
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
  EXPECT_DOUBLE_EQ(table.hazard(40, false, 2018), 0.00221723);
  EXPECT_DOUBLE_EQ(table.hazard(44, false, 2018), 0.00221723);
  EXPECT_DOUBLE_EQ(table.hazard(45, true, 2030), 0.00167546);  // flat after the last period
  EXPECT_DOUBLE_EQ(table.hazard(0, false, 1940), 0.139529);     // flat before the first period (1950-55)
  EXPECT_DOUBLE_EQ(table.hazard(105, false, 2018), 0.89299663); // open last group
}

TEST(LifeTable, HazardIsInterpolatedLogLinearlyBetweenPeriods) {
  const LifeTable table = prepared_china_table();
  // 1993 (1990-95) and 2003 (2000-05) are five years either side of 1998 (1995-2000): halfway between 1993
  // and 1998 is 1995.5, so test a year on a period's mid-year and one between two of them.
  EXPECT_DOUBLE_EQ(table.hazard(50, false, 1998), 0.00740621);
  EXPECT_NEAR(table.hazard(50, false, 2000), std::exp(0.6 * std::log(0.00740621) + 0.4 * std::log(0.00685616)), 1e-15);
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

TEST(LifeTable, AnExcessHazardMultipliesSurvivalByItsExponential) {
  // Hazard m·μ + e: survival S_bg(t)^m · exp(−e·t). Sampled deaths within 10 years follow it (binomial
  // tolerance), and the median survival solves S = 1/2.
  const LifeTable table = prepared_china_table();
  const double excess = 0.03;
  const double s10 = table.survival(1950, false, 2000, 2010, 1.0) * std::exp(-excess * 10.0);
  const RandomStream stream(7, 0);
  const int n = 100000;
  int dead = 0;
  for (int i = 0; i < n; ++i) {
    dead += table.death_year(1950, false, 2000, 1.0, stream.uniform(i, 0, Purpose::CohortMember), excess) < 2010;
  }
  EXPECT_NEAR(dead / static_cast<double>(n), 1.0 - s10, test::binomial_tolerance(1.0 - s10, n));
  const double median = table.median_survival_years(1950, false, 2000, 1.0, excess);
  const auto s_at = [&](int t) { return table.survival(1950, false, 2000, 2000 + t, 1.0) * std::exp(-excess * t); };
  const int whole = static_cast<int>(median);
  EXPECT_GT(s_at(whole), 0.5);
  EXPECT_LE(s_at(whole + 1), 0.5);
  // Without an excess the search is the multiplier's, unchanged.
  EXPECT_EQ(table.death_year(1950, false, 2000, 2.0, 0.3, 0.0), table.death_year(1950, false, 2000, 2.0, 0.3));
}

}  // namespace
}  // namespace pneumo
