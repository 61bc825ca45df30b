#include "pneumoplan/results/results_file.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {
namespace {

std::string axes_text(const OutputSpec& spec, bool with_replicate) {
  std::string text = with_replicate ? "replicate" : "";
  for (const Axis axis : spec.axes) {
    if (!text.empty()) text += ",";
    text += axis_name(axis);
  }
  return text;
}

void write_axes(hid_t file, const Scenario& scenario) {
  auto axes = h5::create_group(file, "axes");
  std::vector<std::int64_t> years;
  for (int y = scenario.first_year(); y <= scenario.last_year(); ++y) years.push_back(y);
  h5::write_dataset(axes.id(), "year", {years.size()}, years);

  const auto& geo = scenario.geography;
  std::vector<std::int64_t> region_code;
  std::vector<std::string> region_zh, region_en;
  for (const auto& c : geo.counties) {
    region_code.push_back(c.code);
    region_zh.push_back(c.name_zh);
    region_en.push_back(c.name_en);
  }
  region_code.push_back(0);
  region_zh.push_back("全市");
  region_en.push_back("City total");
  h5::write_dataset(axes.id(), "region_code", {region_code.size()}, region_code);
  h5::write_strings(axes.id(), "region_name_zh", region_zh);
  h5::write_strings(axes.id(), "region_name_en", region_en);

  std::vector<std::int64_t> township_code, township_county, township_approximate;
  std::vector<double> lon, lat;
  std::vector<std::string> township_name, township_name_en;
  for (const auto& t : geo.townships) {
    township_name_en.push_back(t.name_en);
    township_code.push_back(t.code);
    township_county.push_back(t.county);
    township_approximate.push_back(t.point_approximate ? 1 : 0);
    lon.push_back(t.lon);
    lat.push_back(t.lat);
    township_name.push_back(t.name_zh);
  }
  township_code.push_back(0);
  township_county.push_back(-1);
  township_approximate.push_back(1);
  lon.push_back(std::numeric_limits<double>::quiet_NaN());
  lat.push_back(std::numeric_limits<double>::quiet_NaN());
  township_name.push_back("市外");
  township_name_en.push_back("outside the city");
  h5::write_dataset(axes.id(), "township_code", {township_code.size()}, township_code);
  h5::write_strings(axes.id(), "township_name_zh", township_name);
  h5::write_strings(axes.id(), "township_name_en", township_name_en);
  h5::write_dataset(axes.id(), "township_region_index", {township_county.size()}, township_county);
  h5::write_dataset(axes.id(), "township_lon", {lon.size()}, lon);
  h5::write_dataset(axes.id(), "township_lat", {lat.size()}, lat);
  h5::write_dataset(axes.id(), "township_point_approximate", {township_approximate.size()}, township_approximate);

  std::vector<std::string> stages(kStageNames.begin(), kStageNames.end());
  h5::write_strings(axes.id(), "stage", stages);
  std::vector<std::string> industries(kIndustryNames.begin(), kIndustryNames.end());
  std::vector<std::string> industries_zh(kIndustryNamesZh.begin(), kIndustryNamesZh.end());
  h5::write_strings(axes.id(), "industry", industries);
  h5::write_strings(axes.id(), "industry_zh", industries_zh);
  std::vector<std::int64_t> years_since_diagnosis;
  for (std::size_t k = 0; k < kYearsSinceDiagnosisBins; ++k) years_since_diagnosis.push_back(static_cast<std::int64_t>(k));
  h5::write_dataset(axes.id(), "years_since_diagnosis", {years_since_diagnosis.size()}, years_since_diagnosis);

  std::vector<std::string> interventions, kinds, active;
  std::vector<std::int64_t> in_package;
  for (std::size_t k = 0; k < scenario.interventions.size(); ++k) {
    interventions.push_back(scenario.interventions[k].name);
    kinds.emplace_back(kind_info(scenario.interventions[k].kind).name);
    const auto& chosen = scenario.active_interventions;
    in_package.push_back(std::find(chosen.begin(), chosen.end(), k) != chosen.end() ? 1 : 0);
  }
  interventions.emplace_back("total");
  kinds.emplace_back("");
  in_package.push_back(0);
  h5::write_strings(axes.id(), "intervention", interventions);
  h5::write_strings(axes.id(), "intervention_type", kinds);
  h5::write_dataset(axes.id(), "intervention_in_package", {in_package.size()}, in_package);
}

// The plan's indicator table, so a results file can be scored on its own (pneumoplan scorecard).
void write_targets(hid_t file, const Scenario& scenario) {
  auto group = h5::create_group(file, "targets");
  std::vector<std::string> keys, texts, comparators, units;
  std::vector<std::int64_t> numbers, first, last, binding;
  std::vector<double> values;
  for (const auto& t : scenario.targets) {
    keys.emplace_back(indicator_info(t.indicator).key);
    texts.push_back(t.text_zh);
    comparators.emplace_back(t.comparator == Comparator::AtLeast  ? ">="
                             : t.comparator == Comparator::AtMost ? "<="
                                                                  : "increasing");
    units.push_back(t.unit);
    numbers.push_back(t.number);
    first.push_back(t.plan_first_year);
    last.push_back(t.plan_last_year);
    binding.push_back(t.binding ? 1 : 0);
    values.push_back(t.comparator == Comparator::Increasing ? std::numeric_limits<double>::quiet_NaN() : t.target);
  }
  h5::write_strings(group.id(), "indicator_key", keys);
  h5::write_dataset(group.id(), "indicator_no", {numbers.size()}, numbers);
  h5::write_strings(group.id(), "indicator_zh", texts);
  h5::write_strings(group.id(), "comparator", comparators);
  h5::write_dataset(group.id(), "target", {values.size()}, values);
  h5::write_strings(group.id(), "unit", units);
  h5::write_dataset(group.id(), "plan_first_year", {first.size()}, first);
  h5::write_dataset(group.id(), "plan_last_year", {last.size()}, last);
  h5::write_dataset(group.id(), "binding", {binding.size()}, binding);
}

// Everything inside the file; every group and dataset it opens is closed when it returns.
void write_contents(hid_t root, const Scenario& scenario, const std::vector<ReplicateResults>& replicates,
                    std::uint64_t seed) {
  h5::write_attribute(root, "format", std::string("pneumoplan-results"));
  h5::write_attribute(root, "format_version", kResultsFormatVersion);
  h5::write_attribute(root, "program_version", std::string(kProgramVersion));
  h5::write_attribute(root, "git_commit", std::string(kGitCommit));
  h5::write_attribute(root, "scenario_name", scenario.name);
  // Display names for titles and tables (scenario.ini [city]); the folder name when it gives none.
  h5::write_attribute(root, "city_name_zh", scenario.text.city_name(Language::Chinese, scenario.name));
  h5::write_attribute(root, "city_name_en", scenario.text.city_name(Language::English, scenario.name));
  h5::write_attribute(root, "package", scenario.active_package);
  h5::write_attribute(root, "seed", static_cast<std::int64_t>(seed));
  h5::write_attribute(root, "replicates", static_cast<std::int64_t>(replicates.size()));
  h5::write_attribute(root, "first_year", static_cast<std::int64_t>(scenario.first_year()));
  h5::write_attribute(root, "last_year", static_cast<std::int64_t>(scenario.last_year()));

  {
    auto group = h5::create_group(root, "scenario");
    h5::write_string(group.id(), "resolved_ini", scenario.resolved_ini);
    auto inputs = h5::create_group(group.id(), "inputs");
    for (const auto& [name, contents] : scenario.input_files) h5::write_string(inputs.id(), name, contents);
  }
  write_axes(root, scenario);
  write_targets(root, scenario);

  auto per_replicate = h5::create_group(root, "replicates");
  auto summary = h5::create_group(root, "summary");
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto id = static_cast<OutputId>(i);
    const OutputSpec& spec = output_catalogue()[i];
    const std::string name(spec.name);
    std::vector<hsize_t> dims = {replicates.size()};
    for (const auto extent : replicates.front()[id].shape) dims.push_back(extent);
    std::vector<double> values;
    for (const auto& r : replicates) values.insert(values.end(), r[id].values.begin(), r[id].values.end());
    if (spec.integer) {
      std::vector<std::int64_t> counts(values.size());
      for (std::size_t k = 0; k < values.size(); ++k) counts[k] = std::llround(values[k]);
      h5::write_dataset(per_replicate.id(), name, dims, counts);
    } else {
      h5::write_dataset(per_replicate.id(), name, dims, values);
    }
    {
      h5::Handle dataset(H5Dopen2(per_replicate.id(), name.c_str(), H5P_DEFAULT), H5Dclose);
      h5::write_attribute(dataset.id(), "unit", std::string(spec.unit));
      h5::write_attribute(dataset.id(), "description", std::string(spec.description));
      h5::write_attribute(dataset.id(), "axes", axes_text(spec, true));
    }

    const OutputSummary s = summarise(replicates, id);
    auto group = h5::create_group(summary.id(), name);
    h5::write_attribute(group.id(), "unit", std::string(spec.unit));
    h5::write_attribute(group.id(), "description", std::string(spec.description));
    h5::write_attribute(group.id(), "axes", axes_text(spec, false));
    const std::vector<hsize_t> cell_dims(dims.begin() + 1, dims.end());
    h5::write_dataset(group.id(), "mean", cell_dims, s.mean);
    h5::write_dataset(group.id(), "p5", cell_dims, s.p5);
    h5::write_dataset(group.id(), "p50", cell_dims, s.p50);
    h5::write_dataset(group.id(), "p95", cell_dims, s.p95);
  }
}

}  // namespace

void write_results_file(const std::string& path, const Scenario& scenario,
                        const std::vector<ReplicateResults>& replicates, std::uint64_t seed) {
  ensure_parent_folder(path);
  AtomicOutput output(path);
  try {
    auto file = h5::create_file(output.temporary_path(), kSealBytes);
    write_contents(file.id(), scenario, replicates, seed);
    h5::close_written_file(file, output.temporary_path());
  } catch (const IoError& error) {
    throw IoError("cannot write " + path + " (disk full or unwritable?): " + error.what());
  }
  seal_file(output.temporary_path());  // only a complete, closed file gets a seal
  output.commit();
}

}  // namespace pneumo
