// Every scalar parameter of scenario.ini: key, default, unit, range, source and meaning, assembled from
// one file per section (engine/scenario/parameters/). Sources cite docs/references.md (references.md §n) or say
// "assumed" with the reasoning; docs/scenario-format.md is generated from this table
// (`pneumoplan params --markdown`) and a test keeps the two in step.

#include "parameters/parameter_helpers.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

const ParameterTable<ScenarioParameters>& scenario_parameter_table() {
  static const ParameterTable<ScenarioParameters> table([] {
    std::vector<parameters::Spec> specs;
    parameters::add_simulation(specs);
    parameters::add_population(specs);
    parameters::add_exposure(specs);
    parameters::add_disease(specs);
    parameters::add_surveillance(specs);
    parameters::add_compliance(specs);
    parameters::add_limits(specs);
    parameters::add_programmes(specs);
    parameters::add_rehab(specs);
    parameters::add_care(specs);
    parameters::add_institutions(specs);
    parameters::add_scorecard(specs);
    parameters::add_economics(specs);
    parameters::add_return_migration(specs);
    return specs;
  }());
  return table;
}

ScenarioParameters default_scenario_parameters() {
  ScenarioParameters parameters;
  scenario_parameter_table().apply_defaults(parameters);
  return parameters;
}

}  // namespace pneumo
