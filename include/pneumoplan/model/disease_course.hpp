// The natural history of a case once a worker's cumulative exposure has reached their tolerance: onset of
// stage I after a latency, progression I→II→III, and death at a stage-dependent multiple of background
// mortality. Each event is drawn once, when the previous one happens, and stored as a year ("events
// scheduled, not re-rolled"). Draws are keyed by the worker and the event, not by the calendar year, so a
// policy that delays onset does not change what happens to the worker afterwards by chance.
#pragma once

#include <cstdint>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

class DiseaseCourse {
 public:
  DiseaseCourse(const DiseaseParameters& parameters, const LifeTable& life_table)
      : parameters_(parameters), life_table_(life_table) {}

  // Year of stage I onset for a worker whose exposure reached the tolerance in `crossing_year`.
  int onset_year(const RandomStream& rng, std::uint64_t worker, int crossing_year) const;

  // After entering `stage` (1 or 2) in `year`: the year of progression to the next stage, or kNever. A patient
  // who goes on working in dust for `exposed_years` more years at `silica_mg_m3` progresses faster: each such
  // year counts as 1 + acceleration × silica years of disease time.
  int next_stage_year(const RandomStream& rng, std::uint64_t worker, int stage, int year, int exposed_years = 0,
                      double silica_mg_m3 = 0.0) const;

  // The progression scheduled for `next` assuming dust work until `old_exit`, once the patient leaves dust work
  // after `year` instead (removal at diagnosis): the exposed years still ahead now run at the normal pace.
  int progression_after_removal(int next, int year, int old_exit, double silica_mg_m3) const;

  // Year of death of a person in `stage` (1..3) who is alive at the end of `year`.
  int death_year(const RandomStream& rng, std::uint64_t worker, int stage, int year, int birth_year,
                 bool female) const;

  // Background death of a worker known to survive dust work (alive after `last_work_year`), needed once
  // their disease is scheduled: drawn conditionally on survival to the end of that year.
  int death_year_after_work(const RandomStream& rng, std::uint64_t worker, int last_work_year, int birth_year,
                            bool female) const;

  // At death in `year`: is pneumoconiosis the cause? The excess share ((m − 1)·μ + e) / (m·μ + e) of the
  // stage's hazard at that age and year, μ the background hazard.
  bool dies_of_pneumoconiosis(const RandomStream& rng, std::uint64_t worker, int stage, int year, int birth_year,
                              bool female) const;

  double mortality_multiplier(int stage) const { return parameters_.mortality_multiplier[static_cast<std::size_t>(stage - 1)]; }
  double excess_mortality_per_year(int stage) const {
    return parameters_.excess_mortality_per_year[static_cast<std::size_t>(stage - 1)];
  }

 private:
  const DiseaseParameters& parameters_;
  const LifeTable& life_table_;
};

}  // namespace pneumo
