// Reads a results file written by pneumoplan run (docs/output-format.md): provenance, axes, the plan's
// targets, any per-replicate output or its summary over replicates, and the scenario's input files. A file that
// is not a pneumoplan results file, has another format version, is damaged (its seal does not match,
// file_seal.hpp) or lacks what is asked for is refused with IoError naming the file. What it returns is
// consistent: years consecutive, regions ending with the city, targets complete, and every output shaped
// [replicates, years, ...] along the file's own axes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/scenario/plan_target.hpp"

namespace pneumo {

struct ResultsArray {
  std::vector<std::size_t> shape;  // [replicate, year, ...]
  std::vector<double> values;
};

// /summary/<output>: mean and percentiles over replicates, shape [year, ...].
struct ResultsSummary {
  std::vector<std::size_t> shape;
  std::vector<double> mean, p5, p50, p95;
};

struct YearSpan {
  int first = 0, last = 0;  // inclusive
};

struct ResultsFile {
  std::string path;
  std::string scenario_name, program_version, git_commit;
  std::string city_name_zh, city_name_en;  // display names (scenario.ini [city]); the folder name if none
  std::string package = "baseline";        // the policy package simulated
  std::int64_t seed = 0, replicates = 0;
  std::vector<std::int64_t> years;
  std::int64_t format_version = 0;         // 2 or 3 (docs/output-format.md)
  std::vector<std::int64_t> region_codes;  // last: the city (its own code from version 3; 0 in version 2)
  std::vector<std::string> region_names_zh, region_names_en;
  std::vector<std::string> stage_names;    // I, II, III
  // Townships in townships.csv order, then "outside the city" (code 0, region index -1, no point).
  std::size_t townships = 0;               // township axis length (last = outside the city)
  std::vector<std::int64_t> township_codes;
  std::vector<std::string> township_names_zh;
  std::vector<std::string> township_names_en;  // empty strings where the scenario has no romanised names
  std::vector<std::int64_t> township_region_index;
  std::vector<double> township_lon, township_lat;  // GCJ-02 degrees; NaN for outside
  std::vector<std::int64_t> township_point_approximate;
  std::size_t interventions = 1;           // intervention axis length (last = total)
  std::vector<std::string> intervention_names, intervention_types;  // [interventions - 1]
  std::vector<std::int64_t> intervention_in_package;                // 1 where the package runs it
  std::vector<PlanTarget> targets;
  // /indicators/from_inputs: [indicator][region] 1 where the run computed the value from inputs alone.
  std::vector<std::vector<std::uint8_t>> indicator_from_inputs;
  std::string resolved_ini;  // every parameter as the run used it

  // /replicates/<name>, of shape output_shape(name); throws IoError when the file holds anything else.
  ResultsArray read_output(const std::string& name) const;
  std::vector<std::size_t> output_shape(const std::string& name) const;  // from the catalogue and the axes
  ResultsSummary read_summary(const std::string& name) const;  // /summary/<name>
  // /scenario/inputs: the exact text of the input file named `file` ("scenario.ini", kOverridesInput); nullopt
  // when the scenario had none.
  std::optional<std::string> read_input(const std::string& file) const;
  // The value of "section.key" in resolved_ini ("" when absent).
  std::string resolved_parameter(const std::string& section_dot_key) const;
  std::size_t city_region() const { return region_codes.size() - 1; }
  const std::string& city_name(Language language) const {
    return language == Language::Chinese ? city_name_zh : city_name_en;
  }
  const std::string& region_name(std::size_t region, Language language) const {
    return language == Language::Chinese ? region_names_zh[region] : region_names_en[region];
  }
  // The township's name in `language` (Chinese where no romanised name exists).
  const std::string& township_name(std::size_t township, Language language) const;
  bool from_inputs(IndicatorId id, std::size_t region) const {
    return indicator_from_inputs[static_cast<std::size_t>(id)][region] != 0;
  }
  std::size_t year_index(int year) const { return static_cast<std::size_t>(year - years.front()); }
  // The plan period of the indicator table (earliest first year to latest last year); nullopt without targets.
  std::optional<YearSpan> plan_period() const;
};

ResultsFile open_results_file(const std::string& path);

}  // namespace pneumo
