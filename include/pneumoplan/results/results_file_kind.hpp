// What a pneumoplan HDF5 file holds, told by its root attribute `format`: the results of one run
// (`pneumoplan run`, docs/output-format.md), a comparison of policy packages (`pneumoplan compare`) or a sweep
// (`pneumoplan sweep`, docs/research.md). Every reader names the kind of file it was given when it is not the
// kind it reads ("comparison.h5: a comparison file of 'pneumoplan compare', not a results file of 'pneumoplan
// run'").
#pragma once

#include <optional>
#include <string>

namespace pneumo {

enum class ResultsFileKind { Run, Comparison, Sweep };

inline constexpr const char* kResultsFormat = "pneumoplan-results";
inline constexpr const char* kComparisonFormat = "pneumoplan-comparison";
inline constexpr const char* kSweepFormat = "pneumoplan-sweep";
inline constexpr const char* kStateFormat = "pneumoplan-state";  // a saved state (results/state_file.hpp)

// Throws IoError naming the file when it is missing, not sealed (check_seal: damaged, not HDF5, written by
// another program), or not a pneumoplan file of any of these kinds.
ResultsFileKind detect_results_file_kind(const std::string& path);

// The kind of file a `format` value marks, in words: "a results file of 'pneumoplan run'", "a comparison file of
// 'pneumoplan compare'", "a sweep file of 'pneumoplan sweep'", or "an HDF5 file of another program (format
// 'X')" for anything else.
std::string file_kind_words(const std::string& format);

// For the refusal of a file without a seal: "PATH: <what the file is>, not <what was expected>" when the file is
// a pneumoplan file of another kind than `expected_format`; nullopt otherwise (the caller keeps its own
// message). The HDF5 library never parses an unsealed file (it may be damaged, docs/reliability.md): the kind
// is recognised by the format attribute's value among the file's first bytes, where HDF5 keeps it.
std::optional<std::string> other_kind_message(const std::string& path, const std::string& expected_format);

}  // namespace pneumo
