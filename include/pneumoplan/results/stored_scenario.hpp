// The scenario a results file was run from, rebuilt from the input files it carries (/scenario/inputs: the
// exact normalised text of scenario.ini, the CSV tables and the --set overrides), with the package it ran
// selected. So whatever reads results — the station site table, the reports — sees the same townships,
// distances, capacities, interventions and names as the simulation did, without the scenario folder.
#pragma once

#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// Throws IoError naming the results file when its inputs no longer load (a file of another version).
Scenario stored_scenario(const ResultsFile& results);

}  // namespace pneumo
