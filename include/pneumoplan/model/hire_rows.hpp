// Where a year's hires go in the worker table. Each enterprise's hires go first to rows its own people left
// (released rows whose last employer it was), in increasing row order; hires beyond those take the other
// released rows in increasing row order, enterprise by enterprise; and then new rows at the end of the table.
// Keeping an enterprise's people together keeps the annual pass's reads of its enterprise's year (and its
// counts) in cache at national scale, where filling released rows first come first served scattered every
// enterprise over the whole table within a few years. No result depends on which row holds whom (people are
// identified by rng_id), so the choice is one of speed; it is deterministic, so a run and its saved-state forks
// place people alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pneumo {

struct HireRowPlan {
  // rows[first_hire[e] + s]: the row of enterprise e's hire s; first_hire has one entry per enterprise + 1.
  std::vector<std::size_t> rows;
  std::size_t new_rows = 0;    // rows appended to the table for hires (the table must grow by this many)
  std::size_t still_free = 0;  // released rows left unfilled
  // Working lists, kept from year to year so that their pages are not faulted in again every year (at national
  // scale that took longer than the plan itself).
  std::vector<std::size_t> free_rows, placed;
};

// Fills `plan` for this year. `plan.free_rows`: released rows in increasing order, filled by the caller
// (WorkerTable::free_rows), and left holding the rows no hire took; `last_employer[r]`: the enterprise of row r
// (released rows keep their last employer's index); `first_hire`: exclusive prefix sum of hires by enterprise;
// `table_size`: rows in the table before any are appended.
void plan_hire_rows(HireRowPlan& plan, const std::uint32_t* last_employer, const std::vector<std::size_t>& first_hire,
                    std::size_t table_size);

}  // namespace pneumo
