// YearTally::sum_and_clear, which the yearly step uses to merge the per-thread tallies on every thread: the
// result is the entry-by-entry sum of the parts, whatever the number of parts and pieces, and every part
// is left cleared for the next year.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "pneumoplan/model/year_tally.hpp"

namespace pneumo {
namespace {

// Distinct values in every entry of every count vector (part k, vector v, entry i), some negative.
void fill(YearTally& t, std::int64_t k) {
  std::int64_t v = 0;
  YearTally::visit_vectors(t, [&](std::vector<std::int64_t>& counts) {
    for (std::size_t i = 0; i < counts.size(); ++i) {
      counts[i] = (k + 1) * 1000003 + v * 7919 + static_cast<std::int64_t>(i) * (k % 2 == 0 ? 3 : -5);
    }
    ++v;
  });
  t.free_rows = 11 * (k + 1);
  t.people = 101 * (k + 1);
}

// The sum one entry at a time, one part after another: what sum_and_clear must give.
void add_into(YearTally& total, const YearTally& part) {
  std::vector<const std::vector<std::int64_t>*> theirs;
  YearTally::visit_vectors(part, [&](const std::vector<std::int64_t>& v) { theirs.push_back(&v); });
  std::size_t v = 0;
  YearTally::visit_vectors(total, [&](std::vector<std::int64_t>& mine) {
    for (std::size_t i = 0; i < mine.size(); ++i) mine[i] += (*theirs[v])[i];
    ++v;
  });
  total.free_rows += part.free_rows;
  total.people += part.people;
}

TEST(YearTally, SumAndClearIsTheSumOfThePartsAndClearsThem) {
  // More enterprises than one piece holds (16384 entries), so the per-enterprise counts span several pieces.
  const std::size_t counties = 7, townships = 23, enterprises = 40000;
  for (const std::size_t part_count : {1u, 2u, 5u}) {
    std::vector<YearTally> parts(part_count, YearTally(counties, townships, enterprises));
    YearTally expected(counties, townships, enterprises);
    for (std::size_t k = 0; k < part_count; ++k) {
      fill(parts[k], static_cast<std::int64_t>(k));
      add_into(expected, parts[k]);
    }
    YearTally total(counties, townships, enterprises);
    fill(total, 99);  // whatever last year left is overwritten
    std::vector<YearTally*> pointers;
    for (auto& part : parts) pointers.push_back(&part);
    total.sum_and_clear(pointers);

    std::vector<const std::vector<std::int64_t>*> want;
    YearTally::visit_vectors(expected, [&](const std::vector<std::int64_t>& v) { want.push_back(&v); });
    std::size_t v = 0;
    YearTally::visit_vectors(total, [&](const std::vector<std::int64_t>& got) {
      EXPECT_EQ(got, *want[v]) << "vector " << v << ", " << part_count << " parts";
      ++v;
    });
    EXPECT_EQ(total.free_rows, expected.free_rows);
    EXPECT_EQ(total.people, expected.people);
    for (const auto& part : parts) {
      YearTally::visit_vectors(part, [&](const std::vector<std::int64_t>& counts) {
        for (const std::int64_t c : counts) ASSERT_EQ(c, 0);
      });
      EXPECT_EQ(part.free_rows, 0);
      EXPECT_EQ(part.people, 0);
    }
  }
}

TEST(YearTally, FoldWorkCountsAddsEachEnterpriseToItselfAndToItsCountyAndClearsTheParts) {
  // More enterprises than one task of the fold (16384), counts on every part, several enterprises per county.
  const std::size_t counties = 5, townships = 9, enterprises = 40000;
  std::vector<std::uint16_t> county_of(enterprises);
  for (std::size_t e = 0; e < enterprises; ++e) county_of[e] = static_cast<std::uint16_t>((e * 7) % counties);
  for (const std::size_t part_count : {1u, 3u}) {
    std::vector<YearTally> parts(part_count, YearTally(counties, townships, enterprises));
    YearTally total(counties, townships, enterprises);
    fill(total, 4);  // what the pass's other counts already hold: the fold adds to it
    const YearTally before = total;
    std::vector<std::int64_t> employed(enterprises, 0), staying(enterprises, 0);
    std::vector<std::int64_t> county_employed(counties, 0), county_leavers(counties, 0), county_exposed(counties, 0),
        county_insured(counties, 0);
    for (std::size_t k = 0; k < part_count; ++k) {
      for (std::size_t e = 0; e < enterprises; ++e) {
        EnterpriseWorkCounts& c = parts[k].work_by_enterprise[e];
        c.employed = static_cast<std::int32_t>((e * 13 + k * 5) % 97);
        c.staying = c.employed - static_cast<std::int32_t>((e + k) % 3 == 0 ? 0 : std::min<std::size_t>(c.employed, 2));
        c.exposed = c.employed / 2;
        c.insured = c.employed / 3 + static_cast<std::int32_t>(k);
        employed[e] += c.employed;
        staying[e] += c.staying;
        county_employed[county_of[e]] += c.employed;
        county_leavers[county_of[e]] += c.employed - c.staying;
        county_exposed[county_of[e]] += c.exposed;
        county_insured[county_of[e]] += c.insured;
      }
    }
    std::vector<YearTally*> pointers;
    for (auto& part : parts) pointers.push_back(&part);
    total.fold_work_counts(pointers, county_of);
    for (std::size_t e = 0; e < enterprises; ++e) {
      ASSERT_EQ(total.employed_by_enterprise[e], before.employed_by_enterprise[e] + employed[e]) << e;
      ASSERT_EQ(total.staying[e], before.staying[e] + staying[e]) << e;
    }
    for (std::size_t c = 0; c < counties; ++c) {
      EXPECT_EQ(total.employed[c], before.employed[c] + county_employed[c]) << c;
      EXPECT_EQ(total.leavers[c], before.leavers[c] + county_leavers[c]) << c;
      EXPECT_EQ(total.exposed[c], before.exposed[c] + county_exposed[c]) << c;
      EXPECT_EQ(total.insured[c], before.insured[c] + county_insured[c]) << c;
    }
    // Nothing else moves.
    const std::vector<const std::vector<std::int64_t>*> folded = {&total.employed, &total.leavers, &total.exposed,
                                                                  &total.insured, &total.employed_by_enterprise,
                                                                  &total.staying};
    std::vector<const std::vector<std::int64_t>*> old_vectors;
    YearTally::visit_vectors(before, [&](const std::vector<std::int64_t>& v) { old_vectors.push_back(&v); });
    std::size_t v = 0;
    YearTally::visit_vectors(total, [&](const std::vector<std::int64_t>& now) {
      if (std::find(folded.begin(), folded.end(), &now) == folded.end()) {
        EXPECT_EQ(now, *old_vectors[v]) << "vector " << v;
      }
      ++v;
    });
    EXPECT_EQ(total.free_rows, before.free_rows);
    EXPECT_EQ(total.people, before.people);
    for (const auto& part : parts) {
      for (const auto& c : part.work_by_enterprise) {
        ASSERT_EQ(c.employed | c.staying | c.exposed | c.insured, 0);
      }
    }
  }
}

}  // namespace
}  // namespace pneumo
