// The HDF5 results file of a run (layout in docs/output-format.md, format version kResultsFormatVersion):
// provenance attributes, the scenario as resolved and its input files, axis labels, every output per
// replicate and summaries over replicates. Written atomically.
#pragma once

#include <array>

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// 2: the intervention axis and its costs. 3: dimension scales named after the axes in the root group, units and
// descriptions on every dataset, the city's own code on the region axis, input files under plain identifiers
// (scenario_ini, command_line_overrides). 4: /indicators (which indicator rows come from inputs) and the
// service, care and survival outputs of issues 12 and 13. 5: the health-economic outputs (yll ...
// impoverished_undiagnosed). Readers take versions 2 to 5 (an output an older file lacks is refused by name
// when it is asked for).
inline constexpr std::int64_t kResultsFormatVersion = 5;
inline constexpr std::int64_t kOldestReadableResultsFormatVersion = 2;

// The dataset of an input file under /scenario/inputs since version 3: its name as a plain identifier, every
// character other than a letter, digit or '_' replaced by '_' ("scenario.ini" -> "scenario_ini").
std::string input_dataset_name(const std::string& file_name);

void write_results_file(const std::string& path, const Scenario& scenario,
                        const std::vector<ReplicateResults>& replicates, std::uint64_t seed);

// Every output's datasets (per replicate, and mean, p5, p50, p95 over replicates) gathered, summarised and
// compressed, ready to write. Preparing calls no HDF5 function, so a command writing several results files
// (compare) prepares the next file's while it writes one; the file is the same either way.
struct PreparedResults {
  struct Output {
    h5::PreparedDataset per_replicate;
    std::array<h5::PreparedDataset, 4> statistics;  // mean, p5, p50, p95
  };
  std::vector<Output> outputs;  // by OutputId
};
PreparedResults prepare_results(const std::vector<ReplicateResults>& replicates);
// The same file as write_results_file, from outputs prepared beforehand (of the same replicates).
void write_results_file(const std::string& path, const Scenario& scenario,
                        const std::vector<ReplicateResults>& replicates, std::uint64_t seed,
                        const PreparedResults& prepared);

}  // namespace pneumo
