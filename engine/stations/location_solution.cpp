#include "pneumoplan/stations/location_solution.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "pneumoplan/stations/transportation.hpp"

namespace pneumo {
namespace {

void check_open_sites(const LocationProblem& problem, std::vector<int>& open_sites, bool allow_empty = false) {
  if (open_sites.empty() && !allow_empty) throw std::invalid_argument("location solution: expected at least one open site");
  std::sort(open_sites.begin(), open_sites.end());
  for (std::size_t k = 0; k < open_sites.size(); ++k) {
    if (open_sites[k] < 0 || static_cast<std::size_t>(open_sites[k]) >= problem.n_sites) {
      throw std::invalid_argument("location solution: open site " + std::to_string(open_sites[k]) +
                                  " is not a site index in [0, " + std::to_string(problem.n_sites - 1) + "]");
    }
    if (k > 0 && open_sites[k] == open_sites[k - 1]) {
      throw std::invalid_argument("location solution: open site " + std::to_string(open_sites[k]) +
                                  " is listed twice");
    }
  }
}

// Open sites, nearest assignment, cost and the distance statistics shared by the uncapacitated models.
// With no open site (a covering budget that buys nothing) every demand point is unassigned.
LocationSolution nearest_assignment(const LocationProblem& problem, std::vector<int> open_sites,
                                    bool allow_empty = false) {
  check_open_sites(problem, open_sites, allow_empty);
  LocationSolution solution;
  solution.open_sites = std::move(open_sites);
  solution.assigned_site.assign(problem.n_demand, kUnassigned);
  std::vector<std::pair<double, double>> distance_weight;
  distance_weight.reserve(problem.n_demand);
  double weighted_distance = 0.0;
  double served = 0.0;
  for (std::size_t j = 0; j < problem.n_demand; ++j) {
    double best = std::numeric_limits<double>::infinity();
    for (const int site : solution.open_sites) {
      const double d = problem.d(static_cast<std::size_t>(site), j);
      if (d < best) {
        best = d;
        solution.assigned_site[j] = site;
      }
    }
    if (solution.assigned_site[j] == kUnassigned) continue;
    const double w = problem.demand_weight[j];
    weighted_distance += w * best;
    served += w;
    distance_weight.emplace_back(best, w);
  }
  solution.objective = weighted_distance;
  solution.covered_demand = served;
  solution.mean_distance = served > 0.0 ? weighted_distance / served : 0.0;
  solution.p90_distance = weighted_quantile(std::move(distance_weight), 0.9);
  for (const int site : solution.open_sites) solution.total_cost_rmb += problem.opening_cost(static_cast<std::size_t>(site));
  return solution;
}

}  // namespace

double weighted_quantile(std::vector<std::pair<double, double>> distance_weight, double q) {
  std::sort(distance_weight.begin(), distance_weight.end());
  double total = 0.0;
  for (const auto& [d, w] : distance_weight) total += w;
  if (!(total > 0.0)) return 0.0;
  // The relative slack keeps rounding in the running sum from skipping the distance that reaches q exactly.
  const double target = q * total * (1.0 - 1e-12);
  double running = 0.0;
  for (const auto& [d, w] : distance_weight) {
    running += w;
    if (w > 0.0 && running >= target) return d;
  }
  return distance_weight.back().first;
}

LocationSolution evaluate_pmedian(const LocationProblem& problem, std::vector<int> open_sites) {
  LocationSolution solution = nearest_assignment(problem, std::move(open_sites));
  solution.model = LocationModel::PMedian;
  return solution;
}

LocationSolution evaluate_covering(const LocationProblem& problem, std::vector<int> open_sites,
                                   double covering_distance) {
  if (!(covering_distance >= 0.0)) {
    throw std::invalid_argument("maximal covering: expected a covering distance ≥ 0");
  }
  LocationSolution solution = nearest_assignment(problem, std::move(open_sites), true);
  solution.model = LocationModel::MaximalCovering;
  double covered = 0.0;
  for (std::size_t j = 0; j < problem.n_demand; ++j) {
    if (solution.assigned_site[j] == kUnassigned) continue;
    const auto site = static_cast<std::size_t>(solution.assigned_site[j]);
    if (problem.d(site, j) <= covering_distance) covered += problem.demand_weight[j];
  }
  solution.covered_demand = covered;
  solution.objective = covered;
  return solution;
}

LocationSolution evaluate_capacitated(const LocationProblem& problem, std::vector<int> open_sites) {
  TransportationSolver transport(problem);
  return evaluate_capacitated(problem, std::move(open_sites), transport);
}

LocationSolution evaluate_capacitated(const LocationProblem& problem, std::vector<int> open_sites,
                                      TransportationSolver& transport) {
  check_open_sites(problem, open_sites);
  transport.solve(open_sites);

  LocationSolution solution;
  solution.model = LocationModel::CapacitatedPMedian;
  solution.open_sites = std::move(open_sites);
  solution.flows = transport.flows();
  solution.objective = transport.cost();
  solution.covered_demand = transport.served();
  solution.unmet_demand = transport.unmet();
  solution.assigned_site.assign(problem.n_demand, kUnassigned);
  std::vector<double> largest(problem.n_demand, 0.0);
  std::vector<std::pair<double, double>> distance_weight;
  distance_weight.reserve(solution.flows.size());
  for (const ServedFlow& flow : solution.flows) {
    const auto j = static_cast<std::size_t>(flow.demand);
    if (flow.patients > largest[j]) {  // flows come by site ascending: ties keep the lower site
      largest[j] = flow.patients;
      solution.assigned_site[j] = flow.site;
    }
    distance_weight.emplace_back(problem.d(static_cast<std::size_t>(flow.site), j), flow.patients);
  }
  // A demand point without patients still has a nearest station.
  for (std::size_t j = 0; j < problem.n_demand; ++j) {
    if (problem.demand_weight[j] > 0.0 || solution.assigned_site[j] != kUnassigned) continue;
    double best = std::numeric_limits<double>::infinity();
    for (const int site : solution.open_sites) {
      if (problem.d(static_cast<std::size_t>(site), j) < best) {
        best = problem.d(static_cast<std::size_t>(site), j);
        solution.assigned_site[j] = site;
      }
    }
  }
  solution.mean_distance = solution.covered_demand > 0.0 ? solution.objective / solution.covered_demand : 0.0;
  solution.p90_distance = weighted_quantile(std::move(distance_weight), 0.9);
  for (const int site : solution.open_sites) solution.total_cost_rmb += problem.opening_cost(static_cast<std::size_t>(site));
  return solution;
}

double relative_gap(const LocationSolution& heuristic, const LocationSolution& exact) {
  const double shortfall = heuristic.model == LocationModel::MaximalCovering ? exact.objective - heuristic.objective
                                                                            : heuristic.objective - exact.objective;
  if (exact.objective == 0.0) return shortfall == 0.0 ? 0.0 : std::copysign(std::numeric_limits<double>::infinity(), shortfall);
  return shortfall / std::abs(exact.objective);
}

}  // namespace pneumo
