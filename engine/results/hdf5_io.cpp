#include "pneumoplan/results/hdf5_io.hpp"

#include <hdf5_hl.h>

#include <zlib.h>

#include <cstring>
#include <mutex>
#include <numeric>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/results/file_seal.hpp"

namespace pneumo::h5 {
namespace {

hid_t check(hid_t id, const std::string& what) {
  if (id < 0) throw IoError("HDF5: could not " + what);
  return id;
}

void check_status(herr_t status, const std::string& what) {
  if (status < 0) throw IoError("HDF5: could not " + what);
}

Handle untracked_plist(hid_t cls) {
  Handle plist(check(H5Pcreate(cls), "create a property list"), H5Pclose);
  check_status(H5Pset_obj_track_times(plist.id(), 0), "disable timestamps");
  return plist;
}

Handle utf8_string_type() {
  Handle type(check(H5Tcopy(H5T_C_S1), "create a string type"), H5Tclose);
  check_status(H5Tset_size(type.id(), H5T_VARIABLE), "size a string type");
  check_status(H5Tset_cset(type.id(), H5T_CSET_UTF8), "set UTF-8");
  return type;
}

constexpr int kDeflateLevel = 4;

// The stored bytes of one chunk as HDF5's shuffle and deflate filters would make them: the chunk's elements
// (zero past the dataset's edge), their bytes grouped by position within an element, then zlib at
// kDeflateLevel — so any HDF5 reader decodes them with the filters the dataset declares.
std::vector<unsigned char> filtered_chunk(const unsigned char* data, const std::vector<hsize_t>& dims,
                                          const std::vector<hsize_t>& chunk, const std::vector<hsize_t>& offset,
                                          std::size_t element_bytes) {
  const std::size_t rank = dims.size();
  const std::size_t elements = std::accumulate(chunk.begin(), chunk.end(), std::size_t{1}, std::multiplies<>());
  std::vector<unsigned char> gathered(elements * element_bytes, 0);
  // Copy row by row along the last dimension: `index` walks the chunk's other dimensions.
  std::vector<hsize_t> index(rank, 0);
  const hsize_t run = std::min(chunk[rank - 1], dims[rank - 1] - offset[rank - 1]);
  for (std::size_t row = 0;; ++row) {
    bool inside = true;
    std::size_t source = 0;
    for (std::size_t k = 0; k < rank; ++k) {
      const hsize_t at = offset[k] + (k + 1 < rank ? index[k] : 0);
      inside = inside && at < dims[k];
      source = source * dims[k] + (k + 1 < rank ? at : offset[k]);
    }
    if (inside && run > 0) {
      std::memcpy(gathered.data() + row * chunk[rank - 1] * element_bytes, data + source * element_bytes,
                  run * element_bytes);
    }
    std::size_t k = rank - 1;
    while (k > 0 && ++index[k - 1] == chunk[k - 1]) index[--k] = 0;
    if (k == 0) break;
  }
  std::vector<unsigned char> shuffled(gathered.size());
  for (std::size_t i = 0; i < elements; ++i) {
    for (std::size_t b = 0; b < element_bytes; ++b) shuffled[b * elements + i] = gathered[i * element_bytes + b];
  }
  uLongf stored = compressBound(static_cast<uLong>(shuffled.size()));
  std::vector<unsigned char> out(stored);
  if (compress2(out.data(), &stored, shuffled.data(), static_cast<uLong>(shuffled.size()), kDeflateLevel) != Z_OK) {
    throw IoError("zlib: could not compress a chunk");
  }
  out.resize(stored);
  return out;
}

// The chunk shape of a dataset: chunks of whole trailing rows, about 64k values; none below 4,096 values.
std::vector<hsize_t> chunk_shape(const std::vector<hsize_t>& dims) {
  const hsize_t total = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  if (total < 4096 || dims.empty()) return {};
  std::vector<hsize_t> chunk(dims);
  hsize_t size = total;
  for (std::size_t k = 0; k < chunk.size() && size > 65536; ++k) {
    const hsize_t rest = size / chunk[k];
    chunk[k] = std::max<hsize_t>(1, 65536 / std::max<hsize_t>(rest, 1));
    size = rest * chunk[k];
  }
  return chunk;
}

std::vector<hsize_t> chunk_offset(const std::vector<hsize_t>& dims, const std::vector<hsize_t>& chunk, std::size_t c) {
  std::vector<hsize_t> offset(dims.size());
  for (std::size_t k = dims.size(); k-- > 0;) {
    const hsize_t across = (dims[k] + chunk[k] - 1) / chunk[k];
    offset[k] = (c % across) * chunk[k];
    c /= across;
  }
  return offset;
}

hid_t native_type_of(PreparedDataset::Element element) {
  switch (element) {
    case PreparedDataset::Element::Float64: return H5T_NATIVE_DOUBLE;
    case PreparedDataset::Element::Int64: return H5T_NATIVE_INT64;
    case PreparedDataset::Element::Raw: break;
  }
  throw std::logic_error("a raw prepared dataset has no native type");
}

// Contiguous datasets are written from `values`; chunked ones chunk by chunk as filtered beforehand.
void write_prepared_as(hid_t parent, const std::string& name, const PreparedDataset& d, hid_t file_type,
                       hid_t memory_type) {
  Handle space(check(H5Screate_simple(static_cast<int>(d.dims.size()), d.dims.data(), nullptr), "create a dataspace"),
               H5Sclose);
  Handle create = untracked_plist(H5P_DATASET_CREATE);
  if (!d.chunk.empty()) {
    check_status(H5Pset_chunk(create.id(), static_cast<int>(d.chunk.size()), d.chunk.data()), "set chunking");
    check_status(H5Pset_shuffle(create.id()), "set shuffle");
    check_status(H5Pset_deflate(create.id(), kDeflateLevel), "set compression");
  }
  Handle dataset(check(H5Dcreate2(parent, name.c_str(), file_type, space.id(), H5P_DEFAULT, create.id(), H5P_DEFAULT),
                       "create dataset " + name),
                 H5Dclose);
  if (!d.chunk.empty()) {
    if (H5Tequal(memory_type, file_type) <= 0 || H5Tget_size(memory_type) != d.element_bytes) {
      throw std::logic_error("HDF5 dataset " + name + ": chunks prepared for another type");
    }
    for (std::size_t c = 0; c < d.chunks.size(); ++c) {
      const auto offset = chunk_offset(d.dims, d.chunk, c);
      check_status(H5Dwrite_chunk(dataset.id(), H5P_DEFAULT, 0, offset.data(), d.chunks[c].size(), d.chunks[c].data()),
                   "write dataset " + name);
    }
  } else if (!d.values.empty()) {
    check_status(H5Dwrite(dataset.id(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, d.values.data()),
                 "write dataset " + name);
  }
  dataset.close("write out dataset " + name);
}

PreparedDataset prepare_values(const std::vector<hsize_t>& dims, const void* data, std::size_t count,
                               std::size_t element_bytes, PreparedDataset::Element element) {
  const hsize_t total = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  if (total != count) throw std::logic_error("HDF5 dataset: dims do not match data");
  PreparedDataset d;
  d.element = element;
  d.element_bytes = element_bytes;
  d.dims = dims;
  d.chunk = chunk_shape(dims);
  if (d.chunk.empty()) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    d.values.assign(bytes, bytes + count * element_bytes);
    return d;
  }
  std::size_t chunks = 1;
  for (std::size_t k = 0; k < dims.size(); ++k) chunks *= (dims[k] + d.chunk[k] - 1) / d.chunk[k];
  d.chunks.resize(chunks);
  pneumo::parallel_for(std::size_t{0}, chunks, [&](std::size_t c) {
    d.chunks[c] = filtered_chunk(static_cast<const unsigned char*>(data), dims, d.chunk,
                                 chunk_offset(dims, d.chunk, c), element_bytes);
  });
  return d;
}


Handle open_dataset(hid_t parent, const std::string& name) {
  return Handle(check(H5Dopen2(parent, name.c_str(), H5P_DEFAULT), "open dataset " + name), H5Dclose);
}

// Reading one value into one variable is only safe when the object holds exactly one value.
void expect_single_value(hid_t space_id, const std::string& what) {
  Handle space(check(space_id, "get the dataspace of " + what), H5Sclose);
  if (H5Sget_simple_extent_npoints(space.id()) != 1) throw IoError("HDF5: " + what + " is not a single value");
}

}  // namespace

void Handle::close(const std::string& what) {
  const hid_t id = id_;
  id_ = H5I_INVALID_HID;  // never closed twice, even when this close fails
  if (id >= 0 && closer_ && closer_(id) < 0) throw IoError("HDF5: could not " + what);
}

void quiet_errors() {
  static std::once_flag once;
  std::call_once(once, [] {
    H5dont_atexit();  // must come before any other HDF5 call
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  });
}

void close_written_file(Handle& file, const std::string& path) {
  const herr_t flushed = H5Fflush(file.id(), H5F_SCOPE_LOCAL);
  file.close("close " + path);
  if (flushed < 0) throw IoError("HDF5: could not write out " + path);
}

Handle create_file(const std::string& path, hsize_t user_block_bytes) {
  quiet_errors();
  Handle create = untracked_plist(H5P_FILE_CREATE);
  if (user_block_bytes > 0) check_status(H5Pset_userblock(create.id(), user_block_bytes), "reserve a user block");
  return Handle(check(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, create.id(), H5P_DEFAULT), "create file " + path),
                H5Fclose);
}

