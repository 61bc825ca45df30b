// Interventions and packages: a package that does nothing changes no draw and no result; common random
// numbers make paired differences far less variable than unpaired ones; each intervention moves its own
// mechanism in the documented direction; costs add up.
#include <gtest/gtest.h>

#include <boost/math/distributions/fisher_f.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/enterprise_dynamics.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/model/simulation.hpp"
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

// --set lines defining [intervention.NAME] of `type` with `intensity` from 2021 (no ramp-up) and a
// [package.NAME] holding just it.
std::vector<std::string> single(const std::string& name, const std::string& type, const std::string& intensity,
                                const std::vector<std::string>& extra = {}, int start_year = 2021) {
  const std::string base = "intervention." + name + ".";
  std::vector<std::string> lines = {base + "type=" + type, base + "intensity=" + intensity,
                                    base + "start_year=" + std::to_string(start_year),
                                    base + "source=assumed: test", "package." + name + ".interventions=" + name};
  for (const auto& e : extra) lines.push_back(base + e);
  return lines;
}

std::vector<ReplicateResults> run(const Scenario& scenario, const std::string& package, std::uint64_t seed,
                                  std::int64_t replicates) {
  Scenario chosen = scenario;
  chosen.select_package(package);
  RunRequest request;
  request.seed = seed;
  request.replicates = replicates;
  return run_replicates(chosen, request);
}

// City value of `id` in `year` (last entry of the year row; stage arrays: the city's stages summed).
double city(const Scenario& scenario, const ReplicateResults& r, OutputId id, int year) {
  ComparisonOutcome o{"", "", "", "", id, OutcomeReading::AtTargetYear};
  return read_outcome(o, r, scenario.first_year(), year, year, year);
}

double sum_city(const Scenario& scenario, const std::vector<ReplicateResults>& runs, OutputId id, int year) {
  double total = 0.0;
  for (const auto& r : runs) total += city(scenario, r, id, year);
  return total;
}

TEST(Interventions, APackageThatDoesNothingChangesNoDrawAndNoResult) {
  // One intervention of every kind at its neutral intensity.
  std::vector<std::string> lines;
  std::string names;
  const auto add = [&](const std::string& type, const std::string& intensity) {
    const std::string name = "noop_" + type;
    const std::string base = "intervention." + name + ".";
    for (const auto& l : {base + "type=" + type, base + "intensity=" + intensity, base + "start_year=2000",
                          base + "source=assumed: neutral test"}) {
      lines.push_back(l);
    }
    names += (names.empty() ? "" : ",") + name;
  };
  for (const auto& kind : kInterventionKinds) {
    const std::string type(kind.name);
    if (type == "closure") {
      add(type, "1000");  // no enterprise reaches 1000 times its limit
    } else if (type == "rehab_threshold") {
      add(type, "100");   // the plan's own threshold
    } else {
      add(type, "0");
    }
  }
  lines.push_back("package.nothing.interventions=" + names);
  const Scenario scenario = load_scenario(test::data_path("small"), lines);
  ASSERT_EQ(scenario.interventions.size(), kInterventionKindCount);
  const auto baseline = run(scenario, "baseline", 5, 2);
  const auto nothing = run(scenario, "nothing", 5, 2);
  for (std::size_t r = 0; r < baseline.size(); ++r) {
    for (std::size_t i = 0; i < kOutputCount; ++i) {
      const auto id = static_cast<OutputId>(i);
      EXPECT_TRUE(test::bitwise_equal(baseline[r][id].values, nothing[r][id].values))
          << output_catalogue()[i].name << " replicate " << r;
    }
  }
  // And the baseline of a scenario with interventions is the scenario without them.
  const auto plain = run(test::small_scenario(), "baseline", 5, 2);
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto id = static_cast<OutputId>(i);
    if (id == OutputId::InterventionCost) continue;  // its axis has one entry per intervention
    EXPECT_TRUE(test::bitwise_equal(plain[0][id].values, baseline[0][id].values)) << output_catalogue()[i].name;
  }
}

