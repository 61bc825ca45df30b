// Reads the [intervention.NAME] and [package.NAME] sections of scenario.ini (and of --set overrides) into
// checked Intervention and PolicyPackage values; errors name the file and line.
#pragma once

#include <vector>

#include "pneumoplan/core/ini_document.hpp"
#include "pneumoplan/scenario/geography.hpp"
#include "pneumoplan/scenario/intervention.hpp"

namespace pneumo {

// The keys the two kinds of named sections accept, for IniSchema.
IniSchema scenario_ini_schema();

struct InterventionSet {
  std::vector<Intervention> interventions;
  std::vector<PolicyPackage> packages;
};

// `overrides` entries win over `file` entries of the same key. `last_year` is the default end year.
InterventionSet read_interventions(const IniDocument& file, const IniDocument& overrides, const Geography& geography,
                                   int last_year);

}  // namespace pneumo
