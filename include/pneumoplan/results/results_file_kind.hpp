// What a pneumoplan HDF5 file holds, told by its root attribute `format`: the results of one run
// (`pneumoplan run`, docs/output-format.md) or a comparison of policy packages (`pneumoplan compare`).
#pragma once

#include <string>

namespace pneumo {

enum class ResultsFileKind { Run, Comparison };

// Throws IoError naming the file when it is missing, not sealed (check_seal: damaged, not HDF5, written by
// another program), or not a pneumoplan file of either kind.
ResultsFileKind detect_results_file_kind(const std::string& path);

}  // namespace pneumo
