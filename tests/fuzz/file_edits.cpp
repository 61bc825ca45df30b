#include "file_edits.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "fuzz_scratch_scenario.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace pneumo::fuzz {
namespace {

constexpr std::size_t kRecordBytes = 16;
constexpr std::size_t kMaxRecords = 16;
constexpr hsize_t kHugeExtent = hsize_t{1} << 31;
constexpr hsize_t kMaxWrittenValues = 4096;  // larger datasets are created without data

struct Record {
  std::uint8_t op, rank, dims[3], type;
  std::uint16_t target;
  unsigned char value[8];
};

Record parse_record(const char* bytes) {
  Record r{};
  const auto* b = reinterpret_cast<const unsigned char*>(bytes);
  r.op = b[0];
  r.target = static_cast<std::uint16_t>(b[1] | (b[2] << 8));
  r.rank = b[3];
  std::memcpy(r.dims, b + 4, 3);
  r.type = b[7];
  std::memcpy(r.value, b + 8, 8);
  return r;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct Listing {
  hid_t file;
  std::vector<std::pair<std::string, std::string>>* targets;
};

herr_t list_attribute(hid_t, const char* name, const H5A_info_t*, void* data) {
  auto* where = static_cast<std::pair<Listing*, std::string>*>(data);
  where->first->targets->emplace_back(where->second, name);
  return 0;
}

herr_t list_object(hid_t, const char* name, const H5O_info_t* info, void* data) {
  auto* listing = static_cast<Listing*>(data);
  const std::string path = std::string(name) == "." ? "/" : "/" + std::string(name);
  if (info->type == H5O_TYPE_DATASET) listing->targets->emplace_back(path, "");
  std::pair<Listing*, std::string> where{listing, path};
  const hid_t object = H5Oopen(listing->file, path.c_str(), H5P_DEFAULT);
  if (object >= 0) {
    H5Aiterate2(object, H5_INDEX_NAME, H5_ITER_INC, nullptr, list_attribute, &where);
    H5Oclose(object);
  }
  return 0;
}

// The file type, memory type and memory buffer for the value a record asks for; empty type = null value.
struct Value {
  hid_t file_type = H5I_INVALID_HID;  // owned when `owned`
  bool owned = false;
  std::vector<unsigned char> bytes;   // one element's worth, repeated for every element written
  std::vector<const char*> strings;   // for variable-length strings
  std::string text;
};

// Attributes hold their values in the object header, which HDF5 allocates and zeroes at creation: only
// datasets get the huge extents.
hid_t space_for(const Record& r, bool huge_allowed, hsize_t& elements) {
  const int rank = r.rank % 4;
  if (r.op % 6 == 4) {  // a null dataspace: an object with no value at all
    elements = 0;
    return H5Screate(H5S_NULL);
  }
  hsize_t dims[3];
  elements = 1;
  for (int k = 0; k < rank; ++k) {
    dims[k] = r.dims[k] == 255 && huge_allowed ? kHugeExtent : r.dims[k] % 16;
    elements *= dims[k];
  }
  return rank == 0 ? H5Screate(H5S_SCALAR) : H5Screate_simple(rank, dims, nullptr);
}

void apply(hid_t file, const std::string& object, const std::string& attribute, const Record& r) {
  const int op = r.op % 6;
  if (attribute.empty()) {
    H5Ldelete(file, object.c_str(), H5P_DEFAULT);
  } else {
    H5Adelete_by_name(file, object.c_str(), attribute.c_str(), H5P_DEFAULT);
  }
  if (op == 0) return;  // deleted
  if (op == 5) {        // a group where a dataset was (attributes: a deletion)
    if (attribute.empty()) {
      const hid_t group = H5Gcreate2(file, object.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      if (group >= 0) H5Gclose(group);
    }
    return;
  }
  hsize_t elements = 0;
  const hid_t space = space_for(r, attribute.empty(), elements);
  hid_t type = H5T_STD_I64LE;
  hid_t memory_type = H5T_NATIVE_INT64;
  bool owned = false;
  std::string text(reinterpret_cast<const char*>(r.value), 8);
  if (op == 1 && r.type % 2 == 1) {
    type = H5T_IEEE_F64LE;
    memory_type = H5T_NATIVE_DOUBLE;
  } else if (op == 2 || op == 3) {
    type = H5Tcopy(H5T_C_S1);
    owned = true;
    H5Tset_size(type, op == 2 ? H5T_VARIABLE : 8);
    H5Tset_cset(type, r.type % 2 ? H5T_CSET_UTF8 : H5T_CSET_ASCII);
    memory_type = type;
  }
  hid_t created = H5I_INVALID_HID;
  if (attribute.empty()) {
    // A huge extent is chunked, so it takes no room in the file until written (a contiguous one would be
    // allocated at close, and every check of the seal would then read gigabytes).
    const hid_t create = H5Pcreate(H5P_DATASET_CREATE);
    const int rank = H5Sget_simple_extent_ndims(space);
    if (rank > 0 && elements > kMaxWrittenValues) {
      std::vector<hsize_t> chunk(static_cast<std::size_t>(rank), 1);
      H5Pset_chunk(create, rank, chunk.data());
    }
    created = H5Dcreate2(file, object.c_str(), type, space, H5P_DEFAULT, create, H5P_DEFAULT);
    H5Pclose(create);
  } else {
    created = H5Acreate_by_name(file, object.c_str(), attribute.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT,
                                H5P_DEFAULT);
  }
  if (created >= 0 && elements > 0 && elements <= kMaxWrittenValues) {
    std::vector<unsigned char> numbers;
    std::vector<const char*> strings;
    const void* buffer = nullptr;
    if (op == 2) {
      strings.assign(elements, text.c_str());
      buffer = strings.data();
    } else {
      numbers.resize(elements * 8);
      for (hsize_t k = 0; k < elements; ++k) std::memcpy(numbers.data() + k * 8, r.value, 8);
      buffer = numbers.data();
    }
    if (attribute.empty()) {
      H5Dwrite(created, memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buffer);
    } else {
      H5Awrite(created, memory_type, buffer);
    }
  }
  if (created >= 0) attribute.empty() ? H5Dclose(created) : H5Aclose(created);
  if (space >= 0) H5Sclose(space);
  if (owned) H5Tclose(type);
}

}  // namespace

std::string bytes_written_by(const std::function<void(const std::string& path)>& write) {
  h5::quiet_errors();
  const ScratchFile made("base.h5");
  write(made.path());
  return read_all(made.path());
}

EditableResults::EditableResults()
    : EditableFile(bytes_written_by([](const std::string& path) {
        const Scenario scenario =
            load_scenario(PNEUMO_FUZZ_SCENARIO_DIR, {"simulation.start_year=2019", "simulation.end_year=2025"});
        RunRequest request;
        request.seed = 7;
        request.replicates = 2;
        write_results_file(path, scenario, run_replicates(scenario, request), request.seed);
      })) {}

EditableFile::EditableFile(std::string base_bytes) : base_bytes_(std::move(base_bytes)) {
  h5::quiet_errors();
  const ScratchFile made("listed.h5");
  made.write(base_bytes_);
  std::vector<std::pair<std::string, std::string>> found;
  const hid_t file = H5Fopen(made.path().c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) report_bug("cannot open the base file");
  Listing listing{file, &found};
  H5Ovisit2(file, H5_INDEX_NAME, H5_ITER_INC, list_object, &listing, H5O_INFO_BASIC);
  H5Fclose(file);
  for (auto& [object, attribute] : found) targets_.push_back({object, attribute});
  if (targets_.empty()) report_bug("the base file lists no objects");
}

void EditableFile::write_edited(const std::string& path, const std::string& records) const {
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(base_bytes_.data(), static_cast<std::streamsize>(base_bytes_.size()));
  }
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
  if (file < 0) report_bug("cannot open a copy of the base file for editing");
  // A few edits make any damage; thousands (an input crossed over with a raw file) only slow the fuzzer.
  const std::size_t length = std::min(records.size(), kMaxRecords * kRecordBytes);
  for (std::size_t at = 0; at + kRecordBytes <= length; at += kRecordBytes) {
    const Record r = parse_record(records.data() + at);
    const Target& t = targets_[r.target % targets_.size()];
    apply(file, t.object, t.attribute, r);
  }
  H5Fclose(file);
  seal_file(path);
}

}  // namespace pneumo::fuzz
