// Cohort mode: the life table by band of cumulative exposure estimates the profile's cumulative risk
// (within Greenwood standard errors), and the timing statistics behave as the latency says.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"
#include "pneumoplan/research/published_life_table.hpp"
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
      "[cohort]\nsize = 40000\nprofile = silica_tin_chen2005\nhire_year_first = 1960\nhire_year_last = 1970\n"
      "follow_up_end_year = 2010\nseed = 3\n"
      "[exposure]\nintensity_metric = respirable_silica\nintensity_gm_mg_m3 = 0.12\nintensity_gsd = 1.5\n"
      "years_employed_median = 25\nyears_employed_gsd = 1.4\n"
      "[output]\nband_width_mg_m3_y = 0.5\nband_count = 16\n"
      "[disease]\nonset_latency_median_years = 0\n");
  const CohortResult result = simulate_cohort(spec);
  ASSERT_EQ(result.bands.size(), 16u);
  const auto* profile = find_exposure_response_profile("silica_tin_chen2005");
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
      "[cohort]\nsize = 20000\nindustry = tin_mining\nprofile = silica_tin_chen2005\nhire_year_first = 1960\n"
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

TEST(Cohort, EmploymentWindowKeepsOnlyMembersWhoWorkedInIt) {
  // Members hired 1950-1974 who must have worked at least one year in 1960-1974: those hired in the 1950s
  // stay only if their work reached 1960, so with short jobs most members are hired from 1960 on. Without the
  // window the same file gives the members of today (attempt 0 draws are unchanged).
  const auto file = [](const std::string& window) {
    return "[cohort]\nsize = 4000\nprofile = silica_tin_chen2005\nhire_year_first = 1950\nhire_year_last = 1974\n"
           "follow_up_end_year = 1994\n" + window +
           "[exposure]\nintensity_gm_mg_m3 = 0.3\nyears_employed_median = 2\nyears_employed_gsd = 1.2\n";
  };
  const CohortResult without = simulate_cohort(cohort_from(file("")));
  const CohortResult with =
      simulate_cohort(cohort_from(file("employed_window_first = 1960\nemployed_window_last = 1974\n")));
  EXPECT_EQ(with.members, 4000);
  // Short jobs and a window of 15 of the 25 hiring years: members hired before about 1958 are drawn again,
  // so members start later on average and have fewer years of follow-up: fewer cases.
  EXPECT_LT(with.cases, without.cases);
  EXPECT_THROW(cohort_from(file("employed_window_first = 1960\n")), InputError);
  EXPECT_THROW(cohort_from(file("employed_window_first = 1980\nemployed_window_last = 1990\n")), InputError);
}

TEST(Cohort, IntensityTrendScalesTheYearlyExposure) {
  // A trend that halves intensity every decade, referenced to the first hiring year, gives members hired in
  // that year a career-mean intensity below the reference level, and members the same cumulative exposure as a
  // constant intensity equal to the trend's mean over their years.
  IntensityTrend trend;
  trend.points = {{1960, 1.0}, {1970, 0.5}, {1980, 0.25}};
  trend.reference_year = 1970;
  EXPECT_DOUBLE_EQ(trend.factor(1970), 1.0);
  EXPECT_DOUBLE_EQ(trend.factor(1960), 2.0);
  EXPECT_DOUBLE_EQ(trend.factor(1950), 2.0);  // flat before the first point
  EXPECT_NEAR(trend.factor(1975), std::sqrt(0.5), 1e-12);  // log-linear between points
  const std::string base =
      "[cohort]\nsize = 3000\nhire_year_first = 1960\nhire_year_last = 1960\nfollow_up_end_year = 1990\n"
      "[exposure]\nintensity_gm_mg_m3 = 0.2\nintensity_gsd = 1\nyears_employed_median = 10\nyears_employed_gsd = 1\n";
  const CohortResult flat = simulate_cohort(cohort_from(base));
  EXPECT_NEAR(flat.median_member_intensity, 0.2, 1e-9);
  const CohortResult falling = simulate_cohort(
      cohort_from(base + "intensity_trend = 1960:1, 1970:0.5, 1980:0.25\nintensity_trend_reference_year = 1960\n"));
  double mean = 0.0;
  for (int year = 1960; year < 1970; ++year) mean += 0.2 * std::pow(0.5, (year - 1960) / 10.0) / 10.0;
  EXPECT_NEAR(falling.median_member_intensity, mean, 1e-9);
  EXPECT_THROW(cohort_from(base + "intensity_trend = 1960:1, 1950:2\nintensity_trend_reference_year = 1960\n"), InputError);
  EXPECT_THROW(cohort_from(base + "intensity_trend = 1960:1, 1970:0.5\n"), InputError);  // no reference year
  EXPECT_THROW(cohort_from(base + "intensity_trend = 1960:-1\nintensity_trend_reference_year = 1960\n"), InputError);
}

