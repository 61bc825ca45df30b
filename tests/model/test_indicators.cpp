// Indicator arithmetic on a hand-built world with known answers, and the scorecard's verdicts on a
// hand-made results file.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "pneumoplan/core/error.hpp"

#include "pneumoplan/model/indicators.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

// Four enterprises: two in county 0 (Jiawang), two in county 1 (Xinyi), one of them closed.
EnterpriseTable hand_built_enterprises() {
  EnterpriseTable e;
  const auto add = [&](std::uint16_t county, std::uint16_t township, SizeClass size, std::uint32_t jobs, float dust,
                       float limit, float noise, float radiation, std::uint8_t bits, float knowledge) {
    e.county.push_back(county);
    e.township.push_back(township);
    e.size_class.push_back(size);
    e.target_workers.push_back(jobs);
    e.dust_mg_m3.push_back(dust);
    e.exposure_limit_mg_m3.push_back(limit);
    e.noise_share.push_back(noise);
    e.radiation_share.push_back(radiation);
    e.compliance.push_back(bits);
    e.knowledge_share.push_back(knowledge);
    e.stratum.push_back(0);
  };
  const auto bit = [](ComplianceState s) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(s)); };
  const std::uint8_t all = 0x3F;
  add(0, 0, SizeClass::Large, 100, 1.0f, 2.5f, 0.5f, 0.1f, all, 0.8f);
  add(0, 1, SizeClass::Small, 20, 5.0f, 2.5f, 0.0f, 0.0f, bit(ComplianceState::InjuryInsurance), 0.5f);
  add(1, 3, SizeClass::Medium, 50, 0.7f, 0.7f, 1.0f, 0.2f,
      bit(ComplianceState::HazardDeclared) | bit(ComplianceState::WorkplaceMonitored), 0.6f);
  add(1, 4, SizeClass::Micro, 0, 0.0f, 4.0f, 0.0f, 0.0f, 0, 0.0f);  // closed: counts for nothing
  return e;
}

