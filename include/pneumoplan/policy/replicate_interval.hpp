// A value over replicates: its mean and 90 % interval (type-7 5th and 95th percentiles), the summary every
// comparison table gives (package_comparison.cpp).
#pragma once

#include <vector>

namespace pneumo {

struct Interval {
  double mean = 0.0, p5 = 0.0, p95 = 0.0;
};
// Mean and type-7 5th/95th percentiles; NaN values are left out (all NaN: NaN).
Interval summarise_values(std::vector<double> values);

}  // namespace pneumo
