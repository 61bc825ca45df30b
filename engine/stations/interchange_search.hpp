// Engine-internal: greedy addition and vertex interchange for objectives that depend only on the distance
// from each demand point to its nearest open site — the p-median and the maximal covering with p sites.
// Each demand point keeps its nearest and second-nearest open site, so the value of swapping any open
// site r for a closed site a follows from one pass over the demand points per a (Whitaker's fast
// interchange, INFOR 21 (1983) 95–108; as described by Resende & Werneck, J Heuristics 10 (2004) 59–88).
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/location_solver.hpp"

namespace pneumo::location_detail {

// Lexicographic objective, both minimised: demand outside the covering distance first (always 0 for the
// p-median, whose covering distance is +inf), then Σ w·d.
struct SearchCost {
  double uncovered = 0.0;
  double distance = 0.0;
};

class InterchangeSearch {
 public:
  InterchangeSearch(const LocationProblem& problem, double covering_distance);

  void reset(const std::vector<int>& open_sites);  // these open, in this order
  void greedy_fill(std::size_t p);                 // add the best site until p are open
  void local_search();                             // best improving swap until none; fixed sites stay
  // Shakes the solution with k random swaps of a non-fixed open site for a closed one; draws are keyed by
  // (round, swap number), so the same round always shakes the same way.
  void random_swaps(int k, const RandomStream& stream, std::uint64_t round);

  SearchCost cost() const;
  bool better(const SearchCost& a, const SearchCost& b) const;  // a strictly better than b beyond rounding
  const std::vector<int>& open() const { return open_; }
  std::size_t swappable_open() const;  // open sites that are not fixed
  std::size_t closed() const { return problem_.n_sites - open_.size(); }

 private:
  void add(int site);
  void swap(int out, int in);
  void recompute_nearest(std::size_t j);
  double uncovered_weight(std::size_t j, double d) const {
    return d > covering_distance_ ? problem_.demand_weight[j] : 0.0;
  }

  const LocationProblem& problem_;
  double covering_distance_;
  bool covering_;  // covering_distance_ is finite: track the uncovered demand
  std::vector<char> fixed_;
  std::vector<int> open_;
  std::vector<int> position_;  // per site: index in open_, −1 when closed
  std::vector<int> nearest_, second_;
  std::vector<double> d1_, d2_;
  std::vector<double> loss_distance_, loss_uncovered_;  // per site, scratch of the swap evaluation
  double tolerance_distance_ = 0.0;
  double tolerance_uncovered_ = 0.0;
};

// Greedy from the fixed sites, interchange, then variable neighbourhood search around the best solution:
// shake with k random swaps, interchange, keep if better (k = 1 again) or go back (k + 1, cycling).
// Returns the best open sites found (exactly p).
std::vector<int> search_p_sites(const LocationProblem& problem, double covering_distance, int p,
                                const HeuristicOptions& options);

}  // namespace pneumo::location_detail
