#include "pneumoplan/results/results_file_kind.hpp"

#include <hdf5.h>

#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

std::string file_kind_words(const std::string& format) {
  if (format == kResultsFormat) return "a results file of 'pneumoplan run'";
  if (format == kComparisonFormat) return "a comparison file of 'pneumoplan compare'";
  if (format == kSweepFormat) return "a sweep file of 'pneumoplan sweep'";
  return format.empty() ? "an HDF5 file of another program (no attribute format)"
                        : "an HDF5 file of another program (format '" + format + "')";
}

std::optional<std::string> read_format_attribute(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  h5::quiet_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) return std::nullopt;
  try {
    auto file = h5::open_file_read_only(path);
    if (!h5::has_attribute(file.id(), "format")) return std::string();
    return h5::read_string_attribute(file.id(), "format");
  } catch (const IoError&) {
    return std::nullopt;
  }
}

std::optional<std::string> other_kind_message(const std::string& path, const std::string& expected_format) {
  const auto format = read_format_attribute(path);
  const bool pneumoplan = format && (*format == kResultsFormat || *format == kComparisonFormat || *format == kSweepFormat);
  if (!pneumoplan || *format == expected_format) return std::nullopt;
  return path + ": " + file_kind_words(*format) + ", not " + file_kind_words(expected_format);
}

ResultsFileKind detect_results_file_kind(const std::string& path) {
  std::error_code ec;
  // Like every reader of results files: a missing or damaged file is an I/O failure (exit 1), named.
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": no such file");
  h5::quiet_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    throw IoError(path + ": expected a pneumoplan HDF5 file (results of 'pneumoplan run' or 'pneumoplan compare'); "
                         "this is not HDF5");
  }
  auto file = h5::open_file_read_only(path);
  std::string format;
  if (h5::has_attribute(file.id(), "format")) format = h5::read_string_attribute(file.id(), "format");
  if (format == kResultsFormat) return ResultsFileKind::Run;
  if (format == kComparisonFormat) return ResultsFileKind::Comparison;
  throw IoError(path + ": " + file_kind_words(format) + ", not " + file_kind_words(kResultsFormat) + " or " +
                file_kind_words(kComparisonFormat));
}

}  // namespace pneumo
