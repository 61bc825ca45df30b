// The cost-effectiveness and budget impact of a package comparison (cost_effectiveness.hpp) in comparison.h5
// (the /economics group, docs/output-format.md), comparison.csv (rows of the same columns), comparison.md and
// the terminal summary.
#pragma once

#include <string>

#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/language.hpp"
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

// Writes /economics under `root`.
void write_economics_group(hid_t root, const PackageComparison& comparison);

// comparison.csv rows of every package but the reference, in the table's columns, with the four difference
// columns empty (the values already are paired differences against the reference).
void economics_csv_rows(CsvWriter& csv, const PackageComparison& comparison, Language language);
// comparison.md sections: cost-effectiveness, net monetary benefit, costs by payer, budget impact, method.
std::string economics_markdown(const PackageComparison& comparison, Language language);
// A table of DALYs averted, incremental cost and ICER per package for the terminal.
std::string economics_terminal(const PackageComparison& comparison, Language language);

}  // namespace pneumo
