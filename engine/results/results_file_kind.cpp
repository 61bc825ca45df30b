#include "pneumoplan/results/results_file_kind.hpp"

#include <hdf5.h>

#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

ResultsFileKind detect_results_file_kind(const std::string& path) {
  std::error_code ec;
  // Like every reader of results files: a missing or damaged file is an I/O failure (exit 1), named.
  if (!std::filesystem::is_regular_file(path, ec)) throw IoError(path + ": no such file");
  h5::quiet_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) {
    throw IoError(path + ": expected a pneumoplan HDF5 file (results of 'pneumoplan run', 'pneumoplan compare' or "
                         "'pneumoplan sweep'); this is not HDF5");
  }
  auto file = h5::open_file_read_only(path);
  std::string format;
  if (h5::has_attribute(file.id(), "format")) format = h5::read_string_attribute(file.id(), "format");
  if (format == "pneumoplan-results") return ResultsFileKind::Run;
  if (format == "pneumoplan-comparison") return ResultsFileKind::Comparison;
  if (format == "pneumoplan-sweep") return ResultsFileKind::Sweep;
  throw IoError(path + ": expected root attribute format = pneumoplan-results, pneumoplan-comparison or "
                       "pneumoplan-sweep, found " +
                (format.empty() ? std::string("none") : "'" + format + "'"));
}

}  // namespace pneumo
