// Counter-based random numbers: the Philox known-answer vector, open-interval uniforms, and draws that
// depend only on their address (entity, year, purpose, index) — not on what was drawn before.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(RandomStream, Philox4x64MatchesRandom123KnownAnswer) {
  // Random123 kat_vectors: philox4x64-10 with digits of pi as counter and key.
  r123::Philox4x64::ctr_type ctr = {{0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL,
                                     0x082efa98ec4e6c89ULL}};
  r123::Philox4x64::key_type key = {{0x452821e638d01377ULL, 0xbe5466cf34e90c6cULL}};
  const auto out = r123::Philox4x64()(ctr, key);
  EXPECT_EQ(out[0], 0xa528f45403e61d95ULL);
  EXPECT_EQ(out[1], 0x38c72dbd566e9788ULL);
  EXPECT_EQ(out[2], 0xa5a1610e72fd18b5ULL);
  EXPECT_EQ(out[3], 0x57bd43b5e52b7fe6ULL);
}

TEST(RandomStream, UniformsAreStrictlyInsideTheUnitInterval) {
  EXPECT_GT(u01_open(0), 0.0);
  EXPECT_LT(u01_open(~0ULL), 1.0);
  EXPECT_EQ(u01_open(0), std::ldexp(1.0, -53));
  EXPECT_EQ(u01_open(~0ULL), 1.0 - std::ldexp(1.0, -53));
  EXPECT_LT(-std::log1p(-u01_open(~0ULL)), 40.0);  // finite exponential draw at the top end
}

TEST(RandomStream, DrawsDependOnlyOnTheirAddressNotOnOrder) {
  const RandomStream stream(42, 3);
  struct Address {
    std::uint64_t entity;
    int year;
    Purpose purpose;
    std::uint64_t index;
  };
  std::vector<Address> addresses;
  for (std::uint64_t e = 0; e < 50; ++e) {
    addresses.push_back({e, 2000 + static_cast<int>(e % 7), Purpose::Surveillance, e % 3});
  }
  std::vector<double> forward;
  for (const auto& a : addresses) forward.push_back(stream.uniform(a.entity, a.year, a.purpose, a.index));
  std::vector<double> backward(addresses.size());
  for (std::size_t i = addresses.size(); i-- > 0;) {
    const auto& a = addresses[i];
    backward[i] = stream.uniform(a.entity, a.year, a.purpose, a.index);
  }
  EXPECT_EQ(forward, backward);
}

TEST(RandomStream, SeedReplicateEntityYearPurposeAndIndexAllMatter) {
  const double base = RandomStream(1, 0).uniform(5, 2000, Purpose::Layoff, 0);
  EXPECT_NE(base, RandomStream(2, 0).uniform(5, 2000, Purpose::Layoff, 0));
  EXPECT_NE(base, RandomStream(1, 1).uniform(5, 2000, Purpose::Layoff, 0));
  EXPECT_NE(base, RandomStream(1, 0).uniform(6, 2000, Purpose::Layoff, 0));
  EXPECT_NE(base, RandomStream(1, 0).uniform(5, 2001, Purpose::Layoff, 0));
  EXPECT_NE(base, RandomStream(1, 0).uniform(5, 2000, Purpose::Surveillance, 0));
  EXPECT_NE(base, RandomStream(1, 0).uniform(5, 2000, Purpose::Layoff, 1));
}

TEST(RandomStream, UniformsHaveTheMomentsOfU01) {
  // Mean 1/2 and variance 1/12; tolerances are 5 standard errors for n draws.
  const RandomStream stream(9, 0);
  const int n = 200000;
  double sum = 0.0, sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const auto u = stream.uniforms(static_cast<std::uint64_t>(i), 0, Purpose::CohortMember);
    for (const double x : u) {
      sum += x;
      sum_sq += x * x;
    }
  }
  const double count = 4.0 * n;
  const double mean = sum / count;
  const double variance = sum_sq / count - mean * mean;
  EXPECT_NEAR(mean, 0.5, 5.0 * std::sqrt(1.0 / 12.0 / count));
  // Var of the sample variance of U(0,1): (1/80 - 1/144) / n.
  EXPECT_NEAR(variance, 1.0 / 12.0, 5.0 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / count));
}

TEST(RandomStream, WorkerIdsAreDistinctAcrossEnterpriseYearAndSlot) {
  std::set<std::uint64_t> ids;
  for (std::uint32_t e = 0; e < 20; ++e) {
    for (int y = 1950; y < 2100; y += 7) {
      for (std::uint32_t s = 0; s < 20; ++s) ids.insert(make_worker_id(e, y, s));
    }
  }
  EXPECT_EQ(ids.size(), 20u * 22u * 20u);
}

}  // namespace
}  // namespace pneumo
