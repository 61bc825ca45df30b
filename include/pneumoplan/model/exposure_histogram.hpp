// Log-scale histogram of cumulative exposure, cheap enough to fill once per worker per year: the bin is
// read off the float's exponent and top three mantissa bits (8 bins per doubling, ≤ 12.5 % wide), from
// 2^-7 to 2^14 mg/m3·y. Percentiles interpolate linearly inside a bin. Integer counts add up exactly, so
// percentiles do not depend on how workers were split between threads.
#pragma once

#include <bit>
#include <cstdint>
#include <vector>

namespace pneumo {

struct ExposureHistogram {
  static constexpr int kMinExponent = -7;
  static constexpr int kMaxExponent = 14;
  static constexpr int kSubBins = 8;
  // bin 0: [0, 2^-7); bins 1..: 8 per doubling; last bin: ≥ 2^14
  static constexpr std::size_t kBins = 2 + static_cast<std::size_t>(kMaxExponent - kMinExponent) * kSubBins;

  static std::size_t bin(float value) {
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    // exponent field for 2^-7 is 127 - 7 = 120; (bits >> 20) counts sub-bins of 1/8 of a doubling
    constexpr std::int64_t kLowKey = static_cast<std::int64_t>(127 + kMinExponent) << 3;
    const std::int64_t key = static_cast<std::int64_t>(bits >> 20) - kLowKey;
    if (value < 0.0f || key < 0) return 0;
    const auto b = static_cast<std::size_t>(key) + 1;
    return b < kBins ? b : kBins - 1;
  }

  static double lower_edge(std::size_t bin);
  static double upper_edge(std::size_t bin);

  // The p-quantile (0..1) of `counts` (kBins entries). Returns 0 for an empty histogram.
  static double quantile(const std::int64_t* counts, double p);
};

}  // namespace pneumo
