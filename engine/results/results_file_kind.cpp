#include "pneumoplan/results/results_file_kind.hpp"

#include <hdf5.h>

#include <filesystem>
#include <fstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

std::string file_kind_words(const std::string& format) {
  if (format == kResultsFormat) return "a results file of 'pneumoplan run'";
  if (format == kComparisonFormat) return "a comparison file of 'pneumoplan compare'";
  if (format == kSweepFormat) return "a sweep file of 'pneumoplan sweep'";
  if (format == kStateFormat) return "a saved state of 'pneumoplan run --save-state'";
  return format.empty() ? "an HDF5 file of another program (no attribute format)"
                        : "an HDF5 file of another program (format '" + format + "')";
}

std::optional<std::string> other_kind_message(const std::string& path, const std::string& expected_format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(1 << 20, '\0');  // the root attributes' values lie in the first global heap, near the start
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.compare(0, 8, "\x89HDF\r\n\x1a\n") != 0) return std::nullopt;  // not HDF5 (or not at byte 0)
  for (const char* format : {kComparisonFormat, kSweepFormat, kResultsFormat, kStateFormat}) {
    if (head.find(format) == std::string::npos) continue;
    if (format == expected_format) return std::nullopt;
    return path + ": " + file_kind_words(format) + ", not " + file_kind_words(expected_format);
  }
  return std::nullopt;
}

ResultsFileKind detect_results_file_kind(const std::string& path) {
  // Like every reader of results files: a missing or damaged file is an I/O failure (exit 1), named. The
  // seal is checked before the HDF5 library parses a byte of the file.
  check_seal(path, "results, comparison or sweep file");
  auto file = h5::open_file_read_only(path);
  std::string format;
  try {
    if (h5::has_attribute(file.id(), "format")) format = h5::read_string_attribute(file.id(), "format");
  } catch (const IoError& error) {
    throw IoError(path + ": damaged or incomplete file (" + error.what() + ")");
  }
  if (format == kResultsFormat) return ResultsFileKind::Run;
  if (format == kComparisonFormat) return ResultsFileKind::Comparison;
  if (format == kSweepFormat) return ResultsFileKind::Sweep;
  throw IoError(path + ": " + file_kind_words(format) + ", not " + file_kind_words(kResultsFormat) + ", " +
                file_kind_words(kComparisonFormat) + " or " + file_kind_words(kSweepFormat));
}

}  // namespace pneumo
