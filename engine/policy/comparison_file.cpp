#include "pneumoplan/policy/comparison_file.hpp"

#include "pneumoplan/core/version.hpp"
#include "pneumoplan/policy/comparison_economics.hpp"
#include "pneumoplan/policy/interval_datasets.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {
namespace {

constexpr const char* kPerOutcomeUnits = "per outcome: /outcomes/unit";

void write_intervals(hid_t parent, const std::string& group_name, const std::vector<std::vector<Interval>>& table,
                     const std::string& what) {
  std::vector<Interval> cells;
  for (const auto& row : table) cells.insert(cells.end(), row.begin(), row.end());
  write_interval_group(parent, group_name, {table.size(), table.empty() ? 0 : table.front().size()}, cells,
                       {"/package", "/outcome"}, kPerOutcomeUnits, what);
}

// A 1-D string or number dataset along one scale, described.
void write_labels(hid_t group, const std::string& name, const std::vector<std::string>& values, const std::string& scale,
                  const std::string& description) {
  h5::write_strings(group, name, values);
  h5::describe_dataset(group, name, "", description);
  h5::attach_dimension_scales(group, name, {scale});
}

}  // namespace

void write_comparison_file(const std::string& path, const PackageComparison& c) {
  h5::write_sealed_file(path, [&](hid_t root) {
    h5::write_attribute(root, "format", std::string("pneumoplan-comparison"));
    h5::write_attribute(root, "format_version", kComparisonFormatVersion);
    h5::write_attribute(root, "program_version", std::string(kProgramVersion));
    h5::write_attribute(root, "git_commit", std::string(kGitCommit));
    h5::write_attribute(root, "scenario_name", c.scenario_name);
    h5::write_attribute(root, "city_name_zh", c.city_name_zh);
    h5::write_attribute(root, "city_name_en", c.city_name_en);
    h5::write_attribute(root, "seed", static_cast<std::int64_t>(c.seed));
    h5::write_attribute(root, "replicates", c.replicates);
    h5::write_attribute(root, "baseline", c.baseline);
    h5::write_attribute(root, "period_first_year", static_cast<std::int64_t>(c.period_first_year));
    h5::write_attribute(root, "period_last_year", static_cast<std::int64_t>(c.period_last_year));
    h5::write_attribute(root, "target_year", static_cast<std::int64_t>(c.target_year));

    // The dimension scales (named dimensions for netCDF tools and xarray), in the root group.
    std::vector<std::string> outcome_names;
    for (const auto& o : c.outcomes) outcome_names.push_back(o.name);
    std::vector<std::int64_t> replicate(static_cast<std::size_t>(c.replicates));
    for (std::size_t r = 0; r < replicate.size(); ++r) replicate[r] = static_cast<std::int64_t>(r);
    h5::write_strings(root, "package", c.packages);
    h5::describe_dataset(root, "package", "", "the packages compared, the reference first");
    h5::make_dimension_scale(root, "package", "package");
    h5::write_strings(root, "outcome", outcome_names);
    h5::describe_dataset(root, "outcome", "", "the outcomes compared (city level); units in /outcomes/unit");
    h5::make_dimension_scale(root, "outcome", "outcome");
    h5::write_dataset(root, "replicate", {replicate.size()}, replicate);
    h5::describe_dataset(root, "replicate", "", "replicate number, the same random numbers in every package");
    h5::make_dimension_scale(root, "replicate", "replicate");

    {
      auto group = h5::create_group(root, "packages");
      h5::describe(group.id(), "", "the packages compared");
      write_labels(group.id(), "name", c.packages, "/package", "package name ([package.NAME] of scenario.ini)");
      write_labels(group.id(), "label_en", c.labels_en, "/package", "package label in English");
      write_labels(group.id(), "label_zh", c.labels_zh, "/package", "package label in Chinese");
      write_labels(group.id(), "results_file", c.results_files, "/package",
                   "the package's results file, relative to this file's folder");
    }
    {
      auto group = h5::create_group(root, "outcomes");
      h5::describe(group.id(), "", "the outcomes compared");
      std::vector<std::string> en, zh, units, readings, comparators;
      std::vector<double> targets;
      for (const auto& o : c.outcomes) {
        targets.push_back(o.target);
        comparators.push_back(o.comparator);
        en.push_back(o.label_en);
        zh.push_back(o.label_zh);
        units.push_back(o.unit);
        readings.emplace_back(o.reading == OutcomeReading::SumOverPeriod ? "sum over period"
                              : o.reading == OutcomeReading::AtPeriodEnd ? "at period end"
                                                                         : "in target year");
      }
      write_labels(group.id(), "name", outcome_names, "/outcome", "outcome name");
      write_labels(group.id(), "label_en", en, "/outcome", "outcome label in English");
      write_labels(group.id(), "label_zh", zh, "/outcome", "outcome label in Chinese");
      write_labels(group.id(), "unit", units, "/outcome", "the outcome's unit (persons, RMB, share)");
      write_labels(group.id(), "reading", readings, "/outcome",
                   "how the outcome is read: sum over period, at period end or in target year");
      h5::write_dataset(group.id(), "target", {targets.size()}, targets);
      h5::describe_dataset(group.id(), "target", kPerOutcomeUnits,
                           "the plan's target for the outcome (NaN where it has none)");
      h5::attach_dimension_scales(group.id(), "target", {"/outcome"});
      write_labels(group.id(), "comparator", comparators, "/outcome",
                   "how the target is met: the plan's comparator (empty where the outcome has no target)");
    }
    write_intervals(root, "value", c.value, "each package's outcome");
    write_intervals(root, "difference", c.difference,
                    "package minus reference, replicate by replicate (common random numbers)");
    {
      const std::size_t P = c.packages.size(), O = c.outcomes.size(), R = static_cast<std::size_t>(c.replicates);
      std::vector<double> flat;
      for (const auto& package : c.per_replicate) {
        for (const auto& outcome : package) flat.insert(flat.end(), outcome.begin(), outcome.end());
      }
      h5::write_dataset(root, "per_replicate", {P, O, R}, flat);
      h5::describe_dataset(root, "per_replicate", kPerOutcomeUnits, "every outcome of every replicate");
      h5::attach_dimension_scales(root, "per_replicate", {"/package", "/outcome", "/replicate"});
    }
    {
      auto group = h5::create_group(root, "averted");
      h5::describe(group.id(), "", "what each package averts against the reference, replicate by replicate");
      const std::vector<hsize_t> dims = {c.packages.size()};
      write_interval_group(group.id(), "true_new_cases", dims, c.cases_averted, {"/package"}, "persons",
                      "true new cases averted (reference minus package)");
      write_interval_group(group.id(), "pneumoconiosis_deaths", dims, c.deaths_averted, {"/package"}, "persons",
                      "pneumoconiosis deaths averted (reference minus package)");
      write_interval_group(group.id(), "incremental_cost_rmb", dims, c.incremental_cost_rmb, {"/package"}, "RMB",
                      "intervention cost difference against the reference");
      h5::write_dataset(group.id(), "cost_per_case_averted_rmb", dims, c.cost_per_case_averted_rmb);
      h5::describe_dataset(group.id(), "cost_per_case_averted_rmb", "RMB",
                           "mean incremental cost divided by mean true cases averted; NaN when none are averted");
      h5::attach_dimension_scales(group.id(), "cost_per_case_averted_rmb", {"/package"});
    }
    {
      auto group = h5::create_group(root, "verdicts");
      h5::describe(group.id(), "", "the plan's targets (city level) each package meets in the target year");
      std::vector<std::string> keys, verdicts;
      std::vector<std::int64_t> years;
      for (const auto& t : c.targets) {
        keys.emplace_back(indicator_info(t.indicator).key);
        years.push_back(c.target_year);
      }
      for (const auto& row : c.verdicts) {
        for (const Verdict v : row) verdicts.push_back(verdict_name(v));
      }
      h5::write_strings(group.id(), "indicator_key", keys);
      h5::describe_dataset(group.id(), "indicator_key", "", "the indicator of each target (docs/indicators.md)");
      h5::make_dimension_scale(group.id(), "indicator_key", "indicator_key");
      h5::write_dataset(group.id(), "year", {years.size()}, years);
      h5::describe_dataset(group.id(), "year", "calendar year", "the year judged");
      h5::attach_dimension_scales(group.id(), "year", {"/verdicts/indicator_key"});
      h5::write_strings(group.id(), "verdict", {c.packages.size(), c.targets.size()}, verdicts);
      h5::describe_dataset(group.id(), "verdict", "", "met, not met, uncertain or n/a, by the scorecard's rule");
      h5::attach_dimension_scales(group.id(), "verdict", {"/package", "/verdicts/indicator_key"});
    }
    write_economics_group(root, c);
  });
}

}  // namespace pneumo
