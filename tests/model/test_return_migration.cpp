// Residents coming home from dust work elsewhere ([return_migration], return_migration.hpp): they are counted as
// patients in their own home township and county, a scenario without them is bit-identical to one from before
// the mechanism existed, and a bad setting is refused naming the file and line.
#include <gtest/gtest.h>

#include <map>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/model/simulation.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

const std::vector<std::string> kReturners = {"return_migration.returners_per_year=60",
                                             "return_migration.start_year=1995",
                                             "return_migration.dust_median_mg_m3=4"};

TEST(ReturnMigration, ReturnersAreCountedAsPatientsInTheirHomeTownshipAndCounty) {
  const Scenario& without = test::small_scenario();
  const Scenario with = load_scenario(test::data_path("small"), kReturners);
  const std::size_t townships = with.geography.townships.size();
  const std::size_t counties = with.geography.counties.size();

  // Living returners with pneumoconiosis at the end of each year, by home township and county.
  std::map<int, std::vector<double>> by_township;
  std::map<int, std::vector<double>> by_county;
  Simulation simulation(with, 11, 0);
  std::size_t sick_returners = 0;
  simulation.run([&](int year) {
    const WorkerTable& r = simulation.returners();
    auto& t = by_township[year];
    auto& c = by_county[year];
    t.assign(townships, 0.0);
    c.assign(counties, 0.0);
    for (std::size_t i = 0; i < r.size(); ++i) {
      EXPECT_TRUE(is_returner(r.rng_id[i]));
      if (r.death_year[i] <= year || r.stage[i] == 0) continue;
      ASSERT_LT(r.home_township[i], townships);
      t[r.home_township[i]] += 1.0;
      c[with.geography.townships[r.home_township[i]].county] += 1.0;
      ++sick_returners;
    }
  });
  ASSERT_GT(sick_returners, 0u) << "the setting brought no sick returner: the test would prove nothing";
  Simulation reference(without, 11, 0);
  reference.run();

  // The workers' own draws are unchanged, so the difference is exactly the returners (diagnosis capacity of the
  // small scenario does not bind; if it ever did, the workers' diagnoses would shift and this would say so).
  const auto& a = simulation.results()[OutputId::PatientsTrueByTownship];
  const auto& b = reference.results()[OutputId::PatientsTrueByTownship];
  const auto& pa = simulation.results()[OutputId::PrevalentTrue];
  const auto& pb = reference.results()[OutputId::PrevalentTrue];
  double before_start = 0.0;
  for (const auto& [year, expected] : by_township) {
    const auto y = static_cast<std::size_t>(year - with.first_year());
    for (std::size_t t = 0; t < townships; ++t) {
      EXPECT_EQ(a.year_row(y)[t] - b.year_row(y)[t], expected[t]) << year << " township " << t;
    }
    EXPECT_EQ(a.year_row(y)[townships], b.year_row(y)[townships]) << "outside the city, " << year;
    for (std::size_t c = 0; c < counties; ++c) {
      double difference = 0.0;
      for (std::size_t s = 0; s < kStageCount; ++s) {
        difference += pa.year_row(y)[c * kStageCount + s] - pb.year_row(y)[c * kStageCount + s];
      }
      EXPECT_EQ(difference, by_county[year][c]) << year << " county " << c;
    }
    if (year < 1995) for (const double n : expected) before_start += n;
  }
  EXPECT_EQ(before_start, 0.0) << "returners before return_migration.start_year";
}

TEST(ReturnMigration, SomeReturnersAreDiagnosedByTheCityWithNoEmployerToPay) {
  const Scenario with = load_scenario(test::data_path("small"), kReturners);
  Simulation simulation(with, 11, 0);
  simulation.run();
  const WorkerTable& r = simulation.returners();
  std::size_t diagnosed_here = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if (r.diagnosed_year[i] == kNever) continue;
    EXPECT_FALSE(PatientRecord::injury_insured(r.patient_record[i]));
    EXPECT_FALSE(PatientRecord::employer_identifiable(r.patient_record[i]));
    diagnosed_here += r.diagnosed_year[i] >= r.exit_year[i] + 1;
  }
  EXPECT_GT(diagnosed_here, 0u);
}

TEST(ReturnMigration, NoReturnersLeaveEveryResultBitIdentical) {
  // Every other return_migration setting changed, but nobody returns: nothing may move.
  const Scenario off = load_scenario(test::data_path("small"),
                                     {"return_migration.returners_per_year=0", "return_migration.start_year=1990",
                                      "return_migration.dust_median_mg_m3=9", "return_migration.diagnosed_share=1",
                                      "return_migration.industry=coal_mining"});
  RunRequest request;
  request.seed = 5;
  request.replicates = 2;
  const auto a = run_replicates(test::small_scenario(), request);
  const auto b = run_replicates(off, request);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t r = 0; r < a.size(); ++r) {
    for (std::size_t i = 0; i < kOutputCount; ++i) {
      const auto id = static_cast<OutputId>(i);
      EXPECT_TRUE(test::bitwise_equal(a[r][id].values, b[r][id].values)) << output_catalogue()[i].name;
    }
  }
}

TEST(ReturnMigration, BadSettingsAreRefusedWithFileAndLine) {
  struct Bad {
    std::string line;
    std::string expected;
  };
  for (const Bad& bad : {Bad{"returners_per_year = -5", "key 'return_migration.returners_per_year': expected"},
                         Bad{"industry = quarrying", "key 'return_migration.industry': expected one of"},
                         Bad{"diagnosed_share = half", "key 'return_migration.diagnosed_share'"}}) {
    test::ScratchFolder scratch;
    const std::string dir = test::copy_small_scenario(scratch);
    const std::string path = dir + "/scenario.ini";
    std::string contents = test::read_file(path);
    if (contents.back() != '\n') contents += '\n';
    std::size_t lines = 0;
    for (const char ch : contents) lines += ch == '\n';
    contents += "[return_migration]\n" + bad.line + "\n";
    test::write_file(path, contents);
    try {
      load_scenario(dir);
      ADD_FAILURE() << "accepted: " << bad.line;
    } catch (const InputError& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(path + ":" + std::to_string(lines + 2) + ": " + bad.expected), std::string::npos)
          << message;
    }
  }
}

}  // namespace
}  // namespace pneumo
