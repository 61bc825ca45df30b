// std::llround (nearest integer, halves away from zero) inlined: the library call costs a few percent of the
// annual pass, which rounds every patient-year's medical costs several times. Same value as std::llround for
// every double of magnitude below 2^63 (tests/core/test_round_to_int64.cpp).
#pragma once

#include <cstdint>

namespace pneumo {

inline std::int64_t round_to_int64(double x) {
  // Truncation is exact, and so is x − truncated for |x| < 2^53; from 2^52 on every double is an integer,
  // so the fraction is 0 there.
  const auto truncated = static_cast<std::int64_t>(x);
  const double fraction = x - static_cast<double>(truncated);
  return truncated + (fraction >= 0.5) - (fraction <= -0.5);
}

}  // namespace pneumo