Handle open_file_read_only(const std::string& path) {
  quiet_errors();
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) throw IoError(path + ": expected an HDF5 results file (it is missing, unreadable or corrupt)");
  return Handle(id, H5Fclose);
}

void write_sealed_file(const std::string& path, const std::function<void(hid_t root)>& contents) {
  ensure_parent_folder(path);
  AtomicOutput output(path);
  try {
    auto file = create_file(output.temporary_path(), kSealBytes);
    contents(file.id());
    close_written_file(file, output.temporary_path());
    seal_file(output.temporary_path());  // only a complete, closed file gets a seal
  } catch (const IoError& error) {
    throw IoError("cannot write " + path + " (disk full or unwritable?): " + error.what());
  }
  output.commit();
}

Handle create_group(hid_t parent, const std::string& name) {
  Handle create = untracked_plist(H5P_GROUP_CREATE);
  return Handle(check(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, create.id(), H5P_DEFAULT), "create group " + name),
                H5Gclose);
}

Handle open_group(hid_t parent, const std::string& name) {
  return Handle(check(H5Gopen2(parent, name.c_str(), H5P_DEFAULT), "open group " + name), H5Gclose);
}


void write_attribute(hid_t object, const std::string& name, const std::string& value) {
  Handle type = utf8_string_type();
  Handle space(check(H5Screate(H5S_SCALAR), "create a scalar space"), H5Sclose);
  Handle attribute(check(H5Acreate2(object, name.c_str(), type.id(), space.id(), H5P_DEFAULT, H5P_DEFAULT),
                         "create attribute " + name),
                   H5Aclose);
  const char* text = value.c_str();
  check_status(H5Awrite(attribute.id(), type.id(), &text), "write attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, std::int64_t value) {
  Handle space(check(H5Screate(H5S_SCALAR), "create a scalar space"), H5Sclose);
  Handle attribute(check(H5Acreate2(object, name.c_str(), H5T_STD_I64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT),
                         "create attribute " + name),
                   H5Aclose);
  check_status(H5Awrite(attribute.id(), H5T_NATIVE_INT64, &value), "write attribute " + name);
}

void write_attribute(hid_t object, const std::string& name, double value) {
  Handle space(check(H5Screate(H5S_SCALAR), "create a scalar space"), H5Sclose);
  Handle attribute(check(H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT),
                         "create attribute " + name),
                   H5Aclose);
  check_status(H5Awrite(attribute.id(), H5T_NATIVE_DOUBLE, &value), "write attribute " + name);
}

