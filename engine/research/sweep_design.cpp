#include "pneumoplan/research/sweep_design.hpp"

#include <boost/random/sobol.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/random_stream.hpp"

namespace pneumo {
namespace {

// Uses of the design stream (the counter's index), so each use draws its own numbers.
enum DesignUse : std::uint64_t { kLhsPermutation = 0, kLhsJitter = 1, kMorrisStart = 2, kMorrisOrder = 3 };

// A permutation of 0..n-1 by Fisher–Yates with counter-based draws.
std::vector<std::size_t> permutation(std::size_t n, const RandomStream& rng, std::uint64_t entity, std::int64_t slot,
                                     std::uint64_t use) {
  std::vector<std::size_t> p(n);
  std::iota(p.begin(), p.end(), std::size_t{0});
  for (std::size_t i = n; i > 1; --i) {
    const double u = rng.uniform(entity, slot + static_cast<std::int64_t>(i), Purpose::SweepDesign, use);
    const auto j = std::min(i - 1, static_cast<std::size_t>(u * static_cast<double>(i)));
    std::swap(p[i - 1], p[j]);
  }
  return p;
}

double map_to_value(const SweepParameter& p, double u) {
  double v = p.log_scale ? std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min))) : p.min + u * (p.max - p.min);
  if (p.integer) v = std::round(v);
  return v;
}

}  // namespace

std::vector<double> latin_hypercube(std::size_t points, std::size_t dimensions, std::uint64_t seed) {
  const RandomStream rng(seed, 0);
  std::vector<double> unit(points * dimensions);
  for (std::size_t k = 0; k < dimensions; ++k) {
    const auto strata = permutation(points, rng, k, 0, kLhsPermutation);
    for (std::size_t i = 0; i < points; ++i) {
      const double jitter = rng.uniform(k, static_cast<std::int64_t>(i), Purpose::SweepDesign, kLhsJitter);
      unit[i * dimensions + k] = (static_cast<double>(strata[i]) + jitter) / static_cast<double>(points);
    }
  }
  return unit;
}

std::vector<double> sobol_points(std::size_t points, std::size_t dimensions) {
  if (dimensions > 3667) throw UsageError("a Sobol design supports at most 3667 dimensions");
  boost::random::sobol engine(static_cast<unsigned>(dimensions));
  // Boost's generator is unsigned 64-bit by default; its values divided by 2^64 lie in [0, 1).
  std::vector<double> unit(points * dimensions);
  const double scale = std::ldexp(1.0, -static_cast<int>(std::numeric_limits<boost::random::sobol::result_type>::digits));
  for (double& u : unit) u = static_cast<double>(engine()) * scale;
  return unit;
}

