// The location solvers against brute force (every admissible set of sites) on small random instances,
// heuristic and exact (CBC) alike; fixed sites stay open; capacities hold; results repeat bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/stations/location_exact.hpp"
#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/location_solution.hpp"
#include "pneumoplan/stations/location_solver.hpp"
#include "pneumoplan/stations/transportation.hpp"

namespace pneumo {
namespace {

// Sites and demand points uniform on a 100 × 100 square (Euclidean distances), whole-number weights in
// [1, 20], capacities around `capacity_share` of the demand per site (none when 0) and costs in [1, 9].
LocationProblem random_problem(std::uint64_t seed, std::size_t n_sites, std::size_t n_demand,
                               double capacity_share = 0.0) {
  const RandomStream stream(seed, 0);
  std::vector<std::array<double, 2>> sites(n_sites);
  std::vector<std::array<double, 2>> demand(n_demand);
  LocationProblem problem;
  problem.n_sites = n_sites;
  problem.n_demand = n_demand;
  for (std::size_t i = 0; i < n_sites; ++i) {
    const auto u = stream.uniforms(i, 0, Purpose::LocationSearch);
    sites[i] = {100.0 * u[0], 100.0 * u[1]};
    problem.opening_cost_rmb.push_back(std::floor(1.0 + 9.0 * u[2]));
  }
  for (std::size_t j = 0; j < n_demand; ++j) {
    const auto u = stream.uniforms(j, 1, Purpose::LocationSearch);
    demand[j] = {100.0 * u[0], 100.0 * u[1]};
    problem.demand_weight.push_back(std::floor(1.0 + 20.0 * u[2]));
  }
  for (std::size_t i = 0; i < n_sites; ++i) {
    for (std::size_t j = 0; j < n_demand; ++j) {
      problem.distance.push_back(std::hypot(sites[i][0] - demand[j][0], sites[i][1] - demand[j][1]));
    }
  }
  if (capacity_share > 0.0) {
    const double total = problem.total_demand();
    for (std::size_t i = 0; i < n_sites; ++i) {
      const double u = stream.uniform(i, 2, Purpose::LocationSearch);
      problem.capacity_patients.push_back(std::floor(capacity_share * total * (0.5 + u)));
    }
  }
  validate(problem);
  return problem;
}

// Calls `visit` with every set of sites (ascending) that contains the fixed sites and has `size` sites,
// or any size when size < 0.
void for_each_site_set(const LocationProblem& problem, int size, const std::function<void(const std::vector<int>&)>& visit) {
  const auto fixed = fixed_site_mask(problem);
  std::vector<int> chosen;
  std::function<void(std::size_t)> next = [&](std::size_t i) {
    if (i == problem.n_sites) {
      if (size < 0 || static_cast<int>(chosen.size()) == size) visit(chosen);
      return;
    }
    chosen.push_back(static_cast<int>(i));
    if (size < 0 || static_cast<int>(chosen.size()) <= size) next(i + 1);
    chosen.pop_back();
    if (!fixed[i]) next(i + 1);
  };
  next(0);
}

double brute_force_pmedian(const LocationProblem& problem, int p) {
  double best = std::numeric_limits<double>::infinity();
  for_each_site_set(problem, p, [&](const std::vector<int>& open) {
    best = std::min(best, evaluate_pmedian(problem, open).objective);
  });
  return best;
}

double brute_force_covering(const LocationProblem& problem, double distance, int p, double budget_rmb) {
  double best = -1.0;
  for_each_site_set(problem, p, [&](const std::vector<int>& open) {
    double cost = 0.0;
    for (const int site : open) cost += problem.opening_cost(static_cast<std::size_t>(site));
    if (cost <= budget_rmb) best = std::max(best, evaluate_covering(problem, open, distance).objective);
  });
  return best;
}

// Lexicographic, as the solvers: least unmet demand, then least cost.
std::pair<double, double> brute_force_capacitated(const LocationProblem& problem, int p) {
  std::pair<double, double> best{std::numeric_limits<double>::infinity(), 0.0};
  for_each_site_set(problem, p, [&](const std::vector<int>& open) {
    const LocationSolution s = evaluate_capacitated(problem, open);
    const std::pair<double, double> score{s.unmet_demand, s.objective};
    if (score.first < best.first - 1e-9 || (score.first <= best.first + 1e-9 && score.second < best.second)) {
      best = score;
    }
  });
  return best;
}

void expect_same_objective(double actual, double expected, const std::string& what) {
  EXPECT_NEAR(actual, expected, 1e-9 * std::max(1.0, std::abs(expected))) << what;
}

ExactOptions exact_options() {
  ExactOptions options;
  options.time_limit_seconds = 120.0;  // far more than these need; only a safeguard
  return options;
}

void expect_consistent(const LocationProblem& problem, const LocationSolution& s, int p) {
  if (p > 0) {
    EXPECT_EQ(s.open_sites.size(), static_cast<std::size_t>(p));
  }
  EXPECT_TRUE(std::is_sorted(s.open_sites.begin(), s.open_sites.end()));
  for (const int site : problem.fixed_sites) {
    EXPECT_TRUE(std::binary_search(s.open_sites.begin(), s.open_sites.end(), site)) << "fixed site " << site;
  }
  ASSERT_EQ(s.assigned_site.size(), problem.n_demand);
  for (const int site : s.assigned_site) {
    if (site != kUnassigned) {
      EXPECT_TRUE(std::binary_search(s.open_sites.begin(), s.open_sites.end(), site));
    }
  }
}

TEST(GreatCircle, MatchesHaversineReferenceValues) {
  // Beijing (Tiananmen) to Shanghai (People's Square); reference from the same formula in Python.
  EXPECT_NEAR(great_circle_km({116.4074, 39.9042}, {121.4737, 31.2304}), 1067.311645158726, 1e-9);
  EXPECT_NEAR(great_circle_km({117.18, 34.26}, {117.18, 35.26}), kEarthRadiusKm * std::numbers::pi / 180.0, 1e-9);
  EXPECT_EQ(great_circle_km({117.18, 34.26}, {117.18, 34.26}), 0.0);
  EXPECT_DOUBLE_EQ(great_circle_km({117.0, 34.0}, {118.0, 35.0}), great_circle_km({118.0, 35.0}, {117.0, 34.0}));
  EXPECT_DOUBLE_EQ(road_km({117.0, 34.0}, {118.0, 35.0}, 1.3), 1.3 * great_circle_km({117.0, 34.0}, {118.0, 35.0}));
}

TEST(LocationProblem, BuiltFromPointsWithRoadDistances) {
  const std::vector<GeoPoint> sites{{117.18, 34.26}, {117.5, 34.5}};
  const std::vector<GeoPoint> demand{{117.2, 34.3}, {117.0, 34.0}, {117.6, 34.6}};
  const LocationProblem problem = make_location_problem(sites, demand, {3, 0, 5}, 1.25);
  ASSERT_EQ(problem.distance.size(), 6u);
  EXPECT_DOUBLE_EQ(problem.d(1, 2), road_km(sites[1], demand[2], 1.25));
  EXPECT_EQ(problem.capacity(0), kUncapacitated);
  EXPECT_EQ(problem.opening_cost(1), 0.0);
  EXPECT_EQ(problem.total_demand(), 8.0);
}

TEST(LocationProblem, InvalidProblemsAreRefusedWithTheReason) {
  const auto refused = [](LocationProblem problem, const std::string& expected) {
    try {
      validate(problem);
      ADD_FAILURE() << "accepted; expected: " << expected;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
    }
  };
  const LocationProblem good = random_problem(1, 3, 4);
  LocationProblem bad = good;
  bad.demand_weight[2] = -1.0;
  refused(bad, "demand_weight[2]: expected a finite number ≥ 0");
  bad = good;
  bad.distance.pop_back();
  refused(bad, "distance has 11 entries, expected n_sites × n_demand = 12");
  bad = good;
  bad.distance[5] = std::numeric_limits<double>::quiet_NaN();
  refused(bad, "distance from site 1 to demand point 1");
  bad = good;
  bad.capacity_patients = {1.0, 2.0};
  refused(bad, "capacity_patients has 2 entries");
  bad = good;
  bad.fixed_sites = {1, 1};
  refused(bad, "fixed site 1 is listed twice");
  bad = good;
  bad.fixed_sites = {3};
  refused(bad, "fixed site 3: expected a site index in [0, 2]");
  EXPECT_THROW(make_location_problem({{117, 34}}, {{117, 34}}, {1.0}, 0.9), std::invalid_argument);
  EXPECT_THROW(make_location_problem({{117, 94}}, {{117, 34}}, {1.0}, 1.2), std::invalid_argument);
  EXPECT_THROW(solve_pmedian(good, 0), std::invalid_argument);
  EXPECT_THROW(solve_pmedian(good, 4), std::invalid_argument);
  bad = good;
  bad.fixed_sites = {0, 1};
  EXPECT_THROW(solve_pmedian(bad, 1), std::invalid_argument);
  EXPECT_THROW(solve_max_covering(good, -1.0, 1), std::invalid_argument);
  bad.opening_cost_rmb = {5, 5, 1};
  EXPECT_THROW(solve_max_covering_within_budget(bad, 30.0, 9.0), std::invalid_argument);  // fixed cost 10
}

TEST(WeightedQuantile, IsTheSmallestDistanceReachingTheShare) {
  EXPECT_EQ(weighted_quantile({{5.0, 1.0}, {1.0, 8.0}, {3.0, 1.0}}, 0.9), 3.0);
  EXPECT_EQ(weighted_quantile({{5.0, 1.0}, {1.0, 8.0}, {3.0, 1.0}}, 0.8), 1.0);
  EXPECT_EQ(weighted_quantile({{5.0, 1.0}, {1.0, 8.0}, {3.0, 0.5}}, 0.95), 5.0);
  EXPECT_EQ(weighted_quantile({{5.0, 0.0}}, 0.9), 0.0);
}

TEST(PMedian, HeuristicAndExactEqualBruteForce) {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    LocationProblem problem = random_problem(seed, 8 + seed % 5, 15);
    if (seed % 3 == 0) problem.fixed_sites = {static_cast<int>(seed % problem.n_sites)};
    for (int p = 1; p <= 4; ++p) {
      if (static_cast<std::size_t>(p) < problem.fixed_sites.size()) continue;
      const std::string what = "seed " + std::to_string(seed) + ", p = " + std::to_string(p);
      const double best = brute_force_pmedian(problem, p);
      const LocationSolution heuristic = solve_pmedian(problem, p);
      expect_same_objective(heuristic.objective, best, "heuristic, " + what);
      expect_consistent(problem, heuristic, p);
      const LocationSolution exact = solve_pmedian_exact(problem, p, exact_options());
      expect_same_objective(exact.objective, best, "exact, " + what);
      EXPECT_TRUE(exact.exact && exact.proven_optimal) << what;
      EXPECT_LE(exact.best_bound, exact.objective + 1e-6) << what;
      EXPECT_NEAR(relative_gap(heuristic, exact), 0.0, 1e-9) << what;
      expect_consistent(problem, exact, p);
    }
  }
}

TEST(PMedian, PlainInterchangeEndsAtALocalOptimumAndShakingOnlyImproves) {
  const LocationProblem problem = random_problem(11, 40, 60);
  HeuristicOptions plain;
  plain.perturbation_rounds = 0;
  const LocationSolution local = solve_pmedian(problem, 5, plain);
  // No single swap improves it.
  for (const int out : local.open_sites) {
    for (std::size_t in = 0; in < problem.n_sites; ++in) {
      if (std::binary_search(local.open_sites.begin(), local.open_sites.end(), static_cast<int>(in))) continue;
      std::vector<int> swapped = local.open_sites;
      std::replace(swapped.begin(), swapped.end(), out, static_cast<int>(in));
      EXPECT_GE(evaluate_pmedian(problem, swapped).objective, local.objective - 1e-9);
    }
  }
  EXPECT_LE(solve_pmedian(problem, 5).objective, local.objective);
}

TEST(PMedian, AllSitesOpenWhenPIsTheNumberOfSites) {
  const LocationProblem problem = random_problem(4, 6, 10);
  const LocationSolution s = solve_pmedian(problem, 6);
  EXPECT_EQ(s.open_sites, (std::vector<int>{0, 1, 2, 3, 4, 5}));
  expect_same_objective(s.objective, evaluate_pmedian(problem, {0, 1, 2, 3, 4, 5}).objective, "all open");
}

TEST(MaximalCovering, HeuristicAndExactEqualBruteForceWithPSites) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    LocationProblem problem = random_problem(100 + seed, 10, 18);
    if (seed % 2 == 0) problem.fixed_sites = {static_cast<int>(seed)};
    const double distance = 20.0 + 3.0 * static_cast<double>(seed);
    for (int p = 1; p <= 3; ++p) {
      if (static_cast<std::size_t>(p) < problem.fixed_sites.size()) continue;
      const std::string what = "seed " + std::to_string(seed) + ", p = " + std::to_string(p);
      const double best = brute_force_covering(problem, distance, p, std::numeric_limits<double>::infinity());
      const LocationSolution heuristic = solve_max_covering(problem, distance, p);
      expect_same_objective(heuristic.objective, best, "heuristic, " + what);
      expect_same_objective(heuristic.covered_demand, best, "covered, " + what);
      expect_consistent(problem, heuristic, p);
      const LocationSolution exact = solve_max_covering_exact(problem, distance, p, exact_options());
      expect_same_objective(exact.objective, best, "exact, " + what);
      EXPECT_TRUE(exact.proven_optimal) << what;
      EXPECT_GE(exact.best_bound, exact.objective - 1e-6) << what;
      expect_consistent(problem, exact, p);
    }
  }
}