TEST(Cohort, BandLimitsAreThoseGiven) {
  const CohortResult result = simulate_cohort(
      cohort_from("[cohort]\nsize = 2000\n[output]\nband_limits_mg_m3_y = 0, 0.5, 2, 7\n"));
  ASSERT_EQ(result.bands.size(), 4u);
  EXPECT_DOUBLE_EQ(result.bands[1].lower_mg_m3_y, 0.5);
  EXPECT_DOUBLE_EQ(result.bands[2].upper_mg_m3_y, 7.0);
  EXPECT_TRUE(std::isinf(result.bands[3].upper_mg_m3_y));
  EXPECT_THROW(cohort_from("[cohort]\nsize = 10\n[output]\nband_limits_mg_m3_y = 0, 2, 1\n"), InputError);
  EXPECT_THROW(cohort_from("[cohort]\nsize = 10\n[output]\nband_limits_mg_m3_y = 1, 2\n"), InputError);
}

TEST(Cohort, PublishedTableIsReadAsEffectiveNumbersAndRisksAtLowerLimits) {
  test::ScratchFolder scratch;
  // Three bands: q = 10/1000 and 40/500, so the risks at the lower limits are 0, 0.01 and 1 − 0.99·0.92.
  test::write_file(scratch.file("t.csv"),
                   "band_lower_mg_m3_y,band_upper_mg_m3_y,effective_at_risk,cases,cumulative_risk_at_lower\n"
                   "0,1,1000,10,0\n1,2,500,40,0.01\n2,,100,5,0.089\n");
  const PublishedLifeTable table = read_published_life_table(scratch.file("t.csv"));
  ASSERT_EQ(table.bands.size(), 3u);
  EXPECT_NEAR(table.risk_at_lower_from_counts(2), 1.0 - 0.99 * 0.92, 1e-12);
  // Greenwood: S·sqrt(Σ q/(n(1−q))).
  const double se = 0.99 * 0.92 * std::sqrt(0.01 / (1000 * 0.99) + 0.08 / (500 * 0.92));
  EXPECT_NEAR(table.risk_at_lower_se(2), se, 1e-12);
  // A transcription error (a risk its counts do not give) is refused with its line.
  test::write_file(scratch.file("bad.csv"),
                   "band_lower_mg_m3_y,band_upper_mg_m3_y,effective_at_risk,cases,cumulative_risk_at_lower\n"
                   "0,1,1000,10,0\n1,,500,40,0.2\n");
  try {
    read_published_life_table(scratch.file("bad.csv"));
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv:3:"), std::string::npos) << e.what();
  }
}

TEST(Cohort, ComparisonJudgesBandsByTheirTolerance) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("t.csv"),
                   "band_lower_mg_m3_y,band_upper_mg_m3_y,effective_at_risk,cases,cumulative_risk_at_lower\n"
                   "0,1,1000,100,0\n1,2,800,400,0.1\n2,,30,10,0.55\n");
  const PublishedLifeTable table = read_published_life_table(scratch.file("t.csv"));
  std::vector<CohortBand> simulated(3);
  simulated[0].cumulative_risk = 0.12;  // at 1: published 0.10
  simulated[1].cumulative_risk = 0.70;  // at 2: published 0.55, but only 30 at risk there
  const PublishedComparison c = compare_with_published(table, simulated, 1.0, 0.08, 50, 3.0);
  ASSERT_EQ(c.bands.size(), 3u);
  EXPECT_TRUE(c.bands[1].judged);
  EXPECT_NEAR(c.bands[1].difference, 0.02, 1e-12);
  // z · SE of the published 0.10 (n = 1000): 3 · sqrt(0.1 · 0.9 / 1000) ≈ 0.028, tighter than 0.08.
  EXPECT_NEAR(c.bands[1].tolerance, 3.0 * std::sqrt(0.1 * 0.9 / 1000), 1e-12);
  EXPECT_TRUE(c.bands[1].within);
  EXPECT_FALSE(c.bands[2].judged);
  EXPECT_EQ(c.judged, 2);  // the first band (risk 0 at 0) and the second
  EXPECT_EQ(c.outside, 0);
  simulated[0].cumulative_risk = 0.15;
  EXPECT_EQ(compare_with_published(table, simulated, 1.0, 0.08, 50, 3.0).outside, 1);
}

}  // namespace
}  // namespace pneumo
