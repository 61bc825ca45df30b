// Reads a results file written by pneumoplan run (docs/output-format.md): provenance, axes, the plan's
// targets and any per-replicate output. A file that is not a pneumoplan results file, has another format
// version, is damaged (its seal does not match, file_seal.hpp) or lacks what is asked for is refused with
// IoError naming the file. What it returns is consistent: years consecutive, regions ending with the city,
// targets complete, and every output shaped [replicates, years, ...] along the file's own axes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/plan_target.hpp"

namespace pneumo {

struct ResultsArray {
  std::vector<std::size_t> shape;  // [replicate, year, ...]
  std::vector<double> values;
};

struct ResultsFile {
  std::string path;
  std::string scenario_name, program_version, git_commit;
  std::int64_t seed = 0, replicates = 0;
  std::vector<std::int64_t> years;
  std::vector<std::int64_t> region_codes;  // last = 0, the city
  std::vector<std::string> region_names_zh, region_names_en;
  std::size_t townships = 0;               // township axis length (last = outside the city)
  std::vector<PlanTarget> targets;
  std::string resolved_ini;  // every parameter as the run used it

  // /replicates/<name>, of shape output_shape(name); throws IoError when the file holds anything else.
  ResultsArray read_output(const std::string& name) const;
  std::vector<std::size_t> output_shape(const std::string& name) const;  // from the catalogue and the axes
};

ResultsFile open_results_file(const std::string& path);

}  // namespace pneumo
