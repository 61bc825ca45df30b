#include "pneumoplan/stations/location_exact.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <string>

#include "cbc_model.hpp"
#include "location_common.hpp"

namespace pneumo {
namespace {

using location_detail::kNoBound;
using location_detail::MipModel;
using location_detail::MipResult;

void check_time_limit(const ExactOptions& options) {
  if (!(options.time_limit_seconds > 0.0)) throw std::invalid_argument("exact solve: expected a time limit > 0 s");
}

// y_i for every site: binary, fixed sites forced to 1. Column i is site i.
void add_site_columns(MipModel& model, const LocationProblem& problem) {
  const auto fixed = fixed_site_mask(problem);
  for (std::size_t i = 0; i < problem.n_sites; ++i) model.add_column(fixed[i] ? 1.0 : 0.0, 1.0, 0.0, true);
}

void add_exactly_p(MipModel& model, const LocationProblem& problem, int p) {
  std::vector<int> columns(problem.n_sites);
  for (std::size_t i = 0; i < problem.n_sites; ++i) columns[i] = static_cast<int>(i);
  model.add_row(columns, std::vector<double>(problem.n_sites, 1.0), p, p);
}

void add_start(MipModel& model, const LocationProblem& problem, const ExactOptions& options) {
  if (options.start_open_sites.empty()) return;
  std::vector<int> columns(problem.n_sites);
  std::vector<double> values(problem.n_sites, 0.0);
  for (std::size_t i = 0; i < problem.n_sites; ++i) columns[i] = static_cast<int>(i);
  for (const int site : options.start_open_sites) {
    if (site < 0 || static_cast<std::size_t>(site) >= problem.n_sites) {
      throw std::invalid_argument("exact solve: start site " + std::to_string(site) + " is not a site index");
    }
    values[static_cast<std::size_t>(site)] = 1.0;
  }
  model.set_start(std::move(columns), std::move(values));
}

std::vector<int> open_sites_of(const MipResult& result, const LocationProblem& problem) {
  std::vector<int> open;
  for (std::size_t i = 0; i < problem.n_sites; ++i) {
    if (result.values[i] > 0.5) open.push_back(static_cast<int>(i));
  }
  return open;
}

// Scores the incumbent with `evaluate`, or returns an empty solution when CBC found none.
LocationSolution finish(const MipResult& result, const LocationProblem& problem, LocationModel model,
                        const std::function<LocationSolution(std::vector<int>)>& evaluate,
                        const location_detail::Stopwatch& clock) {
  LocationSolution solution;
  solution.model = model;
  if (result.has_solution) {
    solution = evaluate(open_sites_of(result, problem));
  } else {
    solution.objective = std::numeric_limits<double>::quiet_NaN();
    solution.assigned_site.assign(problem.n_demand, kUnassigned);
  }
  solution.exact = true;
  solution.best_bound = result.best_bound;
  solution.proven_optimal = result.proven_optimal && result.has_solution;
  solution.wall_seconds = clock.seconds();
  return solution;
}

// Covering with either exactly p sites or a budget; the site limit row is added by `limit`.
LocationSolution covering_exact(const LocationProblem& problem, double covering_distance,
                                const std::function<void(MipModel&)>& limit, const ExactOptions& options,
                                const location_detail::Stopwatch& clock) {
  MipModel model;
  add_site_columns(model, problem);
  limit(model);
  double total = 0.0;
  for (std::size_t j = 0; j < problem.n_demand; ++j) {
    const double w = problem.demand_weight[j];
    if (w <= 0.0) continue;
    total += w;
    std::vector<int> columns{model.add_column(0.0, 1.0, w, false)};  // u_j: j left uncovered
    for (std::size_t i = 0; i < problem.n_sites; ++i) {
      if (problem.d(i, j) <= covering_distance) columns.push_back(static_cast<int>(i));
    }
    model.add_row(columns, std::vector<double>(columns.size(), 1.0), 1.0, kNoBound);
  }
  add_start(model, problem, options);
  MipResult result = model.solve(options.time_limit_seconds);
  // CBC bounds the uncovered demand from below: the covered demand from above.
  result.best_bound = total - result.best_bound;
  return finish(result, problem, LocationModel::MaximalCovering,
                [&](std::vector<int> open) { return evaluate_covering(problem, std::move(open), covering_distance); },
                clock);
}

}  // namespace

LocationSolution solve_pmedian_exact(const LocationProblem& problem, int p, const ExactOptions& options) {
  const location_detail::Stopwatch clock;
  location_detail::check_site_count(problem, p, "p-median");
  check_time_limit(options);
  MipModel model;
  add_site_columns(model, problem);
  add_exactly_p(model, problem, p);
  for (std::size_t j = 0; j < problem.n_demand; ++j) {
    const double w = problem.demand_weight[j];
    if (w <= 0.0) continue;  // costs nothing wherever it goes
    std::vector<int> assignment;
    for (std::size_t i = 0; i < problem.n_sites; ++i) {
      const int x = model.add_column(0.0, 1.0, w * problem.d(i, j), false);
      assignment.push_back(x);
      model.add_row({x, static_cast<int>(i)}, {1.0, -1.0}, -kNoBound, 0.0);  // x_ij ≤ y_i
    }
    model.add_row(assignment, std::vector<double>(assignment.size(), 1.0), 1.0, 1.0);
  }
  add_start(model, problem, options);
  return finish(model.solve(options.time_limit_seconds), problem, LocationModel::PMedian,
                [&](std::vector<int> open) { return evaluate_pmedian(problem, std::move(open)); }, clock);
}

LocationSolution solve_max_covering_exact(const LocationProblem& problem, double covering_distance, int p,
                                          const ExactOptions& options) {
  const location_detail::Stopwatch clock;
  location_detail::check_site_count(problem, p, "maximal covering");
  location_detail::check_covering_distance(covering_distance);
  check_time_limit(options);
  return covering_exact(problem, covering_distance, [&](MipModel& model) { add_exactly_p(model, problem, p); },
                        options, clock);
}

LocationSolution solve_max_covering_within_budget_exact(const LocationProblem& problem, double covering_distance,
                                                        double budget_rmb, const ExactOptions& options) {
  const location_detail::Stopwatch clock;
  validate(problem);
  location_detail::check_covering_distance(covering_distance);
  check_time_limit(options);
  location_detail::check_budget(problem, budget_rmb);
  const auto limit = [&](MipModel& model) {
    std::vector<int> columns(problem.n_sites);
    std::vector<double> costs(problem.n_sites);
    for (std::size_t i = 0; i < problem.n_sites; ++i) {
      columns[i] = static_cast<int>(i);
      costs[i] = problem.opening_cost(i);
    }
    model.add_row(columns, costs, -kNoBound, budget_rmb);
  };
  return covering_exact(problem, covering_distance, limit, options, clock);
}

LocationSolution solve_capacitated_pmedian_exact(const LocationProblem& problem, int p,
                                                 const ExactOptions& options) {
  const location_detail::Stopwatch clock;
  location_detail::check_site_count(problem, p, "capacitated p-median");
  check_time_limit(options);
  const double demand = problem.total_demand();
  // A site never serves more than all the demand, which also turns +inf capacities into numbers.
  std::vector<double> capacity(problem.n_sites);
  for (std::size_t i = 0; i < problem.n_sites; ++i) capacity[i] = std::min(problem.capacity(i), demand);

  // The most patients p sites can hold: the fixed sites plus the largest of the others.
  const auto fixed = fixed_site_mask(problem);
  double most = 0.0;
  std::vector<double> others;
  for (std::size_t i = 0; i < problem.n_sites; ++i) {
    if (fixed[i]) most += capacity[i];
    else others.push_back(capacity[i]);
  }
  std::sort(others.begin(), others.end(), std::greater<>());
  for (std::size_t k = 0; k + problem.fixed_sites.size() < static_cast<std::size_t>(p); ++k) most += others[k];
  const double served = std::min(demand, most);

  MipModel model;
  add_site_columns(model, problem);
  add_exactly_p(model, problem, p);
  std::vector<std::vector<int>> of_site(problem.n_sites);  // x columns per site
  std::vector<int> all_flows;
  for (std::size_t j = 0; j < problem.n_demand; ++j) {
    const double w = problem.demand_weight[j];
    if (w <= 0.0) continue;
    std::vector<int> of_demand;
    for (std::size_t i = 0; i < problem.n_sites; ++i) {
      const int x = model.add_column(0.0, w, problem.d(i, j), false);
      of_demand.push_back(x);
      of_site[i].push_back(x);
      all_flows.push_back(x);
      model.add_row({x, static_cast<int>(i)}, {1.0, -w}, -kNoBound, 0.0);  // x_ij ≤ w_j y_i
    }
    model.add_row(of_demand, std::vector<double>(of_demand.size(), 1.0), -kNoBound, w);
  }
  for (std::size_t i = 0; i < problem.n_sites; ++i) {  // Σ_j x_ij ≤ cap_i y_i
    std::vector<int> columns = of_site[i];
    std::vector<double> coefficients(columns.size(), 1.0);
    columns.push_back(static_cast<int>(i));
    coefficients.push_back(-capacity[i]);
    model.add_row(columns, coefficients, -kNoBound, 0.0);
  }
  model.add_row(all_flows, std::vector<double>(all_flows.size(), 1.0), served, served);
  {  // implied by the rows above, but it tightens the relaxation: the open sites hold the served patients
    std::vector<int> columns(problem.n_sites);
    for (std::size_t i = 0; i < problem.n_sites; ++i) columns[i] = static_cast<int>(i);
    model.add_row(columns, capacity, served, kNoBound);
  }
  add_start(model, problem, options);
  return finish(model.solve(options.time_limit_seconds), problem, LocationModel::CapacitatedPMedian,
                [&](std::vector<int> open) { return evaluate_capacitated(problem, std::move(open)); }, clock);
}

}  // namespace pneumo
