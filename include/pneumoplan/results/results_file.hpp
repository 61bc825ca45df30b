// The HDF5 results file of a run (layout in docs/output-format.md, format version kResultsFormatVersion):
// provenance attributes, the scenario as resolved and its input files, axis labels, every output per
// replicate and summaries over replicates. Written atomically.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

inline constexpr std::int64_t kResultsFormatVersion = 3;  // 3: /indicators, the service outputs of issue 13

void write_results_file(const std::string& path, const Scenario& scenario,
                        const std::vector<ReplicateResults>& replicates, std::uint64_t seed);

}  // namespace pneumo