TEST(Indicators, HandBuiltWorldGivesTheHandComputedValues) {
  const Scenario& scenario = test::small_scenario();
  const auto& p = scenario.parameters;
  const EnterpriseTable e = hand_built_enterprises();
  YearTally tally(2, scenario.geography.townships.size(), e.count());
  tally.employed_by_enterprise = {100, 20, 50, 0};
  tally.insured = {110, 7};
  EnforcementTally enforcement(2);
  enforcement.violations_found = {4, 0};
  enforcement.cases_handled = {3, 0};
  const std::vector<std::uint8_t> coordinator = {1, 0, 1, 1, 0, 0};
  const RehabStations stations(scenario, 1, 0);  // stations.csv: township 1 (大吴镇) since 2018
  std::vector<std::int64_t> patients(scenario.geography.townships.size() + 1, 0);
  patients[1] = 150;  // concentrated, with a station
  patients[2] = 120;  // concentrated, without
  patients[3] = 99;   // below the threshold
  const IndicatorYear year = compute_indicators({scenario, e, tally, enforcement, coordinator, stations, patients}, 2023);
  const auto value = [&](IndicatorId id, std::size_t region) { return year.values[static_cast<std::size_t>(id)][region]; };
  const std::size_t city = 2;

  // Declaration: county 0: 1 of 2 open; county 1: 1 of 1; city: 2 of 3 (the closed one does not count).
  EXPECT_DOUBLE_EQ(value(IndicatorId::HazardDeclarationRate, 0), 0.5);
  EXPECT_DOUBLE_EQ(value(IndicatorId::HazardDeclarationRate, 1), 1.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::HazardDeclarationRate, city), 2.0 / 3.0);
  // Monitoring: large enterprise monitored (20 posts) at mean 1.0 vs limit 2.5; medium (10 posts) at the limit.
  const double gsd = p.compliance.post_gsd;
  const double pass_large = post_pass_share(1.0, 2.5, gsd);
  EXPECT_NEAR(pass_large, 0.5 * std::erfc(-(std::log(2.5) / std::log(gsd)) / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(value(IndicatorId::WorkplaceMonitoringPassRate, 0), pass_large, 1e-12);
  EXPECT_NEAR(value(IndicatorId::WorkplaceMonitoringPassRate, 1), 0.5, 1e-6);
  const double posts_large = p.compliance.monitored_posts[0], posts_medium = p.compliance.monitored_posts[1];
  EXPECT_NEAR(value(IndicatorId::WorkplaceMonitoringPassRate, city),
              (posts_large * pass_large + posts_medium * 0.5) / (posts_large + posts_medium), 1e-6);
  // Radiation workers: 10 (monitored) in county 0, 10 (not monitored) in county 1.
  EXPECT_DOUBLE_EQ(value(IndicatorId::RadiationDoseMonitoringRate, 0), 1.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::RadiationDoseMonitoringRate, 1), 0.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::RadiationDoseMonitoringRate, city), 0.5);
  // Knowledge: (100·0.8 + 20·0.5) / 120 in county 0.
  EXPECT_NEAR(value(IndicatorId::KnowledgeAwarenessRate, 0), 90.0 / 120.0, 1e-6);
  EXPECT_NEAR(value(IndicatorId::KnowledgeAwarenessRate, city), (90.0 + 30.0) / 170.0, 1e-6);
  // Hearing: 50 noise workers with a programme, 50 without.
  const double with = p.compliance.hearing_wearing_with_programme, without = p.compliance.hearing_wearing_without_programme;
  EXPECT_NEAR(value(IndicatorId::HearingProtectionWearingRate, city), (50 * with + 50 * without) / 100.0, 1e-12);
  // Insurance counts and violations handled.
  EXPECT_DOUBLE_EQ(value(IndicatorId::InjuryInsuranceEnrolled, city), 117.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::ViolationCaseHandlingRate, 0), 0.75);
  EXPECT_TRUE(std::isnan(value(IndicatorId::ViolationCaseHandlingRate, 1)));  // no cases: not applicable
  // Rehabilitation: townships 1 and 2 (county 0) concentrate patients; only 1 has a station.
  EXPECT_DOUBLE_EQ(value(IndicatorId::RehabTownshipCoverage, 0), 0.5);
  EXPECT_TRUE(std::isnan(value(IndicatorId::RehabTownshipCoverage, 1)));
  EXPECT_EQ(year.concentrated_townships[city], 2);
  EXPECT_EQ(year.stations_open[city], 1);
  // Coordinators: county 0 has 2 of 3 townships, county 1 has 1 of 3.
  EXPECT_DOUBLE_EQ(value(IndicatorId::TownshipSupervisionCoverage, 0), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::TownshipSupervisionCoverage, city), 0.5);
  // Institutions in 2023: the city institute (diagnosis, prevention, radiation exams) and the Xinyi hospital
  // (diagnosis, opened 2022); both counties have a public exam institution.
  EXPECT_DOUBLE_EQ(value(IndicatorId::CityDiagnosisInstitutions, city), 2.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::CityDiagnosisInstitutions, 1), 1.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::CityPreventionInstitute, city), 1.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::CityRadiationExamInstitutions, city), 1.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::CountyExamInstitutionCoverage, city), 1.0);
  // In 2021 the Xinyi hospital is not open yet.
  const IndicatorYear earlier = compute_indicators({scenario, e, tally, enforcement, coordinator, stations, patients}, 2021);
  EXPECT_DOUBLE_EQ(earlier.values[static_cast<std::size_t>(IndicatorId::CountyExamInstitutionCoverage)][city], 0.5);
}

TEST(Indicators, OutputsOfTheCatalogueFollowTheIndicatorList) {
  for (std::size_t k = 0; k < kIndicatorCount; ++k) {
    const auto& spec = output_spec(indicator_output(static_cast<IndicatorId>(k)));
    EXPECT_EQ(std::string(spec.name), "indicator_" + std::string(kIndicators[k].key));
  }
}

