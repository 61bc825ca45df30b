// An integrity seal for every HDF5 file pneumoplan writes: results, comparisons, sweeps and their shards.
// HDF5 leaves a "user block" at the start of a file to its owner:
// the writer reserves kSealBytes there and, once the file is complete and closed, fills it with a short
// text header and a checksum of every byte after it. Readers check the seal before the HDF5 library
// parses anything, so a truncated, damaged or half-copied file is refused with a clear message instead of
// being handed to a library that can crash on damaged metadata (docs/reliability.md). The checksum
// (64-bit FNV-1a) detects accidental damage; it is not a signature against deliberate tampering.
#pragma once

#include <cstdint>
#include <string>

namespace pneumo {

inline constexpr std::uint64_t kSealBytes = 512;  // the HDF5 user block: a power of two, at least 512

// Writes the seal of the complete file at `path` (whose first kSealBytes are reserved). Throws IoError.
void seal_file(const std::string& path);

// Throws IoError naming `path` and what is wrong when the file is missing, not sealed, shorter or longer than
// sealed, or its contents (or the seal's own padding) changed after sealing. `kind` names what the file
// should be ("results file", "sweep file"). An interrupted set of outputs in the file's folder is completed
// first (settle_output_sets), so a reader never sees half of one.
void check_seal(const std::string& path, const std::string& kind = "results file");

}  // namespace pneumo
