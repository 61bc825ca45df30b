// Saved-state files (`pneumoplan run --save-state YEAR FILE`, docs/output-format.md): the state of every
// replicate at the start of a year (Simulation::save_state), in a sealed HDF5 file fingerprinted by the
// scenario's inputs (scenario.ini with its --set overrides and every CSV table) and the program's version and
// commit. `run --from-state FILE` continues from it, for the saved package or any package of the same
// scenario whose interventions act no earlier than the state's year, and refuses any other scenario,
// parameters or program version: a continued run is bit-identical to the same run from the first year.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/core/state_archive.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct SavedStates {
  std::string fingerprint;      // state_fingerprint of the scenario it was saved from
  std::string program_version, git_commit;
  std::string scenario_name, package;  // the package that ran up to the state
  int year = 0;                 // the states are of the start of this year
  std::uint64_t seed = 0;
  std::int64_t first_replicate = 0;
  std::vector<StateArchive> states;  // replicate first_replicate + r in states[r]
};

// 16 hexadecimal digits: FNV-1a over the scenario's input files (names and normalised contents, overrides
// included), the program version and its git commit.
std::string state_fingerprint(const Scenario& scenario);

// Writes `saved` atomically and sealed. Throws IoError naming `path`.
void write_state_file(const std::string& path, const SavedStates& saved);

// Reads a saved-state file; throws IoError naming `path` when it is missing, damaged, not sealed or of
// another kind.
SavedStates read_state_file(const std::string& path);

// Throws UsageError naming `path` when the states are not of `scenario`: another scenario, other inputs or
// parameters, another program version, or a year outside the scenario's. (Whether the selected package may
// continue them is the model's question: shared_history.hpp, check_package_continues.)
void check_states_fingerprint(const SavedStates& saved, const std::string& path, const Scenario& scenario);

}  // namespace pneumo
