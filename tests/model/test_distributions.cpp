// Transformations of uniforms: the normal quantile against tabulated values, truncation bounds, and the
// geometric tenure and lognormal draws against their analytic moments (tolerances from the sample size).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/alias_table.hpp"
#include "pneumoplan/model/distributions.hpp"

namespace pneumo {
namespace {

TEST(Distributions, NormalQuantileMatchesTabulatedValues) {
  EXPECT_NEAR(normal_quantile(0.5), 0.0, 1e-15);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-13);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 1e-13);
  EXPECT_NEAR(normal_quantile(0.999), 3.090232306167813, 1e-12);
  EXPECT_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-9);
  for (double p = 0.001; p < 1.0; p += 0.0137) EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 1e-12);
}

TEST(Distributions, TruncatedNormalStaysInsideItsBounds) {
  for (double u = 0.0005; u < 1.0; u += 0.001) {
    const double x = truncated_normal(u, 28.0, 8.0, 16.0, 55.0);
    EXPECT_GE(x, 16.0);
    EXPECT_LE(x, 55.0);
  }
  EXPECT_NEAR(truncated_normal(0.5, 28.0, 8.0, 8.0, 48.0), 28.0, 1e-9);  // symmetric bounds keep the median
}

TEST(Distributions, GeometricYearsHaveMeanOneOverRate) {
  const RandomStream stream(3, 0);
  const double rate = 0.2;
  const int n = 200000;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) {
    sum += static_cast<double>(
        geometric_years_from_log_stay(stream.uniform(i, 0, Purpose::CohortMember), std::log1p(-rate), 1000));
  }
  const double mean = sum / n;
  const double sd = std::sqrt(1.0 - rate) / rate;  // SD of a geometric variable on {1, 2, ...}
  EXPECT_NEAR(mean, 1.0 / rate, 5.0 * sd / std::sqrt(n));
  EXPECT_EQ(geometric_years_from_log_stay(0.5, 0.0, 1000), 1000);  // rate 0: never
  EXPECT_EQ(geometric_years_from_log_stay(1e-300, -1e-12, 1000), 1000);  // capped
}

TEST(Distributions, LognormalHasTheRequestedMedianAndGsd) {
  const RandomStream stream(4, 0);
  const int n = 200000;
  int below_median = 0, within_one_gsd = 0;
  for (int i = 0; i < n; ++i) {
    const double x = lognormal_from_median(stream.uniform(i, 0, Purpose::CohortMember), 4.0, 2.0);
    below_median += x < 4.0;
    within_one_gsd += x > 2.0 && x < 8.0;
  }
  EXPECT_NEAR(below_median / static_cast<double>(n), 0.5, 5.0 * std::sqrt(0.25 / n));
  const double p = 0.682689492137;  // P(|Z| < 1)
  EXPECT_NEAR(within_one_gsd / static_cast<double>(n), p, 5.0 * std::sqrt(p * (1 - p) / n));
}

TEST(Distributions, AliasTableDrawsInProportionToWeights) {
  const std::vector<double> weights = {1.0, 0.0, 3.0, 0.5, 2.5};
  const AliasTable table(weights, {10, 11, 12, 13, 14});
  for (std::size_t k = 0; k < weights.size(); ++k) EXPECT_NEAR(table.probability(k), weights[k] / 7.0, 1e-12);
  const RandomStream stream(5, 0);
  const int n = 140000;
  std::map<std::uint16_t, int> counts;
  for (int i = 0; i < n; ++i) ++counts[table.pick(stream.uniform(i, 0, Purpose::CohortMember))];
  EXPECT_EQ(counts.count(11), 0u);
  for (std::size_t k = 0; k < weights.size(); ++k) {
    const double p = weights[k] / 7.0;
    EXPECT_NEAR(counts[static_cast<std::uint16_t>(10 + k)] / double(n), p, 5.0 * std::sqrt(p * (1 - p) / n) + 1e-12);
  }
}

}  // namespace
}  // namespace pneumo
