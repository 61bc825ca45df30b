#include "pneumoplan/results/results_file.hpp"

#include <array>

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/results/replicate_summary.hpp"
#include "pneumoplan/results/results_file_kind.hpp"
#include "pneumoplan/scenario/indicator_sources.hpp"

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

// The root datasets that are the file's dimension scales, one per axis, named as the axes (`axes` attributes,
// docs/output-format.md): netCDF tools and xarray read them as named dimensions of every dataset.
std::string scale_path(Axis axis) {
  std::string path(1, '/');  // appended: GCC 12 warns falsely (-Wrestrict) about "/" + std::string
  path += axis_name(axis);
  return path;
}
constexpr const char* kReplicateScale = "/replicate";

std::vector<std::string> scale_paths(const OutputSpec& spec, bool with_replicate) {
  std::vector<std::string> paths;
  if (with_replicate) paths.emplace_back(kReplicateScale);
  for (const Axis axis : spec.axes) paths.push_back(scale_path(axis));
  return paths;
}

// A 1-D dataset along `axis`, described and attached to the axis's scale.
template <typename Values>
void write_along(hid_t group, const std::string& name, Axis axis, const Values& values, const std::string& units,
                 const std::string& description) {
  if constexpr (std::is_same_v<typename Values::value_type, std::string>) {
    h5::write_strings(group, name, values);
  } else {
    h5::write_dataset(group, name, {values.size()}, values);
  }
  h5::describe_dataset(group, name, units, description);
  h5::attach_dimension_scales(group, name, {scale_path(axis)});
}

template <typename Values>
void write_scale(hid_t root, const std::string& name, const Values& values, const std::string& units,
                 const std::string& description) {
  if constexpr (std::is_same_v<typename Values::value_type, std::string>) {
    h5::write_strings(root, name, values);
  } else {
    h5::write_dataset(root, name, {values.size()}, values);
  }
  h5::describe_dataset(root, name, units, description);
  h5::make_dimension_scale(root, name, name);
}

struct AxisValues {
  std::vector<std::int64_t> years, region_code, township_code;
  std::vector<std::string> stages, industries, interventions;
};

AxisValues axis_values(const Scenario& scenario) {
  AxisValues a;
  for (int y = scenario.first_year(); y <= scenario.last_year(); ++y) a.years.push_back(y);
  for (const auto& c : scenario.geography.counties) a.region_code.push_back(c.code);
  a.region_code.push_back(scenario.geography.city_code());
  for (const auto& t : scenario.geography.townships) a.township_code.push_back(t.code);
  a.township_code.push_back(0);
  a.stages.assign(kStageNames.begin(), kStageNames.end());
  a.industries.assign(kIndustryNames.begin(), kIndustryNames.end());
  for (const auto& i : scenario.interventions) a.interventions.push_back(i.name);
  a.interventions.emplace_back("total");
  return a;
}

void write_scales(hid_t root, const AxisValues& a, std::size_t replicates) {
  std::vector<std::int64_t> replicate(replicates);
  for (std::size_t r = 0; r < replicates; ++r) replicate[r] = static_cast<std::int64_t>(r);
  write_scale(root, "replicate", replicate, "",
              "replicate number; replicate r draws the same random numbers in every run with the same seed");
  write_scale(root, "year", a.years, "calendar year", "simulated years, first to last");
  write_scale(root, "region", a.region_code, "",
              "region: county codes (GB/T 2260) in counties.csv order, then the city's own code for the whole city "
              "(0 when the counties belong to different prefectures); names in /axes/region_name_en, region_name_zh");
  write_scale(root, "township", a.township_code, "",
              "township codes (9-digit statistical codes) in townships.csv order, then 0 for outside the city; "
              "names and points in /axes");
  write_scale(root, "stage", a.stages, "", "pneumoconiosis stage (GBZ 70): I, II, III");
  write_scale(root, "industry", a.industries, "", "industry of the employer (docs/scenario-format.md)");
  write_scale(root, "intervention", a.interventions, "",
              "the scenario's [intervention.NAME] sections in file order, then the total");
  std::vector<std::int64_t> years_since_diagnosis;
  for (std::size_t k = 0; k < kYearsSinceDiagnosisBins; ++k) years_since_diagnosis.push_back(static_cast<std::int64_t>(k));
  write_scale(root, "years_since_diagnosis", years_since_diagnosis, "years",
              "whole years since the year of diagnosis, 0 to 50; the last bin holds 50 and more");
}