// A results file whose indicator values are set by hand, to check verdicts.
TEST(Scorecard, VerdictsFollowTheIntervalAndTheTarget) {
  const Scenario& scenario = test::small_scenario();
  RunRequest request;
  request.seed = 1;
  request.replicates = 20;
  std::vector<ReplicateResults> replicates = run_replicates(scenario, request);
  const auto set = [&](IndicatorId id, int year, std::size_t region, const std::function<double(std::size_t)>& f) {
    for (std::size_t r = 0; r < replicates.size(); ++r) {
      auto& array = replicates[r][indicator_output(id)];
      array.values[static_cast<std::size_t>(year - scenario.first_year()) * array.shape[1] + region] = f(r);
    }
  };
  const std::size_t city = 2;
  // Declaration (target 0.90): all replicates 0.92 → met; coverage of exams (1.00): 0.5 → not met;
  // monitoring (0.85): 0.80..0.99 → uncertain; rehab: NaN → n/a.
  set(IndicatorId::HazardDeclarationRate, 2025, city, [](std::size_t) { return 0.92; });
  set(IndicatorId::CountyExamInstitutionCoverage, 2025, city, [](std::size_t) { return 0.5; });
  set(IndicatorId::WorkplaceMonitoringPassRate, 2025, city, [](std::size_t r) { return 0.80 + 0.01 * r; });
  set(IndicatorId::RehabTownshipCoverage, 2025, city, [](std::size_t) { return std::nan(""); });
  // Insurance rising every year 2020→2025 in 19 of 20 replicates: 95 % → met.
  for (int year = 2020; year <= 2025; ++year) {
    set(IndicatorId::InjuryInsuranceEnrolled, year, city, [year](std::size_t r) {
      return r == 0 && year == 2024 ? 1.0 : 1000.0 + year;
    });
  }
  test::ScratchFolder scratch;
  write_results_file(scratch.file("r.h5"), scenario, replicates, 1);
  const ResultsFile results = open_results_file(scratch.file("r.h5"));
  ASSERT_EQ(results.targets.size(), scenario.targets.size());
  const Scorecard card = build_scorecard(results, {2025, 2099});
  ASSERT_EQ(card.years, std::vector<int>{2025});  // 2099 is outside the simulated years
  const auto verdict = [&](IndicatorId id) {
    for (const auto& row : card.rows) {
      if (row.region == city && row.target.indicator == id) return row.verdict;
    }
    return Verdict::NotApplicable;
  };
  EXPECT_EQ(verdict(IndicatorId::HazardDeclarationRate), Verdict::Met);
  EXPECT_EQ(verdict(IndicatorId::CountyExamInstitutionCoverage), Verdict::NotMet);
  EXPECT_EQ(verdict(IndicatorId::WorkplaceMonitoringPassRate), Verdict::Uncertain);
  EXPECT_EQ(verdict(IndicatorId::RehabTownshipCoverage), Verdict::NotApplicable);
  EXPECT_EQ(verdict(IndicatorId::InjuryInsuranceEnrolled), Verdict::Met);
  // The city rows come first and every target appears for every region.
  EXPECT_EQ(card.rows.front().region, city);
  EXPECT_EQ(card.rows.size(), scenario.targets.size() * 3);
  const std::string csv = scorecard_csv(card);
  EXPECT_NE(csv.find("hazard_declaration_rate"), std::string::npos);
  EXPECT_NE(scorecard_markdown(card).find("| **met** |"), std::string::npos);
}

TEST(Scorecard, AFileWithoutTheLayoutIsRefused) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("x.h5"), "not hdf5");
  EXPECT_THROW(open_results_file(scratch.file("x.h5")), IoError);
}

}  // namespace
}  // namespace pneumo
