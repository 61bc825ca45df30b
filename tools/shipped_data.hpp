// Where the shipped scenario packs, cohort files and sweep files are, so that an installed pneumoplan finds
// them from any folder ('pneumoplan run xuzhou', 'pneumoplan sweep scenarios/sweeps/xuzhou_sobol.ini'), and
// where results go by default.
//
// The data folder holds `scenarios/` (the city packs, `cohorts/`, `sweeps/`). It is, in this order: the folder
// in PNEUMOPLAN_DATA_DIR; `../share/pneumoplan` next to the executable's folder (an installed pneumoplan,
// wherever its prefix: /usr, /usr/local, or any `cmake --install --prefix`); the source tree it was built
// from (a build that is not installed).
#pragma once

#include <optional>
#include <string>

namespace pneumo::cli {

// The first candidate folder that holds `scenarios/`; nullopt when none does.
std::optional<std::string> shipped_data_folder();
// The candidates, for messages.
std::string shipped_data_candidates();

// A path given on the command line: as given when it exists (relative to the current folder, or absolute);
// otherwise, when it is relative and names something in the data folder — DATA/PATH or DATA/scenarios/PATH —
// that; otherwise as given (the reader then says what is missing).
std::string resolve_input_path(const std::string& given);

// Where results go when --out is not given: `output` in the current folder when it is writable; otherwise
// $XDG_DATA_HOME/pneumoplan/output (~/.local/share/pneumoplan/output), so a run started in a read-only folder
// (or from / by an installed pneumoplan) still has somewhere to write. Never inside the data folder.
std::string default_output_root();

}  // namespace pneumo::cli
