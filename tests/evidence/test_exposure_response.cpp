// Exposure-response profiles reproduce their published anchor points, their tolerance is the inverse of
// their risk curve, and sampled tolerances give the right share of cases (binomial tolerance).
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/evidence/exposure_response.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(ExposureResponse, HnizdoGoldMinersGive77PercentAt15MgM3YearsDust) {
  const auto* gold = find_exposure_response_profile("silica_gold_hnizdo1993");
  ASSERT_NE(gold, nullptr);
  // Published: risk = 1 − 1/(1 + exp(−2.439/0.2199)·CDE^(1/0.2199)), CDE in respirable dust; the profile
  // is in silica at 30 % quartz.
  const double dust = 15.0;
  const double published = 1.0 - 1.0 / (1.0 + std::exp(-2.439 / 0.2199) * std::pow(dust, 1.0 / 0.2199));
  EXPECT_NEAR(gold->cumulative_risk(0.3 * dust), published, 1e-12);
  EXPECT_NEAR(gold->cumulative_risk(0.3 * dust), 0.77, 0.005);
}

TEST(ExposureResponse, EveryProfileReproducesItsAnchors) {
  for (const auto& profile : exposure_response_library()) {
    ASSERT_FALSE(profile.anchors().empty()) << profile.name();
    for (const auto& anchor : profile.anchors()) {
      EXPECT_NEAR(profile.cumulative_risk(anchor.exposure_mg_m3_y), anchor.risk, 0.005)
          << profile.name() << ": " << anchor.what;
    }
  }
}

TEST(ExposureResponse, WangProfilesRankPotteryBelowTungstenBelowTinWangBelowIronCopperAtEqualExposure) {
  // Wang 2020 hazard ratios per mg/m3·y: pottery 1.03 < tungsten 1.08 < tin 1.14 < iron/copper 1.41.
  const double e = 10.0;
  const double pottery = find_exposure_response_profile("silica_pottery_wang2020")->cumulative_risk(e);
  const double tungsten = find_exposure_response_profile("silica_tungsten_wang2020")->cumulative_risk(e);
  const double iron = find_exposure_response_profile("silica_iron_copper_wang2020")->cumulative_risk(e);
  EXPECT_LT(pottery, tungsten);
  EXPECT_LT(tungsten, iron);
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
    const double e = profile.anchors().front().exposure_mg_m3_y;
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
    for (double e = 0.1; e < 200.0; e *= 1.5) {
      const double risk = profile.cumulative_risk(e);
      EXPECT_GE(risk, previous) << profile.name();
      EXPECT_LE(risk, 1.0);
      previous = risk;
    }
  }
}

}  // namespace
}  // namespace pneumo
