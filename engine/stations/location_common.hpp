// Engine-internal: argument checks and timing shared by the heuristic and exact location solvers.
#pragma once

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>

#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/location_solver.hpp"

namespace pneumo::location_detail {

// Validates the problem and p (fixed sites included, so p ≥ their number).
inline void check_site_count(const LocationProblem& problem, int p, const std::string& model) {
  validate(problem);
  if (p < 1 || static_cast<std::size_t>(p) > problem.n_sites) {
    throw std::invalid_argument(model + ": expected p in [1, " + std::to_string(problem.n_sites) + "], found " +
                                std::to_string(p));
  }
  if (static_cast<std::size_t>(p) < problem.fixed_sites.size()) {
    throw std::invalid_argument(model + ": p = " + std::to_string(p) + " is less than the " +
                                std::to_string(problem.fixed_sites.size()) + " fixed sites");
  }
}

inline void check_covering_distance(double covering_distance) {
  if (!(covering_distance >= 0.0) || !std::isfinite(covering_distance)) {
    throw std::invalid_argument("maximal covering: expected a finite covering distance ≥ 0");
  }
}

// The budget must be a finite amount that at least pays for the fixed sites.
inline void check_budget(const LocationProblem& problem, double budget_rmb) {
  if (!(budget_rmb >= 0.0) || !std::isfinite(budget_rmb)) {
    throw std::invalid_argument("maximal covering: expected a finite budget ≥ 0 RMB");
  }
  double fixed_cost = 0.0;
  for (const int site : problem.fixed_sites) fixed_cost += problem.opening_cost(static_cast<std::size_t>(site));
  if (fixed_cost > budget_rmb) {
    throw std::invalid_argument("maximal covering: the fixed sites alone cost " + std::to_string(fixed_cost) +
                                " RMB, more than the budget of " + std::to_string(budget_rmb) + " RMB");
  }
}

inline void check_options(const HeuristicOptions& options) {
  if (options.perturbation_rounds < 0) throw std::invalid_argument("heuristic: expected perturbation_rounds ≥ 0");
  if (options.capacitated_rounds < 0) throw std::invalid_argument("heuristic: expected capacitated_rounds ≥ 0");
  if (options.max_shake_swaps < 1) throw std::invalid_argument("heuristic: expected max_shake_swaps ≥ 1");
}

class Stopwatch {
 public:
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace pneumo::location_detail
