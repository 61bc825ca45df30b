// Heuristic solvers of the location models (location_solution.hpp): greedy addition, then vertex
// interchange (swap an open site for a closed one while that improves the objective), then an iterated
// local search that shakes the best solution with k random swaps and interchanges again, keeping the
// result only when it is better (k grows by one after each failure, back to 1 after a success: Hansen &
// Mladenović's variable neighbourhood search). Fixed sites are open from the start and never leave.
// Results are deterministic: the shakes draw from RandomStream(seed) and sums run in a fixed order.
// Exact solves with CBC are in location_exact.hpp.
#pragma once

#include <cstdint>

#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/location_solution.hpp"

namespace pneumo {

struct HeuristicOptions {
  // Shake-and-interchange rounds after the first local optimum; 0 gives plain greedy + interchange.
  // 200 reach the published optima of OR-Library pmed1 and pmed5 and stay within 1 % on pmed34/37.
  int perturbation_rounds = 200;
  // Rounds of the capacitated p-median's own search (after the uncapacitated start): each costs up to a
  // few hundred transportation solves, so fewer.
  int capacitated_rounds = 20;
  int max_shake_swaps = 10;   // k runs from 1 to this (less where fewer sites can move)
  std::uint64_t seed = 1;     // RandomStream seed of the shakes
};

// Exactly p open sites (fixed ones included, p ≥ their number) minimising Σ_j w_j · d(j, nearest open).
// Interchange: Whitaker's fast swap evaluation, best improvement. Throws std::invalid_argument for an
// invalid problem or p.
LocationSolution solve_pmedian(const LocationProblem& problem, int p, const HeuristicOptions& options = {});

// Exactly p open sites maximising the demand within `covering_distance` of an open site; among equally
// covering solutions the one with the lower Σ w·d (so the sites left over after coverage still serve).
LocationSolution solve_max_covering(const LocationProblem& problem, double covering_distance, int p,
                                    const HeuristicOptions& options = {});

// Any number of sites whose opening costs (fixed sites included: give existing stations cost 0) add up
// to at most `budget_rmb`, maximising covered demand; among equally covering solutions the cheaper one,
// so no site is opened that covers nobody new. Greedy by covered demand per yuan, then add, drop and swap
// moves.
LocationSolution solve_max_covering_within_budget(const LocationProblem& problem, double covering_distance,
                                                  double budget_rmb, const HeuristicOptions& options = {});

// Exactly p open sites, each serving at most its capacity. The objective is lexicographic: first serve as
// many patients as the sites can hold (unmet demand = total demand − total capacity when that is
// positive), then minimise Σ patients × distance. Each candidate set's assignment is solved exactly as a
// transportation problem (transportation.hpp), so a township's patients may be split between stations.
// Starts from the uncapacitated p-median solution; swaps are screened by a lower bound of their cost, so
// only promising swaps pay for a transportation solve. About 0.5 s per local search for 200 sites, 200
// demand points and p = 20 with tight capacities; each of options.capacitated_rounds repeats one.
LocationSolution solve_capacitated_pmedian(const LocationProblem& problem, int p,
                                           const HeuristicOptions& options = {});

}  // namespace pneumo