TEST(MaximalCovering, HeuristicAndExactEqualBruteForceWithinABudget) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    LocationProblem problem = random_problem(200 + seed, 11, 18);
    if (seed % 2 == 1) problem.fixed_sites = {static_cast<int>(seed)};
    const double distance = 25.0;
    for (const double budget : {4.0, 9.0, 15.0}) {
      const std::string what = "seed " + std::to_string(seed) + ", budget " + std::to_string(budget);
      if (seed % 2 == 1 && problem.opening_cost(seed) > budget) continue;
      const double best = brute_force_covering(problem, distance, -1, budget);
      const LocationSolution heuristic = solve_max_covering_within_budget(problem, distance, budget);
      expect_same_objective(heuristic.objective, best, "heuristic, " + what);
      EXPECT_LE(heuristic.total_cost_rmb, budget) << what;
      expect_consistent(problem, heuristic, 0);
      const LocationSolution exact = solve_max_covering_within_budget_exact(problem, distance, budget, exact_options());
      expect_same_objective(exact.objective, best, "exact, " + what);
      EXPECT_LE(exact.total_cost_rmb, budget) << what;
      EXPECT_TRUE(exact.proven_optimal) << what;
    }
  }
}

TEST(MaximalCovering, ABudgetThatBuysNothingLeavesEverybodyUnassigned) {
  LocationProblem problem = random_problem(7, 4, 5);
  problem.opening_cost_rmb = {10, 10, 10, 10};
  const LocationSolution s = solve_max_covering_within_budget(problem, 30.0, 5.0);
  EXPECT_TRUE(s.open_sites.empty());
  EXPECT_EQ(s.covered_demand, 0.0);
  EXPECT_EQ(std::count(s.assigned_site.begin(), s.assigned_site.end(), kUnassigned), 5);
}

