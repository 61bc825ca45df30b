// pneumoplan merge SHARD.h5... --out FILE.h5: joins the shards of a sweep (Slurm job array tasks) into the
// file a single run would have written, byte for byte.
#include <iostream>

#include "command_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_merge.hpp"

namespace pneumo::cli {

void require_complete(const SweepData& sweep, const std::string& path) {
  if (!sweep.shard.empty()) {
    throw InputError(path, 0, "expected a whole sweep, found shard " + sweep.shard +
                                  ", which holds only its own points: join the shards with 'pneumoplan merge' first");
  }
  std::size_t missing = 0;
  for (const auto s : sweep.status) missing += s == 0;
  if (missing > 0) {
    throw InputError(path, 0, "expected a whole sweep, found " + std::to_string(missing) + " of its " +
                                  std::to_string(sweep.points()) + " points missing");
  }
}

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
                     "(their fingerprints must agree); a point present in two shards must agree exactly. When points are "
                     "in no shard given, they are listed and nothing is written (exit code 1): an incomplete sweep "
                     "is never written under the final name.")) {
    return 0;
  }
  if (!values.count("shards")) throw UsageError("expected shard files");
  if (!values.count("out")) throw UsageError("expected --out FILE.h5");
  const auto shards = values["shards"].as<std::vector<std::string>>();
  const std::string out = values["out"].as<std::string>();
  {
    CommandPaths paths;
    for (const auto& shard : shards) paths.input(shard, "a shard file");
    paths.output(out, "--out");
    paths.check();
  }
  check_output_writable(out);
  const MergedSweep joined = merge_sweep_shards(shards);
  const SweepData& merged = joined.data;
  std::size_t failed = 0;
  for (const auto status : merged.status) failed += status == -1;
  if (!joined.missing.empty()) {
    // An incomplete sweep under the final name would be taken for a whole one: nothing is written.
    std::string first;
    for (std::size_t k = 0; k < joined.missing.size() && k < 10; ++k) {
      first += ' ';  // appended piece by piece: GCC 12 warns falsely (-Wrestrict) about " " + std::string
      first += std::to_string(joined.missing[k]);
    }
    throw IoError(std::to_string(joined.missing.size()) + " of the sweep's " + std::to_string(merged.points()) +
                  " points are in no shard given (first:" + first + "); run the missing shards and merge again. " +
                  "Nothing was written to " + out);
  }
  write_sweep_file(out, merged);
  if (values.count("quiet")) {
    std::cout << out << "\n";
  } else {
    std::cout << "Merged " << shards.size() << " shards: " << merged.points() - failed << " of " << merged.points()
              << " points done, " << failed << " failed\nResults: " << out << "\n";
  }
  return failed > 0 ? 1 : 0;
}

}  // namespace pneumo::cli
