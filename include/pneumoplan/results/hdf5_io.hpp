// A small RAII layer over the HDF5 C API: files, groups, datasets and attributes, with errors turned into
// IoError exceptions instead of HDF5's stack dumps. Object timestamps are switched off everywhere so the
// same results give byte-identical files.
#pragma once

#include <hdf5.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pneumo::h5 {

// Owns one HDF5 identifier and closes it with the right function.
class Handle {
 public:
  Handle() = default;
  Handle(hid_t id, herr_t (*closer)(hid_t)) : id_(id), closer_(closer) {}
  ~Handle() { reset(); }
  Handle(Handle&& other) noexcept : id_(other.id_), closer_(other.closer_) { other.id_ = H5I_INVALID_HID; }
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = other.id_;
      closer_ = other.closer_;
      other.id_ = H5I_INVALID_HID;
    }
    return *this;
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  hid_t id() const { return id_; }
  void reset() {  // for unwinding: a failure to close is not reported
    if (id_ >= 0 && closer_) closer_(id_);
    id_ = H5I_INVALID_HID;
  }
  // Closes now and throws IoError("HDF5: could not <what>") when that fails: closing a dataset or a file
  // is when HDF5 writes out what it buffered, so a full disk often shows only here.
  void close(const std::string& what);

 private:
  hid_t id_ = H5I_INVALID_HID;
  herr_t (*closer_)(hid_t) = nullptr;
};

// Silences HDF5's automatic error printing for the life of the process (errors become exceptions), and
// keeps HDF5 from closing files at exit: after a failed write (disk full) libhdf5 1.10 crashes there.
void quiet_errors();

// `user_block_bytes` reserves that many bytes at the start of the file for its owner (0, or a power of two >= 512).
Handle create_file(const std::string& path, hsize_t user_block_bytes = 0);
// Writes out everything HDF5 holds for a file being written and closes it; throws IoError naming `path`.
void close_written_file(Handle& file, const std::string& path);
Handle open_file_read_only(const std::string& path);
// Writes the HDF5 file `path` atomically and sealed (file_seal.hpp): `contents` fills the root group of a
// temporary file, which is closed, sealed and renamed into place. Throws IoError "cannot write PATH (disk
// full or unwritable?): ..." when anything fails; `path` is then as it was.
void write_sealed_file(const std::string& path, const std::function<void(hid_t root)>& contents);
Handle create_group(hid_t parent, const std::string& name);
Handle open_group(hid_t parent, const std::string& name);

void write_attribute(hid_t object, const std::string& name, const std::string& value);
void write_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_attribute(hid_t object, const std::string& name, double value);

// Datasets of any rank; `dims` multiply to data.size(). Larger ones are chunked and compressed.
// A numeric dataset made ready to write: large ones (4,096 values or more) chunked, shuffled and deflated
// already. Preparing calls no HDF5 function, so datasets can be prepared in parallel (compression is most of
// the time a results file takes) and then written in order by one thread: the file is the same either way.
struct PreparedDataset {
  enum class Element { Float64, Int64, Raw };
  Element element = Element::Float64;
  std::size_t element_bytes = 8;
  std::vector<hsize_t> dims, chunk;              // chunk empty: stored contiguous, from `values`
  std::vector<unsigned char> values;             // contiguous datasets
  std::vector<std::vector<unsigned char>> chunks;  // chunked ones: each chunk's stored bytes, in row-major order
};
PreparedDataset prepare_dataset(const std::vector<hsize_t>& dims, const std::vector<double>& data);
PreparedDataset prepare_dataset(const std::vector<hsize_t>& dims, const std::vector<std::int64_t>& data);
void write_prepared(hid_t parent, const std::string& name, const PreparedDataset& dataset);

void write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::vector<double>& data);
void write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::vector<std::int64_t>& data);
// A list of `count` numbers of the native HDF5 type `native_type` (H5T_NATIVE_UINT8, ...), stored as that type.
void write_raw_dataset(hid_t parent, const std::string& name, hid_t native_type, std::size_t count, const void* data);
void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values);
void write_strings(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::vector<std::string>& values);  // row-major, any rank
void write_string(hid_t parent, const std::string& name, const std::string& value);

// Self-description, so that h5dump, h5py, xarray and netCDF tools read the file without this program's docs.
// Attributes `units` (empty for labels and codes) and `description` of a dataset or group.
void describe(hid_t object, const std::string& units, const std::string& description);
void describe_dataset(hid_t parent, const std::string& name, const std::string& units, const std::string& description);
// Makes parent/name an HDF5 dimension scale (H5DS) named `dimension`: the coordinate netCDF-4 and xarray read as
// a named dimension. A scale lies in the group of the datasets that use it or in one above them (the root), as
// netCDF requires.
void make_dimension_scale(hid_t parent, const std::string& name, const std::string& dimension);
// Attaches the dimension scales at `scale_paths` (paths in the file, one per dimension, in order) to the
// dimensions of dataset parent/name.
void attach_dimension_scales(hid_t parent, const std::string& name, const std::vector<std::string>& scale_paths);

// Reading back (used by later commands and by tests).
bool has_attribute(hid_t object, const std::string& name);
bool has_link(hid_t parent, const std::string& name);  // a dataset or group directly under `parent`
std::string read_string_attribute(hid_t object, const std::string& name);
std::int64_t read_int_attribute(hid_t object, const std::string& name);
double read_double_attribute(hid_t object, const std::string& name);
std::vector<hsize_t> dataset_dims(hid_t parent, const std::string& name);
std::vector<double> read_doubles(hid_t parent, const std::string& name);
std::vector<std::int64_t> read_int64s(hid_t parent, const std::string& name);
std::vector<std::string> read_strings(hid_t parent, const std::string& name);       // 1-D
std::vector<std::string> read_string_array(hid_t parent, const std::string& name);  // any rank, row-major
std::string read_string(hid_t parent, const std::string& name);
// What a list of numbers holds, and reading it into `data` (count values of `native_type`, converted by HDF5).
struct RawDatasetType {
  bool floating = false, is_signed = false;
  std::size_t bytes = 0, count = 0;
};
RawDatasetType raw_dataset_type(hid_t parent, const std::string& name);
void read_raw_dataset(hid_t parent, const std::string& name, hid_t native_type, void* data);

}  // namespace pneumo::h5