void write_axes(hid_t file, const Scenario& scenario, const AxisValues& a) {
  auto axes = h5::create_group(file, "axes");
  h5::describe(axes.id(), "", "labels of the axes; the root datasets of the same names are the dimension scales");
  write_along(axes.id(), "year", Axis::Year, a.years, "calendar year", "simulated years");

  const auto& geo = scenario.geography;
  std::vector<std::string> region_zh, region_en;
  for (const auto& c : geo.counties) {
    region_zh.push_back(c.name_zh);
    region_en.push_back(c.name_en);
  }
  region_zh.push_back("全市");
  region_en.push_back("City total");
  write_along(axes.id(), "region_code", Axis::Region, a.region_code, "",
              "county codes (GB/T 2260), then the city's own code (0 when the counties span prefectures)");
  write_along(axes.id(), "region_name_zh", Axis::Region, region_zh, "", "region names in Chinese; the last is 全市");
  write_along(axes.id(), "region_name_en", Axis::Region, region_en, "", "region names in English; the last is City total");

  std::vector<std::int64_t> township_county, township_approximate;
  std::vector<double> lon, lat;
  std::vector<std::string> township_name, township_name_en;
  for (const auto& t : geo.townships) {
    township_name_en.push_back(t.name_en);
    township_county.push_back(t.county);
    township_approximate.push_back(t.point_approximate ? 1 : 0);
    lon.push_back(t.lon);
    lat.push_back(t.lat);
    township_name.push_back(t.name_zh);
  }
  township_county.push_back(-1);
  township_approximate.push_back(1);
  lon.push_back(std::numeric_limits<double>::quiet_NaN());
  lat.push_back(std::numeric_limits<double>::quiet_NaN());
  township_name.push_back("市外");
  township_name_en.push_back("outside the city");
  write_along(axes.id(), "township_code", Axis::Township, a.township_code, "",
              "township codes (9-digit statistical codes), then 0 for outside the city");
  write_along(axes.id(), "township_name_zh", Axis::Township, township_name, "", "township names; the last is 市外 (outside)");
  write_along(axes.id(), "township_name_en", Axis::Township, township_name_en, "",
              "township names in Latin letters (romanised, not official); the last is outside the city");
  write_along(axes.id(), "township_region_index", Axis::Township, township_county, "",
              "index of the township's county on the region axis (-1 for outside the city)");
  // The points are GCJ-02, the datum of Chinese map services (Vonng/adcode): WGS 84 shifted by up to several
  // hundred metres. Stated on both coordinates, as CF-style attributes beside units and description.
  const std::string crs_note =
      "GCJ-02 (the datum of Chinese web maps: WGS 84 coordinates shifted by up to a few hundred metres; "
      "convert before overlaying WGS 84 data)";
  write_along(axes.id(), "township_lon", Axis::Township, lon, "degrees_east",
              "longitude of the township's point, GCJ-02; NaN for outside the city");
  write_along(axes.id(), "township_lat", Axis::Township, lat, "degrees_north",
              "latitude of the township's point, GCJ-02; NaN for outside the city");
  for (const char* name : {"township_lon", "township_lat"}) {
    h5::Handle dataset(H5Dopen2(axes.id(), name, H5P_DEFAULT), H5Dclose);
    h5::write_attribute(dataset.id(), "standard_name", std::string(name == std::string("township_lon") ? "longitude"
                                                                                                         : "latitude"));
    h5::write_attribute(dataset.id(), "crs", std::string("GCJ-02"));
    h5::write_attribute(dataset.id(), "crs_description", crs_note);
  }
  write_along(axes.id(), "township_point_approximate", Axis::Township, township_approximate, "0/1",
              "1 where the point was derived from the county seat rather than surveyed");

  write_along(axes.id(), "stage", Axis::Stage, a.stages, "", "pneumoconiosis stages");
  std::vector<std::string> industries_zh(kIndustryNamesZh.begin(), kIndustryNamesZh.end());
  write_along(axes.id(), "industry", Axis::Industry, a.industries, "", "industries, in the order of the industry axis");
  write_along(axes.id(), "industry_zh", Axis::Industry, industries_zh, "", "industries in Chinese");
  std::vector<std::int64_t> years_since_diagnosis;
  for (std::size_t k = 0; k < kYearsSinceDiagnosisBins; ++k) years_since_diagnosis.push_back(static_cast<std::int64_t>(k));
  write_along(axes.id(), "years_since_diagnosis", Axis::YearsSinceDiagnosis, years_since_diagnosis, "years",
              "whole years since the year of diagnosis; the last bin holds 50 and more");

  std::vector<std::string> kinds;
  std::vector<std::int64_t> in_package;
  for (std::size_t k = 0; k < scenario.interventions.size(); ++k) {
    kinds.emplace_back(kind_info(scenario.interventions[k].kind).name);
    const auto& chosen = scenario.active_interventions;
    in_package.push_back(std::find(chosen.begin(), chosen.end(), k) != chosen.end() ? 1 : 0);
  }
  kinds.emplace_back("");
  in_package.push_back(0);
  write_along(axes.id(), "intervention", Axis::Intervention, a.interventions, "",
              "the scenario's interventions in scenario.ini order, then total");
  write_along(axes.id(), "intervention_type", Axis::Intervention, kinds, "",
              "each intervention's type (docs/interventions.md); empty for the total");
  write_along(axes.id(), "intervention_in_package", Axis::Intervention, in_package, "0/1",
              "1 where the intervention belongs to the package this file ran");
}

