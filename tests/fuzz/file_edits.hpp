// Structure-aware damage for the results-reader harness: a real results file of the test scenario (made
// once, at start-up, by the engine itself) and edits applied to a copy of it with the HDF5 library. The
// fuzzed bytes are read as up to 16 records of 16 bytes:
//   [op] [target, 2 bytes] [rank] [dim0] [dim1] [dim2] [type] [value, 8 bytes]
// op: delete the target, or put in its place a number (int64 or float64), a variable-length string, a
// fixed-length string, an empty (null) value, or a group instead of a dataset; target: one of the file's
// datasets and attributes; dims: a byte each, taken modulo 16, except 255 = 2^31 for datasets (created
// without data, to try huge allocations).
#pragma once

#include <string>
#include <vector>

namespace pneumo::fuzz {

class EditableResults {
 public:
  EditableResults();  // runs the test scenario (2 replicates, 2019-2025) and lists the file's objects
  // Writes the base file to `path`, applies the edits of `records`, and seals the result.
  void write_edited(const std::string& path, const std::string& records) const;

 private:
  struct Target {
    std::string object;     // path of a dataset, or of the group or dataset holding an attribute
    std::string attribute;  // empty for the dataset itself
  };
  std::string base_bytes_;
  std::vector<Target> targets_;
};

}  // namespace pneumo::fuzz
