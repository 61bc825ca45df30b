// libFuzzer harness for the sweep reader and merge, read the way `sensitivity`, `calibrate` and `merge` read
// a file. The first byte chooses how the file is made from the rest:
//   byte % 4 == 0: the bytes are the file itself (refused by its seal unless it is a real sweep file);
//   1: edits (file_edits.hpp) applied with the HDF5 library to a real whole sweep, sealed again;
//   2: the same to a real shard, which is then merged with the other shard;
//   3: the bytes are a shard, merged with a real one.
// Refusals are IoError, InputError or UsageError (an output the file does not keep); any other exception,
// a crash or a sanitizer report is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "file_edits.hpp"
#include "fuzz_scratch_scenario.hpp"
#include "sweep_files.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/calibration.hpp"
#include "pneumoplan/research/sensitivity.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_merge.hpp"

namespace {

void analyse_like_the_commands(const pneumo::SweepData& sweep) {
  const std::size_t K = sweep.parameters();
  for (std::size_t o = 0; o < sweep.outputs.size(); ++o) {
    std::vector<double> f(sweep.points());
    for (std::size_t n = 0; n < sweep.points(); ++n) {
      f[n] = sweep.point_mean_over(o, n, static_cast<int>(sweep.years.front()), static_cast<int>(sweep.years.back()));
    }
    pneumo::SobolOptions sobol;
    sobol.resamples = 10;
    sobol.second_order = sweep.saltelli_second_order;
    (void)pneumo::sobol_indices(f, K, sobol);
    (void)pneumo::morris_effects(sweep.unit, f, K);
  }
  pneumo::Observation o;
  o.first_year = static_cast<int>(sweep.years.front());
  o.last_year = static_cast<int>(sweep.years.back());
  o.value = 10.0;
  o.path = "observed.csv";
  o.line = 2;
  (void)pneumo::calibrate(sweep, sweep.outputs.front(), {o}, 0.5);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchFile file("sweep.h5");
  static const pneumo::fuzz::ScratchFile other("shard-1.h5");
  static const pneumo::fuzz::EditableFile whole(pneumo::fuzz::sweep_files().whole);
  static const pneumo::fuzz::EditableFile shard(pneumo::fuzz::sweep_files().shard0);
  static const bool ready = (other.write(pneumo::fuzz::sweep_files().shard1), true);
  (void)ready;
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const int mode = data[0] % 4;
  if (mode == 0 || mode == 3) file.write(rest);
  if (mode == 1) whole.write_edited(file.path(), rest);
  if (mode == 2) shard.write_edited(file.path(), rest);
  try {
    if (mode <= 1) {
      const pneumo::SweepData sweep = pneumo::read_sweep_file(file.path());
      if (pneumo::complete(sweep)) analyse_like_the_commands(sweep);
    } else {
      const pneumo::MergedSweep merged = pneumo::merge_sweep_shards({file.path(), other.path()});
      if (merged.missing.empty()) analyse_like_the_commands(merged.data);
    }
  } catch (const pneumo::IoError&) {
  } catch (const pneumo::InputError&) {
  } catch (const pneumo::UsageError&) {
  }
  return 0;
}
