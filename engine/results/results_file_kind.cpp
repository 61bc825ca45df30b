#include "pneumoplan/results/results_file_kind.hpp"

#include <hdf5.h>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

ResultsFileKind detect_results_file_kind(const std::string& path) {
  // Like every reader of results files: a missing or damaged file is an I/O failure (exit 1), named. The
  // seal is checked before the HDF5 library parses a byte of the file.
  check_seal(path, "results or comparison file");
  auto file = h5::open_file_read_only(path);
  std::string format;
  try {
    if (h5::has_attribute(file.id(), "format")) format = h5::read_string_attribute(file.id(), "format");
  } catch (const IoError& error) {
    throw IoError(path + ": damaged or incomplete file (" + error.what() + ")");
  }
  if (format == "pneumoplan-results") return ResultsFileKind::Run;
  if (format == "pneumoplan-comparison") return ResultsFileKind::Comparison;
  throw IoError(path + ": expected root attribute format = pneumoplan-results or pneumoplan-comparison, found " +
                (format.empty() ? std::string("none") : quote_value(format)));
}

}  // namespace pneumo
