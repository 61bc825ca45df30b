// The points of a sweep: each a position in the unit hypercube (one coordinate per parameter) and the
// parameter values it maps to. Designs:
//   grid     — every combination of each parameter's values (or `levels` evenly spaced ones);
//   lhs      — Latin hypercube: each parameter's range cut into N strata, one point in each, strata paired at
//              random between parameters (Philox draws keyed by the sampling seed);
//   sobol    — the first N points of the Sobol low-discrepancy sequence (Boost.Random; the zero point skipped);
//   saltelli — for Sobol indices: N base rows of a 2K-dimensional Sobol sequence give matrices A and B; the
//              points are, for each row j, A_j, B_j, then A_j with column i taken from B_j for i = 1..K
//              (N (K + 2) points, Saltelli 2010); with second_order, then B_j with column i taken from A_j
//              for i = 1..K (N (2K + 2) points, Saltelli 2002), for second-order indices;
//   morris   — r trajectories of K + 1 points on a p-level grid, each step moving one parameter by
//              Δ = p / (2 (p − 1)) (Morris 1991), the order and direction of the steps random.
// The same sweep file always gives the same points, on any machine.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/research/sweep_spec.hpp"

namespace pneumo {

struct SweepPlan {
  std::size_t parameters = 0;   // K
  std::size_t points = 0;       // N
  std::vector<double> unit;     // [N][K], in [0, 1]
  std::vector<double> value;    // [N][K], the values the points set
  std::int64_t saltelli_base = 0;        // saltelli: base rows
  bool saltelli_second_order = false;    // saltelli: each row also holds BA_j^(i), i = 1..K
  std::int64_t morris_trajectories = 0;  // morris: trajectories
  double morris_delta = 0.0;             // morris: step in unit coordinates

  double unit_at(std::size_t point, std::size_t parameter) const { return unit[point * parameters + parameter]; }
  double value_at(std::size_t point, std::size_t parameter) const { return value[point * parameters + parameter]; }
};

SweepPlan plan_sweep(const SweepSpec& spec);

// The unit-hypercube coordinates of a design with K dimensions (exposed for tests of the designs alone).
std::vector<double> latin_hypercube(std::size_t points, std::size_t dimensions, std::uint64_t seed);
std::vector<double> sobol_points(std::size_t points, std::size_t dimensions);

// The scenario.ini settings ("key=value") that point `n` applies.
std::vector<std::string> point_settings(const SweepSpec& spec, const SweepPlan& plan, std::size_t n);

}  // namespace pneumo
