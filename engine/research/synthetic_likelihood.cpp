#include "pneumoplan/research/synthetic_likelihood.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "pneumoplan/core/error.hpp"

namespace pneumo {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

// Symmetric K x K matrix with negative eigenvalues set to 0 (cyclic Jacobi rotations; K is the number of
// observations, a handful). A pooled estimate of T minus the Poisson part can dip below 0 by noise.
std::vector<double> positive_part(std::vector<double> a, std::size_t K) {
  std::vector<double> v(K * K, 0.0);
  for (std::size_t i = 0; i < K; ++i) v[i * K + i] = 1.0;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0.0, scale = 0.0;
    for (std::size_t i = 0; i < K; ++i) {
      for (std::size_t j = 0; j < K; ++j) (i == j ? scale : off) += a[i * K + j] * a[i * K + j];
    }
    if (off <= 1e-30 * (scale + 1e-300)) break;
    for (std::size_t p = 0; p < K; ++p) {
      for (std::size_t q = p + 1; q < K; ++q) {
        const double apq = a[p * K + q];
        if (apq == 0.0) continue;
        const double theta = (a[q * K + q] - a[p * K + p]) / (2.0 * apq);
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1.0));
        const double c = 1.0 / std::sqrt(t * t + 1.0), s = t * c;
        for (std::size_t k = 0; k < K; ++k) {  // A <- A J
          const double akp = a[k * K + p], akq = a[k * K + q];
          a[k * K + p] = c * akp - s * akq;
          a[k * K + q] = s * akp + c * akq;
        }
        for (std::size_t k = 0; k < K; ++k) {  // A <- J^T A
          const double apk = a[p * K + k], aqk = a[q * K + k];
          a[p * K + k] = c * apk - s * aqk;
          a[q * K + k] = s * apk + c * aqk;
        }
        for (std::size_t k = 0; k < K; ++k) {  // V <- V J
          const double vkp = v[k * K + p], vkq = v[k * K + q];
          v[k * K + p] = c * vkp - s * vkq;
          v[k * K + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  std::vector<double> out(K * K, 0.0);
  for (std::size_t e = 0; e < K; ++e) {
    const double lambda = std::max(0.0, a[e * K + e]);
    for (std::size_t i = 0; i < K; ++i) {
      for (std::size_t j = 0; j < K; ++j) out[i * K + j] += lambda * v[i * K + e] * v[j * K + e];
    }
  }
  return out;
}

// -1/2 dᵀ A⁻¹ d − 1/2 log det A by Cholesky; A is positive definite (T ⪰ 0 plus a positive diagonal).
double gaussian_log_density(std::vector<double> a, const std::vector<double>& d, std::size_t K) {
  double log_det = 0.0;
  for (std::size_t j = 0; j < K; ++j) {
    double diagonal = a[j * K + j];
    for (std::size_t k = 0; k < j; ++k) diagonal -= a[j * K + k] * a[j * K + k];
    if (!(diagonal > 0.0)) return kMinusInfinity;  // cannot happen with a positive Poisson term
    const double l = std::sqrt(diagonal);
    a[j * K + j] = l;
    log_det += 2.0 * std::log(l);
    for (std::size_t i = j + 1; i < K; ++i) {
      double x = a[i * K + j];
      for (std::size_t k = 0; k < j; ++k) x -= a[i * K + k] * a[j * K + k];
      a[i * K + j] = x / l;
    }
  }
  std::vector<double> z(K);  // L z = d
  double q = 0.0;
  for (std::size_t i = 0; i < K; ++i) {
    double x = d[i];
    for (std::size_t k = 0; k < i; ++k) x -= a[i * K + k] * z[k];
    z[i] = x / a[i * K + i];
    q += z[i] * z[i];
  }
  return -0.5 * q - 0.5 * log_det;
}

}  // namespace

double log_count(double count) { return std::log(count + 0.5); }

double poisson_log_variance(double mean_count) {
  // The delta method's 1/m is 5 % short at m = 20 and 15-20 % at m = 2-5, a shortfall that would pass for replicate-level
  // variation in T; so the variance is summed over the Poisson probabilities (from the mode outwards, 8 sd
  // each way) up to m = 2000, where 1/(m + 1/2) is within 10^-6 of it. Below m = 1/2 (a point whose
  // replicates all counted 0 says little about how small m is) the variance at m = 1/2 is used.
  const double m = std::max(mean_count, 0.5);
  if (m > 2000.0) return 1.0 / (m + 0.5);
  const double mode = std::floor(m), reach = 8.0 * std::sqrt(m) + 8.0;
  const double first = std::max(0.0, mode - reach), last = mode + reach;
  const double p_mode = std::exp(mode * std::log(m) - m - std::lgamma(mode + 1.0));
  double sum_p = 0.0, sum_y = 0.0, sum_yy = 0.0;
  const auto add = [&](double k, double p) {
    const double y = std::log(k + 0.5);
    sum_p += p;
    sum_y += p * y;
    sum_yy += p * y * y;
  };
  add(mode, p_mode);
  double p = p_mode;
  for (double k = mode + 1.0; k <= last; k += 1.0) add(k, p *= m / k);
  p = p_mode;
  for (double k = mode - 1.0; k >= first; k -= 1.0) add(k, p *= (k + 1.0) / m);
  const double mean = sum_y / sum_p;
  return sum_yy / sum_p - mean * mean;
}

SyntheticLikelihood::SyntheticLikelihood(std::vector<double> counts, std::size_t points, std::size_t replicates,
                                         std::size_t observations, std::vector<bool> usable)
    : counts_(std::move(counts)), points_(points), replicates_(replicates), observations_(observations),
      usable_(std::move(usable)) {
  const std::size_t N = points_, R = replicates_, K = observations_;
  if (R < 2) {
    throw UsageError("calibration needs at least 2 replicates per point (4 or more recommended) to see the "
                     "model's variation between replicates; this sweep has " + std::to_string(R));
  }
  if (counts_.size() != N * R * K || usable_.size() != N || K == 0) throw UsageError("calibration: inconsistent count table");
  mean_log_.assign(N * K, 0.0);
  mean_count_.assign(N * K, 0.0);
  poisson_.assign(N * K, 0.0);
  excess_.assign(N * K * K, 0.0);
  excess_sum_.assign(K * K, 0.0);
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t r = 0; r < R && usable_[n]; ++r) {
      for (std::size_t k = 0; k < K; ++k) {
        if (!std::isfinite(count(n, r, k)) || count(n, r, k) < 0.0) usable_[n] = false;
      }
    }
    if (!usable_[n]) continue;
    ++usable_count_;
    for (std::size_t k = 0; k < K; ++k) {
      double sum_log = 0.0, sum_count = 0.0;
      for (std::size_t r = 0; r < R; ++r) {
        sum_log += log_count(count(n, r, k));
        sum_count += count(n, r, k);
      }
      mean_log_[n * K + k] = sum_log / static_cast<double>(R);
      mean_count_[n * K + k] = sum_count / static_cast<double>(R);
    }
    double* e = &excess_[n * K * K];
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t i = 0; i < K; ++i) {
        const double di = log_count(count(n, r, i)) - mean_log_[n * K + i];
        for (std::size_t j = 0; j < K; ++j) {
          e[i * K + j] += di * (log_count(count(n, r, j)) - mean_log_[n * K + j]) / static_cast<double>(R - 1);
        }
      }
    }
    for (std::size_t k = 0; k < K; ++k) {
      poisson_[n * K + k] = poisson_log_variance(mean_count_[n * K + k]);
      e[k * K + k] -= poisson_[n * K + k];
    }
    for (std::size_t c = 0; c < K * K; ++c) excess_sum_[c] += e[c];
  }
  if (usable_count_ < 2) throw UsageError("calibration needs at least two finished points of the sweep");
  shift_ = pooled_shift_covariance(std::nullopt);
}

