// Exposure-response profiles: their closed forms, the cohort file that validates each, the published ranking of
// the Chinese cohorts, tolerance as the inverse of the risk curve, and sampled tolerances giving the right share
// of cases (binomial tolerance).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/evidence/exposure_response.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(ExposureResponse, WeibullAndLogLogisticHaveTheirClosedForms) {
  const auto weibull = ExposureResponseProfile::weibull("w", ExposureMetric::RespirableSilica, 8.0, 2.0, "test");
  EXPECT_NEAR(weibull.cumulative_risk(8.0), 1.0 - std::exp(-1.0), 1e-15);
  EXPECT_NEAR(weibull.cumulative_risk(4.0), 1.0 - std::exp(-0.25), 1e-15);
  const auto logistic = ExposureResponseProfile::log_logistic("l", ExposureMetric::RespirableSilica, 5.0, 3.0, "test");
  EXPECT_DOUBLE_EQ(logistic.cumulative_risk(5.0), 0.5);
  EXPECT_NEAR(logistic.cumulative_risk(10.0), 1.0 / (1.0 + std::pow(2.0, -3.0)), 1e-15);
}

TEST(ExposureResponse, EveryProfileNamesTheCohortFileThatValidatesIt) {
  // The validation itself (the cohort run against the published table) is the ctest
  // cohort.published_tables_are_reproduced; here: every shipped profile has one, and it exists.
  for (const auto& profile : exposure_response_library()) {
    ASSERT_FALSE(profile.validation_cohort().empty()) << profile.name();
    EXPECT_TRUE(std::filesystem::exists(std::string(PNEUMO_SOURCE_DIR) + "/scenarios/cohorts/" +
                                        profile.validation_cohort()))
        << profile.name() << ": " << profile.validation_cohort();
  }
}

TEST(ExposureResponse, ChenCohortsRankPotteryBelowTungstenBelowTinAtEqualExposure) {
  // Hnizdo et al. (Med Lav 2002) for the same cohorts: at equal cumulative respirable silica the risk ranks
  // pottery < tungsten < tin (references.md §1.1). The refitted tolerance curves keep that order from
  // 3 mg/m3·y on; below, where risks are under 7 %, the pottery and tungsten curves cross within the tables'
  // noise.
  const auto* pottery = find_exposure_response_profile("silica_pottery_chen2005");
  const auto* tungsten = find_exposure_response_profile("silica_tungsten_chen2005");
  const auto* tin = find_exposure_response_profile("silica_tin_chen2005");
  for (double e = 3.0; e <= 12.0; e += 1.0) {
    EXPECT_LT(pottery->cumulative_risk(e), tungsten->cumulative_risk(e)) << e;
    EXPECT_LT(tungsten->cumulative_risk(e), tin->cumulative_risk(e)) << e;
  }
}

TEST(ExposureResponse, ToleranceInvertsTheRiskCurve) {
  for (const auto& profile : exposure_response_library()) {
    for (double u = 0.01; u < 0.995; u += 0.0493) {
      const double e = profile.tolerance_mg_m3_y(u);
      EXPECT_GT(e, 0.0) << profile.name();
      EXPECT_NEAR(profile.cumulative_risk(e), u, 1e-9) << profile.name() << " u=" << u;
    }
  }
}

TEST(ExposureResponse, SampledTolerancesGiveTheCumulativeRisk) {
  const RandomStream stream(11, 0);
  const int n = 100000;
  for (const auto& profile : exposure_response_library()) {
    const double e = profile.tolerance_mg_m3_y(0.3);  // where about 30 % have crossed
    int crossed = 0;
    for (int i = 0; i < n; ++i) {
      if (profile.tolerance_mg_m3_y(stream.uniform(i, 0, Purpose::HireAttributes)) <= e) ++crossed;
    }
    const double p = profile.cumulative_risk(e);
    EXPECT_NEAR(crossed / static_cast<double>(n), p, test::binomial_tolerance(p, n)) << profile.name();
  }
}

TEST(ExposureResponse, RiskRisesWithExposureAndIsZeroWithoutIt) {
  for (const auto& profile : exposure_response_library()) {
    EXPECT_EQ(profile.cumulative_risk(0.0), 0.0);
    double previous = 0.0;
    for (double e = 0.1; e < 5000.0; e *= 1.5) {
      const double risk = profile.cumulative_risk(e);
      EXPECT_GE(risk, previous) << profile.name();
      EXPECT_LE(risk, 1.0);
      previous = risk;
    }
  }
}

}  // namespace
}  // namespace pneumo
