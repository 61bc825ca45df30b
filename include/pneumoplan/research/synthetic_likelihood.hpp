// Synthetic likelihood (Wood 2010) of observed counts at the points of a sweep, for calibration
// (docs/research.md, "Calibration"). At each point the model is run R times on streams no other point shares;
// the summaries are the log counts s_k = log(x_k + 1/2) over each observation's years. Their distribution at a
// point is taken as Gaussian with the point's replicate mean μ_n and the covariance
//     Σ_n = T + diag(v(m_nk)),
// T the covariance of the persistent replicate-level variation (which enterprises are dusty, who is hired: one
// shift per replicate, shared by all years), pooled over all points, and v(m) the variance of log(X + 1/2) for
// X ~ Poisson(m), the point's mean count. The likelihood of the observed summaries s_obs at point n is estimated by
//     L̂_n = N(s_obs; μ̂_n, (1 − 1/R) Σ_n),
// which is an unbiased estimate of N(s_obs; μ_n, Σ_n) because μ̂_n ~ N(μ_n, Σ_n / R) (a pseudo-marginal
// estimate, Andrieu & Roberts 2009): weighting the prior's points by L̂_n gives the posterior as the points
// grow in number, although each point's mean rests on a few replicates. This needs the replicates of
// different points to be independent: with common random numbers every point's mean carries the same shift,
// and all posteriors move together.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace pneumo {

class SyntheticLikelihood {
 public:
  // counts: [N][R][K] simulated counts per point, replicate and observation; usable[n]: the point has results
  // (its counts are finite). Needs R >= 2 and at least two usable points; throws UsageError otherwise.
  SyntheticLikelihood(std::vector<double> counts, std::size_t points, std::size_t replicates,
                      std::size_t observations, std::vector<bool> usable);

  // Log of L̂_n (up to a constant shared by all points) for the observed counts, -inf for points not usable
  // or `excluded` (a point left out, whose replicates then also leave T: the leave-one-out coverage check).
  std::vector<double> log_likelihood(const std::vector<double>& observed,
                                     std::optional<std::size_t> excluded = std::nullopt) const;

  std::size_t points() const { return points_; }
  std::size_t replicates() const { return replicates_; }
  std::size_t observations() const { return observations_; }
  bool usable(std::size_t n) const { return usable_[n]; }
  std::size_t usable_points() const { return usable_count_; }
  double count(std::size_t n, std::size_t r, std::size_t k) const { return counts_[(n * replicates_ + r) * observations_ + k]; }
  double mean_count(std::size_t n, std::size_t k) const { return mean_count_[n * observations_ + k]; }
  // sqrt(T_kk): the sd of log counts between replicates beyond Poisson noise (≈ the relative sd of the
  // replicate-level shift), pooled over all points.
  double shift_sd(std::size_t k) const;

 private:
  std::vector<double> pooled_shift_covariance(std::optional<std::size_t> excluded) const;

  std::vector<double> counts_;
  std::size_t points_, replicates_, observations_;
  std::vector<bool> usable_;
  std::size_t usable_count_ = 0;
  std::vector<double> mean_log_;    // [N][K] μ̂_n
  std::vector<double> mean_count_;  // [N][K] m_n
  std::vector<double> poisson_;     // [N][K] v(m_n)
  std::vector<double> excess_;      // [N][K][K] S_n − diag(v(m_n)), the point's share of T
  std::vector<double> excess_sum_;  // [K][K] over usable points
  std::vector<double> shift_;       // [K][K] T over all usable points (positive semi-definite)
};

// Transforms of the summaries, shared with the tests.
double log_count(double count);                  // log(count + 1/2)
double poisson_log_variance(double mean_count);  // Var log(X + 1/2), X ~ Poisson(max(mean_count, 1/2))

}  // namespace pneumo
