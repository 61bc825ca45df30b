// The cost-effectiveness and budget impact of a package comparison (cost_effectiveness.hpp) in comparison.h5
// (the /economics group, docs/output-format.md), comparison.csv (rows of the same columns), comparison.md and
// the terminal summary.
#pragma once

#include <string>

#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

// Writes /economics under `root`.
void write_economics_group(hid_t root, const PackageComparison& comparison);

// comparison.csv rows: package, labels, outcome, labels, unit, reading, mean, p5, p95 and three empty
// difference columns (the values already are paired differences against the reference).
std::string economics_csv_rows(const PackageComparison& comparison);
// comparison.md sections: cost-effectiveness, net monetary benefit, costs by payer, budget impact, method.
std::string economics_markdown(const PackageComparison& comparison);
// One line per package for the terminal.
std::string economics_terminal(const PackageComparison& comparison);

}  // namespace pneumo
