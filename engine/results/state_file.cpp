#include "pneumoplan/results/state_file.hpp"

#include <cstdio>
#include <map>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/fnv1a.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/results_file_kind.hpp"

namespace pneumo {
namespace {

constexpr std::int64_t kStateFormatVersion = 1;

hid_t native_type(StateElement element) {
  switch (element) {
    case StateElement::U8: return H5T_NATIVE_UINT8;
    case StateElement::I8: return H5T_NATIVE_INT8;
    case StateElement::U16: return H5T_NATIVE_UINT16;
    case StateElement::I16: return H5T_NATIVE_INT16;
    case StateElement::U32: return H5T_NATIVE_UINT32;
    case StateElement::I32: return H5T_NATIVE_INT32;
    case StateElement::U64: return H5T_NATIVE_UINT64;
    case StateElement::I64: return H5T_NATIVE_INT64;
    case StateElement::F32: return H5T_NATIVE_FLOAT;
    case StateElement::F64: return H5T_NATIVE_DOUBLE;
  }
  return H5T_NATIVE_UINT8;
}

StateElement element_of(const h5::RawDatasetType& type, const std::string& name) {
  if (type.floating) {
    if (type.bytes == 4) return StateElement::F32;
    if (type.bytes == 8) return StateElement::F64;
  } else {
    switch (type.bytes) {
      case 1: return type.is_signed ? StateElement::I8 : StateElement::U8;
      case 2: return type.is_signed ? StateElement::I16 : StateElement::U16;
      case 4: return type.is_signed ? StateElement::I32 : StateElement::U32;
      case 8: return type.is_signed ? StateElement::I64 : StateElement::U64;
      default: break;
    }
  }
  throw IoError("HDF5: " + name + " holds numbers of " + std::to_string(type.bytes) + " bytes, not a state column");
}

std::string replicate_group(std::int64_t replicate) {
  char name[32];
  std::snprintf(name, sizeof name, "replicate_%06lld", static_cast<long long>(replicate));
  return name;
}

}  // namespace

std::string state_fingerprint(const Scenario& scenario) {
  std::uint64_t h = kFnv1aStart;
  for (const auto& [name, contents] : scenario.input_files) {
    fnv1a_add_field(h, name);
    fnv1a_add_field(h, contents);
  }
  fnv1a_add_field(h, kProgramVersion);
  fnv1a_add_field(h, kGitCommit);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

void write_state_file(const std::string& path, const SavedStates& saved) {
  h5::write_sealed_file(path, [&](hid_t root) {
    h5::write_attribute(root, "format", std::string(kStateFormat));
    h5::write_attribute(root, "format_version", kStateFormatVersion);
    h5::write_attribute(root, "fingerprint", saved.fingerprint);
    h5::write_attribute(root, "program_version", saved.program_version);
    h5::write_attribute(root, "git_commit", saved.git_commit);
    h5::write_attribute(root, "scenario", saved.scenario_name);
    h5::write_attribute(root, "package", saved.package);
    h5::write_attribute(root, "year", static_cast<std::int64_t>(saved.year));
    // The seed is kept as text: a 64-bit unsigned number does not fit an HDF5 signed attribute.
    h5::write_attribute(root, "seed", std::to_string(saved.seed));
    h5::write_attribute(root, "first_replicate", saved.first_replicate);
    h5::write_attribute(root, "replicates", static_cast<std::int64_t>(saved.states.size()));
    h5::describe(root, "",
                 "The state of every replicate at the start of `year`, saved by pneumoplan run --save-state; "
                 "pneumoplan run --from-state continues it (docs/output-format.md).");
    for (std::size_t r = 0; r < saved.states.size(); ++r) {
      auto group = h5::create_group(root, replicate_group(saved.first_replicate + static_cast<std::int64_t>(r)));
      std::vector<std::string> names;
      std::map<std::string, h5::Handle> groups;
      for (const auto& [name, column] : saved.states[r].columns()) {
        names.push_back(name);
        // Columns are named component/column: one HDF5 group per component.
        const auto slash = name.find('/');
        hid_t parent = group.id();
        std::string leaf = name;
        if (slash != std::string::npos) {
          const std::string component = name.substr(0, slash);
          auto it = groups.find(component);
          if (it == groups.end()) it = groups.emplace(component, h5::create_group(group.id(), component)).first;
          parent = it->second.id();
          leaf = name.substr(slash + 1);
        }
        h5::write_raw_dataset(parent, leaf, native_type(column.element), column.count, column.bytes.data());
      }
      h5::write_strings(group.id(), "columns", names);
    }
  });
}

SavedStates read_state_file(const std::string& path) {
  if (const auto other = other_kind_message(path, kStateFormat)) throw IoError(*other);
  check_seal(path, "saved state");
  auto file = h5::open_file_read_only(path);
  SavedStates saved;
  try {
    const std::string format =
        h5::has_attribute(file.id(), "format") ? h5::read_string_attribute(file.id(), "format") : std::string();
    if (format != kStateFormat) throw IoError(path + ": " + file_kind_words(format) + ", not " + file_kind_words(kStateFormat));
    const auto version = h5::read_int_attribute(file.id(), "format_version");
    if (version != kStateFormatVersion) {
      throw IoError(path + ": a saved state of format version " + std::to_string(version) + "; this pneumoplan reads " +
                    std::to_string(kStateFormatVersion));
    }
    saved.fingerprint = h5::read_string_attribute(file.id(), "fingerprint");
    saved.program_version = h5::read_string_attribute(file.id(), "program_version");
    saved.git_commit = h5::read_string_attribute(file.id(), "git_commit");
    saved.scenario_name = h5::read_string_attribute(file.id(), "scenario");
    saved.package = h5::read_string_attribute(file.id(), "package");
    saved.year = static_cast<int>(h5::read_int_attribute(file.id(), "year"));
    saved.seed = std::stoull(h5::read_string_attribute(file.id(), "seed"));
    saved.first_replicate = h5::read_int_attribute(file.id(), "first_replicate");
    const auto replicates = h5::read_int_attribute(file.id(), "replicates");
    if (replicates < 1 || replicates > 100000) throw IoError("replicates " + std::to_string(replicates));
    for (std::int64_t r = 0; r < replicates; ++r) {
      auto group = h5::open_group(file.id(), replicate_group(saved.first_replicate + r));
      StateArchive archive;
      for (const auto& name : h5::read_strings(group.id(), "columns")) {
        const h5::RawDatasetType type = h5::raw_dataset_type(group.id(), name);
        StateArchive::Column column;
        column.element = element_of(type, name);
        column.count = type.count;
        column.bytes.resize(type.count * state_element_bytes(column.element));
        if (type.count > 0) h5::read_raw_dataset(group.id(), name, native_type(column.element), column.bytes.data());
        archive.put_column(name, std::move(column));
      }
      saved.states.push_back(std::move(archive));
    }
  } catch (const IoError& error) {
    const std::string what = error.what();
    if (what.rfind(path, 0) == 0) throw;
    throw IoError(path + ": damaged or incomplete saved state (" + what + ")");
  } catch (const std::logic_error& error) {  // std::stoull
    throw IoError(path + ": damaged saved state (seed: " + error.what() + ")");
  }
  return saved;
}

void check_states_fingerprint(const SavedStates& saved, const std::string& path, const Scenario& scenario) {
  const std::string fingerprint = state_fingerprint(scenario);
  if (saved.fingerprint != fingerprint) {
    throw UsageError("--from-state " + path + ": saved from scenario '" + saved.scenario_name + "' by pneumoplan " +
                     saved.program_version + " (" + saved.git_commit + "), fingerprint " + saved.fingerprint +
                     "; this run is of scenario '" + scenario.name + "' by pneumoplan " + kProgramVersion + " (" +
                     kGitCommit + "), fingerprint " + fingerprint +
                     ": expected the same scenario files, --set overrides and program version");
  }
  if (saved.year < scenario.first_year() || saved.year > scenario.last_year()) {
    throw UsageError("--from-state " + path + ": saved at the start of " + std::to_string(saved.year) +
                     ", outside the scenario's years");
  }
}

}  // namespace pneumo
