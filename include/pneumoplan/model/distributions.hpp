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

// Lognormal with the given median and log of the geometric standard deviation, for callers drawing often
// (the same value as lognormal_from_median with gsd = exp(log_gsd)'s log precomputed).
inline double lognormal_from_median_log_gsd(double u, double median, double log_gsd) {
  return median * std::exp(normal_quantile(u) * log_gsd);
}

// Lognormal with the given median and geometric standard deviation (GSD ≥ 1).
inline double lognormal_from_median(double u, double median, double gsd) {
  return lognormal_from_median_log_gsd(u, median, std::log(gsd));
}

// Number of whole years until an event with annual probability p happens, counting the year it happens:
// 1, 2, 3 ... with P(T > t) = (1 − p)^t. Takes log(1 − p), which callers drawing often precompute;
// log(1 − p) = 0 (p = 0) gives `never`.
inline std::int64_t geometric_years_from_log_stay(double u, double log_stay, std::int64_t never) {
  if (log_stay >= 0.0) return never;
  const double t = std::floor(std::log(u) / log_stay);
  return t + 1.0 >= static_cast<double>(never) ? never : 1 + static_cast<std::int64_t>(t);
}

}  // namespace pneumo
