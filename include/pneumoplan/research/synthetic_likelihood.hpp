// Synthetic likelihood (Wood 2010) of observed counts at the points of a sweep, for calibration
// (docs/research.md, "Calibration"). At each point the model runs R times on random numbers no other point
// shares; the summaries are the log counts s_k = log(x_k + 1/2) over each observation's years. At a point they
// are taken as Gaussian, with
//   * mean μ̃_n: a local-linear regression (tricube weights; Cleveland 1979) of the replicate means of the
//     point's nearest points in the design's unit coordinates on those coordinates. A point's own replicate
//     mean is too noisy: weighting points by a likelihood computed from it makes the weights as noisy, and
//     their tails narrower than the posterior's (in Xuzhou 8 effective points of 256 instead of 34);
//   * covariance Σ_n = T_n + diag(v(m_nk)): T_n the covariance between replicates beyond Poisson noise (the
//     persistent replicate-level variation — which enterprises are dusty, who is hired — and year-to-year
//     variation), pooled over the nearest points, as it changes over the prior with the counts; v(m) the
//     variance of log(X + 1/2) for X ~ Poisson(m), m the point's mean count;
//   * the regression's own error: Σ_n h_n / R, h_n the sum of the squared regression weights, added to Σ_n.
// L̂_n = N(s_obs; μ̃_n, Σ_n (1 + h_n / R)). The replicates of different points must be independent: with common
// random numbers every point's mean carries the same shift, and every posterior moves with it.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace pneumo {

class SyntheticLikelihood {
 public:
  // counts: [N][R][K] simulated counts per point, replicate and observation; usable[n]: the point has results;
  // unit: [N][P] the points' coordinates in the design's unit hypercube. Needs R >= 2 and at least two usable
  // points; throws UsageError otherwise.
  SyntheticLikelihood(std::vector<double> counts, std::size_t points, std::size_t replicates, std::size_t observations,
                      std::vector<bool> usable, std::vector<double> unit, std::size_t parameters);

  // Log of L̂_n (up to a constant shared by all points) for the observed counts, -inf for points not usable or
  // `excluded` (a point left out — its replicates then also leave every neighbourhood: the leave-one-out check).
  std::vector<double> log_likelihood(const std::vector<double>& observed,
                                     std::optional<std::size_t> excluded = std::nullopt) const;

  std::size_t points() const { return points_; }
  std::size_t replicates() const { return replicates_; }
  std::size_t observations() const { return observations_; }
  bool usable(std::size_t n) const { return usable_[n]; }
  std::size_t usable_points() const { return usable_count_; }
  double count(std::size_t n, std::size_t r, std::size_t k) const { return counts_[(n * replicates_ + r) * observations_ + k]; }
  double mean_count(std::size_t n, std::size_t k) const { return mean_count_[n * observations_ + k]; }
  // sqrt(T_n,kk): at point n, the sd of log counts between replicates beyond Poisson noise (≈ the relative sd of
  // the replicate-level variation).
  double shift_sd(std::size_t n, std::size_t k) const;
  std::size_t mean_neighbours() const { return mean_neighbours_; }    // points in each mean's regression
  std::size_t shift_neighbours() const { return shift_neighbours_; }  // points pooled for each T_n

 private:
  struct Local {
    std::vector<double> mean;   // [K] μ̃_n
    double leverage = 0.0;      // h_n
    std::vector<double> shift;  // [K][K] T_n
  };
  Local local_fit(std::size_t n, std::optional<std::size_t> excluded) const;

  std::vector<double> counts_;
  std::size_t points_, replicates_, observations_, parameters_;
  std::vector<bool> usable_;
  std::vector<double> unit_;
  std::size_t usable_count_ = 0, mean_neighbours_ = 0, shift_neighbours_ = 0;
  std::vector<double> mean_log_;    // [N][K] the point's replicate mean of the log counts
  std::vector<double> mean_count_;  // [N][K] m_n
  std::vector<double> poisson_;     // [N][K] v(m_n)
  std::vector<double> excess_;      // [N][K][K] S_n − diag(v(m_n)), the point's share of T
  std::vector<std::vector<std::size_t>> nearest_;  // per usable point: the nearest usable points, one spare
  std::vector<Local> local_;        // per usable point, nothing left out
};

// Transforms of the summaries, shared with the tests.
double log_count(double count);                  // log(count + 1/2)
double poisson_log_variance(double mean_count);  // Var log(X + 1/2), X ~ Poisson(max(mean_count, 1/2))

}  // namespace pneumo