SweepPlan plan_sweep(const SweepSpec& spec) {
  SweepPlan plan;
  const std::size_t K = spec.parameters.size();
  plan.parameters = K;
  switch (spec.design) {
    case SweepDesign::Grid: {
      // Mixed-radix enumeration, the first parameter varying slowest.
      std::vector<std::vector<double>> axes(K);
      std::size_t total = 1;
      for (std::size_t k = 0; k < K; ++k) {
        const auto& p = spec.parameters[k];
        if (!p.values.empty()) {
          for (const double v : p.values) axes[k].push_back(p.max > p.min ? (v - p.min) / (p.max - p.min) : 0.0);
        } else {
          for (std::int64_t l = 0; l < spec.levels; ++l) axes[k].push_back(static_cast<double>(l) / static_cast<double>(spec.levels - 1));
        }
        total *= axes[k].size();
        if (total > 10000000) throw UsageError("the grid has more than 10^7 points");
      }
      plan.points = total;
      plan.unit.resize(total * K);
      plan.value.resize(total * K);
      for (std::size_t n = 0; n < total; ++n) {
        std::size_t rest = n;
        for (std::size_t k = K; k-- > 0;) {
          const std::size_t level = rest % axes[k].size();
          rest /= axes[k].size();
          const auto& p = spec.parameters[k];
          plan.unit[n * K + k] = axes[k][level];
          plan.value[n * K + k] = p.values.empty() ? map_to_value(p, axes[k][level]) : p.values[level];
        }
      }
      return plan;
    }
    case SweepDesign::LatinHypercube:
      plan.points = static_cast<std::size_t>(spec.points);
      plan.unit = latin_hypercube(plan.points, K, static_cast<std::uint64_t>(spec.sampling_seed));
      break;
    case SweepDesign::Sobol:
      plan.points = static_cast<std::size_t>(spec.points);
      plan.unit = sobol_points(plan.points, K);
      break;
    case SweepDesign::Saltelli: {
      const auto N = static_cast<std::size_t>(spec.points);
      plan.saltelli_base = spec.points;
      plan.saltelli_second_order = spec.second_order;
      const std::size_t width = spec.second_order ? 2 * K + 2 : K + 2;  // points per base row
      plan.points = N * width;
      const std::vector<double> base = sobol_points(N, 2 * K);
      plan.unit.resize(plan.points * K);
      for (std::size_t j = 0; j < N; ++j) {
        const double* a = &base[j * 2 * K];
        const double* b = a + K;
        double* block = &plan.unit[j * width * K];
        std::copy(a, a + K, block);          // A_j
        std::copy(b, b + K, block + K);      // B_j
        for (std::size_t i = 0; i < K; ++i) {  // A_j with column i from B_j
          double* row = block + (2 + i) * K;
          std::copy(a, a + K, row);
          row[i] = b[i];
        }
        if (!spec.second_order) continue;
        for (std::size_t i = 0; i < K; ++i) {  // B_j with column i from A_j
          double* row = block + (2 + K + i) * K;
          std::copy(b, b + K, row);
          row[i] = a[i];
        }
      }
      break;
    }
    case SweepDesign::Morris: {
      const auto r = static_cast<std::size_t>(spec.points);
      const auto p = static_cast<std::size_t>(spec.levels);
      plan.morris_trajectories = spec.points;
      plan.points = r * (K + 1);
      // Levels 0, 1/(p-1), ..., 1 (p even); a step moves p/2 levels, Δ = p/(2(p-1)) in unit coordinates: up
      // from the lower half of the levels, down from the upper half, so every point stays on the grid.
      plan.morris_delta = static_cast<double>(p) / (2.0 * static_cast<double>(p - 1));
      const RandomStream rng(static_cast<std::uint64_t>(spec.sampling_seed), 0);
      plan.unit.resize(plan.points * K);
      const std::size_t half = p / 2;
      for (std::size_t t = 0; t < r; ++t) {
        std::vector<double> x(K);
        for (std::size_t k = 0; k < K; ++k) {
          const double u = rng.uniform(k, static_cast<std::int64_t>(t), Purpose::SweepDesign, kMorrisStart);
          const auto level = std::min(p - 1, static_cast<std::size_t>(u * static_cast<double>(p)));
          x[k] = static_cast<double>(level) / static_cast<double>(p - 1);
        }
        const auto order = permutation(K, rng, t, 0, kMorrisOrder);
        double* trajectory = &plan.unit[t * (K + 1) * K];
        std::copy(x.begin(), x.end(), trajectory);
        for (std::size_t s = 0; s < K; ++s) {
          const std::size_t k = order[s];
          const auto level = static_cast<std::size_t>(std::lround(x[k] * static_cast<double>(p - 1)));
          const std::size_t next = level < half ? level + half : level - half;
          x[k] = static_cast<double>(next) / static_cast<double>(p - 1);
          std::copy(x.begin(), x.end(), trajectory + (s + 1) * K);
        }
      }
      break;
    }
  }
  plan.value.resize(plan.points * K);
  for (std::size_t n = 0; n < plan.points; ++n) {
    for (std::size_t k = 0; k < K; ++k) plan.value[n * K + k] = map_to_value(spec.parameters[k], plan.unit[n * K + k]);
  }
  return plan;
}

std::vector<std::string> point_settings(const SweepSpec& spec, const SweepPlan& plan, std::size_t n) {
  std::vector<std::string> settings = spec.overrides;
  for (std::size_t k = 0; k < plan.parameters; ++k) {
    char value[64];
    std::snprintf(value, sizeof value, "%.17g", plan.value_at(n, k));
    settings.push_back(spec.parameters[k].key + "=" + value);
  }
  return settings;
}

}  // namespace pneumo