// The plan's indicator table, so a results file can be scored on its own (pneumoplan scorecard). Its entries
// are indexed by the dimension scale indicator_key, in the same group.
void write_targets(hid_t file, const Scenario& scenario) {
  auto group = h5::create_group(file, "targets");
  const hid_t g = group.id();
  h5::describe(g, "", "the plan's indicator table (targets.csv), one entry per indicator");
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
  h5::write_strings(g, "indicator_key", keys);
  h5::describe_dataset(g, "indicator_key", "", "the indicator's key (docs/indicators.md)");
  h5::make_dimension_scale(g, "indicator_key", "indicator_key");
  const auto along = [&](const std::string& name, const std::string& unit, const std::string& description) {
    h5::describe_dataset(g, name, unit, description);
    h5::attach_dimension_scales(g, name, {"/targets/indicator_key"});
  };
  h5::write_dataset(g, "indicator_no", {numbers.size()}, numbers);
  along("indicator_no", "", "the indicator's number in the plan's table");
  h5::write_strings(g, "indicator_zh", texts);
  along("indicator_zh", "", "the plan's wording of the indicator");
  h5::write_strings(g, "comparator", comparators);
  along("comparator", "", ">=, <= or increasing: how the value is judged against the target");
  h5::write_dataset(g, "target", {values.size()}, values);
  along("target", "share or count (see unit)", "the plan's target; NaN for 'increasing'");
  h5::write_strings(g, "unit", units);
  along("unit", "", "the unit of the target as the plan writes it");
  h5::write_dataset(g, "plan_first_year", {first.size()}, first);
  along("plan_first_year", "calendar year", "first year of the plan period");
  h5::write_dataset(g, "plan_last_year", {last.size()}, last);
  along("plan_last_year", "calendar year", "last year of the plan period");
  h5::write_dataset(g, "binding", {binding.size()}, binding);
  along("binding", "0/1", "1 where the target is binding (约束性), 0 where it is expected (预期性)");
}

