// Exact solves of the location models as mixed-integer programmes with CBC (COIN-OR branch and cut, EPL).
// Formulations (y_i = 1 when site i opens; fixed sites have y_i = 1):
//   p-median        min Σ w_j d_ij x_ij  s.t. Σ_i x_ij = 1, x_ij ≤ y_i, Σ y_i = p  (the strong formulation)
//   max covering    min Σ w_j u_j  s.t. u_j + Σ_{i: d_ij ≤ S} y_i ≥ 1, Σ y_i = p or Σ cost_i y_i ≤ budget;
//                   covered demand = total − Σ w_j u_j
//   capacitated     min Σ d_ij x_ij (x in patients)  s.t. Σ_i x_ij ≤ w_j, Σ_j x_ij ≤ cap_i y_i,
//                   x_ij ≤ w_j y_i, Σ y_i = p, Σ x_ij = the most patients any p sites can hold
// The returned solution is the CBC incumbent's open sites scored by location_solution.hpp, so heuristic and
// exact objectives are computed by the same code; best_bound and proven_optimal come from CBC. Among
// equally covering layouts the exact covering solve does not prefer the nearer one, as the heuristic does.
// With the time limit reached, the result depends on how far CBC got, so it may differ between runs.
#pragma once

#include <vector>

#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/location_solution.hpp"

namespace pneumo {

struct ExactOptions {
  double time_limit_seconds = 60.0;  // CBC stops here; proven_optimal then tells whether it had finished
  std::vector<int> start_open_sites;  // a feasible layout to start from (e.g. the heuristic's); may be empty
};

// When CBC finds no feasible layout within the time limit, open_sites is empty, objective NaN and
// best_bound what CBC proved. Throw std::invalid_argument for invalid input, std::runtime_error when
// CBC fails or proves the model infeasible.
LocationSolution solve_pmedian_exact(const LocationProblem& problem, int p, const ExactOptions& options = {});
LocationSolution solve_max_covering_exact(const LocationProblem& problem, double covering_distance, int p,
                                          const ExactOptions& options = {});
LocationSolution solve_max_covering_within_budget_exact(const LocationProblem& problem, double covering_distance,
                                                        double budget_rmb, const ExactOptions& options = {});
LocationSolution solve_capacitated_pmedian_exact(const LocationProblem& problem, int p,
                                                 const ExactOptions& options = {});

}  // namespace pneumo