std::vector<double> SyntheticLikelihood::pooled_shift_covariance(std::optional<std::size_t> excluded) const {
  const std::size_t K = observations_;
  std::vector<double> t = excess_sum_;
  std::size_t count = usable_count_;
  if (excluded && usable_[*excluded]) {
    for (std::size_t c = 0; c < K * K; ++c) t[c] -= excess_[*excluded * K * K + c];
    --count;
  }
  for (double& x : t) x /= static_cast<double>(count);
  return positive_part(std::move(t), K);
}

double SyntheticLikelihood::shift_sd(std::size_t k) const { return std::sqrt(shift_[k * observations_ + k]); }

std::vector<double> SyntheticLikelihood::log_likelihood(const std::vector<double>& observed,
                                                        std::optional<std::size_t> excluded) const {
  const std::size_t N = points_, K = observations_;
  if (observed.size() != K) throw UsageError("calibration: expected one observed count per observation");
  const std::vector<double> shift = excluded ? pooled_shift_covariance(excluded) : shift_;
  const double deflation = 1.0 - 1.0 / static_cast<double>(replicates_);
  std::vector<double> s_obs(K);
  for (std::size_t k = 0; k < K; ++k) s_obs[k] = log_count(observed[k]);
  std::vector<double> out(N, kMinusInfinity), a(K * K), d(K);
  for (std::size_t n = 0; n < N; ++n) {
    if (!usable_[n] || (excluded && *excluded == n)) continue;
    for (std::size_t i = 0; i < K; ++i) {
      d[i] = s_obs[i] - mean_log_[n * K + i];
      for (std::size_t j = 0; j < K; ++j) {
        const double poisson = i == j ? poisson_[n * K + i] : 0.0;
        a[i * K + j] = deflation * (shift[i * K + j] + poisson);
      }
    }
    out[n] = gaussian_log_density(a, d, K);
  }
  return out;
}

}  // namespace pneumo
