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

// Solves A x = b for a symmetric positive definite A (D x D) by Cholesky.
std::vector<double> cholesky_solve(std::vector<double> a, std::vector<double> b, std::size_t D) {
  for (std::size_t j = 0; j < D; ++j) {
    double diagonal = a[j * D + j];
    for (std::size_t k = 0; k < j; ++k) diagonal -= a[j * D + k] * a[j * D + k];
    const double l = std::sqrt(std::max(diagonal, 1e-300));
    a[j * D + j] = l;
    for (std::size_t i = j + 1; i < D; ++i) {
      double x = a[i * D + j];
      for (std::size_t k = 0; k < j; ++k) x -= a[i * D + k] * a[j * D + k];
      a[i * D + j] = x / l;
    }
  }
  for (std::size_t i = 0; i < D; ++i) {  // L y = b
    for (std::size_t k = 0; k < i; ++k) b[i] -= a[i * D + k] * b[k];
    b[i] /= a[i * D + i];
  }
  for (std::size_t i = D; i-- > 0;) {  // Lᵀ x = y
    for (std::size_t k = i + 1; k < D; ++k) b[i] -= a[k * D + i] * b[k];
    b[i] /= a[i * D + i];
  }
  return b;
}

std::vector<double> unit_vector(std::size_t D, std::size_t i) {
  std::vector<double> e(D, 0.0);
  e[i] = 1.0;
  return e;
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
                                         std::size_t observations, std::vector<bool> usable, std::vector<double> unit,
                                         std::size_t parameters)
    : counts_(std::move(counts)), points_(points), replicates_(replicates), observations_(observations),
      parameters_(parameters), usable_(std::move(usable)), unit_(std::move(unit)) {
  const std::size_t N = points_, R = replicates_, K = observations_, P = parameters_;
  if (R < 2) {
    throw UsageError("calibration needs at least 2 replicates per point (4 or more recommended) to see the "
                     "model's variation between replicates; this sweep has " + std::to_string(R));
  }
  if (counts_.size() != N * R * K || usable_.size() != N || unit_.size() != N * P || K == 0) {
    throw UsageError("calibration: inconsistent count table");
  }
  mean_log_.assign(N * K, 0.0);
  mean_count_.assign(N * K, 0.0);
  poisson_.assign(N * K, 0.0);
  excess_.assign(N * K * K, 0.0);
  std::vector<std::size_t> usable_points;
  for (std::size_t n = 0; n < N; ++n) {
    for (std::size_t r = 0; r < R && usable_[n]; ++r) {
      for (std::size_t k = 0; k < K; ++k) {
        if (!std::isfinite(count(n, r, k)) || count(n, r, k) < 0.0) usable_[n] = false;
      }
    }
    if (!usable_[n]) continue;
    usable_points.push_back(n);
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
  }
  usable_count_ = usable_points.size();
  if (usable_count_ < 2) throw UsageError("calibration needs at least two finished points of the sweep");

  // Neighbourhoods (assumed: sizes that kept the intervals calibrated in the coverage tests, docs/research.md):
  // a local-linear mean needs several points per coefficient, 10 (P + 1); the covariance pools a tenth of the
  // points, at least 40 (120 degrees of freedom with 4 replicates) and at most 200 (so that the leave-one-out
  // check, which refits every neighbourhood of the point left out, stays quick on large sweeps).
  mean_neighbours_ = std::min(usable_count_ - 1, 10 * (P + 1));
  shift_neighbours_ = std::min(usable_count_ - 1, std::clamp<std::size_t>(usable_count_ / 10, 40, 200));
  const std::size_t keep = std::max(mean_neighbours_, shift_neighbours_) + 1;  // one spare for a left-out point
  nearest_.assign(N, {});
  std::vector<std::pair<double, std::size_t>> by_distance(usable_count_);
  for (const std::size_t n : usable_points) {
    for (std::size_t i = 0; i < usable_count_; ++i) {
      const std::size_t m = usable_points[i];
      double d2 = 0.0;
      for (std::size_t p = 0; p < P; ++p) d2 += (unit_[m * P + p] - unit_[n * P + p]) * (unit_[m * P + p] - unit_[n * P + p]);
      by_distance[i] = {d2, m};  // ties by index: the same neighbourhoods on every machine
    }
    const std::size_t take = std::min(keep, usable_count_);
    std::partial_sort(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(take), by_distance.end());
    for (std::size_t i = 0; i < take; ++i) nearest_[n].push_back(by_distance[i].second);
  }
  local_.assign(N, {});
  for (const std::size_t n : usable_points) local_[n] = local_fit(n, std::nullopt);
}

