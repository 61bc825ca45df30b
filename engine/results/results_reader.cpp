#include "pneumoplan/results/results_reader.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/results/results_file_kind.hpp"
#include "pneumoplan/scenario/scenario.hpp"
#include "pneumoplan/scenario/disease_stage.hpp"
#include "pneumoplan/scenario/industry.hpp"

namespace pneumo {
namespace {

// Bounds a well-formed file cannot exceed (the loader's own limits), so a damaged length is refused before
// anything is allocated for it.
constexpr std::int64_t kMaxReplicates = 100000;
constexpr std::size_t kMaxYears = 251;
constexpr std::size_t kMaxRegions = 60001;
constexpr std::size_t kMaxTownships = 65535;
constexpr std::size_t kMaxTargets = 1000;
constexpr std::size_t kMaxInterventions = 10000;

[[noreturn]] void damaged(const std::string& what) { throw IoError(what); }

// The length of the 1-D dataset `name`, refused when it is not 1-D or longer than `max`.
std::size_t list_length(hid_t group, const std::string& name, std::size_t max) {
  const auto dims = h5::dataset_dims(group, name);
  if (dims.size() != 1) damaged(name + " is not a list (rank " + std::to_string(dims.size()) + ")");
  if (dims[0] > max) damaged(name + " has " + std::to_string(dims[0]) + " entries, more than " + std::to_string(max));
  return static_cast<std::size_t>(dims[0]);
}

void expect_length(hid_t group, const std::string& name, std::size_t length) {
  const auto dims = h5::dataset_dims(group, name);
  if (dims.size() != 1 || dims[0] != length) {
    damaged(name + " does not have the " + std::to_string(length) + " entries of its axis");
  }
}

void read_axes(hid_t root, ResultsFile& r) {
  auto axes = h5::open_group(root, "axes");
  list_length(axes.id(), "year", kMaxYears);
  r.years = h5::read_int64s(axes.id(), "year");
  if (r.years.empty()) damaged("/axes/year is empty");
  for (std::size_t k = 0; k < r.years.size(); ++k) {
    if (r.years[k] != r.years.front() + static_cast<std::int64_t>(k) || r.years[k] < 1800 || r.years[k] > 2300) {
      damaged("/axes/year is not a run of consecutive years between 1800 and 2300");
    }
  }
  const std::size_t regions = list_length(axes.id(), "region_code", kMaxRegions);
  if (regions < 2) damaged("/axes/region_code lacks a county and the city");
  expect_length(axes.id(), "region_name_zh", regions);
  expect_length(axes.id(), "region_name_en", regions);
  r.region_codes = h5::read_int64s(axes.id(), "region_code");
  r.region_names_zh = h5::read_strings(axes.id(), "region_name_zh");
  r.region_names_en = h5::read_strings(axes.id(), "region_name_en");
  // Version 2 marked the city with 0; version 3 gives its own code (0 only when counties span prefectures).
  if (r.format_version < 3 && r.region_codes.back() != 0) damaged("/axes/region_code does not end with 0, the city");
  r.townships = list_length(axes.id(), "township_code", kMaxTownships + 1);
  if (r.townships < 1) damaged("/axes/township_code lacks 'outside the city'");
  for (const char* name : {"township_name_zh", "township_region_index", "township_lon", "township_lat",
                           "township_point_approximate"}) {
    expect_length(axes.id(), name, r.townships);
  }
  r.township_codes = h5::read_int64s(axes.id(), "township_code");
  r.township_names_zh = h5::read_strings(axes.id(), "township_name_zh");
  r.township_region_index = h5::read_int64s(axes.id(), "township_region_index");
  r.township_lon = h5::read_doubles(axes.id(), "township_lon");
  r.township_lat = h5::read_doubles(axes.id(), "township_lat");
  r.township_point_approximate = h5::read_int64s(axes.id(), "township_point_approximate");
  r.stage_names = h5::read_strings(axes.id(), "stage");
  if (r.stage_names.size() != kStageCount) damaged("/axes/stage does not list the three stages");
  // Romanised township names came later: a file without them gets empty ones.
  if (h5::has_link(axes.id(), "township_name_en")) {
    expect_length(axes.id(), "township_name_en", r.townships);
    r.township_names_en = h5::read_strings(axes.id(), "township_name_en");
  } else {
    r.township_names_en.assign(r.townships, "");
  }
  r.interventions = list_length(axes.id(), "intervention", kMaxInterventions + 1);
  if (r.interventions < 1) damaged("/axes/intervention lacks its total");
  expect_length(axes.id(), "intervention_type", r.interventions);
  expect_length(axes.id(), "intervention_in_package", r.interventions);
  r.intervention_names = h5::read_strings(axes.id(), "intervention");
  r.intervention_types = h5::read_strings(axes.id(), "intervention_type");
  r.intervention_in_package = h5::read_int64s(axes.id(), "intervention_in_package");
  for (auto* list : {&r.intervention_names, &r.intervention_types}) list->pop_back();  // the total
  r.intervention_in_package.pop_back();
}

Comparator parse_comparator(const std::string& text) {
  if (text == ">=") return Comparator::AtLeast;
  if (text == "<=") return Comparator::AtMost;
  if (text == "increasing") return Comparator::Increasing;
  damaged("/targets/comparator has " + quote_value(text) + "; expected >=, <= or increasing");
}

void read_targets(hid_t root, ResultsFile& r) {
  auto targets = h5::open_group(root, "targets");
  const hid_t g = targets.id();
  const std::size_t n = list_length(g, "indicator_key", kMaxTargets);
  for (const char* name : {"indicator_no", "indicator_zh", "comparator", "target", "unit", "plan_first_year",
                           "plan_last_year", "binding"}) {
    expect_length(g, name, n);
  }
  const auto keys = h5::read_strings(g, "indicator_key");
  const auto numbers = h5::read_int64s(g, "indicator_no");
  const auto texts = h5::read_strings(g, "indicator_zh");
  const auto comparators = h5::read_strings(g, "comparator");
  const auto values = h5::read_doubles(g, "target");
  const auto units = h5::read_strings(g, "unit");
  const auto first = h5::read_int64s(g, "plan_first_year");
  const auto last = h5::read_int64s(g, "plan_last_year");
  const auto binding = h5::read_int64s(g, "binding");
  for (std::size_t k = 0; k < n; ++k) {
    PlanTarget t;
    const auto id = find_indicator(keys[k]);
    if (!id) damaged("unknown indicator " + quote_value(keys[k]) + " in /targets");
    t.indicator = *id;
    if (numbers[k] < 1 || numbers[k] > 1000) damaged("/targets/indicator_no out of range");
    t.number = static_cast<int>(numbers[k]);
    t.text_zh = texts[k];
    t.comparator = parse_comparator(comparators[k]);
    t.target = values[k];
    if (t.comparator != Comparator::Increasing && !std::isfinite(t.target)) damaged("/targets/target is not a number");
    t.unit = units[k];
    if (first[k] < 1800 || last[k] > 2300 || last[k] < first[k]) damaged("/targets plan period out of range");
    t.plan_first_year = static_cast<int>(first[k]);
    t.plan_last_year = static_cast<int>(last[k]);
    t.binding = binding[k] != 0;
    r.targets.push_back(t);
  }
}

void read_indicator_sources(hid_t root, ResultsFile& r) {
  const std::size_t regions = r.region_codes.size();
  if (r.format_version < 4 && !h5::has_link(root, "indicators")) {
    // Written before the scorecard knew which rows are inputs: none is marked.
    r.indicator_from_inputs.assign(kIndicatorCount, std::vector<std::uint8_t>(regions, 0));
    return;
  }
  auto group = h5::open_group(root, "indicators");
  const hid_t g = group.id();
  expect_length(g, "indicator_key", kIndicatorCount);
  const auto keys = h5::read_strings(g, "indicator_key");
  for (std::size_t k = 0; k < kIndicatorCount; ++k) {
    if (keys[k] != kIndicators[k].key) damaged("/indicators/indicator_key differs from this program's indicators");
  }
  const auto dims = h5::dataset_dims(g, "from_inputs");
  if (dims.size() != 2 || dims[0] != kIndicatorCount || dims[1] != regions) {
    damaged("/indicators/from_inputs: expected shape [" + std::to_string(kIndicatorCount) + ", " +
            std::to_string(regions) + "]");
  }
  const auto flags = h5::read_int64s(g, "from_inputs");
  r.indicator_from_inputs.assign(kIndicatorCount, std::vector<std::uint8_t>(regions, 0));
  for (std::size_t k = 0; k < kIndicatorCount; ++k) {
    for (std::size_t region = 0; region < regions; ++region) {
      const auto flag = flags[k * regions + region];
      if (flag != 0 && flag != 1) damaged("/indicators/from_inputs: expected 0 or 1");
      r.indicator_from_inputs[k][region] = static_cast<std::uint8_t>(flag);
    }
  }
}

}  // namespace

ResultsFile open_results_file(const std::string& path) {
  try {
    check_seal(path);  // before HDF5 parses a byte of a damaged file
  } catch (const IoError&) {
    // An unsealed file of another kind (a comparison or sweep file) is named as what it is.
    if (const auto other = other_kind_message(path, kResultsFormat)) throw IoError(*other);
    throw;
  }
  ResultsFile r;
  r.path = path;
  auto file = h5::open_file_read_only(path);
  try {
    const hid_t root = file.id();
    const std::string format = h5::has_attribute(root, "format") ? h5::read_string_attribute(root, "format") : "";
    if (format != kResultsFormat) {
      throw IoError(path + ": " + file_kind_words(format) + ", not " + file_kind_words(kResultsFormat));
    }
    const auto version = h5::read_int_attribute(root, "format_version");
    if (version < kOldestReadableResultsFormatVersion || version > kResultsFormatVersion) {
      throw IoError(path + ": results format version " + std::to_string(version) + "; this program reads versions " +
                    std::to_string(kOldestReadableResultsFormatVersion) + " to " +
                    std::to_string(kResultsFormatVersion));
    }
    r.format_version = version;
    r.scenario_name = h5::read_string_attribute(root, "scenario_name");
    r.program_version = h5::read_string_attribute(root, "program_version");
    r.git_commit = h5::read_string_attribute(root, "git_commit");
    r.package = h5::read_string_attribute(root, "package");
    // Display names came later: a file without them is named by its folder.
    r.city_name_zh = h5::has_attribute(root, "city_name_zh") ? h5::read_string_attribute(root, "city_name_zh")
                                                             : r.scenario_name;
    r.city_name_en = h5::has_attribute(root, "city_name_en") ? h5::read_string_attribute(root, "city_name_en")
                                                             : r.scenario_name;
    r.seed = h5::read_int_attribute(root, "seed");
    r.replicates = h5::read_int_attribute(root, "replicates");
    if (r.replicates < 1 || r.replicates > kMaxReplicates) damaged("attribute replicates out of range");
    {
      auto scenario = h5::open_group(root, "scenario");
      r.resolved_ini = h5::read_string(scenario.id(), "resolved_ini");
    }
    read_axes(root, r);
    read_targets(root, r);
    read_indicator_sources(root, r);
  } catch (const IoError& error) {
    const std::string message = error.what();
    if (message.rfind(path, 0) == 0) throw;
    throw IoError(path + ": damaged or incomplete results file (" + message + ")");
  }
  return r;
}

const std::string& ResultsFile::township_name(std::size_t township, Language language) const {
  if (language == Language::English && !township_names_en[township].empty()) return township_names_en[township];
  return township_names_zh[township];
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
    // Version 2 kept the files under their own names and the overrides under a name with spaces.
    const std::string name = format_version >= 3       ? input_dataset_name(file_name)
                             : file_name == kOverridesInput ? std::string("command-line overrides (--set)")
                                                            : file_name;
    if (!h5::has_link(inputs.id(), name)) return std::nullopt;
    return h5::read_string(inputs.id(), name);
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

std::vector<std::size_t> ResultsFile::output_shape(const std::string& name) const {
  const OutputSpec* spec = find_output(name);
  if (!spec) throw IoError(path + ": no output named " + quote_value(name) + " (see docs/output-format.md)");
  std::vector<std::size_t> shape = {static_cast<std::size_t>(replicates)};
  for (const Axis axis : spec->axes) {
    switch (axis) {
      case Axis::Year: shape.push_back(years.size()); break;
      case Axis::Region: shape.push_back(region_codes.size()); break;
      case Axis::Stage: shape.push_back(kStageCount); break;
      case Axis::Township: shape.push_back(townships); break;
      case Axis::Industry: shape.push_back(kIndustryCount); break;
      case Axis::Intervention: shape.push_back(interventions); break;
      case Axis::YearsSinceDiagnosis: shape.push_back(kYearsSinceDiagnosisBins); break;
    }
  }
  return shape;
}

ResultsArray ResultsFile::read_output(const std::string& name) const {
  ResultsArray a;
  a.shape = output_shape(name);
  auto file = h5::open_file_read_only(path);
  try {
    auto group = h5::open_group(file.id(), "replicates");
    const auto dims = h5::dataset_dims(group.id(), name);
    if (!std::equal(dims.begin(), dims.end(), a.shape.begin(), a.shape.end())) {
      damaged("its shape does not match the file's replicates and axes");
    }
    a.values = h5::read_doubles(group.id(), name);
    return a;
  } catch (const IoError& error) {
    throw IoError(path + ": cannot read output " + name + " (" + error.what() + ")");
  }
}

}  // namespace pneumo
