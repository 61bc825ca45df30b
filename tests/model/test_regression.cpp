// Regression: the small scenario's city totals, summed over stages, per year and replicate, against the
// stored reference tests/data/small_expected.csv. Any change to the model's numbers shows up here; when a
// change is intended, regenerate the reference with
//   PNEUMO_UPDATE_REFERENCE=1 ctest -R Regression
// and explain the change in the commit.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

std::string city_totals_csv(const Scenario& scenario, const std::vector<ReplicateResults>& replicates) {
  std::ostringstream out;
  out << "replicate,year";
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto& spec = output_catalogue()[i];
    if (spec.axes.size() >= 2 && spec.axes[1] == Axis::Region) out << ',' << spec.name;
  }
  out << '\n';
  for (std::size_t r = 0; r < replicates.size(); ++r) {
    for (int year = scenario.first_year(); year <= scenario.last_year(); ++year) {
      const auto y = static_cast<std::size_t>(year - scenario.first_year());
      out << r << ',' << year;
      for (std::size_t i = 0; i < kOutputCount; ++i) {
        const auto& spec = output_catalogue()[i];
        if (spec.axes.size() < 2 || spec.axes[1] != Axis::Region) continue;
        const auto& array = replicates[r][static_cast<OutputId>(i)];
        const std::size_t row = array.values.size() / array.shape[0];
        const std::size_t stages = spec.axes.size() == 3 ? array.shape[2] : 1;
        double total = 0.0;
        for (std::size_t s = 0; s < stages; ++s) total += array.values[y * row + row - stages + s];
        char cell[64];
        std::snprintf(cell, sizeof cell, ",%.17g", total);
        out << cell;
      }
      out << '\n';
    }
  }
  return out.str();
}

TEST(Regression, SmallScenarioMatchesStoredReference) {
  const Scenario& scenario = test::small_scenario();
  RunRequest request;
  request.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
  request.replicates = scenario.parameters.simulation.replicates;
  const std::string actual = city_totals_csv(scenario, run_replicates(scenario, request));
  const std::string reference_path = test::data_path("small_expected.csv");
  const char* update = std::getenv("PNEUMO_UPDATE_REFERENCE");
  if (update && std::string(update) == "1") {
    test::write_file(reference_path, actual);
    GTEST_SKIP() << "reference rewritten: " << reference_path;
  }
  const std::string expected = test::read_file(reference_path);
  ASSERT_FALSE(expected.empty()) << "missing reference; run with PNEUMO_UPDATE_REFERENCE=1";
  // Compare line by line to point at the first difference.
  std::istringstream a(actual), e(expected);
  std::string actual_line, expected_line;
  long line = 0;
  while (std::getline(e, expected_line)) {
    ++line;
    ASSERT_TRUE(std::getline(a, actual_line)) << "result is shorter than the reference at line " << line;
    ASSERT_EQ(actual_line, expected_line) << "first difference at line " << line << " of " << reference_path;
  }
  EXPECT_FALSE(std::getline(a, actual_line)) << "result is longer than the reference";
}

}  // namespace
}  // namespace pneumo
