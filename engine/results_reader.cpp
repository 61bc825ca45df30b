#include "pneumoplan/results_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

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
    r.stage_names = h5::read_strings(axes.id(), "stage");
    r.township_codes = h5::read_int64s(axes.id(), "township_code");
    r.township_names_zh = h5::read_strings(axes.id(), "township_name_zh");
    r.township_region_index = h5::read_int64s(axes.id(), "township_region_index");
    r.township_lon = h5::read_doubles(axes.id(), "township_lon");
    r.township_lat = h5::read_doubles(axes.id(), "township_lat");
    r.township_point_approximate = h5::read_int64s(axes.id(), "township_point_approximate");
    const std::size_t townships = r.township_codes.size();
    if (r.years.empty() || r.region_codes.empty() || r.region_names_zh.size() != r.region_codes.size() ||
        r.region_names_en.size() != r.region_codes.size() || r.township_names_zh.size() != townships ||
        r.township_region_index.size() != townships || r.township_lon.size() != townships ||
        r.township_lat.size() != townships || r.township_point_approximate.size() != townships) {
      throw IoError(path + ": damaged results file (/axes datasets of inconsistent lengths)");
    }
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

ResultsSummary ResultsFile::read_summary(const std::string& name) const {
  auto file = h5::open_file_read_only(path);
  try {
    auto summaries = h5::open_group(file.id(), "summary");
    auto group = h5::open_group(summaries.id(), name);
    ResultsSummary s;
    for (const auto d : h5::dataset_dims(group.id(), "mean")) s.shape.push_back(static_cast<std::size_t>(d));
    s.mean = h5::read_doubles(group.id(), "mean");
    s.p5 = h5::read_doubles(group.id(), "p5");
    s.p50 = h5::read_doubles(group.id(), "p50");
    s.p95 = h5::read_doubles(group.id(), "p95");
    if (s.p5.size() != s.mean.size() || s.p50.size() != s.mean.size() || s.p95.size() != s.mean.size()) {
      throw IoError("mean and percentiles of different sizes");
    }
    return s;
  } catch (const IoError& error) {
    throw IoError(path + ": cannot read summary " + name + " (" + error.what() + ")");
  }
}

std::optional<std::string> ResultsFile::read_input(const std::string& file_name) const {
  auto file = h5::open_file_read_only(path);
  try {
    auto scenario = h5::open_group(file.id(), "scenario");
    auto inputs = h5::open_group(scenario.id(), "inputs");
    if (!h5::has_link(inputs.id(), file_name)) return std::nullopt;
    return h5::read_string(inputs.id(), file_name);
  } catch (const IoError& error) {
    throw IoError(path + ": cannot read input file " + file_name + " (" + error.what() + ")");
  }
}

std::string ResultsFile::resolved_parameter(const std::string& section_dot_key) const {
  const auto dot = section_dot_key.rfind('.');
  std::string section(1, '[');  // appended: GCC 12 warns falsely (-Wrestrict) about "[" + std::string
  section += section_dot_key.substr(0, dot);
  section += ']';
  const std::string key = section_dot_key.substr(dot + 1);
  std::istringstream lines(resolved_ini);
  std::string line, current;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.front() == '[') {
      current = line;
      continue;
    }
    if (current != section || line.rfind(key + " = ", 0) != 0) continue;
    std::string value = line.substr(key.size() + 3);
    const auto comment = value.find("  #");
    if (comment != std::string::npos) value.resize(comment);
    return value;
  }
  return "";
}

std::optional<YearSpan> ResultsFile::plan_period() const {
  if (targets.empty()) return std::nullopt;
  YearSpan span{targets.front().plan_first_year, targets.front().plan_last_year};
  for (const auto& t : targets) {
    span.first = std::min(span.first, t.plan_first_year);
    span.last = std::max(span.last, t.plan_last_year);
  }
  return span;
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