TEST(CapacitatedPMedian, HeuristicAndExactEqualBruteForce) {
  // Capacity shares from ample to short: at 0.15 per site, three sites often cannot hold everybody.
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    for (const double share : {0.15, 0.3, 0.6}) {
      LocationProblem problem = random_problem(300 + seed, 9, 14, share);
      if (seed % 3 == 0) problem.fixed_sites = {0};
      for (int p = 2; p <= 3; ++p) {
        const std::string what = "seed " + std::to_string(seed) + ", share " + std::to_string(share) + ", p = " +
                                 std::to_string(p);
        const auto [unmet, cost] = brute_force_capacitated(problem, p);
        const LocationSolution heuristic = solve_capacitated_pmedian(problem, p);
        expect_same_objective(heuristic.unmet_demand, unmet, "heuristic unmet, " + what);
        expect_same_objective(heuristic.objective, cost, "heuristic, " + what);
        expect_consistent(problem, heuristic, p);
        const LocationSolution exact = solve_capacitated_pmedian_exact(problem, p, exact_options());
        expect_same_objective(exact.unmet_demand, unmet, "exact unmet, " + what);
        expect_same_objective(exact.objective, cost, "exact, " + what);
        EXPECT_TRUE(exact.proven_optimal) << what;
      }
    }
  }
}

