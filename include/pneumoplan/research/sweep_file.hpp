// The result of a sweep as an HDF5 file (docs/research.md, "Sweep file"): the sweep file's text, the design
// (unit coordinates and values of every point), each point's status and error, and the kept outputs' city
// values per point, replicate and year. The same content gives the same bytes, so the threaded run, the MPI run
// and the merge of Slurm shards are bit-identical files. A shard holds only its own points (the others missing).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pneumoplan/research/sweep_point.hpp"

namespace pneumo {

// 2: sealed (file_seal.hpp); dimension scales (point, parameter, replicate, year, output_names), units and
// descriptions on every dataset, the attribute saltelli_second_order.
inline constexpr std::int64_t kSweepFormatVersion = 2;

struct SweepData {
  std::string spec_text, fingerprint, scenario_name, design, package;
  std::int64_t seed = 0, sampling_seed = 0, replicates = 0, saltelli_base = 0, morris_trajectories = 0;
  double morris_delta = 0.0;
  bool saltelli_second_order = false;  // each base row also holds the points BA^(i) (second-order indices)
  // false: each point's replicates are streams no other point shares (attribute written only then, so that
  // files of sweeps with common random numbers stay as they were).
  bool common_random_numbers = true;
  std::vector<std::int64_t> years;
  std::vector<std::string> parameter_names, parameter_keys;
  std::vector<double> parameter_min, parameter_max;
  std::vector<std::int64_t> parameter_log_scale;
  std::vector<double> unit, value;  // [N][K]
  std::vector<std::string> outputs;
  std::vector<std::int64_t> status;   // [N]: 1 done, -1 failed, 0 missing
  std::vector<std::string> errors;    // [N]
  std::vector<std::vector<double>> output_values;  // [output] -> [N][R][Y], NaN where not done
  std::string shard;  // "K/T" for a shard, empty for a whole sweep

  std::size_t points() const { return status.size(); }
  std::size_t parameters() const { return parameter_names.size(); }
  std::size_t year_count() const { return years.size(); }
  // One point's mean over replicates of `output` in `year` (NaN if not done).
  double point_mean(std::size_t output, std::size_t point, int year) const;
  double point_mean_over(std::size_t output, std::size_t point, int first_year, int last_year) const;  // summed years
  std::size_t output_index(const std::string& name) const;  // throws UsageError naming the kept outputs
};

// Everything but the points' results, from the spec and plan; then add each finished point.
SweepData start_sweep_data(const SweepSpec& spec, const SweepPlan& plan, const SweepContext& context,
                           const Scenario& base, const std::string& fingerprint);
void add_point(SweepData& data, const PointResult& result);
// Point `n` of a sweep file as a result again (status missing where the file does not hold it).
PointResult point_result(const SweepData& data, std::size_t n);

void write_sweep_file(const std::string& path, const SweepData& data);
// Checks the seal before the HDF5 library reads a byte, then every length and shape before anything is
// allocated for it. Throws IoError for anything but a whole sweep file, and InputError (naming the file) when
// its outputs would not fit in the memory available.
SweepData read_sweep_file(const std::string& path);
// True when the file holds every point of its sweep (not a shard's, nor a merge with points missing).
bool complete(const SweepData& data);

}  // namespace pneumo
