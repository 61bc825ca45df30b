// The arithmetic of health valuation against hand-computed values: discounting to a reference year and of a
// stream of life years, the GBD 2019 reference life table for YLL, and remaining life expectancy from a life
// table with a constant hazard (closed form).
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/discounting.hpp"
#include "pneumoplan/evidence/period_life_expectancy.hpp"
#include "pneumoplan/evidence/standard_life_table.hpp"

namespace pneumo {
namespace {

TEST(Discounting, FlowsAreWorthTheirReferenceYearValue) {
  EXPECT_DOUBLE_EQ(discount_factor(0.03, 2021, 2021), 1.0);
  EXPECT_NEAR(discount_factor(0.03, 2031, 2021), 0.7440939148967249, 1e-15);  // 1.03^-10
  EXPECT_NEAR(discount_factor(0.03, 2019, 2021), 1.0609, 1e-14);              // compounded forward
  EXPECT_DOUBLE_EQ(discount_factor(0.0, 2050, 2021), 1.0);
}

TEST(Discounting, AStreamOfYearsIsDiscountedContinuously) {
  // (1 - 1.03^-10) / ln 1.03
  EXPECT_NEAR(discounted_years(10.0, 0.03), 8.657525532059722, 1e-12);
  EXPECT_DOUBLE_EQ(discounted_years(7.5, 0.0), 7.5);
  EXPECT_DOUBLE_EQ(discounted_years(0.0, 0.03), 0.0);
  EXPECT_DOUBLE_EQ(discounted_years(-2.0, 0.03), 0.0);
  // Less than the undiscounted years, more than the years each discounted at the stream's end.
  EXPECT_LT(discounted_years(30.0, 0.03), 30.0);
  EXPECT_GT(discounted_years(30.0, 0.03), 30.0 * discount_factor(0.03, 30, 0));
}

TEST(StandardLifeTable, GbdReferenceLifeExpectancyIsTabulatedAndInterpolated) {
  EXPECT_DOUBLE_EQ(gbd2019_reference_life_expectancy(0.0), 88.8718951);
  EXPECT_DOUBLE_EQ(gbd2019_reference_life_expectancy(60.0), 30.25343822);
  EXPECT_NEAR(gbd2019_reference_life_expectancy(47.0), 42.51388749, 1e-9);   // 45 + 2/5 of the way to 50
  EXPECT_NEAR(gbd2019_reference_life_expectancy(3.0), 86.015295545, 1e-9);   // between 1 and 5
  EXPECT_DOUBLE_EQ(gbd2019_reference_life_expectancy(95.0), 5.922359078);
  EXPECT_DOUBLE_EQ(gbd2019_reference_life_expectancy(104.0), 5.922359078);   // the open last group
  EXPECT_DOUBLE_EQ(gbd2019_reference_life_expectancy(-1.0), 88.8718951);
  for (int age = 1; age <= 110; ++age) {
    EXPECT_LE(gbd2019_reference_life_expectancy(age), gbd2019_reference_life_expectancy(age - 1)) << age;
  }
}

TEST(PeriodLifeExpectancy, ConstantHazardGivesTheClosedForm) {
  // μ = 0.05 at every age: from 100 the 11 years to 110 give (1 − e^−11μ)/μ, and discounted at r the same with
  // μ + ln(1 + r).
  const LifeTable table({MortalityPeriod{2000, {MortalityAgeGroup{0, 0, 0.05, 0.05}}}});
  EXPECT_NEAR(period_life_expectancy(table, 100, false, 2020), 8.461003792390267, 1e-12);
  EXPECT_NEAR(period_life_expectancy(table, 100, true, 2020, 0.03), 7.330416811465987, 1e-12);
  // From birth it approaches 1/μ.
  EXPECT_NEAR(period_life_expectancy(table, 0, false, 2020), (1.0 - std::exp(-0.05 * 111)) / 0.05, 1e-10);
}

}  // namespace
}  // namespace pneumo
