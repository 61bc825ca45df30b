// Cohort mode: the life table by band of cumulative exposure estimates the profile's cumulative risk
// (within Greenwood standard errors), and the timing statistics behave as the latency says.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

CohortSpec cohort_from(const std::string& text) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("c.ini"), text);
  return load_cohort_spec(scratch.file("c.ini"));
}

TEST(Cohort, LifeTableEstimatesTheProfileRiskWhenOnsetIsImmediate) {
  // With no latency, a case falls in the band where cumulative exposure crosses the tolerance (up to one
  // year's increment later), deaths and the end of exposure censor non-informatively, so the life-table
  // cumulative risk at a band's upper edge estimates F(edge) (minus at most one increment).
  const CohortSpec spec = cohort_from(
      "[cohort]\nsize = 40000\nprofile = silica_tin_chen2001\nhire_year_first = 1960\nhire_year_last = 1970\n"
      "follow_up_end_year = 2010\nseed = 3\n"
      "[exposure]\nintensity_metric = respirable_silica\nintensity_gm_mg_m3 = 0.12\nintensity_gsd = 1.5\n"
      "years_employed_median = 25\nyears_employed_gsd = 1.4\n"
      "[output]\nband_width_mg_m3_y = 0.5\nband_count = 16\n"
      "[disease]\nonset_latency_median_years = 0\n");
  const CohortResult result = simulate_cohort(spec);
  ASSERT_EQ(result.bands.size(), 16u);
  const auto* profile = find_exposure_response_profile("silica_tin_chen2001");
  const double max_increment = 0.12 * std::pow(1.5, 4.0);  // a generous 4-GSD annual intensity
  int checked = 0;
  for (const auto& band : result.bands) {
    if (!std::isfinite(band.upper_mg_m3_y) || band.entering < 2000) continue;
    const double upper = profile->cumulative_risk(band.upper_mg_m3_y);
    const double lower = profile->cumulative_risk(std::max(0.0, band.upper_mg_m3_y - max_increment));
    EXPECT_LE(band.cumulative_risk, upper + 4.0 * band.cumulative_risk_se) << band.upper_mg_m3_y;
    EXPECT_GE(band.cumulative_risk, lower - 4.0 * band.cumulative_risk_se) << band.upper_mg_m3_y;
    ++checked;
  }
  EXPECT_GE(checked, 6);
  EXPECT_EQ(result.cases_after_exposure_ended, 0);
}

TEST(Cohort, LatencyMovesOnsetsPastTheEndOfExposure) {
  // Chen 2001: 67.4 % of tin miners' silicosis was diagnosed after exposure ended; Hnizdo 1993: 57 %.
  // With the default latency the model should put a majority of onsets after exposure ended.
  const CohortSpec spec = cohort_from(
      "[cohort]\nsize = 20000\nindustry = tin_mining\nprofile = silica_tin_chen2001\nhire_year_first = 1960\n"
      "hire_year_last = 1974\nfollow_up_end_year = 2003\n"
      "[exposure]\nintensity_metric = total_dust\nintensity_gm_mg_m3 = 2.5\nintensity_gsd = 2\n"
      "years_employed_median = 12\n");
  const CohortResult result = simulate_cohort(spec);
  ASSERT_GT(result.cases, 500);
  const double after = result.cases_after_exposure_ended / static_cast<double>(result.cases);
  EXPECT_GT(after, 0.5);
  EXPECT_LT(after, 0.8);
  EXPECT_GT(result.mean_years_first_exposure_to_onset, 10.0);
}

TEST(Cohort, CountsAreConsistent) {
  const CohortSpec spec = cohort_from("[cohort]\nsize = 5000\n");
  const CohortResult result = simulate_cohort(spec);
  std::int64_t cases = 0, withdrawals = 0;
  for (std::size_t k = 0; k < result.bands.size(); ++k) {
    const auto& b = result.bands[k];
    cases += b.cases;
    withdrawals += b.withdrawals;
    if (k + 1 < result.bands.size()) {
      // Those entering the next band are those who neither fell ill nor withdrew here.
      EXPECT_EQ(result.bands[k + 1].entering, b.entering - b.cases - b.withdrawals);
    }
  }
  EXPECT_EQ(result.bands.front().entering, 5000);
  EXPECT_EQ(cases + withdrawals, 5000);
  EXPECT_EQ(cases, result.cases);
}

TEST(Cohort, BadCohortFilesAreRefusedWithTheirLine) {
  EXPECT_THROW(cohort_from("[cohort]\nsize = -3\n"), InputError);
  EXPECT_THROW(cohort_from("[cohort]\nhire_year_first = 1980\nhire_year_last = 1970\n"), InputError);
  try {
    cohort_from("[cohort]\nindustry = knitting\n");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(":2: key 'cohort.industry': expected one of coal_mining"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace pneumo
