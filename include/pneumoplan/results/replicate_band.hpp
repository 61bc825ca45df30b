// A yearly series over replicates for figures: per year, the mean and the 90 % interval (5th and 95th
// percentiles, type 7) of one region's value, summed over stages first when asked. Percentiles of a sum
// must come from the per-replicate sums, not from summing per-stage percentiles, hence /replicates.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "pneumoplan/results/results_reader.hpp"

namespace pneumo {

struct YearBand {
  std::vector<int> years;
  std::vector<double> mean, p5, p95;  // NaN where no replicate has a value
};

// `array` has shape [replicate, year, region] or [replicate, year, region, stage]. For the latter, `stage`
// picks one stage; nullopt sums over all stages. Years outside [span.first, span.last] are left out.
YearBand band_over_replicates(const ResultsFile& results, const ResultsArray& array, std::size_t region,
                              std::optional<std::size_t> stage, YearSpan span);

struct Interval90 {
  double mean = 0.0, p5 = 0.0, p95 = 0.0;  // NaN when no replicate has a value
};

// The sum over the years of `span` of one region's value (summed over stages first when `stage` is
// nullopt), per replicate, then its mean and 90 % interval over replicates. With span.first == span.last
// it is that year's value.
Interval90 period_total_over_replicates(const ResultsFile& results, const ResultsArray& array, std::size_t region,
                                        std::optional<std::size_t> stage, YearSpan span);

}  // namespace pneumo
