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
  tally.employed = {120, 50};
  tally.insured = {110, 7};
  EnforcementTally enforcement(2);
  enforcement.violations_found = {4, 0};
  enforcement.cases_handled = {3, 0};
  const std::vector<std::uint8_t> coordinator = {1, 0, 1, 1, 0, 0};
  RehabStations stations(scenario, 1, 0);  // stations.csv: township 1 (大吴镇) since 2018
  std::vector<std::int64_t> patients(scenario.geography.townships.size() + 1, 0);
  patients[1] = 150;  // concentrated, served by a functioning station
  patients[2] = 120;  // concentrated, not served
  patients[3] = 99;   // below the threshold
  stations.update(2023, patients, 100.0);  // the existing station; too little money to fund another
  const std::vector<std::uint8_t> covered = {0, 1, 0, 0, 0, 0};
  const RandomStream rng(1, 0);
  const InstitutionInvestments none(scenario, rng);  // the baseline creates no institutions
  const IndicatorYear year =
      compute_indicators({scenario, e, tally, enforcement, coordinator, stations, patients, covered, none}, 2023);
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
  // Insurance: the enrolled dust workers (117) and every other employee of the open insured enterprises
  // (enterprises 0 and 1: (100 + 20) dust workers × (2.68 − 1) others each); the closed one counts for nothing.
  const double others = p.compliance.employees_per_exposed_worker - 1.0;
  EXPECT_DOUBLE_EQ(p.compliance.employees_per_exposed_worker, 2.68);
  EXPECT_NEAR(value(IndicatorId::InjuryInsuranceEnrolled, 0), 110.0 + 120.0 * others, 1e-9);
  EXPECT_DOUBLE_EQ(value(IndicatorId::InjuryInsuranceEnrolled, 1), 7.0);  // enterprise 2 is not insured
  EXPECT_NEAR(value(IndicatorId::InjuryInsuranceEnrolled, city), 117.0 + 120.0 * others, 1e-9);
  // The sub-indicator: enrolled dust workers ÷ dust workers.
  EXPECT_DOUBLE_EQ(value(IndicatorId::InjuryInsuranceDustWorkerShare, 0), 110.0 / 120.0);
  EXPECT_DOUBLE_EQ(value(IndicatorId::InjuryInsuranceDustWorkerShare, city), 117.0 / 170.0);
  EXPECT_EQ(year.insured_dust_workers[city], 117);
  // Violations handled.
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
  const IndicatorYear earlier =
      compute_indicators({scenario, e, tally, enforcement, coordinator, stations, patients, covered, none}, 2021);
  EXPECT_DOUBLE_EQ(earlier.values[static_cast<std::size_t>(IndicatorId::CountyExamInstitutionCoverage)][city], 0.5);
  // Cases carried from earlier years count among the cases to handle.
  enforcement.backlog_start = {2, 0};
  const IndicatorYear with_backlog =
      compute_indicators({scenario, e, tally, enforcement, coordinator, stations, patients, covered, none}, 2023);
  EXPECT_DOUBLE_EQ(with_backlog.values[static_cast<std::size_t>(IndicatorId::ViolationCaseHandlingRate)][0], 3.0 / 6.0);
}

TEST(Indicators, ExamCapacityInvestmentsCreateInstitutionsAfterCertification) {
  // Xinyi (county 1) has no public exam institution until 2022; an exam_capacity investment from 2019 creates
  // one through the model: it opens a certification delay after the first attempt that succeeds.
  const std::string base = "intervention.exam.";
  Scenario scenario = load_scenario(test::data_path("small"),
                                    {base + "type=exam_capacity", base + "intensity=800", base + "start_year=2019",
                                     base + "counties=320381", base + "source=assumed: test",
                                     "package.exam.interventions=exam", "institutions.certification_delay_years=2",
                                     "institutions.certification_failure_probability=0.5"});
  scenario.select_package("exam");
  int opened_in_2021 = 0, later = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    const RandomStream rng(seed, 0);
    const InstitutionInvestments investments(scenario, rng);
    ASSERT_EQ(investments.projects().size(), 1u);
    const int opens = investments.projects()[0].opens_year;
    EXPECT_GE(opens, 2021);  // never before the first attempt's delay
    if (opens != InstitutionInvestments::kNoYear) {
      EXPECT_EQ((opens - 2021) % 2, 0);  // attempts every two years: 2019, 2021, ...
      EXPECT_FALSE(investments.county_has_exam_institution(1, opens - 1));
      EXPECT_TRUE(investments.county_has_exam_institution(1, opens));
      EXPECT_DOUBLE_EQ(investments.exam_capacity_added(1, opens), 800.0);
      EXPECT_DOUBLE_EQ(investments.exam_capacity_added(0, opens), 0.0);
    }
    (opens == 2021 ? opened_in_2021 : later) += 1;
  }
  // Half the first attempts succeed: 30 of 60 expected, within 4 standard deviations.
  EXPECT_NEAR(opened_in_2021, 30, 4.0 * std::sqrt(60 * 0.25));
  EXPECT_GT(later, 0);
}

