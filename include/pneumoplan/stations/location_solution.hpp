// What every location solver returns, and how a given set of open sites is scored under each model, so
// that a planner's own layout (or a brute-force enumeration) is measured exactly as the solvers measure.
#pragma once

#include <limits>
#include <utility>
#include <vector>

#include "pneumoplan/stations/location_problem.hpp"

namespace pneumo {

enum class LocationModel {
  PMedian,             // minimise Σ_j w_j · distance to the nearest open site
  MaximalCovering,     // maximise the demand within the covering distance of an open site
  CapacitatedPMedian,  // p-median where site i serves at most capacity_i patients
};

inline constexpr int kUnassigned = -1;

// Patients of one demand point served by one site (capacitated model: a point's demand may be split).
struct ServedFlow {
  int site = 0;
  int demand = 0;
  double patients = 0.0;
};

struct LocationSolution {
  LocationModel model = LocationModel::PMedian;
  std::vector<int> open_sites;     // ascending
  std::vector<int> assigned_site;  // per demand point: its nearest open site; capacitated: the site serving
                                   // most of its patients, kUnassigned when none of them is served
  std::vector<ServedFlow> flows;   // capacitated only: every positive flow, by demand point then site
  // p-median and capacitated: Σ served patients × distance. Maximal covering: the covered demand.
  double objective = 0.0;
  // Maximal covering: demand within the covering distance of an open site. Other models: served demand.
  double covered_demand = 0.0;
  double unmet_demand = 0.0;        // capacitated: demand no open site has room for; otherwise 0
  double mean_distance = 0.0;       // demand-weighted, over served demand
  double p90_distance = 0.0;        // smallest distance within which 90 % of the served demand lies
  double total_cost_rmb = 0.0;      // Σ opening cost of the open sites (fixed ones included)
  double wall_seconds = 0.0;        // time to solve: the one field that differs between identical runs
  // Exact (CBC) solves only. best_bound is a lower bound on the objective for p-median and capacitated
  // models and an upper bound for maximal covering; proven_optimal when the search finished.
  bool exact = false;
  double best_bound = std::numeric_limits<double>::quiet_NaN();
  bool proven_optimal = false;
};

// Scores `open_sites` (any order, no repeats) under each model. Every demand point goes to its nearest open
// site (ties: the lower site index); the capacitated model solves the transportation problem instead
// (transportation.hpp). Throws std::invalid_argument for an invalid site list, or an empty one except for
// the covering model (a budget may buy nothing: every demand point is then unassigned).
LocationSolution evaluate_pmedian(const LocationProblem& problem, std::vector<int> open_sites);
LocationSolution evaluate_covering(const LocationProblem& problem, std::vector<int> open_sites,
                                   double covering_distance);
LocationSolution evaluate_capacitated(const LocationProblem& problem, std::vector<int> open_sites);
class TransportationSolver;  // transportation.hpp
// The same with a solver the caller keeps between calls (built on `problem`): its work arrays are reused.
LocationSolution evaluate_capacitated(const LocationProblem& problem, std::vector<int> open_sites,
                                      TransportationSolver& transport);

// The heuristic's shortfall against an exact solve, as a fraction of the exact objective: ≥ 0 when the
// exact solve found a solution at least as good (both minimise or both maximise per the model); 0 when the
// exact objective is 0 and they agree.
double relative_gap(const LocationSolution& heuristic, const LocationSolution& exact);

// The demand-weighted quantile q ∈ (0, 1] of distances: the smallest distance d with at least q of the
// total weight at distances ≤ d. Zero when the total weight is zero.
double weighted_quantile(std::vector<std::pair<double, double>> distance_weight, double q);

}  // namespace pneumo
