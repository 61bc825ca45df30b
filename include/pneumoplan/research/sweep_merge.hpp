// Joining the shards of a sweep (pneumoplan merge): the file a single run would have written, byte for byte.
// Shards must come from the same sweep (equal fingerprints), and a point held by two shards must agree
// exactly. Points no shard holds are reported, never passed off as part of a whole sweep.
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/research/sweep_file.hpp"

namespace pneumo {

struct MergedSweep {
  SweepData data;
  std::vector<std::size_t> missing;  // points no shard holds, in order
};

// Reads every shard (read_sweep_file) and joins them; throws IoError naming the shard that belongs to another
// sweep or disagrees with an earlier one.
MergedSweep merge_sweep_shards(const std::vector<std::string>& shard_paths);

}  // namespace pneumo
