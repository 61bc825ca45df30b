// pneumoplan merge SHARD.h5... --out FILE.h5: joins the shards of a sweep (Slurm job array tasks) into the
// file a single run would have written, byte for byte.
#include <cstring>
#include <iostream>

#include "command_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/sweep_file.hpp"

namespace pneumo::cli {

int merge_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("shards", po::value<std::vector<std::string>>(), "Shard files written by 'pneumoplan sweep --shard K/T'.")
      ("out,o", po::value<std::string>(), "The joined sweep file to write (atomically).")
      ("quiet,q", "Print only the path of the result.");
  po::positional_options_description positional;
  positional.add("shards", -1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan merge SHARD.h5 ... --out FILE.h5",
                     "Joins the shards of one sweep. They must come from the same sweep file, scenario and program "
                     "(their fingerprints must agree); a point present in two shards must agree exactly. Points no "
                     "shard holds stay missing and are listed.")) {
    return 0;
  }
  if (!values.count("shards")) throw UsageError("expected shard files");
  if (!values.count("out")) throw UsageError("expected --out FILE.h5");
  const auto shards = values["shards"].as<std::vector<std::string>>();
  const std::string out = values["out"].as<std::string>();
  check_output_writable(out);
  SweepData merged = read_sweep_file(shards.front());
  merged.shard.clear();
  std::vector<std::string> source(merged.points());
  for (std::size_t n = 0; n < merged.points(); ++n) {
    if (merged.status[n] != 0) source[n] = shards.front();
  }
  for (std::size_t s = 1; s < shards.size(); ++s) {
    const SweepData shard = read_sweep_file(shards[s]);
    if (shard.fingerprint != merged.fingerprint) {
      throw InputError(shards[s], 0,
                       "belongs to another sweep (fingerprint " + shard.fingerprint + ", " + shards.front() + " has " +
                           merged.fingerprint + "): merge only the shards of one 'pneumoplan sweep --slurm-array'");
    }
    for (std::size_t n = 0; n < shard.points(); ++n) {
      if (shard.status[n] == 0) continue;
      const PointResult r = point_result(shard, n);
      if (merged.status[n] != 0) {
        const PointResult have = point_result(merged, n);
        const bool same_values = have.values.size() == r.values.size() &&
                                 std::memcmp(have.values.data(), r.values.data(), r.values.size() * sizeof(double)) == 0;
        if (have.status != r.status || !same_values) {
          throw InputError(shards[s], 0, "point " + std::to_string(n) + " differs from " + source[n]);
        }
        continue;
      }
      add_point(merged, r);
      source[n] = shards[s];
    }
  }
  write_sweep_file(out, merged);
  std::size_t missing = 0, failed = 0;
  for (std::size_t n = 0; n < merged.points(); ++n) {
    missing += merged.status[n] == 0;
    failed += merged.status[n] == -1;
  }
  if (values.count("quiet")) {
    std::cout << out << "\n";
  } else {
    std::cout << "Merged " << shards.size() << " shards: " << merged.points() - missing - failed << " of "
              << merged.points() << " points done, " << failed << " failed, " << missing << " missing\nResults: " << out
              << "\n";
  }
  if (missing > 0) {
    std::cerr << missing << " point(s) are in no shard (first:";
    std::size_t shown = 0;
    for (std::size_t n = 0; n < merged.points() && shown < 10; ++n) {
      if (merged.status[n] == 0) {
        std::cerr << " " << n;
        ++shown;
      }
    }
    std::cerr << "); run the missing shards and merge again\n";
    return 1;
  }
  return failed > 0 ? 1 : 0;
}

}  // namespace pneumo::cli
