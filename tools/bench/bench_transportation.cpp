// Benchmark of the station service's transportation solver (stations/transportation.hpp) at national size: 2,800
// demand points (one township per county, as tools/make_national_scenario.py writes by default) spread over a
// country-sized box, patients seeking service at every point, stations of 220 places at the points with most
// patients. Two cases, as the national run meets them (docs/performance.md):
//   Overflowing  387 stations for 1.5 times their places: most paths end at the source (demand left unmet) — the
//                first year with stations, which took a fifth of a national run;
//   Ample        1,600 stations with room for everybody but full ones here and there — every later year.
// The instance is made by a fixed generator, so every build solves the same problems; the label gives the cost
// with every digit, so that two builds can be checked to agree.
// Run: build/tools/bench/bench_transportation
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <vector>

#include "pneumoplan/stations/location_problem.hpp"
#include "pneumoplan/stations/transportation.hpp"

namespace {

// SplitMix64: a fixed stream of numbers, the same on every standard library.
struct SplitMix {
  std::uint64_t state;
  double uniform() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
  }
};

struct Instance {
  pneumo::LocationProblem problem;
  std::vector<int> open;
};

Instance make_instance(std::size_t stations, double demand_over_capacity) {
  constexpr std::size_t kPoints = 2800;
  constexpr double kPlaces = 220.0;
  SplitMix random{20261205};
  std::vector<pneumo::GeoPoint> points(kPoints);
  std::vector<double> weight(kPoints);
  for (std::size_t j = 0; j < kPoints; ++j) {
    points[j] = {85.0 + 40.0 * random.uniform(), 20.0 + 25.0 * random.uniform()};
    weight[j] = std::exp(4.0 + 1.2 * (random.uniform() + random.uniform() + random.uniform() - 1.5));  // skewed
  }
  std::vector<std::size_t> order(kPoints);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return weight[a] > weight[b]; });
  Instance instance;
  for (std::size_t k = 0; k < stations; ++k) instance.open.push_back(static_cast<int>(order[k]));
  std::sort(instance.open.begin(), instance.open.end());
  const double total = std::accumulate(weight.begin(), weight.end(), 0.0);
  const double scale = demand_over_capacity * kPlaces * static_cast<double>(stations) / total;
  for (double& w : weight) w *= scale;
  instance.problem = pneumo::make_location_problem(points, points, weight, 1.3);
  instance.problem.capacity_patients.assign(kPoints, kPlaces);
  return instance;
}

void solve(benchmark::State& state, const Instance& instance) {
  pneumo::TransportationSolver solver(instance.problem);
  double cost = 0.0;
  for (auto _ : state) cost = solver.solve(instance.open);
  state.counters["stations"] = static_cast<double>(instance.open.size());
  char label[64];
  std::snprintf(label, sizeof label, "cost=%.17g", cost);  // every digit, to check that two builds agree
  state.SetLabel(label);
}

void BM_TransportationOverflowing(benchmark::State& state) {
  static const Instance instance = make_instance(387, 1.5);
  solve(state, instance);
}
BENCHMARK(BM_TransportationOverflowing)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TransportationAmple(benchmark::State& state) {
  static const Instance instance = make_instance(1600, 0.8);
  solve(state, instance);
}
BENCHMARK(BM_TransportationAmple)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
