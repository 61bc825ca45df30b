// Every class of bad scenario input is refused with InputError naming the file, the line and what was
// expected. Each case copies the small test scenario and breaks one thing.
#include <gtest/gtest.h>

#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

struct BadInput {
  std::string name;
  std::string file;
  std::string find;     // text to replace in the file ("" = append `replace` to the file)
  std::string replace;  // replacement
  std::string expected; // the message must contain "FILE:" + this
};

std::ostream& operator<<(std::ostream& out, const BadInput& b) { return out << b.name; }

class ScenarioErrors : public ::testing::TestWithParam<BadInput> {};

TEST_P(ScenarioErrors, AreRefusedWithFileLineAndExpectation) {
  const BadInput& bad = GetParam();
  test::ScratchFolder scratch;
  const std::string dir = test::copy_small_scenario(scratch);
  const std::string path = dir + "/" + bad.file;
  std::string contents = test::read_file(path);
  if (bad.find.empty()) {
    contents += bad.replace;
  } else {
    const auto at = contents.find(bad.find);
    ASSERT_NE(at, std::string::npos) << "fixture lacks '" << bad.find << "'";
    contents.replace(at, bad.find.size(), bad.replace);
  }
  test::write_file(path, contents);
  try {
    load_scenario(dir);
    FAIL() << "accepted: " << bad.name;
  } catch (const InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(path + ":" + bad.expected), std::string::npos) << message;
  }
}

