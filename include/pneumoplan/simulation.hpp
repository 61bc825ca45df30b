// One replicate: its own enterprises, workers, random stream and results, nothing shared but the
// read-only Scenario. Replicates can therefore run side by side on any number of threads.
//
// Each year runs the same phases in the same order (step_year):
//   1. enterprises  — this year's concentrations, respirator use and jobs;
//   2. people       — the annual pass over every person (death, exposure, disease, surveillance, tallies);
//   3. record       — the year's tallies become this replicate's outputs;
//   4. workforce    — layoffs where jobs shrink next year, then hires to fill next year's jobs;
//   (rows released in step 2 are reused by the hires of step 4; rows are compacted only when many stay free.)
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "pneumoplan/annual_pass.hpp"
#include "pneumoplan/disease_course.hpp"
#include "pneumoplan/enterprise_table.hpp"
#include "pneumoplan/random_stream.hpp"
#include "pneumoplan/replicate_results.hpp"
#include "pneumoplan/scenario.hpp"
#include "pneumoplan/surveillance.hpp"
#include "pneumoplan/worker_factory.hpp"
#include "pneumoplan/worker_table.hpp"
#include "pneumoplan/year_tally.hpp"

namespace pneumo {

class Simulation {
 public:
  Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate);
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Runs every remaining year; `after_year` (if given) is called after each one.
  void run(const std::function<void(int year)>& after_year = {});
  void step_year();  // the next year
  bool finished() const { return next_year_ > scenario_.last_year(); }
  int next_year() const { return next_year_; }

  const ReplicateResults& results() const { return results_; }
  ReplicateResults take_results() { return std::move(results_); }
  const WorkerTable& workers() const { return workers_; }
  const EnterpriseTable& enterprises() const { return enterprises_; }

 private:
  void create_initial_workforce();
  YearTally process_people(int year);
  void record(int year, const YearTally& tally);
  void lay_off(int year, YearTally& tally);
  std::size_t hire_for(int year, const YearTally& tally);  // returns the rows still free afterwards
  void compact_if_sparse(std::size_t free_rows);

  const Scenario& scenario_;
  RandomStream rng_;
  DiseaseCourse course_;
  Surveillance surveillance_;
  EnterpriseTable enterprises_;
  WorkerTable workers_;
  WorkerFactory factory_;
  AnnualPass pass_;
  ReplicateResults results_;
  tbb::enumerable_thread_specific<YearTally> thread_tallies_;
  std::vector<std::int64_t> hires_by_county_;  // hires made for next_year_, recorded in that year
  int next_year_;
};

}  // namespace pneumo
