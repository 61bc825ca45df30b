#include "pneumoplan/research/sweep_memory.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/memory_estimate.hpp"
#include "pneumoplan/research/sweep_history.hpp"

namespace pneumo {
namespace {

std::uint64_t to_bytes(double bytes) {
  constexpr double kMax = static_cast<double>(std::numeric_limits<std::uint64_t>::max());
  return bytes >= kMax ? std::numeric_limits<std::uint64_t>::max() : static_cast<std::uint64_t>(std::ceil(bytes));
}

}  // namespace

SweepMemoryEstimate estimate_sweep_memory(const SweepSpec& spec, const SweepPlan& plan, const Scenario& base,
                                          int threads) {
  const auto replicates = static_cast<double>(spec.replicates);
  const double points = static_cast<double>(plan.points);
  const double years = static_cast<double>(base.year_count());
  const double outputs = static_cast<double>(spec.outputs.size());
  // One point runs like `pneumoplan run` with the sweep's replicates, on the threads it gets.
  const MemoryEstimate run = estimate_run_memory(base, spec.replicates, threads);
  SweepMemoryEstimate e;
  e.points_at_once = static_cast<std::size_t>(std::max(1.0, std::min<double>(threads, points)));
  e.simulations_at_once = static_cast<std::size_t>(
      std::max(1.0, std::min<double>(threads, static_cast<double>(e.points_at_once) * replicates)));
  e.program_bytes = run.program_bytes + run.scenario_bytes;
  // The result's arrays (NaN until a point is done) and the journal's records read back while resuming, plus
  // the design's coordinates and values, statuses and messages.
  const double kept_per_point = 8.0 * outputs * replicates * years;
  // A shared history (sweep_history.hpp) keeps one saved state per replicate for the whole sweep.
  const double history = sweep_shares_history(spec) ? replicates * static_cast<double>(run.state_bytes) : 0.0;
  e.kept_bytes = to_bytes(2.0 * kept_per_point * points + points * (16.0 * static_cast<double>(plan.parameters) + 64.0) +
                          history);
  // Each point loads its own scenario (with its own township distances) and keeps every replicate's outputs
  // until its kept values are taken.
  e.point_bytes = to_bytes(static_cast<double>(run.scenario_bytes) +
                           replicates * static_cast<double>(run.results_bytes) + kept_per_point);
  e.simulation_bytes = run.simulation_bytes;
  return e;
}

std::uint64_t SweepMemoryEstimate::total_bytes() const {
  const double total = static_cast<double>(program_bytes) + static_cast<double>(kept_bytes) +
                       static_cast<double>(points_at_once) * static_cast<double>(point_bytes) +
                       static_cast<double>(simulations_at_once) * static_cast<double>(simulation_bytes);
  return to_bytes(total);
}

std::string SweepMemoryEstimate::describe() const {
  char text[512];
  std::snprintf(text, sizeof text,
                "%s (kept outputs of every point %s; %zu point%s at a time x %s each for its scenario and its "
                "replicates' results; %zu simulation%s at a time x %s; program and base scenario %s)",
                format_bytes(static_cast<double>(total_bytes())).c_str(), format_bytes(static_cast<double>(kept_bytes)).c_str(),
                points_at_once, points_at_once == 1 ? "" : "s", format_bytes(static_cast<double>(point_bytes)).c_str(),
                simulations_at_once, simulations_at_once == 1 ? "" : "s",
                format_bytes(static_cast<double>(simulation_bytes)).c_str(),
                format_bytes(static_cast<double>(program_bytes)).c_str());
  return text;
}

void check_sweep_fits(const SweepSpec& spec, const SweepMemoryEstimate& estimate, std::uint64_t limit_bytes,
                      const std::string& limit_source) {
  if (estimate.total_bytes() <= limit_bytes) return;
  throw InputError(spec.path, 0,
                   "expected a sweep that fits in memory: it needs an estimated " + estimate.describe() +
                       ", more than the " + format_bytes(static_cast<double>(limit_bytes)) + " " + limit_source +
                       "; use fewer replicates, points or outputs, or fewer --threads (points at a time)");
}

}  // namespace pneumo
