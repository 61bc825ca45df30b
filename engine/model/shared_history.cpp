#include "pneumoplan/model/shared_history.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

#include <tbb/task_arena.h>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/model/simulation.hpp"

namespace pneumo {

int first_year_of_effect(const Scenario& scenario, const Intervention& intervention) {
  switch (intervention.kind) {
    case InterventionKind::Closure:  // InterventionEffects::plan_closures(year + 1) ends a year
      return intervention.start_year - 1;
    case InterventionKind::ExamCapacity:  // HealthServices::account sets next year's capacity shares
    case InterventionKind::DiagnosisCapacity: {
      // An institution opens at the earliest certification_delay_years after the start (institution_investments).
      const bool opens_at_start = std::lround(scenario.parameters.institutions.certification_delay_years) < 1;
      return intervention.start_year - (opens_at_start ? 1 : 0);
    }
    default:
      return intervention.start_year;
  }
}

int divergence_year(const Scenario& scenario) {
  int year = scenario.last_year() + 1;
  for (const std::size_t k : scenario.active_interventions) {
    year = std::min(year, first_year_of_effect(scenario, scenario.interventions[k]));
  }
  return year;
}

void check_package_continues(const Scenario& scenario, const std::string& saved_package, int year,
                             const std::string& what) {
  if (saved_package == scenario.active_package) return;
  int saved_divergence = scenario.last_year() + 1;
  for (const auto& package : scenario.packages) {
    if (package.name != saved_package) continue;
    for (const std::size_t k : package.interventions) {
      saved_divergence = std::min(saved_divergence, first_year_of_effect(scenario, scenario.interventions[k]));
    }
  }
  if (saved_divergence < year) {
    throw UsageError(what + ": saved at the start of " + std::to_string(year) + " running '" + saved_package +
                     "', whose interventions acted from " + std::to_string(saved_divergence) + "; only '" +
                     saved_package + "' can continue it (--package " + saved_package + ")");
  }
  const int divergence = divergence_year(scenario);
  if (divergence < year) {
    throw UsageError(what + ": saved at the start of " + std::to_string(year) + " running '" + saved_package +
                     "'; package '" + scenario.active_package + "' acts from " + std::to_string(divergence) +
                     ", so its history differs: run it from the start, or save the state in " +
                     std::to_string(divergence) + " or earlier");
  }
}

SharedHistory::SharedHistory(RunRequest request, bool keep_states)
    : request_(std::move(request)), keep_states_(keep_states), states_(static_cast<std::size_t>(request_.replicates)) {}

namespace {

// Where a variant can start: the latest year kept at or before its divergence year, or its first year.
int start_year_for(const std::set<int>& kept_years, const Scenario& variant) {
  const int divergence = divergence_year(variant);
  int start = variant.first_year();
  for (const int year : kept_years) {
    if (year <= divergence && year <= variant.last_year()) start = std::max(start, year);
  }
  return start;
}

std::set<int> years_of(const std::map<int, StateArchive>& states) {
  std::set<int> years;
  for (const auto& [year, state] : states) years.insert(year);
  return years;
}

// The order variants run in: the one that leaves the history last first (it runs the history); ties keep the
// callers' order.
std::vector<std::size_t> history_order(const std::vector<const Scenario*>& variants) {
  std::vector<std::size_t> order(variants.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return divergence_year(*variants[a]) > divergence_year(*variants[b]);
  });
  return order;
}

}  // namespace

std::int64_t SharedHistory::years_to_simulate(const std::vector<const Scenario*>& variants) const {
  if (variants.empty()) return 0;
  // Every replicate holds the same years (run() saves them for all), so replicate 0 tells.
  std::set<int> kept = years_of(states_.front());
  const std::vector<std::size_t> order = history_order(variants);
  std::int64_t years = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const Scenario& variant = *variants[order[k]];
    const int start = start_year_for(kept, variant);
    years += variant.last_year() - start + 1;
    if (k == 0) {  // the first keeps the years where the others leave the history
      for (const Scenario* other : variants) {
        const int year = divergence_year(*other);
        if (year > start && year <= variant.last_year()) kept.insert(year);
      }
    }
  }
  return years * request_.replicates;
}

std::vector<std::vector<ReplicateResults>> SharedHistory::run(const std::vector<const Scenario*>& variants) {
  std::vector<std::vector<ReplicateResults>> results(
      variants.size(), std::vector<ReplicateResults>(static_cast<std::size_t>(request_.replicates)));
  if (variants.empty()) return results;
  const std::vector<std::size_t> order = history_order(variants);
  const auto year_done = [this](int) {
    if (request_.year_done) request_.year_done();
  };
  pneumo::parallel_for(std::int64_t{0}, request_.replicates, [&](std::int64_t r) {
    // Isolation keeps a thread waiting inside this replicate from starting another (two replicates' memory).
    tbb::this_task_arena::isolate([&] {
      const auto replicate = static_cast<std::uint64_t>(request_.first_replicate + r);
      auto& states = states_[static_cast<std::size_t>(r)];
      const auto simulation_of = [&](const Scenario& variant) {
        const int start = start_year_for(years_of(states), variant);
        return start > variant.first_year()
                   ? std::make_unique<Simulation>(variant, request_.seed, replicate, states.at(start))
                   : std::make_unique<Simulation>(variant, request_.seed, replicate);
      };
      // The first runs the history and keeps the state where each of the others leaves it.
      const Scenario& first = *variants[order.front()];
      std::set<int> wanted;
      for (const std::size_t v : order) wanted.insert(divergence_year(*variants[v]));
      auto simulation = simulation_of(first);
      while (!simulation->finished()) {
        const int year = simulation->next_year();
        if (wanted.count(year) && year > first.first_year() && !states.count(year)) {
          states.emplace(year, simulation->save_state());
        }
        simulation->step_year();
        year_done(year);
      }
      results[order.front()][static_cast<std::size_t>(r)] = simulation->take_results();
      simulation.reset();
      pneumo::parallel_for(std::size_t{1}, order.size(), [&](std::size_t k) {
        const std::size_t v = order[k];
        auto fork = simulation_of(*variants[v]);
        fork->run(year_done);
        results[v][static_cast<std::size_t>(r)] = fork->take_results();
      });
      if (!keep_states_) states.clear();
    });
  });
  return results;
}

}  // namespace pneumo
