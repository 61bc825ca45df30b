#include "pneumoplan/research/calibration_coverage.hpp"

#include <cmath>

namespace pneumo {

BinomialRange binomial_central_range(std::size_t trials, double p, double probability) {
  const double tail = (1.0 - probability) / 2.0, n = static_cast<double>(trials);
  std::vector<double> pmf(trials + 1);
  for (std::size_t k = 0; k <= trials; ++k) {
    const double x = static_cast<double>(k);
    const double log_choose = std::lgamma(n + 1.0) - std::lgamma(x + 1.0) - std::lgamma(n - x + 1.0);
    const double log_p = (k > 0 ? x * std::log(p) : 0.0) + (k < trials ? (n - x) * std::log1p(-p) : 0.0);
    pmf[k] = std::exp(log_choose + log_p);
  }
  BinomialRange range;
  double below = 0.0;  // P(X < low)
  while (range.low < trials && below + pmf[range.low] <= tail) below += pmf[range.low++];
  double above = 0.0;  // P(X > high)
  range.high = trials;
  while (range.high > range.low && above + pmf[range.high] <= tail) above += pmf[range.high--];
  return range;
}

bool CoverageCheck::compatible() const {
  for (const auto& p : parameters) {
    if (p.covered < expected.low || p.covered > expected.high) return false;
  }
  return true;
}

CoverageCheck leave_one_out_coverage(const SweepData& sweep, const std::string& output,
                                     const std::vector<Observation>& observed, double level) {
  check_calibration_sweep(sweep, observed);
  const SyntheticLikelihood likelihood = span_likelihood(sweep, sweep.output_index(output), observed);
  const std::size_t N = sweep.points(), K = sweep.parameters();
  CoverageCheck check;
  check.level = level;
  for (std::size_t k = 0; k < K; ++k) check.parameters.push_back({sweep.parameter_names[k], 0, 0.0});
  std::vector<double> truth_counts(observed.size());
  for (std::size_t n = 0; n < N; ++n) {
    if (!likelihood.usable(n)) continue;
    for (std::size_t j = 0; j < observed.size(); ++j) truth_counts[j] = likelihood.count(n, 0, j);
    const auto posterior = weighted_posterior(sweep, likelihood.log_likelihood(truth_counts, n), level).parameters;
    ++check.truths;
    for (std::size_t k = 0; k < K; ++k) {
      const double truth = sweep.value[n * K + k];
      auto& c = check.parameters[k];
      c.covered += posterior[k].low <= truth && truth <= posterior[k].high;
      c.mean_width_share += (posterior[k].high - posterior[k].low) / (sweep.parameter_max[k] - sweep.parameter_min[k]);
    }
  }
  for (auto& c : check.parameters) c.mean_width_share /= static_cast<double>(check.truths);
  check.expected = binomial_central_range(check.truths, level, 0.99);
  return check;
}

}  // namespace pneumo
