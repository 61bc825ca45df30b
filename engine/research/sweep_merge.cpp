#include "pneumoplan/research/sweep_merge.hpp"

#include <cstring>

#include "pneumoplan/core/error.hpp"

namespace pneumo {

MergedSweep merge_sweep_shards(const std::vector<std::string>& shard_paths) {
  if (shard_paths.empty()) throw UsageError("expected shard files");
  MergedSweep merged;
  SweepData& data = merged.data;
  data = read_sweep_file(shard_paths.front());
  data.shard.clear();
  std::vector<std::string> source(data.points());
  for (std::size_t n = 0; n < data.points(); ++n) {
    if (data.status[n] != 0) source[n] = shard_paths.front();
  }
  for (std::size_t s = 1; s < shard_paths.size(); ++s) {
    const SweepData shard = read_sweep_file(shard_paths[s]);
    if (shard.fingerprint != data.fingerprint) {
      // Shards of two sweeps on one command line: a bad command line (exit 2), not a failed merge.
      throw InputError(shard_paths[s], 0,
                       "belongs to another sweep (fingerprint " + shard.fingerprint + ", " + shard_paths.front() +
                           " has " + data.fingerprint + "): merge only the shards of one 'pneumoplan sweep --slurm-array'");
    }
    // Equal fingerprints promise equal sweeps; a damaged or edited file could still disagree in shape.
    if (shard.points() != data.points() || shard.replicates != data.replicates || shard.years != data.years ||
        shard.outputs != data.outputs) {
      throw IoError(shard_paths[s] + ": has the fingerprint of " + shard_paths.front() +
                    " but not its points, replicates, years or outputs");
    }
    for (std::size_t n = 0; n < shard.points(); ++n) {
      if (shard.status[n] == 0) continue;
      const PointResult r = point_result(shard, n);
      if (data.status[n] != 0) {
        const PointResult have = point_result(data, n);
        const bool same_values = have.values.size() == r.values.size() &&
                                 std::memcmp(have.values.data(), r.values.data(), r.values.size() * sizeof(double)) == 0;
        if (have.status != r.status || !same_values) {
          throw IoError(shard_paths[s] + ": point " + std::to_string(n) + " differs from " + source[n]);
        }
        continue;
      }
      add_point(data, r);
      source[n] = shard_paths[s];
    }
  }
  for (std::size_t n = 0; n < data.points(); ++n) {
    if (data.status[n] == 0) merged.missing.push_back(n);
  }
  return merged;
}

}  // namespace pneumo