TEST(Indicators, OutputsOfTheCatalogueFollowTheIndicatorList) {
  for (std::size_t k = 0; k < kIndicatorCount; ++k) {
    const auto& spec = output_spec(indicator_output(static_cast<IndicatorId>(k)));
    EXPECT_EQ(std::string(spec.name), "indicator_" + std::string(kIndicators[k].key));
  }
}

// Replicates of a scenario whose indicator values are then set by hand, to check verdicts.
struct HandSetRun {
  const Scenario& scenario;
  std::vector<ReplicateResults> replicates;
  HandSetRun(const Scenario& s, std::size_t n) : scenario(s) {
    RunRequest request;
    request.seed = 1;
    request.replicates = static_cast<std::int64_t>(n);
    replicates = run_replicates(scenario, request);
  }
  void set(IndicatorId id, int year, std::size_t region, const std::function<double(std::size_t)>& f) {
    for (std::size_t r = 0; r < replicates.size(); ++r) {
      auto& array = replicates[r][indicator_output(id)];
      array.values[static_cast<std::size_t>(year - scenario.first_year()) * array.shape[1] + region] = f(r);
    }
  }
  Scorecard card(const test::ScratchFolder& scratch, const std::string& name, ResultsFile& results) const {
    write_results_file(scratch.file(name), scenario, replicates, 1);
    results = open_results_file(scratch.file(name));
    return build_scorecard(results, {2025, 2099});
  }
};

Verdict city_verdict(const Scorecard& card, IndicatorId id) {
  for (const auto& row : card.rows) {
    if (row.region == card.results->city_region() && row.target.indicator == id) return row.verdict;
  }
  return Verdict::NotApplicable;
}

TEST(Scorecard, VerdictsFollowTheIntervalAndTheTarget) {
  const Scenario& scenario = test::small_scenario();
  HandSetRun run(scenario, 20);
  const std::size_t city = 2;
  // Declaration (target 0.90): all replicates 0.92 → met; monitoring (0.85): 0.80..0.99 → uncertain;
  // rehab: NaN → n/a; coverage of exams (1.00): 0.5, but taken from institutions.csv → input.
  run.set(IndicatorId::HazardDeclarationRate, 2025, city, [](std::size_t) { return 0.92; });
  run.set(IndicatorId::CountyExamInstitutionCoverage, 2025, city, [](std::size_t) { return 0.5; });
  run.set(IndicatorId::WorkplaceMonitoringPassRate, 2025, city, [](std::size_t r) { return 0.80 + 0.01 * r; });
  run.set(IndicatorId::RehabTownshipCoverage, 2025, city, [](std::size_t) { return std::nan(""); });
  // Insurance rising every year 2020→2025 in 19 of 20 replicates: 95 % → met.
  for (int year = 2020; year <= 2025; ++year) {
    run.set(IndicatorId::InjuryInsuranceEnrolled, year, city, [year](std::size_t r) {
      return r == 0 && year == 2024 ? 1.0 : 1000.0 + year;
    });
  }
  test::ScratchFolder scratch;
  ResultsFile results;
  const Scorecard card = run.card(scratch, "r.h5", results);
  ASSERT_EQ(results.targets.size(), scenario.targets.size());
  ASSERT_EQ(card.years, std::vector<int>{2025});  // 2099 is outside the simulated years
  EXPECT_EQ(city_verdict(card, IndicatorId::HazardDeclarationRate), Verdict::Met);
  EXPECT_EQ(city_verdict(card, IndicatorId::CountyExamInstitutionCoverage), Verdict::Input);
  EXPECT_EQ(city_verdict(card, IndicatorId::WorkplaceMonitoringPassRate), Verdict::Uncertain);
  EXPECT_EQ(city_verdict(card, IndicatorId::RehabTownshipCoverage), Verdict::NotApplicable);
  EXPECT_EQ(city_verdict(card, IndicatorId::InjuryInsuranceEnrolled), Verdict::Met);
  // The city rows come first and every target appears for every region.
  EXPECT_EQ(card.rows.front().region, city);
  EXPECT_EQ(card.rows.size(), scenario.targets.size() * 3);
  const std::string csv = scorecard_csv(card);
  EXPECT_NE(csv.find("hazard_declaration_rate"), std::string::npos);
  EXPECT_NE(csv.find(",input\n"), std::string::npos);
  EXPECT_NE(scorecard_markdown(card).find("| **met** |"), std::string::npos);
  EXPECT_NE(scorecard_markdown(card).find("| **input** |"), std::string::npos);
  EXPECT_NE(scorecard_terminal(card).find("input"), std::string::npos);
}

