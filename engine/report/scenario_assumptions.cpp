#include "pneumoplan/report/scenario_assumptions.hpp"

#include <map>
#include <regex>
#include <sstream>

#include "pneumoplan/scenario/scenario.hpp"
#include "pneumoplan/results/stored_scenario.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {
namespace {

// "section.key" -> value, from the resolved scenario ("key = value  # unit" lines under "[section]").
std::map<std::string, std::string> resolved_values(const std::string& resolved_ini) {
  std::map<std::string, std::string> values;
  std::istringstream lines(resolved_ini);
  std::string line, section;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    if (line.front() == '[') {
      section = line.substr(1, line.find(']') - 1);
      continue;
    }
    const auto equals = line.find(" = ");
    if (equals == std::string::npos) continue;
    std::string value = line.substr(equals + 3);
    const auto comment = value.find("  #");
    if (comment != std::string::npos) value.resize(comment);
    values[section + "." + line.substr(0, equals)] = value;
  }
  return values;
}

bool same_value(const std::string& a, const std::string& b) {
  if (a == b) return true;
  double x = 0.0, y = 0.0;
  return parse_parameter_real(a, x) && parse_parameter_real(b, y) && x == y;
}

}  // namespace

ScenarioAssumptions scenario_assumptions(const ResultsFile& results) {
  ScenarioAssumptions a;
  a.counties = results.region_codes.size() - 1;
  a.townships = results.township_codes.size() - 1;
  a.station_layout = results.resolved_parameter("rehab.layout");
  a.optimise_model = results.resolved_parameter("rehab.optimise_model");
  a.station_threshold = results.resolved_parameter("rehab.station_threshold_patients");
  a.rule_start_year = results.resolved_parameter("rehab.rule_start_year");
  a.patients_counted = results.resolved_parameter("rehab.patients_counted");

  if (const auto ini = results.read_input("scenario.ini")) {
    std::istringstream lines(*ini);
    std::string line;
    bool in_header = true;
    static const std::regex named(R"(^\s*\[((intervention|package)\.[a-z0-9_]+)\]\s*$)");
    while (std::getline(lines, line)) {
      if (in_header && !line.empty() && line.front() == '#') {
        const std::string text = line.substr(line.size() > 1 && line[1] == ' ' ? 2 : 1);
        a.description += (a.description.empty() ? "" : " ") + text;
        continue;
      }
      in_header = false;
      std::smatch match;
      if (std::regex_match(line, match, named)) a.named_sections.push_back(match[1]);
    }
  }
  a.package = results.package;
  a.package_label_en = a.package_label_zh = results.package;
  try {
    const Scenario scenario = stored_scenario(results);
    if (!scenario.text.description_en.empty()) a.description = scenario.text.description_en;
    a.description_zh = scenario.text.description_zh;
    a.package_label_en = package_label(scenario.packages, results.package, Language::English);
    a.package_label_zh = package_label(scenario.packages, results.package, Language::Chinese);
    for (const std::size_t k : scenario.active_interventions) {
      const Intervention& i = scenario.interventions[k];
      ActiveIntervention active;
      active.name = i.name;
      active.kind_en = intervention_kind_label(i.kind, Language::English);
      active.kind_zh = intervention_kind_label(i.kind, Language::Chinese);
      active.description_en = intervention_description(i, Language::English);
      active.description_zh = intervention_description(i, Language::Chinese);
      if (i.counties.empty()) {
        active.counties_en = "all counties";
        active.counties_zh = "全市各区县";
      } else {
        for (std::size_t c = 0; c < i.counties.size(); ++c) {
          if (!i.counties[c]) continue;
          const auto& county = scenario.geography.counties[c];
          active.counties_en += (active.counties_en.empty() ? "" : ", ") + county.name_en;
          active.counties_zh += (active.counties_zh.empty() ? "" : "、") + county.name_zh;
        }
      }
      active.start_year = i.start_year;
      active.end_year = i.end_year;
      active.ramp_years = i.ramp_years;
      active.intensity = i.intensity;
      active.cost_per_unit_rmb = i.cost_per_unit_rmb;
      active.cost_fixed_rmb = i.cost_fixed_rmb;
      active.intensity_meaning = std::string(kind_info(i.kind).intensity);
      a.active.push_back(std::move(active));
    }
  } catch (const std::runtime_error& error) {
    a.stored_problem = error.what();
  }
  if (const auto overrides = results.read_input(kOverridesInput)) a.overrides = *overrides;
  while (!a.overrides.empty() && a.overrides.back() == '\n') a.overrides.pop_back();

  const auto values = resolved_values(results.resolved_ini);
  for (const auto& spec : scenario_parameter_table().specs()) {
    const auto found = values.find(spec.key);
    if (found == values.end() || same_value(found->second, spec.default_value)) continue;
    a.non_default.push_back({spec.key, found->second, spec.default_value, spec.unit});
  }
  return a;
}

}  // namespace pneumo
