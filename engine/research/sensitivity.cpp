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
  std::vector<double> second;  // [i * K + j], i < j
  double variance = 0.0;
};

// The estimators on the rows `rows` (indices into the complete rows, repetitions allowed). Row layout: A, B,
// AB^1..K, then (second order) BA^1..K.
Estimate estimate(const std::vector<const double*>& complete, const std::vector<std::size_t>& rows, std::size_t K,
                  const SobolOptions& options) {
  Estimate e;
  const double n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (const std::size_t j : rows) sum += complete[j][0] + complete[j][1];
  const double f0 = sum / (2.0 * n);
  double squares = 0.0;
  for (const std::size_t j : rows) {
    for (const double v : {complete[j][0], complete[j][1]}) squares += (v - f0) * (v - f0);
  }
  e.variance = squares / (2.0 * n);
  e.first.assign(K, kNaN);
  e.total.assign(K, kNaN);
  e.second.assign(K * K, kNaN);
  // An output that does not vary (beyond rounding) has no indices to share out.
  if (!(e.variance > 1e-20 * std::max(1.0, f0 * f0))) return e;
  const double centre = options.first_order == FirstOrderEstimator::Centred ? f0 : 0.0;
  for (std::size_t i = 0; i < K; ++i) {
    double first = 0.0, total = 0.0;
    for (const std::size_t j : rows) {
      const double a = complete[j][0], b = complete[j][1], ab = complete[j][2 + i];
      first += (b - centre) * (ab - a);
      total += (a - ab) * (a - ab);
    }
    e.first[i] = first / n / e.variance;
    e.total[i] = total / (2.0 * n) / e.variance;
  }
  if (!options.second_order) return e;
  for (std::size_t i = 0; i < K; ++i) {
    for (std::size_t k = i + 1; k < K; ++k) {
      double closed = 0.0;
      for (const std::size_t j : rows) {
        const double a = complete[j][0], b = complete[j][1], ab_k = complete[j][2 + k], ba_i = complete[j][2 + K + i];
        closed += (ba_i - f0) * (ab_k - f0) - (a - f0) * (b - f0);
      }
      e.second[i * K + k] = closed / n / e.variance - e.first[i] - e.first[k];
    }
  }
  return e;
}

// Row indices drawn with replacement for bootstrap resample `b`.
void resample(const RandomStream& rng, std::size_t b, std::vector<std::size_t>& rows) {
  for (std::size_t j = 0; j < rows.size(); ++j) {
    const double u = rng.uniform(b, static_cast<std::int64_t>(j), Purpose::Bootstrap);
    rows[j] = std::min(rows.size() - 1, static_cast<std::size_t>(u * static_cast<double>(rows.size())));
  }
}

}  // namespace

