// pneumoplan target DIR --intervention NAME --indicator KEY: the weakest intensity of an intervention that
// meets a plan target with a chosen probability, by bisection on common random numbers; with --packages
// instead of --intervention, the cheapest of the packages that meets it.
#include <tbb/global_control.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "command_line.hpp"
#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "progress_line.hpp"
#include "scenario_options.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/policy/cheapest_package.hpp"
#include "pneumoplan/policy/target_finder.hpp"

namespace pneumo::cli {
namespace {

std::size_t find_intervention(const Scenario& scenario, const std::string& name) {
  std::string known;
  for (std::size_t k = 0; k < scenario.interventions.size(); ++k) {
    if (scenario.interventions[k].name == name) return k;
    known += (known.empty() ? "" : ", ") + scenario.interventions[k].name;
  }
  throw UsageError("--intervention: no [intervention." + name + "] in the scenario" +
                   (known.empty() ? std::string(" (it has none)") : "; it has: " + known));
}

std::size_t find_region(const Scenario& scenario, const std::string& text) {
  const auto& counties = scenario.geography.counties;
  if (text == "city") return counties.size();
  for (std::size_t c = 0; c < counties.size(); ++c) {
    if (std::to_string(counties[c].code) == text) return c;
  }
  throw UsageError("--region: expected 'city' or a county code of counties.csv, found " + quote_value(text));
}

// The target: the plan's row for the indicator, with --target and --comparator overriding it.
PlanTarget choose_target(const Scenario& scenario, const po::variables_map& values) {
  const std::string key = values["indicator"].as<std::string>();
  const auto id = find_indicator(key);
  if (!id) throw UsageError("--indicator: unknown indicator '" + key + "' (see docs/indicators.md)");
  PlanTarget target;
  bool from_plan = false;
  for (const auto& t : scenario.targets) {
    if (t.indicator == *id) {
      target = t;
      from_plan = true;
      break;
    }
  }
  if (!from_plan) {
    target.indicator = *id;
    target.plan_first_year = 2021;
    target.plan_last_year = 2025;
  }
  if (values.count("comparator")) {
    const std::string c = values["comparator"].as<std::string>();
    if (c == ">=") target.comparator = Comparator::AtLeast;
    else if (c == "<=") target.comparator = Comparator::AtMost;
    else if (c == "increasing") target.comparator = Comparator::Increasing;
    else throw UsageError("--comparator: expected '>=', '<=' or 'increasing', found " + quote_value(c));
  }
  if (values.count("target")) {
    target.target = values["target"].as<double>();
    if (!std::isfinite(target.target)) throw UsageError("--target: expected a finite number");
  } else if (!from_plan && target.comparator != Comparator::Increasing) {
    throw UsageError("--target: the scenario's targets.csv has no row for '" + key + "'; give --target");
  }
  return target;
}

// What both searches judge: the target, the year, the region and the share of replicates that must meet it.
struct TargetChoice {
  PlanTarget target;
  int year = 0;
  std::size_t region = 0;
  double probability = 0.0;
};

TargetChoice choose_target_year_region(const Scenario& scenario, const po::variables_map& values) {
  TargetChoice choice;
  choice.target = choose_target(scenario, values);
  choice.year = values.count("year") ? values["year"].as<int>() : choice.target.plan_last_year;
  if (choice.year < scenario.first_year() || choice.year > scenario.last_year()) {
    throw UsageError("--year: expected a simulated year, found " + std::to_string(choice.year));
  }
  choice.region = find_region(scenario, values["region"].as<std::string>());
  choice.probability = values["probability"].as<double>();
  if (!(choice.probability > 0.0 && choice.probability <= 1.0)) {
    throw UsageError("--probability: expected a share in (0, 1]");
  }
  return choice;
}

// The region's display name: the city's or a county's, in `language`.
std::string region_name(const Scenario& scenario, std::size_t region, Language language) {
  const auto& counties = scenario.geography.counties;
  if (region == counties.size()) return scenario.text.city_name(language, scenario.name);
  return language == Language::Chinese ? counties[region].name_zh : counties[region].name_en;
}

// "2021–2025": the years whose cost a trial counts.
std::string cost_period(const Scenario& scenario, const PlanTarget& target, int year) {
  return std::to_string(std::max(target.plan_first_year, scenario.first_year())) + "–" + std::to_string(year);
}

std::string trials_csv(const TargetSearch& search, const std::string& unit, Language language) {
  const bool zh = language == Language::Chinese;
  CsvWriter csv(zh ? std::vector<std::string>{"试验", "强度", "达标的重复模拟比例（%）", "指标均值", "指标第5百分位",
                                              "指标第95百分位", "指标单位", "费用（万元）"}
                   : std::vector<std::string>{"trial", "intensity", "share_meeting (%)", "indicator_mean",
                                              "indicator_p5", "indicator_p95", "indicator_unit",
                                              "cost (10,000 RMB)"});
  for (std::size_t k = 0; k < search.trials.size(); ++k) {
    const auto& t = search.trials[k];
    csv.row({std::to_string(k), number_text(t.intensity), format_scaled(t.share_meeting, "share"),
             format_scaled(t.indicator.mean, unit), format_scaled(t.indicator.p5, unit),
             format_scaled(t.indicator.p95, unit), unit_label(unit, language), format_scaled(t.cost_rmb, "RMB")});
  }
  return csv.text();
}

std::string package_trials_csv(const CheapestPackageSearch& search, const Scenario& scenario, const std::string& unit,
                               Language language) {
  const bool zh = language == Language::Chinese;
  CsvWriter csv(zh ? std::vector<std::string>{"方案代码", "方案", "达标的重复模拟比例（%）", "指标均值", "指标第5百分位",
                                              "指标第95百分位", "指标单位", "费用（万元）"}
                   : std::vector<std::string>{"package", "package_label", "share_meeting (%)", "indicator_mean",
                                              "indicator_p5", "indicator_p95", "indicator_unit", "cost (10,000 RMB)"});
  for (const auto& t : search.trials) {
    csv.row({t.package, package_label(scenario.packages, t.package, language), format_scaled(t.share_meeting, "share"),
             format_scaled(t.indicator.mean, unit), format_scaled(t.indicator.p5, unit),
             format_scaled(t.indicator.p95, unit), unit_label(unit, language), format_scaled(t.cost_rmb, "RMB")});
  }
  return csv.text();
}

// The packages named by --packages, each checked against the scenario (the baseline is always known).
std::vector<std::string> chosen_packages(const Scenario& scenario, const std::string& list) {
  std::vector<std::string> names;
  std::stringstream in(list);
  for (std::string name; std::getline(in, name, ',');) {
    if (name.empty()) throw UsageError("--packages: expected package names separated by commas, found " + quote_value(list));
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      throw UsageError("--packages: package '" + name + "' is named twice");
    }
    Scenario probe = scenario;
    probe.select_package(name);  // throws on an unknown package, naming the known ones
    names.push_back(name);
  }
  if (names.empty()) throw UsageError("--packages: expected at least one package");
  return names;
}

// Prints what the cheapest-package search found.
void print_package_search(const Scenario& scenario, const PackageTargetQuery& query, const CheapestPackageSearch& search,
                          const std::string& region, const std::string& period, Language language) {
  const bool zh = language == Language::Chinese;
  const auto& indicator = indicator_info(query.target.indicator);
  const std::string unit = indicator_unit(query.target);
  const std::string share_needed = format_quantity(query.probability, "share");
  if (zh) {
    std::cout << "目标：" << region << "的" << indicator.name_zh << "在" << query.year << "年"
              << target_text(query.target, language) << "，至少" << share_needed << "的重复模拟（共" << query.replicates
              << "次）达到\n比较" << query.packages.size() << "个方案（共同随机数）的达标比例与" << period
              << "年措施费用\n";
  } else {
    std::cout << "Target: " << indicator.name_en << " of " << region << " " << target_text(query.target, language)
              << " in " << query.year << ", in at least " << share_needed << " of " << query.replicates
              << " replicates\nComparing " << query.packages.size()
              << " packages on common random numbers: share meeting the target and intervention cost over " << period
              << "\n";
  }
  using A = TextTable::Align;
  TextTable table({{zh ? "方案" : "package", A::Left},
                   {zh ? "达标比例" : "meeting"},
                   {zh ? "指标均值 [90%区间]" : "indicator mean [90%]", A::Right},
                   {zh ? "费用（万元）" : "cost (10,000 RMB)"}});
  for (const auto& t : search.trials) {
    table.row({package_label(scenario.packages, t.package, language), format_quantity(t.share_meeting, "share"),
               format_interval(t.indicator.mean, t.indicator.p5, t.indicator.p95, unit, language),
               format_scaled(t.cost_rmb, "RMB")});
  }
  std::cout << table.render();
  if (search.found) {
    const std::string label = package_label(scenario.packages, search.found->package, language);
    const std::string cost = format_scaled(search.found->cost_rmb, "RMB");
    if (zh) {
      std::cout << "达到目标的最低费用方案：" << label << "（`" << search.found->package << "`；"
                << format_quantity(search.found->share_meeting, "share") << "的重复模拟达标；" << period << "年费用"
                << cost << "万元）\n";
    } else {
      std::cout << "Cheapest package meeting the target: " << label << " (" << search.found->package << "; met in "
                << format_quantity(search.found->share_meeting, "share") << " of replicates; cost " << cost
                << " x 10,000 RMB over " << period << ")\n";
    }
  } else {
    double best = 0.0;
    for (const auto& t : search.trials) best = std::max(best, t.share_meeting);
    if (zh) {
      std::cout << "无方案达到：最好的方案也只有" << format_quantity(best, "share") << "的重复模拟达标\n";
    } else {
      std::cout << "No package meets the target: the best meets it in only " << format_quantity(best, "share")
                << " of replicates\n";
    }
  }
}

}  // namespace

