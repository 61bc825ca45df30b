#include "pneumoplan/policy/comparison_file.hpp"

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {
namespace {

// A group with mean, p5 and p95 datasets of shape `dims` (cells row-major).
void write_intervals(hid_t parent, const std::string& group_name, const std::vector<hsize_t>& dims,
                     const std::vector<Interval>& cells) {
  auto group = h5::create_group(parent, group_name);
  std::vector<double> mean, p5, p95;
  for (const auto& cell : cells) {
    mean.push_back(cell.mean);
    p5.push_back(cell.p5);
    p95.push_back(cell.p95);
  }
  h5::write_dataset(group.id(), "mean", dims, mean);
  h5::write_dataset(group.id(), "p5", dims, p5);
  h5::write_dataset(group.id(), "p95", dims, p95);
}

void write_intervals(hid_t parent, const std::string& group_name, const std::vector<std::vector<Interval>>& table) {
  std::vector<Interval> cells;
  for (const auto& row : table) cells.insert(cells.end(), row.begin(), row.end());
  write_intervals(parent, group_name, {table.size(), table.empty() ? 0 : table.front().size()}, cells);
}

}  // namespace

void write_comparison_file(const std::string& path, const PackageComparison& c) {
  ensure_parent_folder(path);
  AtomicOutput output(path);
  {
    auto file = h5::create_file(output.temporary_path());
    const hid_t root = file.id();
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

    {
      auto group = h5::create_group(root, "packages");
      h5::write_strings(group.id(), "name", c.packages);
      h5::write_strings(group.id(), "label_en", c.labels_en);
      h5::write_strings(group.id(), "label_zh", c.labels_zh);
      h5::write_strings(group.id(), "results_file", c.results_files);
    }
    {
      auto group = h5::create_group(root, "outcomes");
      std::vector<std::string> names, en, zh, units, readings, comparators;
      std::vector<double> targets;
      for (const auto& o : c.outcomes) {
        targets.push_back(o.target);
        comparators.push_back(o.comparator);
        names.push_back(o.name);
        en.push_back(o.label_en);
        zh.push_back(o.label_zh);
        units.push_back(o.unit);
        readings.emplace_back(o.reading == OutcomeReading::SumOverPeriod ? "sum over period"
                              : o.reading == OutcomeReading::AtPeriodEnd ? "at period end"
                                                                         : "in target year");
      }
      h5::write_strings(group.id(), "name", names);
      h5::write_strings(group.id(), "label_en", en);
      h5::write_strings(group.id(), "label_zh", zh);
      h5::write_strings(group.id(), "unit", units);
      h5::write_strings(group.id(), "reading", readings);
      h5::write_dataset(group.id(), "target", {targets.size()}, targets);
      h5::write_strings(group.id(), "comparator", comparators);
    }
    write_intervals(root, "value", c.value);
    write_intervals(root, "difference", c.difference);
    {
      const std::size_t P = c.packages.size(), O = c.outcomes.size(), R = static_cast<std::size_t>(c.replicates);
      std::vector<double> flat;
      for (const auto& package : c.per_replicate) {
        for (const auto& outcome : package) flat.insert(flat.end(), outcome.begin(), outcome.end());
      }
      h5::write_dataset(root, "per_replicate", {P, O, R}, flat);
    }
    {
      auto group = h5::create_group(root, "averted");
      const std::vector<hsize_t> dims = {c.packages.size()};
      write_intervals(group.id(), "true_new_cases", dims, c.cases_averted);
      write_intervals(group.id(), "pneumoconiosis_deaths", dims, c.deaths_averted);
      write_intervals(group.id(), "incremental_cost_rmb", dims, c.incremental_cost_rmb);
      h5::write_dataset(group.id(), "cost_per_case_averted_rmb", dims, c.cost_per_case_averted_rmb);
    }
    {
      auto group = h5::create_group(root, "verdicts");
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
      h5::write_dataset(group.id(), "year", {years.size()}, years);
      h5::write_strings(group.id(), "verdict", {c.packages.size(), c.targets.size()}, verdicts);
    }
  }
  output.commit();
}

}  // namespace pneumo
