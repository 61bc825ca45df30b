// One point of a sweep: the scenario loaded with the point's settings, its replicates run with the sweep's
// seed (by default the same replicate streams at every point: common random numbers; with
// common_random_numbers = false, point n runs replicates n·R .. n·R + R − 1, streams no other point shares),
// and the kept outputs' city values per replicate and year. A point whose settings are refused, or whose run fails, is recorded as failed with the error.
#pragma once

#include <memory>

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/research/sweep_history.hpp"
#include "pneumoplan/research/sweep_design.hpp"
#include "pneumoplan/research/sweep_spec.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

enum class PointStatus : std::int64_t { Missing = 0, Done = 1, Failed = -1 };

struct PointResult {
  std::int64_t index = 0;
  PointStatus status = PointStatus::Missing;
  std::string error;           // failed points
  std::vector<double> values;  // done points: [output][replicate][year]
};

// What every point shares: the spec, the plan, and the years, seed and replicates read from the base scenario.
struct SweepContext {
  const SweepSpec& spec;
  const SweepPlan& plan;
  int first_year = 0, last_year = 0;
  std::uint64_t seed = 0;
  std::int64_t replicates = 1;
  bool common_random_numbers = true;
  // The points' shared history (sweep_history.hpp), or nullptr: every point runs from its first year.
  std::shared_ptr<const SweepHistory> history;
  // The first replicate number (stream) of point n: 0 with common random numbers, n·R without.
  std::int64_t first_replicate(std::size_t n) const {
    return common_random_numbers ? 0 : static_cast<std::int64_t>(n) * replicates;
  }
  std::size_t year_count() const { return static_cast<std::size_t>(last_year - first_year + 1); }
};

// The scenario with the spec's own settings (no point's): its years and seed are the sweep's.
Scenario load_sweep_base(const SweepSpec& spec);
// The context of the points. The history they share, if they do, is simulated by the processes that
// evaluate points, just before: context.history = simulate_sweep_history(spec, base, context.seed).
SweepContext sweep_context(const SweepSpec& spec, const SweepPlan& plan, const Scenario& base);

// Evaluates point `n`; never throws for a problem of the point itself. A point listed in the environment
// variable PNEUMO_INJECT_POINT_FAILURE (comma-separated indices) fails with "injected failure": a fault-injection
// hook for the resume and retry tests (docs/research.md).
PointResult evaluate_point(const SweepContext& context, std::size_t n);

// A point result as bytes and back (the journal's records and the MPI messages). decode throws IoError on
// anything that is not a whole record.
std::string encode_point(const PointResult& result);
PointResult decode_point(const std::string& bytes);

}  // namespace pneumo
