// The key assumptions of a run, for reports: the scenario's own description ([scenario] description_en /
// description_zh of its scenario.ini, else the comment at its top), its size, the station layout, command-line
// overrides, the package simulated and the interventions it runs (from the scenario stored in the results
// file, stored_scenario.hpp), and every parameter whose value differs from the documented default
// (scenario_parameter_table()).
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/results/results_reader.hpp"

namespace pneumo {

struct ParameterDifference {
  std::string key, value, default_value, unit;
};

// An intervention the simulated package runs, as a report lists it.
struct ActiveIntervention {
  std::string name, kind_en, kind_zh, description_en, description_zh;
  std::string counties_en, counties_zh;  // "all counties" / "全市各区县", or the counties' names
  int start_year = 0, end_year = 0;
  double ramp_years = 0.0, intensity = 0.0, cost_per_unit_rmb = 0.0, cost_fixed_rmb = 0.0;
  std::string intensity_meaning;  // what the intensity measures (English, from the kind's table)
};

struct ScenarioAssumptions {
  std::string description;     // English: [scenario] description_en, else the leading comment of scenario.ini
  std::string description_zh;  // [scenario] description_zh; empty when none
  std::string package = "baseline", package_label_en, package_label_zh;  // the package simulated
  std::vector<ActiveIntervention> active;  // its interventions (none for the baseline)
  std::string stored_problem;              // why the stored scenario could not be read back ("" when it could)
  std::size_t counties = 0, townships = 0;
  std::string station_layout;          // rule, optimised or given (rehab.layout)
  std::string optimise_model;          // for optimised layouts
  std::string station_threshold, rule_start_year;  // for the rule
  std::string patients_counted;        // diagnosed or true
  std::string overrides;                        // "--set" lines, one per line; empty when none
  std::vector<std::string> named_sections;      // "intervention.NAME", "package.NAME" as in scenario.ini
  std::vector<ParameterDifference> non_default; // in parameter-table order
};

ScenarioAssumptions scenario_assumptions(const ResultsFile& results);

}  // namespace pneumo
