// The assignment step of the capacitated p-median: with the open sites chosen, send each demand point's
// patients to open sites, no site beyond its capacity, serving as many patients as the capacities allow
// (min(total demand, total capacity)) at the least total patient-distance. That is a transportation
// problem, solved exactly as a min-cost flow by successive shortest paths (Dijkstra on reduced costs with
// node potentials). It starts from every patient at the nearest open site — optimal but for the
// capacities — and moves the overflow of full sites along shortest paths to sites with room (or, when the
// sites cannot hold everybody, back to unmet demand), so the work grows with the overflow, not with the
// number of demand points. A demand point's patients may be split between sites; with whole-number
// weights and capacities every flow is a whole number of patients, since each path moves a whole number.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/location_solution.hpp"
#include "pneumoplan/stations/node_heap.hpp"

namespace pneumo {

// Reusable: the interchange heuristic solves thousands of these on one problem, so the work arrays are
// kept between calls. Holds a reference to the problem, which must outlive it.
class TransportationSolver {
 public:
  explicit TransportationSolver(const LocationProblem& problem);

  // Solves for `open_sites` (ascending, no repeats) and returns Σ patients × distance.
  double solve(const std::vector<int>& open_sites);

  // Of the last solve:
  double cost() const { return cost_; }
  double served() const { return served_total_; }
  double unmet() const { return unmet_; }
  std::vector<ServedFlow> flows() const;  // positive flows, by demand point then site
  // Shadow price of each open site's capacity (patient-distance per patient, ≥ 0; 0 for a site with room
  // or without a limit), in the order of the open sites: the Lagrange multipliers λ for which
  // Σ_j w_j min_i (d_ij + λ_i) − Σ_i λ_i cap_i equals the optimal cost. With any λ ≥ 0 that expression
  // bounds the cost of a set of sites from below, which the interchange uses to skip hopeless swaps.
  std::vector<double> capacity_prices() const;

 private:
  void copy_open_distances();
  void start_from_nearest();
  bool shortest_path(std::size_t from);  // Dijkstra on reduced costs to the nearest node short of flow
  void relax_sites_from(std::size_t u);  // relaxes the arcs from demand point u to every open site
  void augment(std::size_t from);
  double excess(std::size_t k) const { return load_[k] - to_sink_[k]; }
  double flow(std::size_t k, std::size_t j) const;        // from open site k to demand point j, or 0
  std::size_t flow_slot(std::size_t k, std::size_t j) const;  // where site k is, or would go, in j's flows

  // Nodes: demand points 0..m-1, open sites m..m+q-1, the sink m+q, the source m+q+1.
  const LocationProblem& problem_;
  std::vector<int> open_;
  std::vector<double> open_distance_;    // [demand point j][open site k], road km: d(open_[k], j)
  // The flows of each demand point, by open site ascending, positive only: a demand point sends its patients to one
  // site or a few, so a dense [site][demand point] table would be almost all zeros.
  struct SiteFlow {
    std::uint32_t site;  // index k among the open sites
    double patients;
  };
  std::vector<std::vector<SiteFlow>> flows_by_demand_;
  std::vector<std::vector<int>> users_;  // per open site: demand points with flow > 0 (residual back arcs)
  std::vector<double> load_;             // per open site: patients sent to it
  std::vector<double> to_sink_;          // per open site: patients it keeps, ≤ capacity
  std::vector<double> capacity_;         // per open site
  std::vector<double> served_;           // per demand point
  double sink_short_ = 0.0;              // patients the sink still lacks
  double source_short_ = 0.0;            // patients still to be given back as unmet demand
  std::vector<double> potential_;
  std::vector<double> dist_;
  std::vector<int> pred_;
  std::vector<char> done_;
  NodeHeap heap_;
  std::vector<double> candidate_;        // per open site: its distance through the demand point being settled
  std::vector<unsigned char> closer_;    // per open site (padded to whole 8-byte words): candidate_ improves it
  std::size_t target_ = 0;  // node where the last shortest path ended
  double epsilon_ = 0.0;    // amounts below this are zero (rounding of non-integer weights)
  double cost_ = 0.0;
  double served_total_ = 0.0;
  double unmet_ = 0.0;
};

}  // namespace pneumo
