// Shared by the files that build the scenario parameter table: one file per scenario.ini section.
// Each section's function appends its parameters, with default, unit, range, source and meaning.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo::parameters {

using Spec = ParameterSpec<ScenarioParameters>;
using P = ScenarioParameters;

inline Spec real(std::string key, std::string value, std::string unit, double min, double max, std::string source,
                 std::string meaning, Spec::RealField field) {
  return Spec{std::move(key), std::move(value), std::move(unit), min, max, std::move(source), std::move(meaning),
              std::move(field), {}};
}

inline Spec integer(std::string key, std::string value, std::string unit, double min, double max,
                    std::string source, std::string meaning, Spec::IntegerField field) {
  return Spec{std::move(key), std::move(value), std::move(unit), min, max, std::move(source), std::move(meaning),
              std::move(field), {}};
}

inline Spec choice(std::string key, std::string value, std::string source, std::string meaning, Spec::TextField field,
                   std::vector<std::string> choices) {
  return Spec{std::move(key), std::move(value), "", 0, 0, std::move(source), std::move(meaning), std::move(field),
              std::move(choices)};
}

// A choice held as an enum: `field` returns the enum member, `names[i]` is the spelling of value i.
template <typename Field, std::size_t N>
Spec enum_choice(std::string key, std::string value, std::string source, std::string meaning, Field field,
                 const std::array<std::string_view, N>& names) {
  using Enum = std::remove_reference_t<std::invoke_result_t<Field, P&>>;
  Spec::ChoiceField choice{[field](P& p, std::size_t i) { field(p) = static_cast<Enum>(i); },
                           [field](P& p) { return static_cast<std::size_t>(field(p)); }};
  return Spec{std::move(key), std::move(value), "", 0, 0, std::move(source), std::move(meaning), std::move(choice),
              std::vector<std::string>(names.begin(), names.end())};
}

void add_simulation(std::vector<Spec>& s);
void add_population(std::vector<Spec>& s);
void add_exposure(std::vector<Spec>& s);
void add_disease(std::vector<Spec>& s);
void add_surveillance(std::vector<Spec>& s);
void add_compliance(std::vector<Spec>& s);
void add_limits(std::vector<Spec>& s);
void add_programmes(std::vector<Spec>& s);  // enforcement, SME help, knowledge, supervision
void add_rehab(std::vector<Spec>& s);
void add_care(std::vector<Spec>& s);
void add_institutions(std::vector<Spec>& s);
void add_scorecard(std::vector<Spec>& s);
void add_economics(std::vector<Spec>& s);
void add_return_migration(std::vector<Spec>& s);

}  // namespace pneumo::parameters