bool output_varies(const std::vector<double>& values) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  std::size_t count = 0;
  for (const double v : values) {
    if (std::isnan(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
    ++count;
  }
  if (count < 2) return false;
  return high - low > 1e-10 * std::max({1.0, std::abs(low), std::abs(high)});
}

SobolResult sobol_indices(const std::vector<double>& f, std::size_t K, const SobolOptions& options) {
  const std::size_t width = options.second_order ? 2 * K + 2 : K + 2;
  std::vector<const double*> complete;
  for (std::size_t j = 0; j + width <= f.size(); j += width) {
    bool ok = true;
    for (std::size_t k = 0; k < width; ++k) ok = ok && !std::isnan(f[j + k]);
    if (ok) complete.push_back(&f[j]);
  }
  SobolResult result;
  result.base_rows = complete.size();
  result.indices.assign(K, {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN});
  result.second.assign(K, std::vector<Bounded>(K, {kNaN, kNaN, kNaN}));
  if (complete.size() < 2) return result;
  std::vector<std::size_t> all(complete.size());
  for (std::size_t j = 0; j < all.size(); ++j) all[j] = j;
  const Estimate point = estimate(complete, all, K, options);
  result.variance = point.variance;
  result.varies = !std::isnan(point.first.front());
  if (!result.varies) return result;
  std::vector<std::vector<double>> first(K), total(K), second(K * K);
  const RandomStream rng(options.seed, 0);
  std::vector<std::size_t> rows(complete.size());
  for (std::size_t b = 0; b < options.resamples; ++b) {
    resample(rng, b, rows);
    const Estimate e = estimate(complete, rows, K, options);
    for (std::size_t i = 0; i < K; ++i) {
      if (!std::isnan(e.first[i])) first[i].push_back(e.first[i]);
      if (!std::isnan(e.total[i])) total[i].push_back(e.total[i]);
    }
    for (std::size_t c = 0; c < K * K; ++c) {
      if (!std::isnan(e.second[c])) second[c].push_back(e.second[c]);
    }
  }
  const double tail = (1.0 - options.level) / 2.0;
  const auto bounds = [tail](std::vector<double>& draws, double& low, double& high) {
    if (draws.empty()) return;
    low = quantile_type7(draws, tail);
    high = quantile_type7(draws, 1.0 - tail);
  };
  for (std::size_t i = 0; i < K; ++i) {
    auto& out = result.indices[i];
    out.first = point.first[i];
    out.total = point.total[i];
    bounds(first[i], out.first_low, out.first_high);
    bounds(total[i], out.total_low, out.total_high);
    if (out.first_high - out.first_low > 1.0 || out.total_high - out.total_low > 1.0) result.wide_intervals.push_back(i);
    for (std::size_t k = i + 1; k < K && options.second_order; ++k) {
      auto& s = result.second[i][k];
      s.value = point.second[i * K + k];
      bounds(second[i * K + k], s.low, s.high);
    }
  }
  result.too_few_rows = complete.size() < kMinRowsForSobolIntervals;
  return result;
}

MorrisResult morris_effects(const std::vector<double>& unit, const std::vector<double>& f, std::size_t K,
                            const MorrisOptions& options) {
  const std::size_t length = K + 1;
  // Per complete trajectory, one elementary effect per parameter (the step that moved it).
  std::vector<std::vector<double>> trajectories;  // [t][k], NaN when no step moved k
  for (std::size_t t = 0; (t + 1) * length <= f.size(); ++t) {
    bool ok = true;
    for (std::size_t s = 0; s < length; ++s) ok = ok && !std::isnan(f[t * length + s]);
    if (!ok) continue;
    std::vector<double> effects(K, kNaN);
    for (std::size_t s = 0; s < K; ++s) {
      const std::size_t from = t * length + s, to = from + 1;
      for (std::size_t k = 0; k < K; ++k) {
        const double dx = unit[to * K + k] - unit[from * K + k];
        if (dx != 0.0) effects[k] = (f[to] - f[from]) / dx;
      }
    }
    trajectories.push_back(std::move(effects));
  }
  MorrisResult result;
  result.trajectories = trajectories.size();
  result.effects.assign(K, {});
  const auto mean_abs = [&](const std::vector<std::size_t>& chosen, std::size_t k) {
    double sum = 0.0;
    std::size_t count = 0;
    for (const std::size_t t : chosen) {
      if (std::isnan(trajectories[t][k])) continue;
      sum += std::abs(trajectories[t][k]);
      ++count;
    }
    return count ? sum / static_cast<double>(count) : kNaN;
  };
  std::vector<std::size_t> all(trajectories.size());
  for (std::size_t t = 0; t < all.size(); ++t) all[t] = t;
  for (std::size_t k = 0; k < K; ++k) {
    std::vector<double> e;
    for (const auto& t : trajectories) {
      if (!std::isnan(t[k])) e.push_back(t[k]);
    }
    auto& out = result.effects[k];
    out.effects = e.size();
    if (e.empty()) {
      out.mu = out.mu_star = out.sigma = out.mu_star_low = out.mu_star_high = kNaN;
      continue;
    }
    double sum = 0.0;
    for (const double v : e) sum += v;
    out.mu = sum / static_cast<double>(e.size());
    out.mu_star = mean_abs(all, k);
    double ss = 0.0;
    for (const double v : e) ss += (v - out.mu) * (v - out.mu);
    out.sigma = e.size() > 1 ? std::sqrt(ss / static_cast<double>(e.size() - 1)) : 0.0;
    out.mu_star_low = out.mu_star_high = out.mu_star;
  }
  if (trajectories.size() >= 2 && options.resamples > 0) {
    std::vector<std::vector<double>> draws(K);
    const RandomStream rng(options.seed, 0);
    std::vector<std::size_t> chosen(trajectories.size());
    for (std::size_t b = 0; b < options.resamples; ++b) {
      resample(rng, b, chosen);
      for (std::size_t k = 0; k < K; ++k) {
        const double m = mean_abs(chosen, k);
        if (!std::isnan(m)) draws[k].push_back(m);
      }
    }
    const double tail = (1.0 - options.level) / 2.0;
    for (std::size_t k = 0; k < K; ++k) {
      if (draws[k].empty()) continue;
      result.effects[k].mu_star_low = quantile_type7(draws[k], tail);
      result.effects[k].mu_star_high = quantile_type7(draws[k], 1.0 - tail);
    }
  }
  result.too_few_trajectories = trajectories.size() < kMinMorrisTrajectories;
  return result;
}

}  // namespace pneumo
