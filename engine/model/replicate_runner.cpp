#include "pneumoplan/model/replicate_runner.hpp"

#include "pneumoplan/core/parallel_for.hpp"
#include <tbb/task_arena.h>

#include "pneumoplan/model/simulation.hpp"

namespace pneumo {

std::vector<ReplicateResults> run_replicates(const Scenario& scenario, const RunRequest& request) {
  std::vector<ReplicateResults> results(static_cast<std::size_t>(request.replicates));
  pneumo::parallel_for(std::int64_t{0}, request.replicates, [&](std::int64_t r) {
    // Isolation keeps a thread that waits inside this replicate from starting another replicate, which
    // would hold two simulations' memory at once.
    tbb::this_task_arena::isolate([&] {
      Simulation simulation(scenario, request.seed, static_cast<std::uint64_t>(request.first_replicate + r));
      simulation.run([&](int) {
        if (request.year_done) request.year_done();
      });
      results[static_cast<std::size_t>(r)] = simulation.take_results();
    });
  });
  return results;
}

}  // namespace pneumo