TEST(Interventions, PairedDifferencesVaryFarLessThanUnpairedOnes) {
  // True onsets 2021-2030 with and without halving every enterprise's concentration. Paired: the same
  // replicates (seed 1) in both; unpaired: the package from other, independent replicates (seed 3) against
  // the baseline of seed 2. The two samples of differences are independent, so under equal variances their
  // variance ratio follows F(n-1, n-1); common random numbers must beat its 99.9 % point.
  const Scenario scenario = load_scenario(test::data_path("small"), single("dust", "engineering_control", "0.5"));
  const int n = 24;
  ComparisonOutcome onsets{"", "", "", "", OutputId::NewCasesTrue, OutcomeReading::SumOverPeriod};
  onsets.stage_one_only = true;
  const auto outcome = [&](const std::vector<ReplicateResults>& runs) {
    std::vector<double> v;
    for (const auto& r : runs) v.push_back(read_outcome(onsets, r, scenario.first_year(), 2021, 2030, 2030));
    return v;
  };
  const auto base1 = outcome(run(scenario, "baseline", 1, n)), dust1 = outcome(run(scenario, "dust", 1, n));
  const auto base2 = outcome(run(scenario, "baseline", 2, n)), dust3 = outcome(run(scenario, "dust", 3, n));
  const auto variance = [](const std::vector<double>& a, const std::vector<double>& b) {
    double mean = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) mean += a[k] - b[k];
    mean /= static_cast<double>(a.size());
    double ss = 0.0;
    for (std::size_t k = 0; k < a.size(); ++k) ss += (a[k] - b[k] - mean) * (a[k] - b[k] - mean);
    return ss / static_cast<double>(a.size() - 1);
  };
  const double paired = variance(dust1, base1), unpaired = variance(dust3, base2);
  const boost::math::fisher_f f(n - 1, n - 1);
  const double critical = boost::math::quantile(f, 0.999);
  EXPECT_GT(unpaired, critical * paired) << "paired variance " << paired << ", unpaired " << unpaired;
  // The package must also do something: fewer onsets in every replicate pair.
  for (int r = 0; r < n; ++r) EXPECT_LE(dust1[r], base1[r]) << "replicate " << r;
}

// One replicate of the baseline and of the package, each stepped to the end of `year`.
Scenario with_package(Scenario scenario, const std::string& name) {
  scenario.select_package(name);
  return scenario;
}

struct Stepped {
  Scenario scenario, package_scenario;  // before the simulations, which keep references to them
  Simulation baseline, package;
  Stepped(const std::vector<std::string>& lines, const std::string& name, int year)
      : scenario(load_scenario(test::data_path("small"), lines)),
        package_scenario(with_package(scenario, name)),
        baseline(scenario, 11, 0),
        package(package_scenario, 11, 0) {
    while (baseline.next_year() <= year) baseline.step_year();
    while (package.next_year() <= year) package.step_year();
  }
};

TEST(Interventions, EngineeringControlScalesTheTargetedConcentrationsOnly) {
  Stepped s(single("dust", "engineering_control", "0.4", {"industries=coal_mining"}), "dust", 2021);
  const auto& a = s.baseline.enterprises();
  const auto& b = s.package.enterprises();
  int targeted = 0;
  for (std::size_t e = 0; e < a.count(); ++e) {
    if (a.industry[e] == Industry::CoalMining) {
      ++targeted;
      EXPECT_NEAR(b.dust_mg_m3[e], 0.6f * a.dust_mg_m3[e], 1e-6f * a.dust_mg_m3[e]);
    } else {
      EXPECT_EQ(b.dust_mg_m3[e], a.dust_mg_m3[e]);
    }
  }
  EXPECT_GT(targeted, 0);
}