TEST(CapacitatedPMedian, CapacitiesAreNeverExceeded) {
  for (const double share : {0.05, 0.1, 0.2}) {
    const LocationProblem problem = random_problem(400, 30, 60, share);
    const LocationSolution s = solve_capacitated_pmedian(problem, 6);
    expect_consistent(problem, s, 6);
    std::vector<double> load(problem.n_sites, 0.0);
    std::vector<double> served(problem.n_demand, 0.0);
    double open_capacity = 0.0;
    for (const int site : s.open_sites) open_capacity += problem.capacity(static_cast<std::size_t>(site));
    for (const ServedFlow& flow : s.flows) {
      EXPECT_TRUE(std::binary_search(s.open_sites.begin(), s.open_sites.end(), flow.site));
      EXPECT_GT(flow.patients, 0.0);
      EXPECT_EQ(flow.patients, std::round(flow.patients)) << "whole patients from whole-number data";
      load[static_cast<std::size_t>(flow.site)] += flow.patients;
      served[static_cast<std::size_t>(flow.demand)] += flow.patients;
    }
    for (std::size_t i = 0; i < problem.n_sites; ++i) EXPECT_LE(load[i], problem.capacity(i)) << "site " << i;
    for (std::size_t j = 0; j < problem.n_demand; ++j) EXPECT_LE(served[j], problem.demand_weight[j]);
    const double total = problem.total_demand();
    EXPECT_DOUBLE_EQ(s.unmet_demand, std::max(0.0, total - open_capacity)) << "share " << share;
    EXPECT_DOUBLE_EQ(s.covered_demand + s.unmet_demand, total);
  }
}

