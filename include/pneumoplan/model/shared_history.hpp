// Runs that share their history. Policy packages, target trials and sweep points over intervention settings
// are one scenario with different interventions, and a run is the baseline's until its first intervention
// acts: in the city packs 50 of 66 years. A SharedHistory simulates that history once per replicate, saves
// the state at the start of the year each variant leaves it (Simulation::save_state) and forks the variant
// from there; the result is bit-identical to simulating the variant from its first year (tested for every
// package of every city pack, and for every kind of intervention).
//
// Precondition: the variants given to one SharedHistory differ from each other only in their interventions
// and the package selected (Scenario::interventions, packages, active_package, active_interventions). Callers
// that vary anything else (a sweep over a disease parameter) run each variant from its first year instead.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/core/state_archive.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// The first year in which `intervention` (of `scenario`) can change what a simulation does. Most interventions
// act from their start year; a closure acts at the end of the year before (the layoffs for its first year), and
// so does an exam or a diagnosis institution when it can open in its start year (institutions.
// certification_delay_years rounds to 0: next year's capacity is set at the end of a year).
int first_year_of_effect(const Scenario& scenario, const Intervention& intervention);

// The first year in which the scenario's run can differ from its baseline's: the earliest first year of
// effect of the active package's interventions, or last_year() + 1 when it has none. The state at the start
// of this year is the baseline's.
int divergence_year(const Scenario& scenario);

// Throws UsageError (naming `what`, e.g. "--from-state FILE") when the scenario's selected package cannot
// continue a state saved at the start of `year` by `saved_package` of the same scenario: only that package
// can, or any other when both are the baseline's until `year` (their interventions act from it or later).
void check_package_continues(const Scenario& scenario, const std::string& saved_package, int year,
                             const std::string& what);

class SharedHistory {
 public:
  // `request`: seed, replicates and the progress callback of every run. `keep_states`: keep the saved states
  // for later calls to run() (a search trying one package after another); otherwise a replicate's states are
  // dropped as soon as its variants are done, so only the replicates running at once hold any.
  explicit SharedHistory(RunRequest request, bool keep_states = true);

  // The results of every variant (variants[v][r] for replicate r): per replicate, the variant that leaves the
  // history last runs first and saves the state at the divergence year of every other; the others then fork
  // from those states (in parallel). States already saved by an earlier call are reused, so a search that
  // tries one package at many intensities simulates the history once.
  std::vector<std::vector<ReplicateResults>> run(const std::vector<const Scenario*>& variants);
  std::vector<std::vector<ReplicateResults>> run(const std::vector<Scenario>& variants) {
    return run(pointers_to(variants));
  }

  // Replicate-years run() will simulate for these variants, given the states saved so far (for progress).
  std::int64_t years_to_simulate(const std::vector<const Scenario*>& variants) const;
  std::int64_t years_to_simulate(const std::vector<Scenario>& variants) const {
    return years_to_simulate(pointers_to(variants));
  }

 private:
  static std::vector<const Scenario*> pointers_to(const std::vector<Scenario>& variants) {
    std::vector<const Scenario*> pointers;
    for (const auto& variant : variants) pointers.push_back(&variant);
    return pointers;
  }

  RunRequest request_;
  bool keep_states_;
  std::vector<std::map<int, StateArchive>> states_;  // per replicate: the state at the start of each year kept
};

}  // namespace pneumo