SyntheticLikelihood::Local SyntheticLikelihood::local_fit(std::size_t n, std::optional<std::size_t> excluded) const {
  const std::size_t K = observations_, P = parameters_, D = P + 1;
  const auto neighbours = [&](std::size_t count) {
    std::vector<std::size_t> out;
    for (const std::size_t m : nearest_[n]) {
      if (out.size() == count) break;
      if (!excluded || m != *excluded) out.push_back(m);
    }
    return out;
  };
  Local local;
  // The covariance: the mean of the neighbours' excess over Poisson, made positive semi-definite.
  const auto pooled = neighbours(shift_neighbours_);
  local.shift.assign(K * K, 0.0);
  for (const std::size_t m : pooled) {
    for (std::size_t c = 0; c < K * K; ++c) local.shift[c] += excess_[m * K * K + c] / static_cast<double>(pooled.size());
  }
  local.shift = positive_part(std::move(local.shift), K);

  // The mean: local-linear least squares with tricube weights on the distance, scaled just beyond the farthest
  // neighbour (so that it keeps a small weight). Its value at the point is Σ l_j μ̂_j with
  // l_j = w_j x_jᵀ M⁻¹ e_1, x_j = (1, u_j − u_n), M = Σ w_j x_j x_jᵀ.
  const auto fitted = neighbours(mean_neighbours_);
  std::vector<double> distance(fitted.size());
  double farthest = 0.0;
  for (std::size_t j = 0; j < fitted.size(); ++j) {
    double d2 = 0.0;
    for (std::size_t p = 0; p < P; ++p) {
      const double x = unit_[fitted[j] * P + p] - unit_[n * P + p];
      d2 += x * x;
    }
    distance[j] = std::sqrt(d2);
    farthest = std::max(farthest, distance[j]);
  }
  const double scale = farthest * (1.0 + 1e-4) + 1e-12;
  std::vector<double> w(fitted.size()), m(D * D, 0.0), x(D);
  for (std::size_t j = 0; j < fitted.size(); ++j) {
    const double t = distance[j] / scale, v = 1.0 - t * t * t;
    w[j] = v * v * v;
    x[0] = 1.0;
    for (std::size_t p = 0; p < P; ++p) x[p + 1] = unit_[fitted[j] * P + p] - unit_[n * P + p];
    for (std::size_t a = 0; a < D; ++a) {
      for (std::size_t b = 0; b < D; ++b) m[a * D + b] += w[j] * x[a] * x[b];
    }
  }
  // A coordinate that does not vary among the neighbours (a grid's line) gets no slope: a tiny ridge.
  double slope_trace = 0.0;
  for (std::size_t a = 1; a < D; ++a) slope_trace += m[a * D + a];
  for (std::size_t a = 1; a < D; ++a) m[a * D + a] += 1e-9 * (slope_trace + 1e-300);
  const std::vector<double> c = cholesky_solve(m, unit_vector(D, 0), D);
  local.mean.assign(K, 0.0);
  for (std::size_t j = 0; j < fitted.size(); ++j) {
    x[0] = 1.0;
    for (std::size_t p = 0; p < P; ++p) x[p + 1] = unit_[fitted[j] * P + p] - unit_[n * P + p];
    double l = 0.0;
    for (std::size_t a = 0; a < D; ++a) l += c[a] * x[a];
    l *= w[j];
    local.leverage += l * l;
    for (std::size_t k = 0; k < K; ++k) local.mean[k] += l * mean_log_[fitted[j] * K + k];
  }
  return local;
}

double SyntheticLikelihood::shift_sd(std::size_t n, std::size_t k) const {
  return usable_[n] ? std::sqrt(local_[n].shift[k * observations_ + k]) : std::numeric_limits<double>::quiet_NaN();
}

std::vector<double> SyntheticLikelihood::log_likelihood(const std::vector<double>& observed,
                                                        std::optional<std::size_t> excluded) const {
  const std::size_t N = points_, K = observations_;
  if (observed.size() != K) throw UsageError("calibration: expected one observed count per observation");
  std::vector<double> s_obs(K);
  for (std::size_t k = 0; k < K; ++k) s_obs[k] = log_count(observed[k]);
  std::vector<double> out(N, kMinusInfinity), a(K * K), d(K);
  const std::size_t reach = std::max(mean_neighbours_, shift_neighbours_);
  for (std::size_t n = 0; n < N; ++n) {
    if (!usable_[n] || (excluded && *excluded == n)) continue;
    // A left-out point changes only the neighbourhoods it belongs to.
    bool affected = false;
    if (excluded) {
      for (std::size_t i = 0; i < std::min(reach, nearest_[n].size()); ++i) affected = affected || nearest_[n][i] == *excluded;
    }
    const Local refitted = affected ? local_fit(n, excluded) : Local{};
    const Local& local = affected ? refitted : local_[n];
    const double inflation = 1.0 + local.leverage / static_cast<double>(replicates_);
    for (std::size_t i = 0; i < K; ++i) {
      d[i] = s_obs[i] - local.mean[i];
      for (std::size_t j = 0; j < K; ++j) {
        const double poisson = i == j ? poisson_[n * K + i] : 0.0;
        a[i * K + j] = inflation * (local.shift[i * K + j] + poisson);
      }
    }
    out[n] = gaussian_log_density(a, d, K);
  }
  return out;
}

}  // namespace pneumo
