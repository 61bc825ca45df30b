// One year of every person's life in a single pass over the worker table (memory is read once per year):
//   1. death, if scheduled this year (cause drawn for patients);
//   2. dust exposure for those in dust work, the tolerance check that schedules onset, insurance;
//   3. disease events due this year: onset of stage I, progression;
//   4. surveillance: exams, detection and diagnosis of patients not yet diagnosed;
//   5. tallies by county, township of residence and industry, and each patient's year of medical care: its
//      cost, who pays, what the household is left with, earnings lost (patient_payments.hpp);
//   6. release of the row when its person died or left dust work with no disease to come.
// Leaving work happens after the year's exposure (exit_year is the last year worked). The pass changes
// only the rows it is given and its own tally, so blocks of rows can run on any thread in any order.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/surveillance.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/model/year_conditions.hpp"
#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class AnnualPass {
 public:
  AnnualPass(const Scenario& scenario, const RandomStream& rng, const DiseaseCourse& course,
             const Surveillance& surveillance, const EnterpriseTable& enterprises, const YearConditions& conditions);

  // What the hot loop reads of an enterprise this year, side by side (one cache line holds two enterprises)
  // and computed once per enterprise instead of once per worker: the dust a worker breathes and the metric it
  // adds, by whether they wear a respirator, with exactly the floating-point operations of a per-worker
  // computation, so cumulative exposures stay bit-identical.
  struct EnterpriseYear {
    float dust[2];         // mg/m3 breathed: [0] without, [1] with a respirator
    float metric[2];       // profile metric added to the cumulative exposure, the same two cases
    std::uint16_t county;
    std::uint16_t ppe_threshold;
    std::uint8_t exposed[2];  // dust[k] > 0
    std::uint8_t insured;     // the enterprise enrols its workers in work-injury insurance this year
    std::uint8_t unused = 0;
  };
  // Prepared once a year from the enterprise table, before the blocks of rows run; read-only afterwards.
  struct Year {
    int year = 0;
    std::vector<EnterpriseYear> enterprise;
  };
  Year prepare(int year) const;

  void run(WorkerTable& workers, const Year& prepared, std::size_t begin, std::size_t end, YearTally& tally) const;

  // The same year for residents who came home from dust work elsewhere (return_migration.hpp): death, disease
  // events, diagnosis as former workers of no employer in the city, tallies in their home township and county,
  // medical care paid without an employer. Never exposed here, so no tolerance check.
  void run_returners(WorkerTable& returners, int year, YearTally& tally) const;

 private:
  void record_death(const WorkerTable& w, std::size_t i, bool employed, std::uint16_t county, YearTally& t) const;
  void schedule_onset(WorkerTable& w, std::size_t i, int year) const;
  void count_patient_year(const WorkerTable& w, std::size_t i, int year, YearTally& t, bool died) const;
  double silica_breathed(const WorkerTable& w, std::size_t i, std::uint32_t enterprise) const;
  void remove_from_dust_if_required(WorkerTable& w, std::size_t i, int year, std::uint32_t enterprise,
                                    std::uint16_t county, double silica, YearTally& t) const;
  void follow_patient(WorkerTable& w, std::size_t i, int year, bool employed, std::uint32_t enterprise,
                      std::uint16_t county, YearTally& t) const;
  void follow_returner(WorkerTable& r, std::size_t i, int year, std::uint16_t county, YearTally& t) const;
  // `employer_open`: the (last) employer in the city still exists and can be held liable.
  void account_patient_year(const WorkerTable& w, std::size_t i, int year, int stage, bool employed,
                            bool employer_open, std::uint16_t county, YearTally& t) const;

  const RandomStream& rng_;
  const DiseaseCourse& course_;
  const CareParameters& care_;
  const EconomicsParameters& economics_;
  const PopulationParameters& population_;
  const Surveillance& surveillance_;
  const EnterpriseTable& enterprises_;
  const YearConditions& conditions_;
  const ReturnMigrationParameters& returns_;
  double log_medical_cost_gsd_ = 0.0;      // log of economics_.medical_cost_gsd, computed once
  double log_household_income_gsd_ = 0.0;  // log of economics_.household_income_gsd
  std::vector<std::uint16_t> county_of_township_;
  std::uint16_t outside_index_ = 0;  // township index used for "outside the city"
};

}  // namespace pneumo
