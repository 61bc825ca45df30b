// A scenario: everything a simulation needs, loaded and validated once, then read-only. Replicates
// share one Scenario and never modify it.
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "pneumoplan/evidence/exposure_response.hpp"
#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/scenario/geography.hpp"
#include "pneumoplan/scenario/industry_trends.hpp"
#include "pneumoplan/scenario/institution.hpp"
#include "pneumoplan/scenario/intervention.hpp"
#include "pneumoplan/scenario/plan_target.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"
#include "pneumoplan/scenario/scenario_text.hpp"
#include "pneumoplan/scenario/stratum.hpp"

namespace pneumo {

// The name under which the --set overrides are kept among a scenario's input files (a plain identifier, as
// every dataset name of a results file; format version 2 called it "command-line overrides (--set)").
inline constexpr const char* kOverridesInput = "command_line_overrides";

struct Scenario {
  std::string name;       // folder name, e.g. "xuzhou"
  std::string directory;  // as given by the user
  ScenarioText text;      // the city's display names and the scenario's description ([city], [scenario])
  ScenarioParameters parameters;
  Geography geography;
  std::vector<Stratum> strata;
  IndustryTrends trends;
  LifeTable life_table;
  std::array<const ExposureResponseProfile*, kIndustryCount> profile_of_industry{};
  std::vector<Institution> institutions;  // empty when the scenario has no institutions.csv
  bool has_institutions = false;          // without them, capacity is unlimited and their indicators unknown
  std::vector<PlanTarget> targets;        // the city's indicator table (targets.csv), possibly empty
  struct ExistingStation {
    std::uint16_t township;
    int opened_year;
  };
  std::vector<ExistingStation> existing_stations;  // stations.csv
  // Road distances between townships, km, row-major [from][to]: great-circle × rehab.road_factor, replaced
  // by distances.csv where given.
  std::vector<double> township_distance_km;

  std::vector<Intervention> interventions;  // every [intervention.NAME] of scenario.ini
  std::vector<PolicyPackage> packages;      // every [package.NAME]
  std::string active_package{kBaselinePackage};
  std::vector<std::size_t> active_interventions;  // of the active package; empty for the baseline

  // Makes `name` (a package, or "baseline") the one the simulation runs; throws UsageError if unknown.
  void select_package(const std::string& name);

  std::string resolved_ini;                      // every parameter with its effective value
  std::map<std::string, std::string> input_files;  // file name -> normalised contents, for provenance

  int first_year() const { return static_cast<int>(parameters.simulation.start_year); }
  int last_year() const { return static_cast<int>(parameters.simulation.end_year); }
  int year_count() const { return last_year() - first_year() + 1; }
  double exposure_limit(DustType type) const;  // mg/m3, from the [limits] parameters
  // Keeps the trends' indices in tables for every year the simulation can ask (IndustryTrends::tabulate):
  // call it once the geography, the years and the trends are set.
  void tabulate_trends();
  std::int64_t base_year_workers() const;
};

}  // namespace pneumo