INSTANTIATE_TEST_SUITE_P(
    BadInputs, ScenarioErrors,
    ::testing::Values(
        BadInput{"unknown_key", "scenario.ini", "seed = 7", "seed = 7\nsead = 3",
                 "8: unknown key 'simulation.sead'; did you mean 'simulation.seed'?"},
        BadInput{"value_out_of_range", "scenario.ini", "replicates = 3", "replicates = 0",
                 "6: key 'simulation.replicates': expected a whole number in [1, 100000]"},
        BadInput{"value_not_a_number", "scenario.ini", "seed = 7", "seed = seven", "7: key 'simulation.seed'"},
        BadInput{"years_out_of_order", "scenario.ini", "end_year = 2030", "end_year = 1980",
                 "4: key 'simulation.end_year': expected a year after simulation.start_year"},
        BadInput{"malformed_ini_line", "scenario.ini", "[surveillance]", "[surveillance]\nfollowup",
                 "10: expected 'key = value' or '[section]'"},
        BadInput{"missing_strata_column", "strata.csv", ",female_share\n", "\n",
                 "1: expected a column named 'female_share'"},
        BadInput{"unknown_column", "counties.csv", "seat_lat\n", "seat_lat,mayor\n", "1: unknown column 'mayor'"},
        BadInput{"short_row", "strata.csv", "320305,construction,small,10,400,0.5,2.5,0.1,0.85,0,0.05",
                 "320305,construction,small,10,400,0.5", "6: expected 11 fields as in the header, found 6"},
        BadInput{"unknown_county_in_strata", "strata.csv", "320381,stone_processing", "320399,stone_processing",
                 "5: column 'county_code': expected a county listed in counties.csv, found unknown code 320399"},
        BadInput{"unknown_county_in_townships", "townships.csv", "320381101,320381", "320381101,999999",
                 "7: column 'county_code': expected a county listed in counties.csv"},
        BadInput{"unknown_industry", "strata.csv", "stone_processing", "stone_carving",
                 "5: column 'industry': expected one of coal_mining"},
        BadInput{"unknown_size_class", "strata.csv", "stone_processing,micro", "stone_processing,tiny",
                 "5: column 'size_class': expected one of large, medium, small, micro"},
        BadInput{"negative_workers", "strata.csv", "20,1000,1.2", "20,-1000,1.2",
                 "4: column 'workers': expected a whole number in [0, 50000000]"},
        BadInput{"share_above_one", "strata.csv", "1.2,2.5,0.3,0.6", "1.2,2.5,1.3,0.6",
                 "4: column 'silica_fraction': expected a number in [0, 1]"},
        BadInput{"shares_sum_above_one", "strata.csv", "0.3,0.6,0.05,0.15", "0.3,0.6,0.5,0.15",
                 "4: expected share_migrant + share_dispatched <= 1"},
        BadInput{"nan_value", "strata.csv", "1.2,2.5,0.3", "nan,2.5,0.3",
                 "4: column 'dust_gm_mg_m3': expected a finite number"},
        BadInput{"gsd_below_one", "strata.csv", "2.5,1.8", "2.5,0.8", "2: column 'dust_gsd': expected a number in [1, 20]"},
        BadInput{"duplicate_stratum", "strata.csv", "", "320305,construction,small,1,10,0.5,2.5,0.1,0.85,0,0.05\n",
                 "7: expected one row per county, industry and size class; this one repeats line 6"},
        BadInput{"duplicate_county", "counties.csv", "", "320305,贾汪,Jiawang,1,117,34\n",
                 "4: county_code 320305 repeats (first on line 2)"},
        BadInput{"duplicate_township", "townships.csv", "", "320305001,320305,x,street,117,34,0,1\n",
                 "8: township_code 320305001 repeats (first on line 2)"},
        BadInput{"bad_township_kind", "townships.csv", "320381001,320381,新安街道,street", "320381001,320381,新安街道,village",
                 "5: column 'kind': expected one of street, town, township, other"},
        BadInput{"latitude_out_of_range", "counties.csv", "118.346,34.369", "118.346,134.369",
                 "3: column 'seat_lat': expected a number in [-90, 90]"},
        BadInput{"life_table_gap", "life_table.csv", "1993,5,5,", "1993,6,5,",
                 "9: column 'age_start': expected 5 (age groups must start at 0 and follow each other without gaps)"},
        BadInput{"trend_years_out_of_order", "trends.csv", "coal_mining,,2010,1.0,1.0", "coal_mining,,1980,1.0,1.0",
                 "3: column 'year': expected years in increasing order for coal_mining (after 1990)"},
        BadInput{"trend_unknown_county", "trends.csv", "coal_mining,320305,1990", "coal_mining,320300,1990",
                 "5: column 'county_code': expected a county listed in counties.csv (or empty for the whole city)"},
        BadInput{"trend_without_values", "trends.csv", "construction,,2020,1.2,", "construction,,2020,,",
                 "9: expected a workforce_index or a concentration_index (both are empty)"},
        BadInput{"not_utf8", "townships.csv", "窑湾镇", "\xD2\xA4\xCD\xE5",
                 "7: expected UTF-8 text, found an invalid byte sequence"},
        BadInput{"spaced_section", "scenario.ini", "[simulation]", "[ simulation ]",
                 "2: expected a section name without spaces"},
        BadInput{"plus_minus_number", "strata.csv", "1.2,2.5,0.3", "+-1.2,2.5,0.3",
                 "4: column 'dust_gm_mg_m3': expected a finite number"},
        BadInput{"retirement_before_hiring", "scenario.ini", "[surveillance]",
                 "[population]\nhire_age_min_years = 39\nretirement_age_female_years = 40\n[surveillance]",
                 "11: key 'population.retirement_age_female_years': expected a retirement age at least 2 years above"},
        BadInput{"runaway_concentration_trend", "scenario.ini", "[surveillance]",
                 "[exposure]\ndefault_annual_change = -0.5\n[surveillance]",
                 "10: key 'exposure.default_annual_change': expected a change that keeps concentrations within"},
        BadInput{"unknown_dust_type", "strata.csv", "female_share\n", "female_share,dust_type\n",
                 "2: expected 12 fields as in the header, found 11"},
        BadInput{"target_unknown_indicator", "targets.csv", "hazard_declaration_rate", "hazard_declaration_ratio",
                 "3: column 'indicator_key': expected one of injury_insurance_enrolled"},
        BadInput{"target_bad_comparator", "targets.csv", ",>=,0.85,", ",>,0.85,",
                 "4: column 'comparator': expected >=, <= or increasing, found '>'"},
        BadInput{"target_share_above_one", "targets.csv", ",>=,0.90,share", ",>=,90,share",
                 "3: column 'target': expected a number in [0, 1]"},
        BadInput{"target_bad_period", "targets.csv", ",share,2021-2025,binding\n3", ",share,2025-2021,binding\n3",
                 "3: column 'plan_period': expected FIRST-LAST years such as 2021-2025"},
        BadInput{"target_repeated", "targets.csv", "", "7,hazard_declaration_rate,申报率,>=,0.9,share,2021-2025,\n",
                 "8: expected each indicator once; 'hazard_declaration_rate' repeats line 3"},
        BadInput{"institution_unknown_county", "institutions.csv", "Xinyi hospital,320381", "Xinyi hospital,320388",
                 "4: column 'county_code': expected a county listed in counties.csv (or empty for a city-level"},
        BadInput{"institution_without_capacity", "institutions.csv", "1995,,1500,0", "1995,,0,0",
                 "3: column 'exam_capacity_per_year': expected a positive capacity for an exam institution"},
        BadInput{"station_unknown_township", "stations.csv", "320305100", "320305199",
                 "2: column 'township_code': expected a township listed in townships.csv"},
        BadInput{"distance_unknown_township", "distances.csv", "",
                 "from_township_code,to_township_code,km\n320305001,320305999,5\n",
                 "2: column 'to_township_code': expected a township listed in townships.csv"},
        BadInput{"distance_pair_repeated", "distances.csv", "",
                 "from_township_code,to_township_code,km\n320305001,320381001,5\n320381001,320305001,6\n",
                 "3: expected each pair of townships once (in either direction); this pair repeats line 2"},
        BadInput{"distance_negative", "distances.csv", "",
                 "from_township_code,to_township_code,km\n320305001,320381001,-5\n",
                 "2: column 'km': expected a number in [0, 100000]"}));