TEST(Interventions, RespiratorProgrammeRaisesWearing) {
  Stepped s(single("masks", "respirator_programme", "0.5"), "masks", 2021);
  const auto& p = s.scenario.parameters.exposure;
  const auto& b = s.package.enterprises();
  for (std::size_t e = 0; e < b.count(); ++e) {
    const double w = p.ppe_wearing_share[static_cast<std::size_t>(b.size_class[e])];
    EXPECT_EQ(b.ppe_threshold[e], static_cast<std::uint16_t>(std::lround((w + (1.0 - w) * 0.5) * 256.0)));
    EXPECT_GE(b.ppe_threshold[e], s.baseline.enterprises().ppe_threshold[e]);
  }
}

std::size_t complying(const EnterpriseTable& e, ComplianceState state) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < e.count(); ++i) n += e.complies(i, state);
  return n;
}

TEST(Interventions, GapClosingProgrammesRaiseTheirComplianceState) {
  const std::pair<const char*, ComplianceState> cases[] = {
      {"hearing_protection_programme", ComplianceState::HearingProtectionProgramme},
      {"screening_expansion", ComplianceState::ExamsProvided},
      {"insurance_expansion", ComplianceState::InjuryInsurance},
  };
  for (const auto& [type, state] : cases) {
    Stepped s(single("gap", type, "0.8"), "gap", 2021);
    const std::size_t before = complying(s.baseline.enterprises(), state);
    const std::size_t after = complying(s.package.enterprises(), state);
    EXPECT_GT(after, before) << type;
    // Monotone on common random numbers: every enterprise compliant without it stays compliant.
    for (std::size_t i = 0; i < s.baseline.enterprises().count(); ++i) {
      if (s.baseline.enterprises().complies(i, state)) {
        EXPECT_TRUE(s.package.enterprises().complies(i, state)) << type;
      }
    }
  }
}

TEST(Interventions, SmeHelpHelpsMoreSmallEnterprises) {
  Stepped s(single("help", "sme_help", "0.9"), "help", 2021);
  std::size_t before = 0, after = 0;
  for (std::size_t i = 0; i < s.baseline.enterprises().count(); ++i) {
    before += s.baseline.enterprises().helped[i];
    after += s.package.enterprises().helped[i];
  }
  EXPECT_GT(after, before);
}

TEST(Interventions, ClosureEmptiesSevereHazardEnterprisesFromTheNextYear) {
  // Enterprises at or over their limit close from 2022: no jobs that year and no workers.
  Stepped s(single("close", "closure", "1.0", {}, 2022), "close", 2022);
  const auto& e = s.package.enterprises();
  int closed = 0;
  for (std::size_t i = 0; i < e.count(); ++i) {
    if (e.closed_from_year[i] <= 2022) {
      ++closed;
      EXPECT_EQ(enterprise_jobs(s.scenario, e, i, 2022), 0u);
    }
  }
  EXPECT_GT(closed, 0);
  const double base = city(s.scenario, s.baseline.results(), OutputId::WorkersEmployed, 2022);
  const double after = city(s.scenario, s.package.results(), OutputId::WorkersEmployed, 2022);
  EXPECT_LT(after, base);
}

struct Direction {
  const char* type;
  const char* intensity;
  std::vector<std::string> extra;  // more --set lines
  OutputId output;
  bool scarce_institutions = false;  // run on a copy whose institutions cannot meet the demand
};

