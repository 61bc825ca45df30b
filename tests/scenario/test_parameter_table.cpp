// The parameter table: every default parses, lies in its range and names a source; keys are unique; and
// values from a file are checked with the file and line in the message.
#include <gtest/gtest.h>

#include <set>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {
namespace {

TEST(ParameterTable, DefaultsParseAndEveryEntryIsDocumented) {
  ScenarioParameters parameters;
  EXPECT_NO_THROW(scenario_parameter_table().apply_defaults(parameters));
  std::set<std::string> keys;
  for (const auto& spec : scenario_parameter_table().specs()) {
    EXPECT_TRUE(keys.insert(spec.key).second) << "duplicate key " << spec.key;
    EXPECT_FALSE(spec.source.empty()) << spec.key;
    EXPECT_FALSE(spec.meaning.empty()) << spec.key;
    EXPECT_NE(spec.key.find('.'), std::string::npos) << spec.key;
  }
  CohortSpec cohort;
  EXPECT_NO_THROW(cohort_parameter_table().apply_defaults(cohort));
}

TEST(ParameterTable, ValuesFromAFileAreRangeCheckedWithTheirLine) {
  const auto& table = scenario_parameter_table();
  ScenarioParameters parameters = default_scenario_parameters();
  const auto doc = IniDocument::parse(parse_text("scenario.ini", "[disease]\nprogression_probability_1_2 = 1.5\n"),
                                      table.keys());
  try {
    table.apply(doc, parameters);
    FAIL() << "out-of-range value accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "scenario.ini:2: key 'disease.progression_probability_1_2': expected a number in [0, 1] probability, "
              "found '1.5'");
  }
}

TEST(ParameterTable, ChoicesAreEnforced) {
  const auto& table = scenario_parameter_table();
  ScenarioParameters parameters = default_scenario_parameters();
  const auto doc =
      IniDocument::parse(parse_text("s.ini", "[disease]\nprofile_coal_mining = silica_unobtainium\n"), table.keys());
  EXPECT_THROW(table.apply(doc, parameters), InputError);
}

TEST(ParameterTable, ResolvedTextRoundTrips) {
  const auto& table = scenario_parameter_table();
  ScenarioParameters original = default_scenario_parameters();
  original.disease.onset_latency_median_years = 6.25;
  const std::string text = table.resolved_text(original);
  ScenarioParameters reread = default_scenario_parameters();
  table.apply(IniDocument::parse(parse_text("resolved.ini", text), table.keys()), reread);
  EXPECT_EQ(table.resolved_text(reread), text);
  EXPECT_DOUBLE_EQ(reread.disease.onset_latency_median_years, 6.25);
}

}  // namespace
}  // namespace pneumo