TEST(ScenarioErrorsWhole, MissingFilesAreNamed) {
  test::ScratchFolder scratch;
  const std::string dir = test::copy_small_scenario(scratch);
  std::filesystem::remove(dir + "/counties.csv");
  try {
    load_scenario(dir);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), dir + "/counties.csv: expected a readable file; it is missing");
  }
  EXPECT_THROW(load_scenario(scratch.file("no-such-folder")), InputError);
}

TEST(ScenarioErrorsWhole, WindowsLineEndingsAndByteOrderMarksAreAccepted) {
  test::ScratchFolder scratch;
  const std::string dir = test::copy_small_scenario(scratch);
  for (const char* name : {"scenario.ini", "strata.csv", "counties.csv"}) {
    std::string contents = test::read_file(dir + "/" + name);
    std::string crlf = "\xEF\xBB\xBF";
    for (const char c : contents) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    test::write_file(dir + "/" + name, crlf);
  }
  const Scenario scenario = load_scenario(dir);
  EXPECT_EQ(scenario.strata.size(), test::small_scenario().strata.size());
  EXPECT_EQ(scenario.parameters.simulation.seed, 7);
}

TEST(ScenarioOverrides, SetValuesOverTheFileAndAreRecorded) {
  const Scenario scenario = load_scenario(test::data_path("small"), {"rehab.station_threshold_patients=20", "simulation.seed = 9"});
  EXPECT_DOUBLE_EQ(scenario.parameters.rehab.station_threshold_patients, 20.0);
  EXPECT_EQ(scenario.parameters.simulation.seed, 9);
  EXPECT_NE(scenario.resolved_ini.find("station_threshold_patients = 20"), std::string::npos);
  EXPECT_EQ(scenario.input_files.at(kOverridesInput), "rehab.station_threshold_patients=20\nsimulation.seed = 9\n");
  try {
    load_scenario(test::data_path("small"), {"simulation.seed=1", "simulation.sead=3"});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "--set:2: unknown key 'simulation.sead'; did you mean 'simulation.seed'?");
  }
  EXPECT_THROW(load_scenario(test::data_path("small"), {"simulation.end_year=1980"}), InputError);
}

TEST(ScenarioErrorsWhole, TheShippedScenarioLoads) {
  const Scenario scenario = load_scenario(test::source_path("scenarios/xuzhou"));
  EXPECT_EQ(scenario.geography.counties.size(), 10u);
  EXPECT_EQ(scenario.geography.townships.size(), 186u);
  EXPECT_GT(scenario.base_year_workers(), 10000);
}

}  // namespace
}  // namespace pneumo