TEST(Interventions, EachProgrammeMovesItsOutputUp) {
  test::ScratchFolder scratch;
  const std::string scarce = test::copy_small_scenario(scratch);
  test::write_file(scarce + "/institutions.csv",
                   "name,county_code,public,exam,radiation_exam,diagnosis,prevention_institute,opens_year,closes_year,"
                   "exam_capacity_per_year,diagnosis_capacity_per_year\n"
                   "City institute,,1,1,1,1,1,1985,,200,2\n"
                   "Jiawang hospital,320305,1,1,0,0,0,1995,,100,0\n"
                   "Xinyi hospital,320381,1,1,0,1,0,2022,,100,1\n");
  const std::vector<Direction> cases = {
      {"enforcement", "0.5", {}, OutputId::Inspections},
      {"case_handling_capacity", "50", {"enforcement.cases_per_county=1", "enforcement.inspection_rate=0.6"},
       OutputId::CasesHandled},
      {"township_coordinators", "1.0", {}, indicator_output(IndicatorId::TownshipSupervisionCoverage)},
      {"followup_expansion", "0.9", {}, OutputId::ExamsFollowUp},
      {"training_campaign", "0.5", {}, indicator_output(IndicatorId::KnowledgeAwarenessRate)},
      {"insurance_expansion", "0.8", {}, indicator_output(IndicatorId::InjuryInsuranceEnrolled)},
      {"exam_capacity", "500", {}, OutputId::ExamCapacityShare, true},
      {"diagnosis_capacity", "50", {}, OutputId::DiagnosisCapacityShare, true},
      {"rehab_threshold", "5", {"rehab.patients_counted=true", "rehab.funding_rmb_per_year=1e9"},
       OutputId::RehabStationsOpen},  // with money for the stations it plans
  };
  for (const auto& c : cases) {
    std::vector<std::string> lines = single("it", c.type, c.intensity);
    lines.insert(lines.end(), c.extra.begin(), c.extra.end());
    const Scenario scenario = load_scenario(c.scarce_institutions ? scarce : test::data_path("small"), lines);
    const auto base = run(scenario, "baseline", 4, 2), with = run(scenario, "it", 4, 2);
    const int year = 2025;
    EXPECT_GT(sum_city(scenario, with, c.output, year), sum_city(scenario, base, c.output, year))
        << c.type << " on " << output_catalogue()[static_cast<std::size_t>(c.output)].name;
  }
}

// City value of `id` in `year` for one stepped simulation's results.
double city_value(const Scenario& scenario, const Simulation& simulation, OutputId id, int year) {
  return city(scenario, simulation.results(), id, year);
}

TEST(Interventions, CoordinatorProgrammeMovesRecruitmentNotCoverage) {
  // No coordinators, no recruitment and no turnover without the programme; the programme runs in 2021 only.
  // Coverage is then a stock: what the programme recruited in 2021 stays after it ends (nothing sets the
  // share while it runs, nothing takes it away after), and the coordinators recruited are counted.
  const std::vector<std::string> city = {"supervision.coordinator_share=0", "supervision.coordinator_recruitment_per_year=0",
                                         "supervision.coordinator_turnover_per_year=0"};
  std::vector<std::string> lines = single("coord", "township_coordinators", "0.6", {"end_year=2021"});
  lines.insert(lines.end(), city.begin(), city.end());
  Stepped s(lines, "coord", 2025);
  const OutputId coverage = indicator_output(IndicatorId::TownshipSupervisionCoverage);
  const double townships = static_cast<double>(s.scenario.geography.townships.size());
  EXPECT_EQ(city_value(s.scenario, s.baseline, coverage, 2025), 0.0);
  EXPECT_EQ(city_value(s.package_scenario, s.package, coverage, 2020), 0.0);
  const double in_2021 = city_value(s.package_scenario, s.package, coverage, 2021);
  EXPECT_GT(in_2021, 0.0);
  EXPECT_DOUBLE_EQ(city_value(s.package_scenario, s.package, OutputId::CoordinatorsRecruited, 2021), in_2021 * townships);
  for (int year = 2022; year <= 2025; ++year) {
    EXPECT_DOUBLE_EQ(city_value(s.package_scenario, s.package, coverage, year), in_2021) << year;
    EXPECT_EQ(city_value(s.package_scenario, s.package, OutputId::CoordinatorsRecruited, year), 0.0) << year;
  }

  // With the default turnover, a programme at full strength prevents every loss while it runs; the baseline
  // loses coordinators over the years on the same draws.
  Stepped keep(single("coord", "township_coordinators", "1.0", {}, 2011), "coord", 2030);
  double lost_baseline = 0.0, lost_programme = 0.0;
  for (int year = 2011; year <= 2030; ++year) {
    lost_baseline += city_value(keep.scenario, keep.baseline, OutputId::CoordinatorsLost, year);
    lost_programme += city_value(keep.package_scenario, keep.package, OutputId::CoordinatorsLost, year);
  }
  EXPECT_GT(lost_baseline, 0.0);
  EXPECT_EQ(lost_programme, 0.0);
}

