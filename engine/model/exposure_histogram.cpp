#include "pneumoplan/model/exposure_histogram.hpp"

#include <cmath>

namespace pneumo {

double ExposureHistogram::lower_edge(std::size_t bin) {
  if (bin == 0) return 0.0;
  const std::size_t k = bin - 1;
  const int exponent = kMinExponent + static_cast<int>(k / kSubBins);
  const double mantissa = 1.0 + static_cast<double>(k % kSubBins) / kSubBins;
  return std::ldexp(mantissa, exponent);
}

double ExposureHistogram::upper_edge(std::size_t bin) {
  if (bin + 1 >= kBins) return lower_edge(bin);  // open-ended top bin
  return lower_edge(bin + 1);
}

double ExposureHistogram::quantile(const std::int64_t* counts, double p) {
  std::int64_t total = 0;
  for (std::size_t b = 0; b < kBins; ++b) total += counts[b];
  if (total == 0) return 0.0;
  const double target = p * static_cast<double>(total);
  std::int64_t below = 0;
  for (std::size_t b = 0; b < kBins; ++b) {
    if (counts[b] == 0) continue;
    if (static_cast<double>(below + counts[b]) >= target) {
      const double within = (target - static_cast<double>(below)) / static_cast<double>(counts[b]);
      return lower_edge(b) + within * (upper_edge(b) - lower_edge(b));
    }
    below += counts[b];
  }
  return lower_edge(kBins - 1);
}

}  // namespace pneumo
