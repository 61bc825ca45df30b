// Structure-aware damage for the harnesses of the HDF5 readers: a real file (a results file of the test
// scenario, a sweep, a comparison — made once, at start-up, by the engine itself) and edits applied to a copy
// of it with the HDF5 library. The
// fuzzed bytes are read as up to 16 records of 16 bytes:
//   [op] [target, 2 bytes] [rank] [dim0] [dim1] [dim2] [type] [value, 8 bytes]
// op: delete the target, or put in its place a number (int64 or float64), a variable-length string, a
// fixed-length string, an empty (null) value, or a group instead of a dataset; target: one of the file's
// datasets and attributes; dims: a byte each, taken modulo 16, except 255 = 2^31 for datasets (created
// without data, to try huge allocations).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace pneumo::fuzz {

// A pneumoplan HDF5 file (any kind) whose objects edits are applied to.
class EditableFile {
 public:
  explicit EditableFile(std::string base_bytes);  // lists the file's datasets and attributes
  // Writes the base file to `path`, applies the edits of `records`, and seals the result.
  void write_edited(const std::string& path, const std::string& records) const;
  const std::string& base_bytes() const { return base_bytes_; }

 private:
  struct Target {
    std::string object;     // path of a dataset, or of the group or dataset holding an attribute
    std::string attribute;  // empty for the dataset itself
  };
  std::string base_bytes_;
  std::vector<Target> targets_;
};

// A results file of the test scenario (2 replicates, 2019-2025), made by the engine.
class EditableResults : public EditableFile {
 public:
  EditableResults();
};

// The bytes of a sealed file made by `write(path)` in a scratch folder.
std::string bytes_written_by(const std::function<void(const std::string& path)>& write);

}  // namespace pneumo::fuzz
