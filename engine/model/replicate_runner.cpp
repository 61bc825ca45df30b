#include "pneumoplan/model/replicate_runner.hpp"

#include <memory>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/parallel_for.hpp"
#include <tbb/task_arena.h>

#include "pneumoplan/model/simulation.hpp"

namespace pneumo {

std::vector<ReplicateResults> run_replicates(const Scenario& scenario, const RunRequest& request) {
  return run_replicates_with_states(scenario, request, StateRun{});
}

std::vector<ReplicateResults> run_replicates_from_states(const Scenario& variant, const RunRequest& request,
                                                         const std::vector<StateArchive>& states) {
  StateRun run;
  run.from = &states;
  return run_replicates_with_states(variant, request, run);
}

std::vector<ReplicateResults> run_replicates_with_states(const Scenario& scenario, const RunRequest& request,
                                                         const StateRun& states) {
  const auto replicates = static_cast<std::size_t>(request.replicates);
  std::vector<ReplicateResults> results(replicates);
  if (states.from && states.from->size() != replicates) {
    throw IoError("saved state: " + std::to_string(states.from->size()) + " replicates saved, " +
                  std::to_string(replicates) + " asked for");
  }
  if (states.saved) states.saved->assign(replicates, StateArchive{});
  pneumo::parallel_for(std::int64_t{0}, request.replicates, [&](std::int64_t r) {
    // Isolation keeps a thread waiting inside this replicate from starting another (two replicates' memory).
    tbb::this_task_arena::isolate([&] {
      const auto k = static_cast<std::size_t>(r);
      const auto replicate = static_cast<std::uint64_t>(request.first_replicate + r);
      auto simulation = states.from ? std::make_unique<Simulation>(scenario, request.seed, replicate, (*states.from)[k])
                                    : std::make_unique<Simulation>(scenario, request.seed, replicate);
      while (!simulation->finished()) {
        if (states.saved && simulation->next_year() == states.save_year) (*states.saved)[k] = simulation->save_state();
        simulation->step_year();
        if (request.year_done) request.year_done();
      }
      results[k] = simulation->take_results();
    });
  });
  return results;
}

}  // namespace pneumo
