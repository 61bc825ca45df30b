// Benchmark of the yearly step: a city of 10^6 dust workers simulated for 30 years (one replicate), on 1, 2
// and (where the machine has them) more threads. Reports
//   person_years_per_s   rows of the worker table the yearly step goes through per second (workers +
//                        former workers with disease present or scheduled, and rows released earlier and
//                        not yet refilled), the figure the goal refers to;
//   followed_years_per_s the same without the released rows: people alive and followed at the start of
//                        each year (the honest count of person-years simulated);
//   free_row_share       released rows among the rows gone through;
//   employed_years_per_s employed worker-years per second;
//   bytes_per_person     resident memory added by the first simulation of the process (so no freed
//                        memory is reused) per simulated person at the end;
//   bytes_per_worker     the same per employed worker;
//   table_bytes_per_worker  bytes the worker table itself holds (capacity × 42 bytes) per employed worker;
//   hires_per_year       new workers created per year (each costs a handful of random draws).
// Run: build/tools/bench/bench_annual_step   (docs/performance.md has the figures and the machine).
#include <benchmark/benchmark.h>
#include <tbb/global_control.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <thread>

#include "pneumoplan/model/simulation.hpp"
#include "synthetic_scenario.hpp"

namespace {

long resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * ::sysconf(_SC_PAGESIZE);
}

const pneumo::Scenario& city() {
  static const pneumo::Scenario scenario = pneumo::bench::make_synthetic_scenario(1'000'000, 20, 400, 2000, 30);
  return scenario;
}

void BM_YearlyStep(benchmark::State& state) {
  const auto threads = static_cast<std::size_t>(state.range(0));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const auto& scenario = city();
  double person_years = 0, followed_years = 0, employed_years = 0;
  static double bytes_per_person = 0, bytes_per_worker = 0;  // from the first simulation of the process
  static bool measured = false;
  double table_bytes_per_worker = 0;
  double hires_per_year = 0;
  for (auto _ : state) {
    state.PauseTiming();
    const long before = resident_bytes();
    auto simulation = std::make_unique<pneumo::Simulation>(scenario, 1, 0);
    double processed = 0, followed = 0;
    state.ResumeTiming();
    while (!simulation->finished()) {
      processed += static_cast<double>(simulation->workers().size());
      state.PauseTiming();
      const auto& death = simulation->workers().death_year;
      followed += static_cast<double>(death.size()) -
                  static_cast<double>(std::count(death.begin(), death.end(), pneumo::kFreeRow));
      state.ResumeTiming();
      simulation->step_year();
    }
    state.PauseTiming();
    person_years += processed;
    followed_years += followed;
    const auto& results = simulation->results();
    const auto& employed = results[pneumo::OutputId::WorkersEmployed];
    const std::size_t regions = employed.shape[1];
    double final_employed = 0;
    const auto& hires = results[pneumo::OutputId::Hires];
    double total_hires = 0;
    for (std::size_t y = 0; y < employed.shape[0]; ++y) {
      employed_years += employed.values[y * regions + regions - 1];
      total_hires += hires.values[y * regions + regions - 1];
    }
    hires_per_year = total_hires / static_cast<double>(employed.shape[0] - 1);
    final_employed = employed.values[(employed.shape[0] - 1) * regions + regions - 1];
    if (!measured) {
      const double added = static_cast<double>(resident_bytes() - before);
      bytes_per_person = added / static_cast<double>(simulation->workers().size());
      bytes_per_worker = added / final_employed;
      measured = true;
    }
    table_bytes_per_worker = static_cast<double>(simulation->workers().rng_id.capacity() *
                                                 pneumo::WorkerTable::bytes_per_worker()) / final_employed;
    simulation.reset();
    state.ResumeTiming();
  }
  state.counters["person_years_per_s"] = benchmark::Counter(person_years, benchmark::Counter::kIsRate);
  state.counters["followed_years_per_s"] = benchmark::Counter(followed_years, benchmark::Counter::kIsRate);
  state.counters["free_row_share"] = person_years > 0 ? 1.0 - followed_years / person_years : 0.0;
  state.counters["employed_years_per_s"] = benchmark::Counter(employed_years, benchmark::Counter::kIsRate);
  state.counters["bytes_per_person"] = bytes_per_person;
  state.counters["bytes_per_worker"] = bytes_per_worker;
  state.counters["table_bytes_per_worker"] = table_bytes_per_worker;
  state.counters["threads"] = static_cast<double>(threads);
  state.counters["hires_per_year"] = hires_per_year;
}

BENCHMARK(BM_YearlyStep)->Arg(1)->Arg(2)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  const unsigned cores = std::thread::hardware_concurrency();
  if (cores >= 4) benchmark::RegisterBenchmark("BM_YearlyStep", BM_YearlyStep)->Arg(4)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);
  if (cores >= 8) benchmark::RegisterBenchmark("BM_YearlyStep", BM_YearlyStep)->Arg(8)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);
  if (cores >= 16) benchmark::RegisterBenchmark("BM_YearlyStep", BM_YearlyStep)->Arg(16)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(3);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
