// Reads a scenario folder and checks it completely before anything is simulated or written:
//   scenario.ini    parameters (docs/scenario-format.md)
//   counties.csv    county_code,name_zh,name_en,population,seat_lon,seat_lat
//   townships.csv   township_code,county_code,name_zh,kind,lon,lat,point_approximate,weight
//   strata.csv      county_code,industry,size_class,enterprises,workers,dust_gm_mg_m3,dust_gsd,
//                   silica_fraction,share_migrant,share_dispatched,female_share
//   life_table.csv  period_mid_year,age_start,age_width,mx_male,mx_female
//   trends.csv      industry,county_code,year,workforce_index,concentration_index   (optional)
//   institutions.csv  occupational-health institutions (optional)
//   targets.csv     the plan's indicator table (optional)
//   stations.csv    rehabilitation stations already open (optional)
// Any problem throws InputError naming the file, the line and what was expected.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// `overrides` are "section.key=value" settings applied over scenario.ini (pneumoplan run --set), checked
// like the file's own values; their errors name "--set" and the override's position.
// `check_size`, when given, is called once every table is read and checked, before the loader builds its
// large derived tables (the township distances grow with the square of the townships), so a caller can
// refuse a scenario too large to run (memory_estimate.hpp) before it is attempted.
Scenario load_scenario(const std::string& directory, const std::vector<std::string>& overrides = {},
                       const std::function<void(const Scenario&)>& check_size = {});

struct ScenarioLoadOptions {
  std::function<void(const Scenario&)> check_size;  // as above
  // false: distances.csv is read and checked, but the table of distances between every pair of townships
  // (8 bytes x townships squared: 3 GB at 20,000 townships) is not built, so checking stays light
  // (pneumoplan run --check). Such a scenario cannot be simulated.
  bool township_distances = true;
};
Scenario load_scenario(const std::string& directory, const std::vector<std::string>& overrides,
                       const ScenarioLoadOptions& options);

// The files of a scenario folder the loader reads (those that exist), for the checks that no command writes
// over its own input.
const std::vector<std::string>& scenario_file_names();

// Reads a plan's indicator table; used by the loader and by tests.
std::vector<PlanTarget> read_targets(const std::string& path, std::string* contents = nullptr);

// Pieces, for tests and for cohort files that reuse them.
// `contents`, when given, receives the normalised text of the file.
LifeTable read_life_table(const std::string& path, std::string* contents = nullptr);

}  // namespace pneumo
