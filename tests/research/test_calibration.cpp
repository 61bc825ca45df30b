// Calibration by synthetic likelihood: weighted quantiles and binomial ranges have their defining properties,
// the pooled replicate-level spread is recovered, sweeps calibration cannot use are refused, and on a model
// whose truth is known (counts with a replicate-level shift and Poisson noise) the 90 % and 50 % intervals
// hold the truth as often as they claim (simulation-based calibration; the real model: test_calibration_sbc).
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/research/calibration.hpp"
#include "pneumoplan/research/calibration_coverage.hpp"

namespace pneumo {
namespace {

TEST(InterpolatedWeightedQuantile, ValuesStandAtTheMidpointsOfTheirWeights) {
  const std::vector<double> v = {3.0, 1.0, 4.0, 2.0}, equal = {1, 1, 1, 1};
  // Sorted 1, 2, 3, 4 at cumulative midpoints 1/8, 3/8, 5/8, 7/8.
  EXPECT_DOUBLE_EQ(interpolated_weighted_quantile(v, equal, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(interpolated_weighted_quantile(v, equal, 0.25), 1.5);
  EXPECT_DOUBLE_EQ(interpolated_weighted_quantile(v, equal, 0.05), 1.0);  // beyond the first midpoint: the smallest value
  EXPECT_DOUBLE_EQ(interpolated_weighted_quantile(v, equal, 0.95), 4.0);
  // A zero weight removes a value; a weight of 3 on the value 4 puts it at the midpoint of [3/6, 1].
  const std::vector<double> w = {0, 1, 3, 2};
  EXPECT_DOUBLE_EQ(interpolated_weighted_quantile(v, w, 0.75), 4.0);
  EXPECT_DOUBLE_EQ(interpolated_weighted_quantile(v, w, 1.0 / 12.0), 1.0);
  // 1, 2 and 4 at the midpoints 1/12, 1/3 and 3/4.
  EXPECT_NEAR(interpolated_weighted_quantile(v, w, 0.5), 2.0 + 2.0 * (0.5 - 1.0 / 3.0) / (0.75 - 1.0 / 3.0), 1e-12);
}

TEST(BinomialRange, TailsHoldAtMostHalfTheRestEach) {
  for (const std::size_t n : {10u, 200u, 1000u}) {
    for (const double p : {0.5, 0.9}) {
      const BinomialRange r = binomial_central_range(n, p, 0.99);
      std::vector<double> cdf(n + 1);
      double sum = 0.0;
      for (std::size_t k = 0; k <= n; ++k) {
        sum += std::exp(std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) + k * std::log(p) +
                        (n - k) * std::log(1.0 - p));
        cdf[k] = sum;
      }
      const auto below = [&](std::size_t k) { return k == 0 ? 0.0 : cdf[k - 1]; };  // P(X < k)
      EXPECT_LE(below(r.low), 0.005 + 1e-12) << n << " " << p;
      EXPECT_GT(below(r.low + 1), 0.005) << n << " " << p;  // the range is as narrow as allowed
      EXPECT_LE(1.0 - cdf[r.high], 0.005 + 1e-12) << n << " " << p;
      EXPECT_GT(1.0 - cdf[r.high - 1], 0.005) << n << " " << p;
    }
  }
  const BinomialRange r = binomial_central_range(200, 0.9, 0.99);
  EXPECT_EQ(r.low, 168u);  // exact sums in Python: P(X < 168) = 0.0029, P(X > 190) = 0.0035
  EXPECT_EQ(r.high, 190u);
}

// A model with a known answer: at θ in [0, 1] a replicate draws one shift δ ~ N(0, σ²) and counts
// x_k ~ Poisson(m_k(θ) e^δ), m = (300 e^{−1.2θ}, 25 e^{−0.8θ}, 20 e^{−0.3θ}) — the structure of the real model's
// reported cases (docs/research.md). mt19937_64 is specified exactly by the standard, and the transforms are
// the engine's, so the draws are the same everywhere.
class ToyModel {
 public:
  explicit ToyModel(double shift_sd) : shift_sd_(shift_sd) {}
  static constexpr std::size_t kObservations = 3;
  std::vector<double> draw(double theta, std::mt19937_64& random) const {
    const double delta = shift_sd_ * normal_quantile(uniform(random));
    const double mean[kObservations] = {300.0 * std::exp(-1.2 * theta), 25.0 * std::exp(-0.8 * theta),
                                        20.0 * std::exp(-0.3 * theta)};
    std::vector<double> x;
    for (const double m : mean) x.push_back(poisson(m * std::exp(delta), random));
    return x;
  }
  static double uniform(std::mt19937_64& random) { return (static_cast<double>(random() >> 11) + 0.5) / 9007199254740992.0; }

 private:
  static double poisson(double mean, std::mt19937_64& random) {  // inversion, in pieces of mean <= 50
    double total = 0.0;
    for (; mean > 0.0; mean -= 50.0) {
      const double lambda = std::min(mean, 50.0);
      double u = uniform(random), p = std::exp(-lambda), k = 0.0;
      while (u > p && k < 1000.0) {
        u -= p;
        k += 1.0;
        p *= lambda / k;
      }
      total += k;
    }
    return total;
  }
  double shift_sd_;
};

// A sweep's data as calibrate reads it: one parameter θ in [0, 1], N points stratified over the range,
// R replicates, the three counts as the years 2000-2002.
SweepData toy_sweep(const ToyModel& model, std::size_t points, std::size_t replicates, bool common_random_numbers,
                    std::uint64_t seed) {
  SweepData d;
  d.design = "lhs";
  d.replicates = static_cast<std::int64_t>(replicates);
  d.common_random_numbers = common_random_numbers;
  d.years = {2000, 2001, 2002};
  d.parameter_names = {"theta"};
  d.parameter_keys = {"toy.theta"};
  d.parameter_min = {0.0};
  d.parameter_max = {1.0};
  d.parameter_log_scale = {0};
  d.outputs = {"new_diagnoses"};
  d.output_values.resize(1);
  std::mt19937_64 design(seed);
  for (std::size_t n = 0; n < points; ++n) {
    const double theta = (static_cast<double>(n) + ToyModel::uniform(design)) / static_cast<double>(points);
    d.unit.push_back(theta);
    d.value.push_back(theta);
    d.status.push_back(1);
    d.errors.emplace_back();
    for (std::size_t r = 0; r < replicates; ++r) {
      // Common random numbers: replicate r draws the same numbers at every point.
      std::mt19937_64 random(common_random_numbers ? seed + 1 + r : seed + 1 + n * replicates + r);
      for (const double x : model.draw(theta, random)) d.output_values[0].push_back(x);
    }
  }
  return d;
}

std::vector<Observation> toy_observations(const std::vector<double>& counts) {
  std::vector<Observation> observed;
  for (std::size_t k = 0; k < counts.size(); ++k) {
    Observation o;
    o.first_year = o.last_year = 2000 + static_cast<int>(k);
    o.value = counts[k];
    observed.push_back(o);
  }
  return observed;
}

TEST(SyntheticLikelihood, RecoversTheReplicateLevelShift) {
  for (const double sigma : {0.0, 0.12, 0.3}) {
    const std::size_t points = 400, replicates = 4;
    const SweepData d = toy_sweep(ToyModel(sigma), points, replicates, false, 17);
    const SyntheticLikelihood l = span_likelihood(d, 0, toy_observations({1, 1, 1}));
    ASSERT_EQ(l.shift_neighbours(), 40u);
    ASSERT_EQ(l.mean_neighbours(), 20u);
    // T_n pools 40 points x 3 degrees of freedom; its mean over the points, all 400 x 3. The sd of a pooled
    // variance is sqrt(2 / df) times the variance, σ² + v with v at most the Poisson part at the smallest mean
    // count; allowed: 4 sd of the mean, plus the upward bias of setting negative eigenvalues of each T_n to 0
    // (at most 0.4 sd of one T_n, the mean of a normal's positive part).
    const double smallest_mean[3] = {300.0 * std::exp(-1.2), 25.0 * std::exp(-0.8), 20.0 * std::exp(-0.3)};
    for (std::size_t k = 0; k < 3; ++k) {
      double mean_t = 0.0;
      for (std::size_t n = 0; n < points; ++n) mean_t += l.shift_sd(n, k) * l.shift_sd(n, k) / points;
      const double variance = sigma * sigma + poisson_log_variance(smallest_mean[k]);
      const double tolerance = (4.0 * std::sqrt(2.0 / 1200.0) + 0.4 * std::sqrt(2.0 / 120.0)) * variance;
      EXPECT_NEAR(mean_t, sigma * sigma, tolerance) << "sigma " << sigma << " k " << k;
    }
  }
  EXPECT_NEAR(poisson_log_variance(2000.0), 1.0 / 2000.5, 1e-6);
  EXPECT_NEAR(poisson_log_variance(20.0), 0.051372, 1e-6);   // summed in Python to 0.0513717
  EXPECT_EQ(poisson_log_variance(0.0), poisson_log_variance(0.5));
}

// Simulation-based calibration on the toy model: M truths from the prior, each with its own observed counts,
// fitted against one reference sweep. Given the sweep the M covers are independent, so for intervals that
// mean what they say the count is Binomial(M, level).
TEST(SyntheticLikelihood, IntervalsHoldTheTruthAsOftenAsTheyClaimOnAKnownModel) {
  const ToyModel model(0.12);
  const SweepData sweep = toy_sweep(model, 400, 4, false, 2024);
  const SyntheticLikelihood likelihood = span_likelihood(sweep, 0, toy_observations({0, 0, 0}));
  const std::size_t M = 1000;
  std::mt19937_64 truths(99);
  std::size_t covered90 = 0, covered50 = 0;
  double width90 = 0.0;
  for (std::size_t m = 0; m < M; ++m) {
    const double theta = ToyModel::uniform(truths);
    const auto observed = toy_observations(model.draw(theta, truths));
    const CalibrationResult c90 = calibrate(sweep, likelihood, observed, 0.9);
    const CalibrationResult c50 = calibrate(sweep, likelihood, observed, 0.5);
    covered90 += c90.parameters[0].low <= theta && theta <= c90.parameters[0].high;
    covered50 += c50.parameters[0].low <= theta && theta <= c50.parameters[0].high;
    width90 += c90.parameters[0].high - c90.parameters[0].low;
  }
  const BinomialRange r90 = binomial_central_range(M, 0.9, 0.99), r50 = binomial_central_range(M, 0.5, 0.99);
  EXPECT_GE(covered90, r90.low);
  EXPECT_LE(covered90, r90.high);
  EXPECT_GE(covered50, r50.low);
  EXPECT_LE(covered50, r50.high);
  EXPECT_LT(width90 / M, 0.6) << "the data say little: a posterior as wide as the prior covers trivially";
  std::cout << "toy model: 90 % intervals cover " << covered90 << " of " << M << " truths (range " << r90.low << "-"
            << r90.high << "), 50 % intervals " << covered50 << " (" << r50.low << "-" << r50.high
            << "); mean 90 % width " << width90 / M << " of the prior range\n";
}

TEST(Calibration, RefusesSweepsItCannotUse) {
  const ToyModel model(0.1);
  const auto observed = toy_observations({100, 20, 15});
  SweepData d = toy_sweep(model, 20, 2, false, 3);
  EXPECT_NO_THROW(calibrate(d, "new_diagnoses", observed));
  for (const char* design : {"morris", "saltelli"}) {
    SweepData bad = d;
    bad.design = design;
    try {
      calibrate(bad, "new_diagnoses", observed);
      ADD_FAILURE() << design << " accepted";
    } catch (const UsageError& error) {
      EXPECT_NE(std::string(error.what()).find("design lhs, sobol or grid"), std::string::npos) << error.what();
    }
  }
  SweepData common = d;
  common.common_random_numbers = true;
  EXPECT_THROW(calibrate(common, "new_diagnoses", observed), UsageError);
  const SweepData single = toy_sweep(model, 20, 1, false, 3);
  EXPECT_THROW(calibrate(single, "new_diagnoses", observed), UsageError);
  auto late = observed;
  late[2].first_year = late[2].last_year = 2003;
  late[2].path = "observed.csv";
  late[2].line = 4;
  try {
    calibrate(d, "new_diagnoses", late);
    ADD_FAILURE() << "an observation after the sweep's years accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "observed.csv");
    EXPECT_EQ(error.line(), 4);
  }
  EXPECT_THROW(calibrate(d, "new_cases_true", observed), UsageError);  // an output the sweep did not keep
}

TEST(Calibration, ReportsTheEffectivePointsAndWarnsWhenTheyAreFew) {
  const ToyModel model(0.05);
  // 30 points for a posterior much narrower than the prior: a handful carry the weight.
  const SweepData d = toy_sweep(model, 30, 4, false, 8);
  std::mt19937_64 random(5);
  const CalibrationResult c = calibrate(d, "new_diagnoses", toy_observations(model.draw(0.5, random)));
  EXPECT_LT(c.effective_points, kMinimumEffectivePoints);
  EXPECT_GE(c.effective_points, 1.0);
  ASSERT_FALSE(c.warnings.empty());
  EXPECT_NE(c.warnings.front().find("effective points"), std::string::npos) << c.warnings.front();
  double total = 0.0;
  for (const double w : c.weight) total += w;
  EXPECT_NEAR(total, 1.0, 1e-12);
}

}  // namespace
}  // namespace pneumo
