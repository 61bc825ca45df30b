#include "pneumoplan/results_reader.hpp"

#include <cmath>

#include "pneumoplan/error.hpp"
#include "pneumoplan/hdf5_io.hpp"
#include "pneumoplan/results_file.hpp"

namespace pneumo {

ResultsFile open_results_file(const std::string& path) {
  ResultsFile r;
  r.path = path;
  auto file = h5::open_file_read_only(path);
  try {
    const hid_t root = file.id();
    if (h5::read_string_attribute(root, "format") != "pneumoplan-results") {
      throw IoError(path + ": expected a pneumoplan results file (attribute format = pneumoplan-results)");
    }
    const auto version = h5::read_int_attribute(root, "format_version");
    if (version != kResultsFormatVersion) {
      throw IoError(path + ": results format version " + std::to_string(version) + "; this program reads version " +
                    std::to_string(kResultsFormatVersion));
    }
    r.scenario_name = h5::read_string_attribute(root, "scenario_name");
    r.program_version = h5::read_string_attribute(root, "program_version");
    r.git_commit = h5::read_string_attribute(root, "git_commit");
    r.seed = h5::read_int_attribute(root, "seed");
    r.replicates = h5::read_int_attribute(root, "replicates");
    {
      auto scenario = h5::open_group(root, "scenario");
      r.resolved_ini = h5::read_string(scenario.id(), "resolved_ini");
    }
    auto axes = h5::open_group(root, "axes");
    r.years = h5::read_int64s(axes.id(), "year");
    r.region_codes = h5::read_int64s(axes.id(), "region_code");
    r.region_names_zh = h5::read_strings(axes.id(), "region_name_zh");
    r.region_names_en = h5::read_strings(axes.id(), "region_name_en");
    auto targets = h5::open_group(root, "targets");
    const auto keys = h5::read_strings(targets.id(), "indicator_key");
    const auto numbers = h5::read_int64s(targets.id(), "indicator_no");
    const auto texts = h5::read_strings(targets.id(), "indicator_zh");
    const auto comparators = h5::read_strings(targets.id(), "comparator");
    const auto values = h5::read_doubles(targets.id(), "target");
    const auto units = h5::read_strings(targets.id(), "unit");
    const auto first = h5::read_int64s(targets.id(), "plan_first_year");
    const auto last = h5::read_int64s(targets.id(), "plan_last_year");
    const auto binding = h5::read_int64s(targets.id(), "binding");
    for (std::size_t k = 0; k < keys.size(); ++k) {
      PlanTarget t;
      const auto id = find_indicator(keys[k]);
      if (!id) throw IoError(path + ": unknown indicator '" + keys[k] + "' in /targets");
      t.indicator = *id;
      t.number = static_cast<int>(numbers.at(k));
      t.text_zh = texts.at(k);
      const std::string& c = comparators.at(k);
      t.comparator = c == ">=" ? Comparator::AtLeast : c == "<=" ? Comparator::AtMost : Comparator::Increasing;
      t.target = values.at(k);
      t.unit = units.at(k);
      t.plan_first_year = static_cast<int>(first.at(k));
      t.plan_last_year = static_cast<int>(last.at(k));
      t.binding = binding.at(k) != 0;
      r.targets.push_back(t);
    }
  } catch (const IoError& error) {
    const std::string message = error.what();
    if (message.rfind(path, 0) == 0) throw;
    throw IoError(path + ": damaged or incomplete results file (" + message + ")");
  } catch (const std::out_of_range&) {
    throw IoError(path + ": damaged results file (/targets datasets of different lengths)");
  }
  return r;
}

ResultsArray ResultsFile::read_output(const std::string& name) const {
  auto file = h5::open_file_read_only(path);
  try {
    auto group = h5::open_group(file.id(), "replicates");
    ResultsArray a;
    for (const auto d : h5::dataset_dims(group.id(), name)) a.shape.push_back(static_cast<std::size_t>(d));
    a.values = h5::read_doubles(group.id(), name);
    return a;
  } catch (const IoError& error) {
    throw IoError(path + ": cannot read output " + name + " (" + error.what() + ")");
  }
}

}  // namespace pneumo
