// The comparison of policy packages as a self-describing HDF5 file (docs/output-format.md, "Comparison
// file"), and as CSV and Markdown tables. Written atomically, like every output.
#pragma once

#include <string>

#include "pneumoplan/policy/package_comparison.hpp"

namespace pneumo {

inline constexpr std::int64_t kComparisonFormatVersion = 3;  // 2: sealed (file_seal.hpp); 3: /economics

void write_comparison_file(const std::string& path, const PackageComparison& comparison);

// One row per package and outcome: value, paired difference against the baseline, with 90 % intervals.
std::string comparison_csv(const PackageComparison& comparison);
// Outcomes, cases and deaths averted, cost per case averted, and the targets each package meets.
std::string comparison_markdown(const PackageComparison& comparison);
// A compact terminal table of the same.
std::string comparison_terminal(const PackageComparison& comparison);

}  // namespace pneumo
