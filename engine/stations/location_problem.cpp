#include "pneumoplan/stations/location_problem.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace pneumo {
namespace {

[[noreturn]] void refuse(const std::string& what) { throw std::invalid_argument("location problem: " + what); }

std::string at(const char* name, std::size_t index) { return std::string(name) + "[" + std::to_string(index) + "]"; }

}  // namespace

double LocationProblem::total_demand() const {
  double total = 0.0;
  for (const double w : demand_weight) total += w;
  return total;
}

LocationProblem make_location_problem(const std::vector<GeoPoint>& sites, const std::vector<GeoPoint>& demand,
                                      std::vector<double> demand_weight, double road_factor) {
  if (!(road_factor >= 1.0) || !std::isfinite(road_factor)) {
    refuse("road factor: expected a finite number ≥ 1, found " + std::to_string(road_factor));
  }
  for (const auto& points : {&sites, &demand}) {
    for (std::size_t k = 0; k < points->size(); ++k) {
      const GeoPoint& p = (*points)[k];
      if (!(std::abs(p.lon_deg) <= 180.0) || !(std::abs(p.lat_deg) <= 90.0)) {
        refuse(std::string(points == &sites ? "site " : "demand point ") + std::to_string(k) +
               ": expected longitude in [-180, 180] and latitude in [-90, 90]");
      }
    }
  }
  LocationProblem problem;
  problem.n_sites = sites.size();
  problem.n_demand = demand.size();
  problem.demand_weight = std::move(demand_weight);
  problem.distance.resize(problem.n_sites * problem.n_demand);
  for (std::size_t i = 0; i < problem.n_sites; ++i) {
    for (std::size_t j = 0; j < problem.n_demand; ++j) {
      problem.distance[i * problem.n_demand + j] = road_km(sites[i], demand[j], road_factor);
    }
  }
  validate(problem);
  return problem;
}

void validate(const LocationProblem& problem) {
  const std::size_t n = problem.n_sites;
  const std::size_t m = problem.n_demand;
  if (n == 0) refuse("expected at least one candidate site");
  if (problem.demand_weight.size() != m) {
    refuse("demand_weight has " + std::to_string(problem.demand_weight.size()) + " entries, expected n_demand = " +
           std::to_string(m));
  }
  if (problem.distance.size() != n * m) {
    refuse("distance has " + std::to_string(problem.distance.size()) + " entries, expected n_sites × n_demand = " +
           std::to_string(n * m));
  }
  if (!problem.capacity_patients.empty() && problem.capacity_patients.size() != n) {
    refuse("capacity_patients has " + std::to_string(problem.capacity_patients.size()) +
           " entries, expected none or n_sites = " + std::to_string(n));
  }
  if (!problem.opening_cost_rmb.empty() && problem.opening_cost_rmb.size() != n) {
    refuse("opening_cost_rmb has " + std::to_string(problem.opening_cost_rmb.size()) +
           " entries, expected none or n_sites = " + std::to_string(n));
  }
  for (std::size_t j = 0; j < m; ++j) {
    const double w = problem.demand_weight[j];
    if (!(w >= 0.0) || !std::isfinite(w)) refuse(at("demand_weight", j) + ": expected a finite number ≥ 0");
  }
  for (std::size_t k = 0; k < n * m; ++k) {
    const double d = problem.distance[k];
    if (!(d >= 0.0) || !std::isfinite(d)) {
      refuse("distance from site " + std::to_string(k / m) + " to demand point " + std::to_string(k % m) +
             ": expected a finite number ≥ 0");
    }
  }
  for (std::size_t i = 0; i < problem.capacity_patients.size(); ++i) {
    if (!(problem.capacity_patients[i] >= 0.0)) {
      refuse(at("capacity_patients", i) + ": expected a number ≥ 0 (kUncapacitated for no limit)");
    }
  }
  for (std::size_t i = 0; i < problem.opening_cost_rmb.size(); ++i) {
    const double c = problem.opening_cost_rmb[i];
    if (!(c >= 0.0) || !std::isfinite(c)) refuse(at("opening_cost_rmb", i) + ": expected a finite number ≥ 0");
  }
  std::vector<char> seen(n, 0);
  for (const int site : problem.fixed_sites) {
    if (site < 0 || static_cast<std::size_t>(site) >= n) {
      refuse("fixed site " + std::to_string(site) + ": expected a site index in [0, " + std::to_string(n - 1) + "]");
    }
    if (seen[static_cast<std::size_t>(site)]++) refuse("fixed site " + std::to_string(site) + " is listed twice");
  }
}

std::vector<char> fixed_site_mask(const LocationProblem& problem) {
  std::vector<char> mask(problem.n_sites, 0);
  for (const int site : problem.fixed_sites) mask[static_cast<std::size_t>(site)] = 1;
  return mask;
}

}  // namespace pneumo
