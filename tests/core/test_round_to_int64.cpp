#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

#include "pneumoplan/core/round_to_int64.hpp"

namespace pneumo {
namespace {

TEST(RoundToInt64, MatchesLlroundOnHalvesAndTheirNeighbours) {
  for (std::int64_t k = -2000; k <= 2000; ++k) {
    const double half = static_cast<double>(k) + 0.5;
    for (const double x : {half, std::nextafter(half, -INFINITY), std::nextafter(half, INFINITY),
                           static_cast<double>(k), std::nextafter(static_cast<double>(k), 0.0)}) {
      EXPECT_EQ(round_to_int64(x), std::llround(x)) << x;
    }
  }
  for (const double x : {0.0, -0.0, 0.49999999999999994, -0.49999999999999994, 4503599627370495.5,
                         -4503599627370495.5, 4503599627370497.0, 9007199254740993.0, 1e18, -1e18,
                         std::numeric_limits<double>::denorm_min()}) {
    EXPECT_EQ(round_to_int64(x), std::llround(x)) << x;
  }
}

TEST(RoundToInt64, MatchesLlroundOnRandomMagnitudes) {
  std::mt19937_64 engine(20261205);
  std::uniform_real_distribution<double> exponent(-20.0, 62.0);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  for (int k = 0; k < 1000000; ++k) {
    const double x = unit(engine) * std::exp2(exponent(engine));
    ASSERT_EQ(round_to_int64(x), std::llround(x)) << x;
  }
}

}  // namespace
}  // namespace pneumo