void write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::vector<double>& data) {
  write_prepared(parent, name, prepare_dataset(dims, data));
}

void write_dataset(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::vector<std::int64_t>& data) {
  write_prepared(parent, name, prepare_dataset(dims, data));
}

void write_strings(hid_t parent, const std::string& name, const std::vector<std::string>& values) {
  write_strings(parent, name, {values.size()}, values);
}

void write_strings(hid_t parent, const std::string& name, const std::vector<hsize_t>& dims,
                   const std::vector<std::string>& values) {
  Handle type = utf8_string_type();
  Handle space(check(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr), "create a dataspace"),
               H5Sclose);
  Handle create = untracked_plist(H5P_DATASET_CREATE);
  Handle dataset(check(H5Dcreate2(parent, name.c_str(), type.id(), space.id(), H5P_DEFAULT, create.id(), H5P_DEFAULT),
                       "create dataset " + name),
                 H5Dclose);
  std::vector<const char*> pointers;
  for (const auto& v : values) pointers.push_back(v.c_str());
  if (!values.empty()) {
    check_status(H5Dwrite(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()),
                 "write dataset " + name);
  }
  dataset.close("write out dataset " + name);
}

void write_string(hid_t parent, const std::string& name, const std::string& value) {
  Handle type = utf8_string_type();
  Handle space(check(H5Screate(H5S_SCALAR), "create a scalar space"), H5Sclose);
  Handle create = untracked_plist(H5P_DATASET_CREATE);
  Handle dataset(check(H5Dcreate2(parent, name.c_str(), type.id(), space.id(), H5P_DEFAULT, create.id(), H5P_DEFAULT),
                       "create dataset " + name),
                 H5Dclose);
  const char* text = value.c_str();
  check_status(H5Dwrite(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &text), "write dataset " + name);
  dataset.close("write out dataset " + name);
}