// Which indicator values this run computed from inputs alone (institutions.csv) rather than through the model,
// per indicator and region, so that the scorecard marks them "input".
void write_indicator_sources(hid_t file, const Scenario& scenario) {
  auto group = h5::create_group(file, "indicators");
  const std::size_t regions = scenario.geography.counties.size() + 1;
  std::vector<std::string> keys;
  std::vector<std::int64_t> from_inputs;
  for (std::size_t k = 0; k < kIndicatorCount; ++k) {
    keys.emplace_back(kIndicators[k].key);
    for (std::size_t r = 0; r < regions; ++r) {
      from_inputs.push_back(indicator_from_inputs(scenario, static_cast<IndicatorId>(k), r) ? 1 : 0);
    }
  }
  h5::describe(group.id(), "", "which indicator values come from inputs (institutions.csv) rather than the model");
  h5::write_strings(group.id(), "indicator_key", keys);
  h5::describe_dataset(group.id(), "indicator_key", "", "the plan indicators (docs/indicators.md)");
  h5::make_dimension_scale(group.id(), "indicator_key", "indicator_key");
  h5::write_dataset(group.id(), "from_inputs", {kIndicatorCount, regions}, from_inputs);
  h5::describe_dataset(group.id(), "from_inputs", "0/1",
                       "1 where the indicator's value in the region comes from inputs alone: the scorecard marks it "
                       "'input', not met or not met");
  h5::attach_dimension_scales(group.id(), "from_inputs", {"/indicators/indicator_key", scale_path(Axis::Region)});
}

PreparedResults::Output prepare_output(const std::vector<ReplicateResults>& replicates, std::size_t i) {
  const auto id = static_cast<OutputId>(i);
  const OutputSpec& spec = output_catalogue()[i];
  PreparedResults::Output out;
  std::vector<hsize_t> dims = {replicates.size()};
  for (const auto extent : replicates.front()[id].shape) dims.push_back(extent);
  std::vector<double> values;
  for (const auto& r : replicates) values.insert(values.end(), r[id].values.begin(), r[id].values.end());
  if (spec.integer) {
    std::vector<std::int64_t> counts(values.size());
    for (std::size_t k = 0; k < values.size(); ++k) counts[k] = std::llround(values[k]);
    out.per_replicate = h5::prepare_dataset(dims, counts);
  } else {
    out.per_replicate = h5::prepare_dataset(dims, values);
  }
  const OutputSummary s = summarise(replicates, id);
  const std::vector<hsize_t> cell_dims(dims.begin() + 1, dims.end());
  const std::vector<double>* statistics[] = {&s.mean, &s.p5, &s.p50, &s.p95};
  for (std::size_t k = 0; k < 4; ++k) out.statistics[k] = h5::prepare_dataset(cell_dims, *statistics[k]);
  return out;
}

