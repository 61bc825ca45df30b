// The comparison of policy packages as a self-describing HDF5 file (docs/output-format.md, "Comparison
// file"), and as CSV and Markdown tables. Written atomically, like every output.
#pragma once

#include <string>

#include "pneumoplan/policy/package_comparison.hpp"

namespace pneumo {

// 2: sealed (file_seal.hpp); 3: outcomes carry their target and comparator, the city's display names, averted
// read back, and the cost-effectiveness analysis (/economics).
inline constexpr std::int64_t kComparisonFormatVersion = 3;

void write_comparison_file(const std::string& path, const PackageComparison& comparison);

// One row per package and outcome: value, paired difference against the baseline, with 90 % intervals, in
// the outcome's display unit with a unit column; then cases and deaths averted, incremental cost and cost per
// case averted per package. UTF-8 with byte-order mark (Excel).
std::string comparison_csv(const PackageComparison& comparison, Language language = Language::English);
// Outcomes, cases and deaths averted, cost per case averted, and the targets each package meets.
std::string comparison_markdown(const PackageComparison& comparison, Language language = Language::English);
// Terminal tables of the same: means, paired differences, health gain and cost, targets.
std::string comparison_terminal(const PackageComparison& comparison, Language language = Language::English);

}  // namespace pneumo