int target_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("scenario", po::value<std::string>(), "Scenario folder.")
      ("intervention", po::value<std::string>(),
       "The [intervention.NAME] of scenario.ini whose intensity is searched (its scope, timing and costs stay).")
      ("packages", po::value<std::string>(),
       "Instead of --intervention: packages to choose from, separated by commas (e.g. baseline,source_control,"
       "full_plan); each runs the same replicates and the cheapest whose share of replicates meeting the target "
       "reaches --probability is reported. Cost: every intervention of the package, the plan's first year to --year.")
      ("indicator", po::value<std::string>(), "Indicator key, e.g. hazard_declaration_rate (docs/indicators.md).")
      ("target", po::value<double>(), "Threshold (default: the plan's, from targets.csv).")
      ("comparator", po::value<std::string>(), "'>=', '<=' or 'increasing' (default: the plan's).")
      ("year", po::value<int>(), "Year in which the target is judged (default: the plan's last year).")
      ("region", po::value<std::string>()->default_value("city"), "'city' or a county code.")
      ("probability", po::value<double>()->default_value(0.8, "0.8"),
       "Share of replicates that must meet the target, in (0, 1].")
      ("package", po::value<std::string>()->default_value(std::string(kBaselinePackage)),
       "Package the intervention is added to (its own intensity replaced if the package has it).")
      ("low", po::value<double>(), "Lowest intensity searched (default: the smallest the intervention's type allows).")
      ("high", po::value<double>(),
       "Highest intensity searched (default: the largest the type allows when that is at most 1, else 4 x the "
       "intensity in scenario.ini).")
      ("steps", po::value<int>()->default_value(8), "Bisection steps after the two ends (each halves the bracket).")
      ("out,o", po::value<std::string>(), "Also write every trial as CSV to this file.");
  add_language_option(options);
  add_scenario_options(options);
  add_progress_options(options);
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan target DIR (--intervention NAME | --packages A,B,C) --indicator KEY [--target X] "
                     "[--probability P] [--year Y] [--region city|CODE] [--package BASE] [--low L] [--high H] "
                     "[--steps N] [--out FILE]",
                     "Finds, by bisection over its intensity on common random numbers, the weakest intensity of an "
                     "intervention with which the indicator meets the target in at least the given share of "
                     "replicates, and what it costs; or, with --packages, the cheapest of the packages that meets it "
                     "(docs/interventions.md).")) {
    return 0;
  }
  if (!values.count("scenario")) throw UsageError("expected a scenario folder");
  if (values.count("intervention") == values.count("packages")) {
    throw UsageError("expected either --intervention NAME or --packages A,B,C");
  }
  if (!values.count("indicator")) throw UsageError("expected --indicator KEY");
  const Language language = language_option(values);
  const bool zh = language == Language::Chinese;
  {
    CommandPaths paths;
    add_scenario_inputs(paths, values["scenario"].as<std::string>());
    if (values.count("out")) paths.output(values["out"].as<std::string>(), "--out");
    paths.check();
  }
  const ProgressSettings progress_shown = progress_settings(values);
  // Held besides the running simulations: the package search keeps every package's runs and, while a replicate
  // runs, a state per package but one; the intensity search keeps one state per replicate for all its trials.
  const std::string package_text = values.count("packages") ? values["packages"].as<std::string>() : std::string();
  const auto held = [package_text](const Scenario&) {
    HeldRuns h;
    if (package_text.empty()) {
      h.states_per_replicate = 1;
    } else {
      h.runs = std::max<std::int64_t>(1, 1 + std::count(package_text.begin(), package_text.end(), ','));
      h.states_per_running_replicate = h.runs - 1;
    }
    return h;
  };
  LoadedScenario loaded = load_scenario_from_options(values["scenario"].as<std::string>(), values, false, held);
  const Scenario& scenario = loaded.scenario;

  if (values.count("packages")) {
    for (const char* option : {"low", "high"}) {
      if (values.count(option)) throw UsageError(std::string("--") + option + ": only with --intervention");
    }
    PackageTargetQuery query;
    query.packages = chosen_packages(scenario, values["packages"].as<std::string>());
    const TargetChoice choice = choose_target_year_region(scenario, values);
    query.target = choice.target;
    query.year = choice.year;
    query.region = choice.region;
    query.probability = choice.probability;
    query.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
    query.replicates = scenario.parameters.simulation.replicates;
    if (values.count("out")) check_output_writable(values["out"].as<std::string>());
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(loaded.threads));
    CheapestPackageSearch search;
    {
      ProgressLine progress("pneumoplan target " + scenario.name, package_search_replicate_years(scenario, query),
                            "replicate-years", progress_shown);
      search = find_cheapest_package(scenario, query, [&progress] { progress.advance(); });
    }
    if (values.count("out")) {
      write_text_atomically(values["out"].as<std::string>(),
                            package_trials_csv(search, scenario, indicator_unit(query.target), language));
    }
    const std::string region = region_name(scenario, query.region, language);
    const std::string period = cost_period(scenario, query.target, query.year);
    print_package_search(scenario, query, search, region, period, language);
    if (values.count("out")) std::cout << (zh ? "试验表：" : "Trials: ") << values["out"].as<std::string>() << "\n";
    return 0;
  }

  TargetQuery query;
  query.intervention = find_intervention(scenario, values["intervention"].as<std::string>());
  query.base_package = values["package"].as<std::string>();
  {
    Scenario probe = scenario;
    probe.select_package(query.base_package);  // throws on an unknown package
  }
  const TargetChoice choice = choose_target_year_region(scenario, values);
  query.target = choice.target;
  query.year = choice.year;
  query.region = choice.region;
  query.probability = choice.probability;
  const Intervention& chosen = scenario.interventions[query.intervention];
  const auto& info = kind_info(chosen.kind);
  query.low = values.count("low") ? values["low"].as<double>() : info.min;
  query.high = values.count("high") ? values["high"].as<double>()
                                    : (info.max <= 1.0 ? info.max : std::min(info.max, 4.0 * chosen.intensity));
  if (!(query.low >= info.min && query.high <= info.max && query.low < query.high)) {
    char range[128];
    std::snprintf(range, sizeof range, "[%g, %g]", info.min, info.max);
    throw UsageError("--low/--high: expected low < high within " + std::string(range) + " for type " +
                     std::string(info.name));
  }
  query.bisection_steps = values["steps"].as<int>();
  if (query.bisection_steps < 0 || query.bisection_steps > 40) throw UsageError("--steps: expected 0 to 40");
  query.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
  query.replicates = scenario.parameters.simulation.replicates;
  if (values.count("out")) check_output_writable(values["out"].as<std::string>());

  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(loaded.threads));
  TargetSearch search;
  {
    ProgressLine progress("pneumoplan target " + scenario.name, target_search_replicate_years(scenario, query),
                          "replicate-years", progress_shown);
    search = find_target_intensity(scenario, query, [&progress] { progress.advance(); });
  }
  const auto& indicator = indicator_info(query.target.indicator);
  const std::string unit = indicator_unit(query.target);
  if (values.count("out")) write_text_atomically(values["out"].as<std::string>(), trials_csv(search, unit, language));

  const std::string region = region_name(scenario, query.region, language);
  const std::string share_needed = format_quantity(query.probability, "share");
  const std::string package = package_label(scenario.packages, query.base_package, language);
  const std::string period = cost_period(scenario, query.target, query.year);
  if (zh) {
    std::cout << "目标：" << region << "的" << indicator.name_zh << "在" << query.year << "年"
              << target_text(query.target, language) << "，至少" << share_needed << "的重复模拟（共" << query.replicates
              << "次）达到\n"
              << "搜索措施：" << intervention_description(chosen, language) << "（`" << chosen.name << "`，"
              << intervention_kind_label(chosen.kind, language) << "），在方案“" << package << "”之上\n";
  } else {
    std::cout << "Target: " << indicator.name_en << " of " << region << " " << target_text(query.target, language)
              << " in " << query.year << ", in at least " << share_needed << " of " << query.replicates
              << " replicates\n"
              << "Searching intervention " << chosen.name << " (" << intervention_kind_label(chosen.kind, language)
              << ": " << info.intensity << ") on package " << package << "\n";
  }
  using A = TextTable::Align;
  TextTable trials({{zh ? "强度" : "intensity"},
                    {zh ? "达标比例" : "meeting"},
                    {zh ? "指标均值 [90%区间]" : "indicator mean [90%]", A::Right},
                    {zh ? "费用（万元）" : "cost (10,000 RMB)"}});
  for (const auto& t : search.trials) {
    char intensity[32];
    std::snprintf(intensity, sizeof intensity, "%.6g", t.intensity);
    trials.row({intensity, format_quantity(t.share_meeting, "share"),
                format_interval(t.indicator.mean, t.indicator.p5, t.indicator.p95, unit, language),
                format_scaled(t.cost_rmb, "RMB")});
  }
  std::cout << trials.render();
  if (search.found) {
    char intensity[32];
    std::snprintf(intensity, sizeof intensity, "%.6g", search.found->intensity);
    const std::string cost = format_scaled(search.found->cost_rmb, "RMB");
    if (zh) {
      std::cout << "达到目标的最低强度：" << intensity << "（" << format_quantity(search.found->share_meeting, "share")
                << "的重复模拟达标；" << period << "年费用" << cost << "万元）\n";
    } else {
      std::cout << "Weakest intensity meeting the target: " << intensity << " (met in "
                << format_quantity(search.found->share_meeting, "share") << " of replicates; cost " << cost
                << " x 10,000 RMB over " << period << ")\n";
    }
  } else {
    char intensity[32];
    std::snprintf(intensity, sizeof intensity, "%.6g", search.stronger_is_higher ? query.high : query.low);
    const std::string met =
        format_quantity(search.stronger_is_higher ? search.trials[1].share_meeting : search.trials[0].share_meeting, "share");
    if (zh) {
      std::cout << "无法达到：即使强度为" << intensity << "，也只有" << met << "的重复模拟达标\n";
    } else {
      std::cout << "Not reachable: even intensity " << intensity << " meets the target in only " << met
                << " of replicates\n";
    }
  }
  if (values.count("out")) std::cout << (zh ? "试验表：" : "Trials: ") << values["out"].as<std::string>() << "\n";
  return 0;
}

}  // namespace pneumo::cli
