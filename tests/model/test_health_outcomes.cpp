// The health-economic outputs of a run: DALYs are YLL + YLD exactly, YLD is living patients × their stage's
// disability weight, discounting follows the reference year, medical costs are the sum of what each payer paid,
// catastrophic expenditure and impoverishment stay within their groups; rehabilitation at stations gives the
// patients it serves their utility gain and nothing else; and a package that takes dust away from workers lowers
// DALYs and QALYs lost, paired replicate by replicate.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/discounting.hpp"
#include "pneumoplan/model/patient_payments.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

std::vector<ReplicateResults> run(const Scenario& scenario, std::uint64_t seed, std::int64_t replicates) {
  RunRequest request;
  request.seed = seed;
  request.replicates = replicates;
  return run_replicates(scenario, request);
}

double cell(const ReplicateResults& r, OutputId id, std::size_t y, std::size_t region) {
  return r[id].year_row(y)[region];
}

TEST(HealthOutcomes, DalysAreYllPlusYldAndCostsArePaidInFull) {
  const Scenario& scenario = test::small_scenario();
  const auto& p = scenario.parameters.economics;
  const auto runs = run(scenario, 21, 2);
  const std::size_t regions = scenario.geography.counties.size() + 1;
  double deaths = 0.0, yll = 0.0;
  for (const auto& r : runs) {
    for (std::size_t y = 0; y < static_cast<std::size_t>(scenario.year_count()); ++y) {
      const int year = scenario.first_year() + static_cast<int>(y);
      const double factor = discount_factor(p.discount_rate_per_year, year, static_cast<int>(p.reference_year));
      for (std::size_t g = 0; g < regions; ++g) {
        EXPECT_EQ(cell(r, OutputId::Dalys, y, g), cell(r, OutputId::Yll, y, g) + cell(r, OutputId::Yld, y, g));
        EXPECT_EQ(cell(r, OutputId::DalysDiscounted, y, g),
                  cell(r, OutputId::YllDiscounted, y, g) + cell(r, OutputId::YldDiscounted, y, g));
        double yld = 0.0, morbidity_qalys = 0.0;
        for (std::size_t s = 0; s < kStageCount; ++s) {
          const double living = r[OutputId::PrevalentTrue].year_row(y)[g * kStageCount + s];
          yld += living * p.disability_weight[s];
          morbidity_qalys += living * (p.utility_full_health - p.utility[s]);
        }
        morbidity_qalys -= cell(r, OutputId::RehabPatientsServed, y, g) * p.rehab_utility_gain;
        EXPECT_NEAR(cell(r, OutputId::Yld, y, g), yld, 1e-9 * (1.0 + yld));
        EXPECT_NEAR(cell(r, OutputId::YldDiscounted, y, g), yld * factor, 1e-9 * (1.0 + yld));
        // Deaths add their QALYs to the morbidity part; none means the morbidity part alone.
        const double died = cell(r, OutputId::DeathsPneumoconiosis, y, g);
        if (died == 0.0) {
          EXPECT_EQ(cell(r, OutputId::Yll, y, g), 0.0);
          EXPECT_NEAR(cell(r, OutputId::QalyLoss, y, g), morbidity_qalys, 1e-9 * (1.0 + morbidity_qalys));
        } else {
          EXPECT_GT(cell(r, OutputId::QalyLoss, y, g), morbidity_qalys);
        }
        if (g + 1 == regions) {
          deaths += died;
          yll += cell(r, OutputId::Yll, y, g);
        }

        double paid = 0.0;
        for (std::size_t k = 0; k < kPayerCount; ++k) {
          const double v = cell(r, static_cast<OutputId>(static_cast<std::size_t>(OutputId::PaidInjuryInsurance) + k), y, g);
          EXPECT_GE(v, 0.0);
          paid += v;
        }
        EXPECT_EQ(cell(r, OutputId::MedicalCost, y, g), paid);
        const double living = [&] {
          double total = 0.0;
          for (std::size_t s = 0; s < kStageCount; ++s) total += r[OutputId::PrevalentTrue].year_row(y)[g * kStageCount + s];
          return total;
        }();
        const double insured = cell(r, OutputId::PatientsInjuryInsured, y, g);
        const double diagnosed = cell(r, OutputId::PrevalentDiagnosed, y, g);
        EXPECT_LE(insured, diagnosed);
        EXPECT_LE(cell(r, OutputId::CatastrophicInjuryInsured, y, g), insured);
        EXPECT_LE(cell(r, OutputId::CatastrophicDiagnosedUninsured, y, g), diagnosed - insured);
        EXPECT_LE(cell(r, OutputId::CatastrophicUndiagnosed, y, g), living - diagnosed);
        EXPECT_LE(cell(r, OutputId::ImpoverishedInjuryInsured, y, g), insured);
        EXPECT_LE(cell(r, OutputId::ImpoverishedDiagnosedUninsured, y, g), diagnosed - insured);
        EXPECT_LE(cell(r, OutputId::ImpoverishedUndiagnosed, y, g), living - diagnosed);
      }
    }
  }
  // Each death takes the reference life expectancy at its age: between that at 110 and at birth, and for
  // deaths of working and retired men far from either end.
  ASSERT_GT(deaths, 0.0);
  EXPECT_GT(yll / deaths, 5.92);
  EXPECT_LT(yll / deaths, 60.0);
}

