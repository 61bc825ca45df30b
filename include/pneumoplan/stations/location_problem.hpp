// A facility-location problem: where to open stations among candidate sites so that demand points
// (townships with their patients) are served well. The problem is plain data shared by every solver
// (location_solver.hpp, location_exact.hpp): who may be opened, who needs serving, how far apart they are,
// and the optional limits (capacities, opening costs, sites that must stay open).
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include "pneumoplan/core/geo_distance.hpp"

namespace pneumo {

inline constexpr double kUncapacitated = std::numeric_limits<double>::infinity();

struct LocationProblem {
  std::size_t n_sites = 0;
  std::size_t n_demand = 0;
  std::vector<double> demand_weight;  // w_j ≥ 0 per demand point (patients)
  // d_ij ≥ 0, finite, row-major [site][demand]: km for geographic problems, the instance's own units for
  // OR-Library graphs.
  std::vector<double> distance;
  std::vector<double> capacity_patients;  // per site, or empty = all uncapacitated; kUncapacitated allowed
  std::vector<double> opening_cost_rmb;   // per site, or empty = all free
  std::vector<int> fixed_sites;           // existing stations: every solution keeps them open

  double d(std::size_t site, std::size_t demand) const { return distance[site * n_demand + demand]; }
  const double* distances_from(std::size_t site) const { return distance.data() + site * n_demand; }
  double capacity(std::size_t site) const {
    return capacity_patients.empty() ? kUncapacitated : capacity_patients[site];
  }
  double opening_cost(std::size_t site) const { return opening_cost_rmb.empty() ? 0.0 : opening_cost_rmb[site]; }
  double total_demand() const;
};

// A problem whose sites and demand points are places on the map; distances are road_km. Capacities,
// costs and fixed sites are left empty for the caller to fill in.
LocationProblem make_location_problem(const std::vector<GeoPoint>& sites, const std::vector<GeoPoint>& demand,
                                      std::vector<double> demand_weight, double road_factor);

// Throws std::invalid_argument naming the first inconsistency: sizes that disagree with n_sites and
// n_demand, negative or non-finite weights and distances, negative or NaN capacities, negative or
// non-finite costs, fixed sites out of range or repeated.
void validate(const LocationProblem& problem);

// One flag per site: 1 when the site is fixed (must stay open).
std::vector<char> fixed_site_mask(const LocationProblem& problem);

}  // namespace pneumo
