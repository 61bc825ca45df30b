// One replicate: its own enterprises, workers, random stream and results, nothing shared but the
// read-only Scenario. Replicates can therefore run side by side on any number of threads.
//
// Each year runs the same phases in the same order (step_year):
//   0. interventions — the effects of the active package's interventions this year (InterventionEffects);
//   1. enterprises  — this year's concentrations, respirator use, jobs, hazard grade and knowledge;
//   2. compliance   — township coordinators (recruitment, turnover), enterprises' compliance states,
//                     inspections and cases (handled within capacity, the rest carried over);
//   3. people       — the annual pass over every person (death, exposure, disease, surveillance, tallies);
//   4. layoffs      — closures decided for next year, then layoffs where next year's jobs are fewer than the
//                     workers staying;
//   5. services     — exam volumes, false positives, next year's exam and diagnosis capacity shares (with the
//                     institutions the plan's investments created, once certified);
//   6. stations     — rehabilitation stations planned, funded, built, staffed or closed, and their service;
//   7. record       — the year's tallies, indicators and intervention costs become this replicate's outputs,
//                     with the year's health-economic outcomes (HealthOutcomes);
//   8. hiring       — hires to fill next year's jobs, into rows released in step 3 first.
// Rows are compacted only when many stay free.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <tbb/enumerable_thread_specific.h>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/annual_pass.hpp"
#include "pneumoplan/model/compliance_model.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/health_outcomes.hpp"
#include "pneumoplan/model/health_services.hpp"
#include "pneumoplan/model/hire_rows.hpp"
#include "pneumoplan/model/indicators.hpp"
#include "pneumoplan/model/institution_investments.hpp"
#include "pneumoplan/model/intervention_effects.hpp"
#include "pneumoplan/model/rehab_stations.hpp"
#include "pneumoplan/model/return_migration.hpp"
#include "pneumoplan/core/state_archive.hpp"
#include "pneumoplan/model/surveillance.hpp"
#include "pneumoplan/model/township_supervision.hpp"
#include "pneumoplan/model/worker_factory.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class Simulation {
 public:
  Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate);
  // Continues from a state saved by save_state at the start of a year (simulation_state.cpp): by the same
  // scenario, or by a package of it whose interventions act only from that year on (forked_runs.hpp). Throws
  // IoError when the state is of another replicate, seed or shape of scenario.
  Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate, const StateArchive& state);
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
  // Residents who came home from dust work elsewhere and have or will have pneumoconiosis.
  const WorkerTable& returners() const { return returners_; }
  const EnterpriseTable& enterprises() const { return enterprises_; }

  // Everything the next year reads, at the start of next_year(): the worker and enterprise tables, the
  // stations, the tallies that carry over and the results of the years run so far.
  StateArchive save_state() const;

 private:
  enum class Start { InitialWorkforce, SavedState };
  Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate, Start start);
  void restore_state(const StateArchive& state);
  void create_initial_workforce();
  YearTally& process_people(int year);  // the year's tally (year_tally_)
  void follow_returners(int year, YearTally& tally);
  void record(int year, const YearTally& tally, const ServiceVolumes& services, const EnforcementTally& enforcement,
              const IndicatorYear& indicators, const RehabYear& rehab_year, const RehabService& rehab,
              const std::vector<double>& intervention_costs);
  void lay_off(int year, YearTally& tally);
  // Next year's hires: how many each enterprise needs (into next_hires_), the hires themselves in the worker table
  // (returns the rows still free afterwards), and the knowledge they bring (then next_hires_ become
  // hires_by_enterprise_).
  void count_hires(int year, const YearTally& tally);
  std::size_t place_hires(int year);
  void welcome_hires(const YearTally& tally);
  void compact_if_sparse(std::size_t free_rows);

  const Scenario& scenario_;
  RandomStream rng_;
  InterventionEffects effects_;  // of the scenario's active package, prepared at the start of each year
  InstitutionInvestments investments_;  // institutions the active package creates or certifies
  DiseaseCourse course_;
  Surveillance surveillance_;
  ComplianceModel compliance_;
  EnterpriseTable enterprises_;
  WorkerTable workers_;
  YearConditions conditions_;  // this year's capacity shares, read by the annual pass
  WorkerFactory factory_;
  AnnualPass pass_;
  ReturnMigration returns_;
  WorkerTable returners_;  // followed by the same pass, serially after the workers
  HealthServices services_;
  HealthOutcomes health_;
  TownshipSupervision supervision_;
  RehabStations stations_;
  ReplicateResults results_;
  tbb::enumerable_thread_specific<YearTally> thread_tallies_;
  YearTally year_tally_;  // the sum of thread_tallies_ for the year being stepped (rewritten every year)
  HireRowPlan hire_plan_;  // where this year's hires go; its lists are kept to save faulting them in every year
  std::vector<std::int64_t> hires_by_enterprise_;  // hires made for next_year_
  std::vector<std::int64_t> next_hires_;           // while a year is stepped: the hires made for the year after
  int next_year_;
  std::uint64_t seed_, replicate_;
};

}  // namespace pneumo