void describe(hid_t object, const std::string& units, const std::string& description) {
  write_attribute(object, "units", units);
  write_attribute(object, "description", description);
}

void describe_dataset(hid_t parent, const std::string& name, const std::string& units, const std::string& description) {
  Handle dataset = open_dataset(parent, name);
  describe(dataset.id(), units, description);
}

void make_dimension_scale(hid_t parent, const std::string& name, const std::string& dimension) {
  Handle dataset = open_dataset(parent, name);
  check_status(H5DSset_scale(dataset.id(), dimension.c_str()), "make " + name + " a dimension scale");
}

void attach_dimension_scales(hid_t parent, const std::string& name, const std::vector<std::string>& scale_paths) {
  Handle dataset = open_dataset(parent, name);
  Handle space(check(H5Dget_space(dataset.id()), "get the dataspace of " + name), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank != static_cast<int>(scale_paths.size())) {
    throw std::logic_error("HDF5 dataset " + name + ": " + std::to_string(rank) + " dimensions, " +
                           std::to_string(scale_paths.size()) + " scales");
  }
  for (std::size_t k = 0; k < scale_paths.size(); ++k) {
    Handle scale = open_dataset(parent, scale_paths[k]);
    check_status(H5DSattach_scale(dataset.id(), scale.id(), static_cast<unsigned>(k)),
                 "attach dimension scale " + scale_paths[k] + " to " + name);
  }
}

bool has_attribute(hid_t object, const std::string& name) {
  const htri_t exists = H5Aexists(object, name.c_str());
  if (exists < 0) throw IoError("HDF5: could not look for attribute " + name);
  return exists > 0;
}

bool has_link(hid_t parent, const std::string& name) {
  const htri_t exists = H5Lexists(parent, name.c_str(), H5P_DEFAULT);
  if (exists < 0) throw IoError("HDF5: could not look for " + name);
  return exists > 0;
}

std::string read_string_attribute(hid_t object, const std::string& name) {
  Handle attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + name), H5Aclose);
  expect_single_value(H5Aget_space(attribute.id()), "attribute " + name);
  Handle type = utf8_string_type();
  char* text = nullptr;
  check_status(H5Aread(attribute.id(), type.id(), &text), "read attribute " + name);
  std::string value = text ? text : "";
  H5free_memory(text);
  return value;
}

std::int64_t read_int_attribute(hid_t object, const std::string& name) {
  Handle attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + name), H5Aclose);
  expect_single_value(H5Aget_space(attribute.id()), "attribute " + name);
  std::int64_t value = 0;
  check_status(H5Aread(attribute.id(), H5T_NATIVE_INT64, &value), "read attribute " + name);
  return value;
}

double read_double_attribute(hid_t object, const std::string& name) {
  Handle attribute(check(H5Aopen(object, name.c_str(), H5P_DEFAULT), "open attribute " + name), H5Aclose);
  double value = 0.0;
  check_status(H5Aread(attribute.id(), H5T_NATIVE_DOUBLE, &value), "read attribute " + name);
  return value;
}

std::vector<hsize_t> dataset_dims(hid_t parent, const std::string& name) {
  Handle dataset = open_dataset(parent, name);
  Handle space(check(H5Dget_space(dataset.id()), "get dataspace of " + name), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.id());
  if (rank < 0) throw IoError("HDF5: could not read the shape of " + name);
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  H5Sget_simple_extent_dims(space.id(), dims.data(), nullptr);
  return dims;
}

