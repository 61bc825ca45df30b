// Where a year's hires go (hire_rows.hpp): each enterprise's own released rows first, in increasing order; then
// the rows no hire of their own enterprise took, in increasing order, enterprise by enterprise; then new rows.
// Checked against the rule written out directly, on random tables, and on a small case by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

#include "pneumoplan/model/hire_rows.hpp"

namespace pneumo {
namespace {

std::vector<std::size_t> prefix_sum(const std::vector<std::size_t>& hires) {
  std::vector<std::size_t> first(hires.size() + 1, 0);
  for (std::size_t e = 0; e < hires.size(); ++e) first[e + 1] = first[e] + hires[e];
  return first;
}

TEST(HireRows, OwnRowsFirstThenRowsLeftInOrderThenNewRows) {
  // Rows 0..9; free: 1 (enterprise 0), 2 (1), 4 (0), 5 (2), 7 (1), 8 (1). Hires: 0 → 3, 1 → 1, 2 → 0.
  const std::vector<std::uint32_t> employer = {0, 0, 1, 2, 0, 2, 1, 1, 1, 2};
  const std::vector<std::size_t> free = {1, 2, 4, 5, 7, 8};
  HireRowPlan plan;
  plan.free_rows = free;
  plan_hire_rows(plan, employer.data(), prefix_sum({3, 1, 0}), employer.size());
  // Enterprise 0: its rows 1 and 4, then the first row left (5, enterprise 2 hires nobody; 7 and 8 are left
  // by enterprise 1, which needs only row 2). Enterprise 1: row 2.
  EXPECT_EQ(plan.rows, (std::vector<std::size_t>{1, 4, 5, 2}));
  EXPECT_EQ(plan.new_rows, 0u);
  EXPECT_EQ(plan.still_free, 2u);  // rows 7 and 8
}

TEST(HireRows, NewRowsFollowTheTableWhenReleasedRowsRunOut) {
  const std::vector<std::uint32_t> employer = {1, 0, 1};
  HireRowPlan plan;
  plan.free_rows = {0, 2};
  plan_hire_rows(plan, employer.data(), prefix_sum({2, 1}), employer.size());
  // Both released rows were enterprise 1's; it hires one (row 0) and leaves row 2. Enterprise 0's two hires get
  // row 2 and then the first new row, 3.
  EXPECT_EQ(plan.rows, (std::vector<std::size_t>{2, 3, 0}));
  EXPECT_EQ(plan.new_rows, 1u);
  EXPECT_EQ(plan.still_free, 0u);
}

TEST(HireRows, MatchesTheRuleOnRandomTables) {
  std::mt19937_64 gen(17);
  HireRowPlan plan;
  for (int trial = 0; trial < 200; ++trial) {
    const std::size_t enterprises = 1 + gen() % 12, table = gen() % 80;
    std::vector<std::uint32_t> employer(table);
    std::vector<std::size_t> free;
    for (std::size_t r = 0; r < table; ++r) {
      employer[r] = static_cast<std::uint32_t>(gen() % enterprises);
      if (gen() % 3 == 0) free.push_back(r);
    }
    std::vector<std::size_t> hires(enterprises);
    for (auto& h : hires) h = gen() % 6;
    const auto first = prefix_sum(hires);
    // One plan reused across trials, as the simulation reuses it across years: nothing may carry over.
    plan.free_rows = free;
    plan_hire_rows(plan, employer.data(), first, table);

    // The rule, written out: own rows first; the rest in order.
    std::vector<std::size_t> want(first.back());
    std::set<std::size_t> taken;
    std::vector<std::size_t> unplaced;
    for (std::size_t e = 0; e < enterprises; ++e) {
      std::size_t s = 0;
      for (const std::size_t r : free) {
        if (s < hires[e] && employer[r] == e) {
          want[first[e] + s++] = r;
          taken.insert(r);
        }
      }
      for (; s < hires[e]; ++s) unplaced.push_back(first[e] + s);
    }
    std::vector<std::size_t> left;
    for (const std::size_t r : free) {
      if (!taken.count(r)) left.push_back(r);
    }
    std::size_t next_new = table;
    for (std::size_t k = 0; k < unplaced.size(); ++k) want[unplaced[k]] = k < left.size() ? left[k] : next_new++;
    ASSERT_EQ(plan.rows, want) << "trial " << trial;
    ASSERT_EQ(plan.new_rows, next_new - table);
    ASSERT_EQ(plan.still_free, left.size() > unplaced.size() ? left.size() - unplaced.size() : 0);
    // Every hire has its own row.
    std::vector<std::size_t> sorted = plan.rows;
    std::sort(sorted.begin(), sorted.end());
    ASSERT_TRUE(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
  }
}

}  // namespace
}  // namespace pneumo
