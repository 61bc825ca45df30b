#include "pneumoplan/research/sweep_history.hpp"

#include <algorithm>

#include <tbb/task_arena.h>

#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/model/simulation.hpp"

namespace pneumo {

bool sweep_shares_history(const SweepSpec& spec) {
  if (!spec.common_random_numbers || spec.parameters.empty()) return false;
  return std::all_of(spec.parameters.begin(), spec.parameters.end(),
                     [](const SweepParameter& p) { return p.key.rfind("intervention.", 0) == 0; });
}

int sweep_history_year(const Scenario& base) {
  // A base without active interventions is the baseline to the end: its points fork at the last year.
  const int year = std::min(divergence_year(base), base.last_year());
  return year > base.first_year() ? year : 0;
}

std::shared_ptr<const SweepHistory> simulate_sweep_history(const SweepSpec& spec, const Scenario& base,
                                                           std::uint64_t seed) {
  const int year = sweep_history_year(base);
  if (!sweep_shares_history(spec) || year == 0) return nullptr;
  auto history = std::make_shared<SweepHistory>();
  history->year = year;
  history->states.resize(static_cast<std::size_t>(spec.replicates));
  pneumo::parallel_for(std::int64_t{0}, spec.replicates, [&](std::int64_t r) {
    tbb::this_task_arena::isolate([&] {
      Simulation simulation(base, seed, static_cast<std::uint64_t>(r));
      while (simulation.next_year() < year) simulation.step_year();
      history->states[static_cast<std::size_t>(r)] = simulation.save_state();
    });
  });
  return history;
}

}  // namespace pneumo