TEST(Interventions, ViolationCasesBeyondCapacityWaitForTheNextYear) {
  // Many cases and a county capacity of 1.5 a year: a backlog builds up and is carried from year to year;
  // every county-year obeys backlog(y) = backlog(y − 1) + found(y) − handled(y), handles at most 2 cases,
  // and the indicator is handled ÷ (found + carried).
  const Scenario scenario = load_scenario(test::data_path("small"),
                                          {"enforcement.cases_per_county=1.5", "enforcement.inspection_rate=0.6"});
  Simulation simulation(scenario, 6, 0);
  simulation.run();
  const auto& found = simulation.results()[OutputId::ViolationsFound];
  const auto& handled = simulation.results()[OutputId::CasesHandled];
  const auto& backlog = simulation.results()[OutputId::ViolationBacklog];
  const auto& rate = simulation.results()[indicator_output(IndicatorId::ViolationCaseHandlingRate)];
  const std::size_t regions = found.shape[1];
  double handled_total = 0.0, capacity_years = 0.0;
  for (std::size_t c = 0; c + 1 < regions; ++c) {
    double carried = 0.0;
    for (std::size_t y = 0; y < found.shape[0]; ++y) {
      const double f = found.year_row(y)[c], h = handled.year_row(y)[c], b = backlog.year_row(y)[c];
      EXPECT_DOUBLE_EQ(b, carried + f - h) << "county " << c << " year " << y;
      EXPECT_LE(h, 2.0);
      if (f + carried > 0.0) {
        EXPECT_DOUBLE_EQ(rate.year_row(y)[c], h / (f + carried));
      } else {
        EXPECT_TRUE(std::isnan(rate.year_row(y)[c]));
      }
      if (carried >= 2.0) {  // a full queue: capacity binds
        handled_total += h;
        capacity_years += 1.0;
      }
      carried = b;
    }
    EXPECT_GT(carried, 0.0) << "county " << c;  // the backlog is still there at the end
  }
  // Where the queue was full, a capacity of 1.5 handles 1 or 2 cases, 1.5 on average (4 standard errors).
  ASSERT_GT(capacity_years, 10.0);
  EXPECT_NEAR(handled_total / capacity_years, 1.5, 4.0 * 0.5 / std::sqrt(capacity_years));
}