TEST(Scorecard, NoRowIsMetByAnInputWithoutBeingMarkedAsOne) {
  // The baseline of the small scenario: its institution rows (county exam coverage, city diagnosis
  // institutions) come from institutions.csv, in every region: each is marked input, whatever its value.
  const Scenario& scenario = test::small_scenario();
  HandSetRun baseline(scenario, 4);
  test::ScratchFolder scratch;
  ResultsFile results;
  const Scorecard card = baseline.card(scratch, "baseline.h5", results);
  int inputs = 0;
  for (const auto& row : card.rows) {
    const bool institution = row.target.indicator == IndicatorId::CountyExamInstitutionCoverage ||
                             row.target.indicator == IndicatorId::CityDiagnosisInstitutions;
    EXPECT_EQ(row.from_inputs, institution) << indicator_info(row.target.indicator).key << " region " << row.region;
    if (institution && !std::isnan(row.mean)) {
      EXPECT_EQ(row.verdict, Verdict::Input);
      ++inputs;
    }
    EXPECT_EQ(results.from_inputs(row.target.indicator, row.region), row.from_inputs);
  }
  EXPECT_GT(inputs, 0);

  // A package that creates exam institutions in Xinyi (county 1) and a diagnosis institution: those rows
  // come from the model there (and for the city); Jiawang's exam row and the counties' diagnosis counts
  // remain inputs.
  const std::string exam = "intervention.exam.", diagnosis = "intervention.diagnosis.";
  Scenario invested = load_scenario(
      test::data_path("small"),
      {exam + "type=exam_capacity", exam + "intensity=800", exam + "start_year=2019", exam + "counties=320381",
       exam + "source=assumed: test", diagnosis + "type=diagnosis_capacity", diagnosis + "intensity=20",
       diagnosis + "start_year=2019", diagnosis + "source=assumed: test", "package.build.interventions=exam,diagnosis"});
  invested.select_package("build");
  HandSetRun built(invested, 4);
  ResultsFile built_results;
  const Scorecard built_card = built.card(scratch, "built.h5", built_results);
  const std::size_t city = 2;
  EXPECT_FALSE(built_results.from_inputs(IndicatorId::CountyExamInstitutionCoverage, city));
  EXPECT_FALSE(built_results.from_inputs(IndicatorId::CountyExamInstitutionCoverage, 1));
  EXPECT_TRUE(built_results.from_inputs(IndicatorId::CountyExamInstitutionCoverage, 0));
  EXPECT_FALSE(built_results.from_inputs(IndicatorId::CityDiagnosisInstitutions, city));
  EXPECT_TRUE(built_results.from_inputs(IndicatorId::CityDiagnosisInstitutions, 0));
  EXPECT_TRUE(built_results.from_inputs(IndicatorId::CityPreventionInstitute, city));
  EXPECT_NE(city_verdict(built_card, IndicatorId::CountyExamInstitutionCoverage), Verdict::Input);
}

TEST(Scorecard, TheIncreasingRuleIsConfigurable) {
  // Every replicate dips in 2024 but ends 2025 above 2020: never "every year", always a net rise.
  const auto series = [](HandSetRun& run) {
    for (int year = 2015; year <= 2025; ++year) {
      run.set(IndicatorId::InjuryInsuranceEnrolled, year, 2, [year](std::size_t r) {
        return year == 2024 ? 500.0 : 1000.0 + year + static_cast<double>(r);
      });
    }
  };
  test::ScratchFolder scratch;
  HandSetRun every(test::small_scenario(), 6);
  series(every);
  ResultsFile every_results;
  const Scorecard every_card = every.card(scratch, "every.h5", every_results);
  EXPECT_EQ(every_card.increasing_rule, IncreasingRule::EveryYear);
  EXPECT_EQ(city_verdict(every_card, IndicatorId::InjuryInsuranceEnrolled), Verdict::NotMet);

  const Scenario net_scenario = load_scenario(test::data_path("small"), {"scorecard.increasing_rule=net_rise"});
  HandSetRun net(net_scenario, 6);
  series(net);
  ResultsFile net_results;
  const Scorecard net_card = net.card(scratch, "net.h5", net_results);
  EXPECT_EQ(net_card.increasing_rule, IncreasingRule::NetRise);
  EXPECT_EQ(city_verdict(net_card, IndicatorId::InjuryInsuranceEnrolled), Verdict::Met);
  // The rule itself: 2025 against 2020, the year before the plan period 2021-2025.
  PlanTarget target;
  target.comparator = Comparator::Increasing;
  target.plan_first_year = 2021;
  const auto value = [](int year) { return year == 2020 ? 10.0 : year == 2024 ? 1.0 : 11.0; };
  EXPECT_TRUE(rose(target, IncreasingRule::NetRise, 2025, 1990, value));
  EXPECT_FALSE(rose(target, IncreasingRule::EveryYear, 2025, 1990, value));
  EXPECT_FALSE(rose(target, IncreasingRule::NetRise, 2025, 1990, [](int year) { return year == 2020 ? 11.0 : 10.0; }));
}

TEST(Scorecard, AFileWithoutTheLayoutIsRefused) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("x.h5"), "not hdf5");
  EXPECT_THROW(open_results_file(scratch.file("x.h5")), IoError);
}

}  // namespace
}  // namespace pneumo
