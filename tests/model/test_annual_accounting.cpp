// Concordance: stocks equal last year's stocks plus inflows minus outflows, exactly, in every replicate,
// county and year; and the different breakdowns of one quantity add up to the same total.
#include <gtest/gtest.h>

#include "pneumoplan/model/simulation.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

class AnnualAccounting : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    simulation_ = new Simulation(test::small_scenario(), 17, 0);
    simulation_->run();
  }
  static void TearDownTestSuite() { delete simulation_; }
  static const ReplicateResults& results() { return simulation_->results(); }
  static double at(OutputId id, std::size_t year, std::size_t region, std::size_t stage = 0) {
    const auto& a = results()[id];
    std::size_t offset = year * a.shape[1] + region;
    if (a.shape.size() == 3) offset = (year * a.shape[1] + region) * a.shape[2] + stage;
    return a.values[offset];
  }
  static std::size_t years() { return results().sizes().years; }
  static std::size_t regions() { return results().sizes().regions; }
  static Simulation* simulation_;
};

Simulation* AnnualAccounting::simulation_ = nullptr;

TEST_F(AnnualAccounting, PatientsAreLastYearsPlusOnsetsMinusDeaths) {
  for (std::size_t y = 1; y < years(); ++y) {
    for (std::size_t r = 0; r < regions(); ++r) {
      double now = 0.0, before = 0.0;
      for (std::size_t s = 0; s < 3; ++s) {
        now += at(OutputId::PrevalentTrue, y, r, s);
        before += at(OutputId::PrevalentTrue, y - 1, r, s);
      }
      const double onsets = at(OutputId::NewCasesTrue, y, r, 0);
      const double deaths = at(OutputId::DeathsPneumoconiosis, y, r) + at(OutputId::DeathsOtherCausePatients, y, r);
      EXPECT_EQ(now, before + onsets - deaths) << "year index " << y << " region " << r;
    }
  }
}

TEST_F(AnnualAccounting, WorkersAreLastYearsMinusLeaversPlusHiresMinusDeathsInService) {
  for (std::size_t y = 1; y < years(); ++y) {
    for (std::size_t r = 0; r < regions(); ++r) {
      const double expected = at(OutputId::WorkersEmployed, y - 1, r) - at(OutputId::Leavers, y - 1, r) +
                              at(OutputId::Hires, y, r) - at(OutputId::DeathsInService, y, r);
      EXPECT_EQ(at(OutputId::WorkersEmployed, y, r), expected) << "year index " << y << " region " << r;
    }
  }
}

TEST_F(AnnualAccounting, BreakdownsAddUpToTheSameTotals) {
  const std::size_t city = regions() - 1;
  for (std::size_t y = 0; y < years(); ++y) {
    double patients = 0.0, by_township = 0.0, diagnosed_by_township = 0.0, onsets_by_industry = 0.0;
    for (std::size_t s = 0; s < 3; ++s) patients += at(OutputId::PrevalentTrue, y, city, s);
    const auto& township = results()[OutputId::PatientsTrueByTownship];
    const auto& diagnosed = results()[OutputId::PatientsDiagnosedByTownship];
    for (std::size_t t = 0; t < township.shape[1]; ++t) {
      by_township += township.values[y * township.shape[1] + t];
      diagnosed_by_township += diagnosed.values[y * diagnosed.shape[1] + t];
    }
    const auto& industry = results()[OutputId::NewCasesTrueByIndustry];
    for (std::size_t k = 0; k < industry.shape[1]; ++k) onsets_by_industry += industry.values[y * industry.shape[1] + k];
    EXPECT_EQ(by_township, patients);
    EXPECT_EQ(diagnosed_by_township, at(OutputId::PrevalentDiagnosed, y, city));
    EXPECT_EQ(onsets_by_industry, at(OutputId::NewCasesTrue, y, city, 0));
    double sum_counties = 0.0;
    for (std::size_t r = 0; r + 1 < regions(); ++r) sum_counties += at(OutputId::WorkersEmployed, y, r);
    EXPECT_EQ(sum_counties, at(OutputId::WorkersEmployed, y, city));
    EXPECT_LE(at(OutputId::PrevalentDiagnosed, y, city), patients);
    EXPECT_LE(at(OutputId::WorkersExposed, y, city), at(OutputId::WorkersEmployed, y, city));
  }
}

}  // namespace
}  // namespace pneumo