TEST(Interventions, CostsAddUp) {
  // Enforcement: intensity x open targeted enterprises x cost per inspection each year, plus the fixed cost in
  // the start year; a second intervention's costs go to its own column; the total is the sum.
  std::vector<std::string> lines = single("inspect", "enforcement", "0.5",
                                          {"cost_per_unit_rmb=3000", "cost_fixed_rmb=100000", "ramp_years=2"});
  for (const auto& l : single("train", "training_campaign", "0.2", {"cost_per_unit_rmb=50"})) lines.push_back(l);
  lines.push_back("package.both.interventions=inspect,train");
  const Scenario scenario = load_scenario(test::data_path("small"), lines);
  Scenario chosen = scenario;
  chosen.select_package("both");
  Simulation simulation(chosen, 3, 0);
  simulation.run();
  const OutputArray& costs = simulation.results()[OutputId::InterventionCost];
  ASSERT_EQ(costs.shape[1], 3u);
  std::size_t inspect = 0;
  while (scenario.interventions[inspect].name != "inspect") ++inspect;
  const std::size_t train = 1 - inspect;
  const auto& e = simulation.enterprises();
  for (int year = scenario.first_year(); year <= scenario.last_year(); ++year) {
    const double* row = costs.year_row(static_cast<std::size_t>(year - scenario.first_year()));
    EXPECT_DOUBLE_EQ(row[2], row[0] + row[1]) << year;
    if (year < 2021) {
      EXPECT_EQ(row[inspect], 0.0) << year;
      EXPECT_EQ(row[train], 0.0) << year;
    }
    if (year == scenario.last_year()) {
      // The enterprise table holds the last year's jobs: every enterprise with jobs is inspected at 0.5.
      double open = 0.0;
      for (std::size_t i = 0; i < e.count(); ++i) open += e.target_workers[i] > 0 ? 1.0 : 0.0;
      EXPECT_DOUBLE_EQ(row[inspect], 0.5 * open * 3000.0);
    }
  }
  // The ramp: half strength in 2021, with the fixed cost once.
  const double* first = costs.year_row(static_cast<std::size_t>(2021 - scenario.first_year()));
  const double* second = costs.year_row(static_cast<std::size_t>(2022 - scenario.first_year()));
  EXPECT_GT(first[inspect], 100000.0);
  EXPECT_LT(second[inspect], 2.0 * (first[inspect] - 100000.0) * 1.2);
  EXPECT_GT(second[train], 0.0);
}

TEST(Interventions, PackageComparisonPairsReplicates) {
  const Scenario scenario = load_scenario(test::data_path("small"), single("dust", "engineering_control", "0.5"));
  const std::vector<std::string> packages = {"baseline", "dust"};
  const std::vector<std::vector<ReplicateResults>> runs = {run(scenario, "baseline", 8, 4), run(scenario, "dust", 8, 4)};
  const PackageComparison c = compare_packages(scenario, packages, runs, 8, 2021, 2030, 2025);
  ASSERT_EQ(c.outcomes.front().name, "true_new_cases");
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    EXPECT_TRUE(c.difference[0][o].mean == 0.0 || std::isnan(c.difference[0][o].mean)) << c.outcomes[o].name;
  }
  double mean_difference = 0.0;
  for (std::size_t r = 0; r < 4; ++r) mean_difference += c.per_replicate[1][0][r] - c.per_replicate[0][0][r];
  EXPECT_DOUBLE_EQ(c.difference[1][0].mean, mean_difference / 4.0);
  EXPECT_DOUBLE_EQ(c.cases_averted[1].mean, -c.difference[1][0].mean);
  EXPECT_GT(c.cases_averted[1].mean, 0.0);
}

TEST(Interventions, BadDefinitionsAreRefusedWithFileAndLine) {
  const auto refused = [](const std::vector<std::string>& lines, const std::string& fragment) {
    try {
      load_scenario(test::data_path("small"), lines);
      ADD_FAILURE() << "accepted: " << fragment;
    } catch (const InputError& error) {
      EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
      EXPECT_NE(std::string(error.what()).find("--set:"), std::string::npos) << error.what();
    }
  };
  refused(single("x", "magic_wand", "0.5"), "expected one of engineering_control");
  refused(single("x", "engineering_control", "1.5"), "expected a number in [0, 0.95]");
  refused(single("x", "engineering_control", "0.5", {"counties=999999"}), "codes of counties.csv");
  refused(single("x", "engineering_control", "0.5", {"industries=unobtainium"}), "unobtainium");
  refused(single("x", "engineering_control", "0.5", {"end_year=2010"}), "not before start_year");
  refused({"intervention.x.type=enforcement", "intervention.x.intensity=0.1", "intervention.x.start_year=2021"},
          "expected 'source'");
  refused({"package.p.interventions=ghost"}, "expected names of [intervention.NAME] sections");
  refused({"intervention.x.colour=red"}, "unknown key 'colour'");
}

}  // namespace
}  // namespace pneumo
