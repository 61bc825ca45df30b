// The key assumptions of a run, for reports: the scenario's own description (the comment at the top of its
// scenario.ini), its size, the station layout, command-line overrides, named interventions and packages,
// and every parameter whose value differs from the documented default (scenario_parameter_table()).
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/results/results_reader.hpp"

namespace pneumo {

struct ParameterDifference {
  std::string key, value, default_value, unit;
};

struct ScenarioAssumptions {
  std::string description;  // the leading comment of scenario.ini, without '#'
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