TEST(HealthOutcomes, RehabilitationGivesTheServedPatientsTheirUtilityGainAndNothingElse) {
  // The same replicates with and without the gain: QALYs lost differ by served patients × gain in every region
  // and year, and nothing else changes (no stage, weight or survival effect).
  // Stations from a few patients, and money for them, so that the small city's stations serve someone.
  const std::vector<std::string> stations = {"rehab.station_threshold_patients=3", "rehab.funding_rmb_per_year=1e7"};
  auto with = stations, without = stations;
  with.push_back("economics.rehab_utility_gain=0.1");
  without.push_back("economics.rehab_utility_gain=0");
  const Scenario with_gain = load_scenario(test::data_path("small"), with);
  const Scenario without_gain = load_scenario(test::data_path("small"), without);
  const auto a = run(without_gain, 9, 2), b = run(with_gain, 9, 2);
  const std::size_t regions = with_gain.geography.counties.size() + 1;
  double served_total = 0.0;
  for (std::size_t r = 0; r < a.size(); ++r) {
    for (std::size_t y = 0; y < static_cast<std::size_t>(with_gain.year_count()); ++y) {
      for (std::size_t g = 0; g < regions; ++g) {
        const double served = cell(b[r], OutputId::RehabPatientsServed, y, g);
        EXPECT_EQ(served, cell(a[r], OutputId::RehabPatientsServed, y, g));
        const double difference = cell(a[r], OutputId::QalyLoss, y, g) - cell(b[r], OutputId::QalyLoss, y, g);
        EXPECT_NEAR(difference, 0.1 * served, 1e-9 * (1.0 + served));
        for (const OutputId id : {OutputId::Dalys, OutputId::Yll, OutputId::DeathsPneumoconiosis, OutputId::MedicalCost}) {
          EXPECT_EQ(cell(a[r], id, y, g), cell(b[r], id, y, g));
        }
        if (g + 1 == regions) served_total += served;
      }
    }
  }
  ASSERT_GT(served_total, 0.0) << "the small scenario's stations must serve someone for this test to mean anything";
}

double period_sum(const std::vector<ReplicateResults>& runs, std::size_t r, OutputId id, const Scenario& scenario,
                  int first, int last) {
  double total = 0.0;
  for (int year = first; year <= last; ++year) {
    total += city_cell(runs[r][id], static_cast<std::size_t>(year - scenario.first_year()));
  }
  return total;
}

TEST(HealthOutcomes, RemovingDustLowersDalysAndQalysLost) {
  // Engineering control removing 90 % of every enterprise's dust from 1995, against none, on common random
  // numbers: fewer onsets, so fewer patient-years and deaths in every replicate.
  const std::string base = "intervention.dust.";
  const Scenario scenario = load_scenario(
      test::data_path("small"), {base + "type=engineering_control", base + "intensity=0.9", base + "start_year=1995",
                                 base + "source=assumed: test", "package.dust.interventions=dust"});
  Scenario dust = scenario;
  dust.select_package("dust");
  const std::int64_t n = 3;
  const auto without = run(scenario, 5, n), with = run(dust, 5, n);
  for (std::size_t r = 0; r < static_cast<std::size_t>(n); ++r) {
    for (const OutputId id : {OutputId::Dalys, OutputId::DalysDiscounted, OutputId::QalyLoss, OutputId::Yld}) {
      const double a = period_sum(without, r, id, scenario, 2000, scenario.last_year());
      const double b = period_sum(with, r, id, scenario, 2000, scenario.last_year());
      EXPECT_LT(b, a) << output_catalogue()[static_cast<std::size_t>(id)].name << " replicate " << r;
    }
    EXPECT_LT(period_sum(with, r, OutputId::MedicalCost, scenario, 2000, scenario.last_year()),
              period_sum(without, r, OutputId::MedicalCost, scenario, 2000, scenario.last_year()));
  }
}

}  // namespace
}  // namespace pneumo