std::vector<double> read_doubles(hid_t parent, const std::string& name) {
  const auto dims = dataset_dims(parent, name);
  const hsize_t total = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  std::vector<double> data(total);
  Handle dataset = open_dataset(parent, name);
  if (total) check_status(H5Dread(dataset.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "read " + name);
  return data;
}

std::vector<std::int64_t> read_int64s(hid_t parent, const std::string& name) {
  const auto dims = dataset_dims(parent, name);
  const hsize_t total = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  std::vector<std::int64_t> data(total);
  Handle dataset = open_dataset(parent, name);
  if (total) check_status(H5Dread(dataset.id(), H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()), "read " + name);
  return data;
}

std::vector<std::string> read_strings(hid_t parent, const std::string& name) {
  if (dataset_dims(parent, name).size() != 1) throw IoError("HDF5: " + name + " is not a list of strings");
  return read_string_array(parent, name);
}

std::vector<std::string> read_string_array(hid_t parent, const std::string& name) {
  const auto dims = dataset_dims(parent, name);
  const hsize_t total = std::accumulate(dims.begin(), dims.end(), hsize_t{1}, std::multiplies<>());
  Handle dataset = open_dataset(parent, name);
  Handle type = utf8_string_type();
  std::vector<char*> pointers(total, nullptr);
  std::vector<std::string> values;
  if (!pointers.empty()) {
    check_status(H5Dread(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data()), "read " + name);
  }
  for (char* p : pointers) {
    values.emplace_back(p ? p : "");
    H5free_memory(p);
  }
  return values;
}

std::string read_string(hid_t parent, const std::string& name) {
  Handle dataset = open_dataset(parent, name);
  expect_single_value(H5Dget_space(dataset.id()), "dataset " + name);
  Handle type = utf8_string_type();
  char* text = nullptr;
  check_status(H5Dread(dataset.id(), type.id(), H5S_ALL, H5S_ALL, H5P_DEFAULT, &text), "read " + name);
  std::string value = text ? text : "";
  H5free_memory(text);
  return value;
}

void write_raw_dataset(hid_t parent, const std::string& name, hid_t native_type, std::size_t count, const void* data) {
  const PreparedDataset d = prepare_values({static_cast<hsize_t>(count)}, data, count, H5Tget_size(native_type),
                                           PreparedDataset::Element::Raw);
  write_prepared_as(parent, name, d, native_type, native_type);
}

RawDatasetType raw_dataset_type(hid_t parent, const std::string& name) {
  Handle dataset = open_dataset(parent, name);
  Handle type(check(H5Dget_type(dataset.id()), "get the type of " + name), H5Tclose);
  RawDatasetType out;
  const H5T_class_t type_class = H5Tget_class(type.id());
  out.floating = type_class == H5T_FLOAT;
  if (type_class != H5T_FLOAT && type_class != H5T_INTEGER) throw IoError("HDF5: " + name + " does not hold numbers");
  out.bytes = H5Tget_size(type.id());
  out.is_signed = type_class == H5T_INTEGER && H5Tget_sign(type.id()) == H5T_SGN_2;
  const auto dims = dataset_dims(parent, name);
  if (dims.size() != 1) throw IoError("HDF5: " + name + " is not a list of values");
  out.count = static_cast<std::size_t>(dims[0]);
  return out;
}

void read_raw_dataset(hid_t parent, const std::string& name, hid_t native_type, void* data) {
  Handle dataset = open_dataset(parent, name);
  check_status(H5Dread(dataset.id(), native_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), "read " + name);
}

PreparedDataset prepare_dataset(const std::vector<hsize_t>& dims, const std::vector<double>& data) {
  return prepare_values(dims, data.data(), data.size(), sizeof(double), PreparedDataset::Element::Float64);
}

PreparedDataset prepare_dataset(const std::vector<hsize_t>& dims, const std::vector<std::int64_t>& data) {
  return prepare_values(dims, data.data(), data.size(), sizeof(std::int64_t), PreparedDataset::Element::Int64);
}

void write_prepared(hid_t parent, const std::string& name, const PreparedDataset& dataset) {
  const hid_t file_type = dataset.element == PreparedDataset::Element::Int64 ? H5T_STD_I64LE : H5T_IEEE_F64LE;
  write_prepared_as(parent, name, dataset, file_type, native_type_of(dataset.element));
}

}  // namespace pneumo::h5
