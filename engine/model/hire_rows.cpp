#include "pneumoplan/model/hire_rows.hpp"

namespace pneumo {

void plan_hire_rows(HireRowPlan& plan, const std::uint32_t* last_employer, const std::vector<std::size_t>& first_hire,
                    std::size_t table_size) {
  const std::size_t enterprises = first_hire.size() - 1;
  plan.rows.resize(first_hire.back());
  plan.new_rows = 0;
  plan.placed.assign(enterprises, 0);  // hires of each enterprise placed so far

  // One pass in increasing row order: a released row goes to its last employer's next hire while that
  // enterprise has hires left, and is otherwise left for the hires beyond other enterprises' own rows. The rows
  // left are moved to the front of free_rows (never ahead of the pass), so they stay in increasing order there.
  std::size_t* const placed = plan.placed.data();
  std::size_t* const rows = plan.rows.data();
  std::size_t* const free_rows = plan.free_rows.data();
  std::size_t left = 0;
  for (std::size_t k = 0; k < plan.free_rows.size(); ++k) {
    const std::size_t row = free_rows[k];
    const std::uint32_t e = last_employer[row];
    const std::size_t slot = first_hire[e] + placed[e];
    if (slot < first_hire[e + 1]) {
      rows[slot] = row;
      ++placed[e];
    } else {
      free_rows[left++] = row;
    }
  }
  plan.free_rows.resize(left);

  // The hires still without a row, enterprise by enterprise: the rows left, then new rows at the end.
  std::size_t next_left = 0;
  for (std::size_t e = 0; e < enterprises; ++e) {
    for (std::size_t k = first_hire[e] + placed[e]; k < first_hire[e + 1]; ++k) {
      rows[k] = next_left < left ? free_rows[next_left++] : table_size + plan.new_rows++;
    }
  }
  plan.still_free = left - next_left;
}

}  // namespace pneumo