TEST(CapacitatedPMedian, AmpleCapacitiesGiveThePMedian) {
  LocationProblem problem = random_problem(500, 12, 20);
  problem.capacity_patients.assign(problem.n_sites, kUncapacitated);
  problem.capacity_patients[3] = 1e6;
  const LocationSolution capacitated = solve_capacitated_pmedian(problem, 3);
  expect_same_objective(capacitated.objective, brute_force_pmedian(problem, 3), "uncapacitated");
  EXPECT_EQ(capacitated.unmet_demand, 0.0);
}

TEST(FixedSites, StayOpenInEverySolverEvenWhenTheyArePoorlyPlaced) {
  LocationProblem problem = random_problem(600, 25, 40, 0.2);
  // The site farthest from the demand: no solver would choose it.
  std::size_t worst = 0;
  double worst_total = -1.0;
  for (std::size_t i = 0; i < problem.n_sites; ++i) {
    double total = 0.0;
    for (std::size_t j = 0; j < problem.n_demand; ++j) total += problem.d(i, j);
    if (total > worst_total) {
      worst_total = total;
      worst = i;
    }
  }
  problem.fixed_sites = {static_cast<int>(worst), 2};
  problem.opening_cost_rmb[worst] = 0.0;
  problem.opening_cost_rmb[2] = 0.0;
  const auto check = [&](const LocationSolution& s, int p, const char* solver) {
    SCOPED_TRACE(solver);
    expect_consistent(problem, s, p);
  };
  check(solve_pmedian(problem, 4), 4, "p-median");
  check(solve_max_covering(problem, 20.0, 4), 4, "covering");
  check(solve_max_covering_within_budget(problem, 20.0, 12.0), 0, "covering within budget");
  check(solve_capacitated_pmedian(problem, 4), 4, "capacitated");
  check(solve_pmedian_exact(problem, 4, exact_options()), 4, "p-median exact");
  check(solve_max_covering_exact(problem, 20.0, 4, exact_options()), 4, "covering exact");
  check(solve_capacitated_pmedian_exact(problem, 4, exact_options()), 4, "capacitated exact");
  // Even with p equal to the fixed sites.
  check(solve_pmedian(problem, 2), 2, "p-median, p = fixed");
}

TEST(Determinism, SameInputSameOutputBitForBit) {
  const LocationProblem problem = random_problem(700, 40, 80, 0.1);
  const auto same = [](const LocationSolution& a, const LocationSolution& b) {
    EXPECT_EQ(a.open_sites, b.open_sites);
    EXPECT_EQ(a.assigned_site, b.assigned_site);
    EXPECT_EQ(std::memcmp(&a.objective, &b.objective, sizeof(double)), 0);
    EXPECT_EQ(std::memcmp(&a.mean_distance, &b.mean_distance, sizeof(double)), 0);
    EXPECT_EQ(std::memcmp(&a.p90_distance, &b.p90_distance, sizeof(double)), 0);
    ASSERT_EQ(a.flows.size(), b.flows.size());
    for (std::size_t k = 0; k < a.flows.size(); ++k) {
      EXPECT_EQ(a.flows[k].site, b.flows[k].site);
      EXPECT_EQ(a.flows[k].demand, b.flows[k].demand);
      EXPECT_EQ(std::memcmp(&a.flows[k].patients, &b.flows[k].patients, sizeof(double)), 0);
    }
  };
  same(solve_pmedian(problem, 7), solve_pmedian(problem, 7));
  same(solve_max_covering(problem, 15.0, 7), solve_max_covering(problem, 15.0, 7));
  same(solve_max_covering_within_budget(problem, 15.0, 30.0), solve_max_covering_within_budget(problem, 15.0, 30.0));
  same(solve_capacitated_pmedian(problem, 7), solve_capacitated_pmedian(problem, 7));
}

