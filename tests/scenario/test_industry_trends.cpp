#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/scenario/industry_trends.hpp"

namespace pneumo {
namespace {

IndustryTrends example_trends() {
  IndustryTrends trends(2020, -0.031);
  trends.add_workforce_point(Industry::CoalMining, IndustryTrends::kWholeCity, {2000, 1.4});
  trends.add_workforce_point(Industry::CoalMining, IndustryTrends::kWholeCity, {2030, 0.6});
  trends.add_workforce_point(Industry::CoalMining, 2, {2010, 2.0});
  trends.add_workforce_point(Industry::CoalMining, 2, {2011, 1.0});
  trends.add_concentration_point(Industry::FoundryMetallurgy, IndustryTrends::kWholeCity, {1990, 3.0});
  trends.add_concentration_point(Industry::FoundryMetallurgy, IndustryTrends::kWholeCity, {2005, 1.7});
  trends.add_concentration_point(Industry::FoundryMetallurgy, IndustryTrends::kWholeCity, {2025, 0.9});
  trends.add_concentration_point(Industry::FoundryMetallurgy, 1, {2000, 1.1});
  return trends;
}

// Tables are a cache: every value, inside and outside the tabulated years and counties, is the computed one,
// to the last bit.
TEST(IndustryTrends, TabulatedValuesAreTheComputedOnes) {
  const IndustryTrends computed = example_trends();
  IndustryTrends tabulated = example_trends();
  tabulated.tabulate(1960, 2036, 3);
  int compared = 0;
  for (int county = IndustryTrends::kWholeCity; county <= 4; ++county) {
    for (std::size_t k = 0; k < kIndustryCount; ++k) {
      const auto industry = static_cast<Industry>(k);
      for (int year = 1940; year <= 2050; ++year) {
        ASSERT_EQ(tabulated.workforce_index(industry, county, year), computed.workforce_index(industry, county, year))
            << county << " " << k << " " << year;
        ASSERT_EQ(tabulated.concentration_index(industry, county, year),
                  computed.concentration_index(industry, county, year))
            << county << " " << k << " " << year;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 6 * static_cast<int>(kIndustryCount) * 111);
  // The series themselves, so that the comparison above compares something.
  EXPECT_DOUBLE_EQ(computed.workforce_index(Industry::CoalMining, 0, 2015), 1.0);
  EXPECT_DOUBLE_EQ(computed.workforce_index(Industry::CoalMining, 2, 2015), 1.0);
  EXPECT_DOUBLE_EQ(computed.workforce_index(Industry::CoalMining, 2, 2010), 2.0);
  EXPECT_DOUBLE_EQ(computed.concentration_index(Industry::FoundryMetallurgy, 0, 2005), 1.7);
  EXPECT_DOUBLE_EQ(computed.concentration_index(Industry::FoundryMetallurgy, 1, 2005), 1.1);
  EXPECT_DOUBLE_EQ(computed.concentration_index(Industry::Cement, 0, 2021), 1.0 - 0.031);
}

TEST(IndustryTrends, PointsAddedAfterTabulatingAreSeen) {
  IndustryTrends trends = example_trends();
  trends.tabulate(1960, 2036, 3);
  EXPECT_DOUBLE_EQ(trends.concentration_index(Industry::Cement, 0, 2000), std::pow(1.0 - 0.031, -20.0));
  trends.add_concentration_point(Industry::Cement, 0, {2000, 5.0});
  EXPECT_DOUBLE_EQ(trends.concentration_index(Industry::Cement, 0, 2000), 5.0);
  trends.add_workforce_point(Industry::Cement, IndustryTrends::kWholeCity, {2000, 0.5});
  EXPECT_DOUBLE_EQ(trends.workforce_index(Industry::Cement, 1, 2000), 0.5);
}

}  // namespace
}  // namespace pneumo
