// Summaries over replicates, cell by cell: mean and the 5th, 50th and 95th percentiles (linear
// interpolation between order statistics, as numpy's default and R's type 7). Computed in one place,
// in replicate order, so they are deterministic. Replicates where a value is NaN (not applicable) are
// left out of that cell's summary.
#pragma once

#include <array>
#include <vector>

#include "pneumoplan/outputs/replicate_results.hpp"

namespace pneumo {

struct OutputSummary {
  std::vector<double> mean, p5, p50, p95;  // same shape as one replicate's array
};

// Type-7 quantile of `values` (sorted in place).
double quantile_type7(std::vector<double>& values, double p);

OutputSummary summarise(const std::vector<ReplicateResults>& replicates, OutputId id);

}  // namespace pneumo
