// Transformations of uniform numbers into the distributions the model needs. Each uses a fixed number
// of uniforms and a closed formula, so results are the same on every compiler and standard library
// (std::*_distribution algorithms differ between implementations).
#pragma once

#include <cmath>
#include <cstdint>

namespace pneumo {

// Φ⁻¹(p), the standard normal quantile, for p in (0,1). Wichura's AS 241 (PPND16), accurate to about
// 1e-16.
double normal_quantile(double p);

// Φ(x), the standard normal distribution function.
inline double normal_cdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// A normal(mean, sd) value restricted to [low, high] by inverse-CDF sampling (no rejection loop).
double truncated_normal(double u, double mean, double sd, double low, double high);

// Lognormal with the given median and geometric standard deviation (GSD ≥ 1).
inline double lognormal_from_median(double u, double median, double gsd) {
  return median * std::exp(normal_quantile(u) * std::log(gsd));
}

// Lognormal with the given arithmetic mean and standard deviation.
double lognormal_from_mean_sd(double u, double mean, double sd);

// Number of whole years an annual hazard `rate` (probability per year, in (0,1)) lasts, counting the
// first year: 1, 2, 3 ... with P(T > t) = (1 − rate)^t.
inline std::int64_t geometric_years(double u, double rate) {
  if (rate >= 1.0) return 1;
  if (rate <= 0.0) return INT32_MAX;
  const double t = std::floor(std::log(u) / std::log1p(-rate));
  return t >= 1e9 ? INT32_MAX : 1 + static_cast<std::int64_t>(t);
}

}  // namespace pneumo
