#include "pneumoplan/results/replicate_summary.hpp"

#include <algorithm>
#include <cmath>

namespace pneumo {

double quantile_type7(std::vector<double>& values, double p) {
  if (values.empty()) return std::nan("");
  std::sort(values.begin(), values.end());
  const double h = (static_cast<double>(values.size()) - 1.0) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - static_cast<double>(lo)) * (values[hi] - values[lo]);
}

OutputSummary summarise(const std::vector<ReplicateResults>& replicates, OutputId id) {
  OutputSummary summary;
  if (replicates.empty()) return summary;
  const std::size_t cells = replicates.front()[id].values.size();
  summary.mean.resize(cells);
  summary.p5.resize(cells);
  summary.p50.resize(cells);
  summary.p95.resize(cells);
  std::vector<double> column;
  column.reserve(replicates.size());
  for (std::size_t c = 0; c < cells; ++c) {
    // NaN marks "not applicable" in a replicate (a share with an empty denominator); summaries are over
    // the replicates where the value exists, and NaN when none has it.
    column.clear();
    double sum = 0.0;
    for (std::size_t r = 0; r < replicates.size(); ++r) {
      const double value = replicates[r][id].values[c];
      if (std::isnan(value)) continue;
      column.push_back(value);
      sum += value;
    }
    summary.mean[c] = column.empty() ? std::nan("") : sum / static_cast<double>(column.size());
    summary.p5[c] = quantile_type7(column, 0.05);
    summary.p50[c] = quantile_type7(column, 0.50);
    summary.p95[c] = quantile_type7(column, 0.95);
  }
  return summary;
}

}  // namespace pneumo
