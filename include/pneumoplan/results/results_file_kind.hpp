// What a pneumoplan HDF5 file holds, told by its root attribute `format`: the results of one run
// (`pneumoplan run`, docs/output-format.md), a comparison of policy packages (`pneumoplan compare`) or a
// parameter sweep (`pneumoplan sweep`, docs/research.md).
#pragma once

#include <string>

namespace pneumo {

enum class ResultsFileKind { Run, Comparison, Sweep };

// Throws InputError naming the file when it is missing, not HDF5, or not a pneumoplan file of either kind.
ResultsFileKind detect_results_file_kind(const std::string& path);

}  // namespace pneumo
