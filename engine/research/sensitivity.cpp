#include "pneumoplan/research/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Estimate {
  std::vector<double> first, total;
  double variance = 0.0;
};

// The estimators on the rows `rows` (indices into the complete rows, repetitions allowed).
Estimate estimate(const std::vector<const double*>& complete, const std::vector<std::size_t>& rows, std::size_t K) {
  Estimate e;
  const double n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (const std::size_t j : rows) sum += complete[j][0] + complete[j][1];
  const double mean = sum / (2.0 * n);
  double squares = 0.0;
  for (const std::size_t j : rows) {
    for (const double v : {complete[j][0], complete[j][1]}) squares += (v - mean) * (v - mean);
  }
  e.variance = squares / (2.0 * n);
  e.first.assign(K, kNaN);
  e.total.assign(K, kNaN);
  // An output that does not vary (beyond rounding) has no indices to share out.
  if (!(e.variance > 1e-20 * std::max(1.0, mean * mean))) return e;
  for (std::size_t i = 0; i < K; ++i) {
    double first = 0.0, total = 0.0;
    for (const std::size_t j : rows) {
      const double a = complete[j][0], b = complete[j][1], ab = complete[j][2 + i];
      first += b * (ab - a);
      total += (a - ab) * (a - ab);
    }
    e.first[i] = first / n / e.variance;
    e.total[i] = total / (2.0 * n) / e.variance;
  }
  return e;
}

}  // namespace

SobolResult sobol_indices(const std::vector<double>& f, std::size_t K, std::size_t resamples, double level,
                          std::uint64_t seed) {
  const std::size_t width = K + 2;
  std::vector<const double*> complete;
  for (std::size_t j = 0; j + width <= f.size(); j += width) {
    bool ok = true;
    for (std::size_t k = 0; k < width; ++k) ok = ok && !std::isnan(f[j + k]);
    if (ok) complete.push_back(&f[j]);
  }
  SobolResult result;
  result.base_rows = complete.size();
  result.indices.assign(K, {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
  if (complete.size() < 2) return result;
  std::vector<std::size_t> all(complete.size());
  for (std::size_t j = 0; j < all.size(); ++j) all[j] = j;
  const Estimate point = estimate(complete, all, K);
  result.variance = point.variance;
  std::vector<std::vector<double>> first(K), total(K);
  const RandomStream rng(seed, 0);
  std::vector<std::size_t> rows(complete.size());
  for (std::size_t b = 0; b < resamples; ++b) {
    for (std::size_t j = 0; j < rows.size(); ++j) {
      const double u = rng.uniform(b, static_cast<std::int64_t>(j), Purpose::Bootstrap);
      rows[j] = std::min(rows.size() - 1, static_cast<std::size_t>(u * static_cast<double>(rows.size())));
    }
    const Estimate e = estimate(complete, rows, K);
    for (std::size_t i = 0; i < K; ++i) {
      if (!std::isnan(e.first[i])) first[i].push_back(e.first[i]);
      if (!std::isnan(e.total[i])) total[i].push_back(e.total[i]);
    }
  }
  const double tail = (1.0 - level) / 2.0;
  for (std::size_t i = 0; i < K; ++i) {
    auto& out = result.indices[i];
    out.first = point.first[i];
    out.total = point.total[i];
    if (!first[i].empty()) {
      out.first_low = quantile_type7(first[i], tail);
      out.first_high = quantile_type7(first[i], 1.0 - tail);
    }
    if (!total[i].empty()) {
      out.total_low = quantile_type7(total[i], tail);
      out.total_high = quantile_type7(total[i], 1.0 - tail);
    }
  }
  return result;
}

std::vector<MorrisEffect> morris_effects(const std::vector<double>& unit, const std::vector<double>& f, std::size_t K) {
  std::vector<std::vector<double>> effects(K);
  const std::size_t length = K + 1;
  for (std::size_t t = 0; (t + 1) * length <= f.size(); ++t) {
    bool ok = true;
    for (std::size_t s = 0; s < length; ++s) ok = ok && !std::isnan(f[t * length + s]);
    if (!ok) continue;
    for (std::size_t s = 0; s < K; ++s) {
      const std::size_t from = t * length + s, to = from + 1;
      for (std::size_t k = 0; k < K; ++k) {
        const double dx = unit[to * K + k] - unit[from * K + k];
        if (dx != 0.0) effects[k].push_back((f[to] - f[from]) / dx);
      }
    }
  }
  std::vector<MorrisEffect> out(K);
  for (std::size_t k = 0; k < K; ++k) {
    const auto& e = effects[k];
    out[k].effects = e.size();
    if (e.empty()) {
      out[k].mu = out[k].mu_star = out[k].sigma = kNaN;
      continue;
    }
    double sum = 0.0, abs_sum = 0.0;
    for (const double v : e) {
      sum += v;
      abs_sum += std::abs(v);
    }
    out[k].mu = sum / static_cast<double>(e.size());
    out[k].mu_star = abs_sum / static_cast<double>(e.size());
    double ss = 0.0;
    for (const double v : e) ss += (v - out[k].mu) * (v - out[k].mu);
    out[k].sigma = e.size() > 1 ? std::sqrt(ss / static_cast<double>(e.size() - 1)) : 0.0;
  }
  return out;
}

}  // namespace pneumo