// Everything inside the file; every group and dataset it opens is closed when it returns.
void write_contents(hid_t root, const Scenario& scenario, const std::vector<ReplicateResults>& replicates,
                    std::uint64_t seed, const PreparedResults* ready) {
  h5::write_attribute(root, "format", std::string(kResultsFormat));
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
  h5::write_attribute(root, "city_code", scenario.geography.city_code());

  const AxisValues axis = axis_values(scenario);
  write_scales(root, axis, replicates.size());
  {
    auto group = h5::create_group(root, "scenario");
    h5::describe(group.id(), "", "the scenario as the run used it");
    h5::write_string(group.id(), "resolved_ini", scenario.resolved_ini);
    h5::describe_dataset(group.id(), "resolved_ini", "",
                         "every parameter with its effective value (defaults included), as INI");
    auto inputs = h5::create_group(group.id(), "inputs");
    h5::describe(inputs.id(), "", "the exact text of each input file; attribute file_name gives its name");
    for (const auto& [name, contents] : scenario.input_files) {
      const std::string dataset = input_dataset_name(name);
      h5::write_string(inputs.id(), dataset, contents);
      h5::describe_dataset(inputs.id(), dataset, "",
                           name == kOverridesInput ? std::string("the --set overrides of the command line, one per line")
                                                   : "the exact text of the scenario's " + name);
      h5::Handle handle(H5Dopen2(inputs.id(), dataset.c_str(), H5P_DEFAULT), H5Dclose);
      h5::write_attribute(handle.id(), "file_name", name);
    }
  }
  write_axes(root, scenario, axis);
  write_targets(root, scenario);
  write_indicator_sources(root, scenario);

  auto per_replicate = h5::create_group(root, "replicates");
  h5::describe(per_replicate.id(), "", "every output, one value per replicate");
  auto summary = h5::create_group(root, "summary");
  h5::describe(summary.id(), "", "every output summarised over replicates: mean, p5, p50, p95");
  // Outputs prepared beforehand (`ready`), or here in batches of 16 in parallel, so that only a batch of
  // prepared outputs is held at once; then written in order by this thread.
  constexpr std::size_t kBatch = 16;
  std::vector<PreparedResults::Output> prepared_here(ready ? 0 : kOutputCount);
  const auto output = [&](std::size_t i) -> const PreparedResults::Output& {
    return ready ? ready->outputs[i] : prepared_here[i];
  };
  for (std::size_t batch = 0; batch < kOutputCount; batch += kBatch) {
    const std::size_t batch_end = std::min(kOutputCount, batch + kBatch);
    if (!ready) {
      pneumo::parallel_for(batch, batch_end, [&](std::size_t i) { prepared_here[i] = prepare_output(replicates, i); });
    }
    for (std::size_t i = batch; i < batch_end; ++i) {
      const OutputSpec& spec = output_catalogue()[i];
      const std::string name(spec.name);
      const std::string unit(spec.unit), description(spec.description);
      h5::write_prepared(per_replicate.id(), name, output(i).per_replicate);
      {
        h5::Handle dataset(H5Dopen2(per_replicate.id(), name.c_str(), H5P_DEFAULT), H5Dclose);
        h5::write_attribute(dataset.id(), "unit", unit);  // as in format version 2
        h5::describe(dataset.id(), unit, description);
        h5::write_attribute(dataset.id(), "axes", axes_text(spec, true));
      }
      h5::attach_dimension_scales(per_replicate.id(), name, scale_paths(spec, true));

      auto group = h5::create_group(summary.id(), name);
      h5::write_attribute(group.id(), "unit", unit);
      h5::describe(group.id(), unit, description);
      h5::write_attribute(group.id(), "axes", axes_text(spec, false));
      const std::vector<std::string> cell_scales = scale_paths(spec, false);
      const char* statistics[] = {"mean", "p5", "p50", "p95"};
      const char* words[] = {"mean over replicates", "5th percentile over replicates", "median over replicates",
                             "95th percentile over replicates"};
      for (std::size_t k = 0; k < 4; ++k) {
        h5::write_prepared(group.id(), statistics[k], output(i).statistics[k]);
        h5::describe_dataset(group.id(), statistics[k], unit, std::string(words[k]) + " of: " + description);
        h5::attach_dimension_scales(group.id(), statistics[k], cell_scales);
      }
      if (!ready) prepared_here[i] = PreparedResults::Output{};  // written: its memory goes back now
    }
  }
}

}  // namespace

std::string input_dataset_name(const std::string& file_name) {
  std::string name;
  for (const char c : file_name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    name += plain ? c : '_';
  }
  return name;
}

void write_results_file(const std::string& path, const Scenario& scenario,
                        const std::vector<ReplicateResults>& replicates, std::uint64_t seed) {
  h5::write_sealed_file(path, [&](hid_t root) { write_contents(root, scenario, replicates, seed, nullptr); });
}

PreparedResults prepare_results(const std::vector<ReplicateResults>& replicates) {
  PreparedResults prepared;
  prepared.outputs.resize(kOutputCount);
  pneumo::parallel_for(std::size_t{0}, kOutputCount,
                       [&](std::size_t i) { prepared.outputs[i] = prepare_output(replicates, i); });
  return prepared;
}

void write_results_file(const std::string& path, const Scenario& scenario,
                        const std::vector<ReplicateResults>& replicates, std::uint64_t seed,
                        const PreparedResults& prepared) {
  if (prepared.outputs.size() != kOutputCount) throw std::logic_error("results prepared for another catalogue");
  h5::write_sealed_file(path, [&](hid_t root) { write_contents(root, scenario, replicates, seed, &prepared); });
}

}  // namespace pneumo
