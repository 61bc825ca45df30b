// Invariants of every person row after every simulated year: released rows carry the release mark, the
// living are alive into next year, patients have an onset in the past, diagnoses follow onset, and the
// exposure histogram's percentiles agree with exact percentiles within its bin width.
#include <gtest/gtest.h>

#include <algorithm>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/exposure_histogram.hpp"
#include "pneumoplan/model/simulation.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(RowInvariants, HoldAfterEveryYear) {
  const Scenario& scenario = test::small_scenario();
  Simulation simulation(scenario, 23, 1);
  std::size_t checked = 0;
  while (!simulation.finished()) {
    const int year = simulation.next_year();
    simulation.step_year();
    const auto& w = simulation.workers();
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (w.death_year[i] == kFreeRow) continue;
      ++checked;
      ASSERT_GT(w.death_year[i], year) << "row " << i << " is dead but not released";
      ASSERT_LE(w.stage[i], 3);
      if (w.stage[i] > 0) {
        ASSERT_LE(w.onset_year[i], year) << "patient without a past onset";
      } else {
        ASSERT_TRUE(w.onset_year[i] == kNever || w.onset_year[i] > year) << "onset passed without disease";
      }
      if (w.diagnosed_year[i] != kNever) {
        ASSERT_GT(w.stage[i], 0) << "diagnosed without disease";
        ASSERT_LE(w.diagnosed_year[i], year);
        ASSERT_GE(w.diagnosed_year[i], w.onset_year[i]) << "diagnosed before onset";
      }
      ASSERT_GE(w.cum_dust_mg_m3_y[i], 0.0f);
      ASSERT_GE(w.cum_metric_mg_m3_y[i], 0.0f);
      ASSERT_LE(w.birth_year[i], year);
    }
  }
  EXPECT_GT(checked, 10000u);
}

TEST(ExposureHistogram, QuantilesAgreeWithExactQuantilesWithinABin) {
  // Lognormal cumulative exposures: the histogram quantile lies within one bin (12.5 %) of the exact one.
  const RandomStream stream(31, 0);
  std::vector<float> values;
  std::vector<std::int64_t> counts(ExposureHistogram::kBins, 0);
  for (int i = 0; i < 50000; ++i) {
    const auto v = static_cast<float>(std::exp(std::log(20.0) + 1.2 * (stream.uniform(i, 0, Purpose::CohortMember) - 0.5) * 4.0));
    values.push_back(v);
    counts[ExposureHistogram::bin(v)] += 1;
  }
  std::sort(values.begin(), values.end());
  for (const double p : {0.1, 0.5, 0.9, 0.99}) {
    const double exact = values[static_cast<std::size_t>(p * (values.size() - 1))];
    const double estimate = ExposureHistogram::quantile(counts.data(), p);
    EXPECT_NEAR(estimate / exact, 1.0, 0.125) << "p = " << p;
  }
  EXPECT_EQ(ExposureHistogram::bin(0.0f), 0u);
  EXPECT_EQ(ExposureHistogram::bin(1e9f), ExposureHistogram::kBins - 1);
  EXPECT_EQ(ExposureHistogram::lower_edge(ExposureHistogram::bin(1.0f)), 1.0);
}

}  // namespace
}  // namespace pneumo
