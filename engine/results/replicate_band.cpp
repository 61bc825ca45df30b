#include "pneumoplan/results/replicate_band.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {

namespace {

void check_shape(const ResultsFile& results, const ResultsArray& array, std::size_t region,
                 std::optional<std::size_t> stage) {
  if (array.shape.size() != 3 && array.shape.size() != 4) {
    throw std::invalid_argument("expected an output of shape [replicate, year, region(, stage)]");
  }
  const std::size_t stages = array.shape.size() == 4 ? array.shape[3] : 1;
  if (region >= array.shape[2] || (stage && *stage >= stages) || array.shape[1] != results.years.size()) {
    throw std::invalid_argument("region, stage or years outside the output");
  }
}

// One replicate's value in one year (index y), summed over stages unless one is picked.
double cell_value(const ResultsArray& array, std::size_t replicate, std::size_t y, std::size_t region,
                  std::optional<std::size_t> stage) {
  const std::size_t years = array.shape[1], regions = array.shape[2];
  const std::size_t stages = array.shape.size() == 4 ? array.shape[3] : 1;
  const std::size_t cell = ((replicate * years + y) * regions + region) * stages;
  if (stage) return array.values[cell + *stage];
  double v = 0.0;
  for (std::size_t s = 0; s < stages; ++s) v += array.values[cell + s];
  return v;
}

Interval90 summarise_values(std::vector<double>& values) {
  if (values.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {nan, nan, nan};
  }
  double sum = 0.0;
  for (const double v : values) sum += v;  // in replicate order: deterministic
  Interval90 out;
  out.mean = sum / static_cast<double>(values.size());
  out.p5 = quantile_type7(values, 0.05);
  out.p95 = quantile_type7(values, 0.95);
  return out;
}

}  // namespace

Interval90 period_total_over_replicates(const ResultsFile& results, const ResultsArray& array, std::size_t region,
                                        std::optional<std::size_t> stage, YearSpan span) {
  check_shape(results, array, region, stage);
  std::vector<double> totals;
  for (std::size_t r = 0; r < array.shape[0]; ++r) {
    double total = 0.0;
    bool any = false;
    for (std::size_t y = 0; y < array.shape[1]; ++y) {
      const int year = static_cast<int>(results.years[y]);
      if (year < span.first || year > span.last) continue;
      const double v = cell_value(array, r, y, region, stage);
      if (std::isnan(v)) continue;
      total += v;
      any = true;
    }
    if (any) totals.push_back(total);
  }
  return summarise_values(totals);
}

YearBand band_over_replicates(const ResultsFile& results, const ResultsArray& array, std::size_t region,
                              std::optional<std::size_t> stage, YearSpan span) {
  check_shape(results, array, region, stage);
  YearBand band;
  std::vector<double> values;
  for (std::size_t y = 0; y < array.shape[1]; ++y) {
    const int year = static_cast<int>(results.years[y]);
    if (year < span.first || year > span.last) continue;
    values.clear();
    for (std::size_t r = 0; r < array.shape[0]; ++r) {
      const double v = cell_value(array, r, y, region, stage);
      if (!std::isnan(v)) values.push_back(v);
    }
    const Interval90 summary = summarise_values(values);
    band.years.push_back(year);
    band.mean.push_back(summary.mean);
    band.p5.push_back(summary.p5);
    band.p95.push_back(summary.p95);
  }
  return band;
}

}  // namespace pneumo