TEST(Transportation, SplitsDemandOnlyWhenCapacityForcesIt) {
  // Two sites on a line at 0 and 10, demand points at 1 (8 patients) and 9 (2 patients); site 0 holds 5.
  LocationProblem problem;
  problem.n_sites = 2;
  problem.n_demand = 2;
  problem.demand_weight = {8.0, 2.0};
  problem.distance = {1.0, 9.0, 9.0, 1.0};
  problem.capacity_patients = {5.0, kUncapacitated};
  TransportationSolver transport(problem);
  EXPECT_DOUBLE_EQ(transport.solve({0, 1}), 5 * 1.0 + 3 * 9.0 + 2 * 1.0);
  const auto flows = transport.flows();
  ASSERT_EQ(flows.size(), 3u);
  EXPECT_EQ(flows[0].site, 0);
  EXPECT_EQ(flows[0].patients, 5.0);
  EXPECT_EQ(flows[1].site, 1);
  EXPECT_EQ(flows[1].patients, 3.0);
  EXPECT_EQ(transport.unmet(), 0.0);
  EXPECT_EQ(transport.capacity_prices()[0], 8.0);  // one more place at site 0 saves 9 − 1
  // Only site 0 open: 5 patients served, the nearest ones.
  EXPECT_DOUBLE_EQ(transport.solve({0}), 5.0);
  EXPECT_EQ(transport.unmet(), 5.0);
  const LocationSolution s = evaluate_capacitated(problem, {0});
  EXPECT_EQ(s.assigned_site, (std::vector<int>{0, kUnassigned}));
  EXPECT_EQ(s.covered_demand, 5.0);
}

TEST(Transportation, AReusedSolverGivesWhatAFreshOneGives) {
  // The solver keeps its work arrays between solves (the interchange search and the yearly station service reuse
  // one): whatever an earlier solve with more or fewer open sites left in them must not change a later solve.
  // 60 places on a plane, fractional demands, 9 patients of room per site, so that sites overflow and paths run.
  LocationProblem problem;
  const std::size_t n = 60;
  problem.n_sites = n;
  problem.n_demand = n;
  std::vector<double> x(n), y(n);
  for (std::size_t i = 0; i < n; ++i) {
    x[i] = static_cast<double>((i * 37) % 61);
    y[i] = static_cast<double>((i * 53) % 59);
    problem.demand_weight.push_back(1.0 + static_cast<double>((i * 29) % 17) / 3.0);
  }
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < n; ++b) problem.distance.push_back(std::hypot(x[a] - x[b], y[a] - y[b]));
  }
  problem.capacity_patients.assign(n, 9.0);
  const auto sites = [](std::size_t count, std::size_t step) {
    std::vector<int> open;
    for (std::size_t k = 0; k < count; ++k) open.push_back(static_cast<int>((k * step) % 60));
    std::sort(open.begin(), open.end());
    open.erase(std::unique(open.begin(), open.end()), open.end());
    return open;
  };
  TransportationSolver reused(problem);
  for (const auto& open : {sites(45, 1), sites(13, 7), sites(29, 1), sites(9, 11), sites(50, 1), sites(21, 13)}) {
    TransportationSolver fresh(problem);
    const double expected = fresh.solve(open);
    EXPECT_EQ(reused.solve(open), expected) << open.size() << " open sites";
    EXPECT_EQ(reused.unmet(), fresh.unmet());
    EXPECT_EQ(reused.capacity_prices(), fresh.capacity_prices());
    const auto a = reused.flows(), b = fresh.flows();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].site, b[k].site);
      EXPECT_EQ(a[k].demand, b[k].demand);
      EXPECT_EQ(a[k].patients, b[k].patients);
    }
  }
}

}  // namespace
}  // namespace pneumo
