// Statistical checks of the mechanisms against their parameters, each with a tolerance derived from the
// number of draws (4 standard errors unless stated): turnover, employment mix, homes, respirator use,
// detection at exams, layoffs.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "pneumoplan/model/compliance_model.hpp"
#include "pneumoplan/model/enterprise_dynamics.hpp"
#include "pneumoplan/model/simulation.hpp"
#include "pneumoplan/model/surveillance.hpp"
#include "pneumoplan/model/worker_factory.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

struct Factory {
  const Scenario& scenario = test::small_scenario();
  RandomStream rng{21, 0};
  DiseaseCourse course{scenario.parameters.disease, scenario.life_table};
  Surveillance surveillance{scenario.parameters.surveillance};
  ComplianceModel compliance{scenario};
  EnterpriseTable enterprises = build_enterprises(scenario, rng);
  WorkerFactory factory{scenario, rng, enterprises, course, surveillance, compliance};
  InterventionEffects no_interventions{scenario, rng};
  Factory() { update_enterprises_for_year(scenario, rng, enterprises, 2000, no_interventions); }

  // n hires of `enterprise` in 2000, in a table of their own.
  WorkerTable hires(std::uint32_t enterprise, std::size_t n) {
    WorkerTable w;
    w.resize(n);
    for (std::size_t k = 0; k < n; ++k) factory.hire(w, k, enterprise, 2000, static_cast<std::uint32_t>(k));
    return w;
  }
};

// First enterprise of the first stratum of this industry and size.
std::uint32_t enterprise_of(const EnterpriseTable& e, Industry industry, SizeClass size) {
  for (std::uint32_t i = 0; i < e.count(); ++i) {
    if (e.industry[i] == industry && e.size_class[i] == size) return i;
  }
  throw std::logic_error("no such enterprise");
}

TEST(Statistics, FirstYearTurnoverMatchesTheRateByEmploymentTypeAndSize) {
  Factory f;
  const auto e = enterprise_of(f.enterprises, Industry::BuildingMaterials, SizeClass::Small);
  const auto w = f.hires(e, 60000);
  std::map<EmploymentType, std::pair<int, int>> left_after_one_year;  // type -> (left, total)
  for (std::size_t i = 0; i < w.size(); ++i) {
    const int retirement_exit = w.birth_year[i] + (WorkerTraits::female(w.traits[i]) ? 50 : 60) - 1;
    if (retirement_exit <= 2001) continue;  // retirement, not turnover, decides these
    auto& [left, total] = left_after_one_year[WorkerTraits::employment(w.traits[i])];
    left += w.exit_year[i] == 2000 ? 1 : 0;
    total += 1;
  }
  for (const auto& [type, counts] : left_after_one_year) {
    const double expected = f.factory.turnover_rate(f.enterprises.size_class[e], type);
    const double observed = counts.first / static_cast<double>(counts.second);
    EXPECT_NEAR(observed, expected, test::binomial_tolerance(expected, counts.second)) << static_cast<int>(type);
  }
}

TEST(Statistics, EmploymentMixFollowsTheStratum) {
  Factory f;
  const auto e = enterprise_of(f.enterprises, Industry::CoalMining, SizeClass::Large);
  const Stratum& stratum = f.scenario.strata[f.enterprises.stratum[e]];
  const int n = 50000;
  const auto w = f.hires(e, n);
  int migrant = 0, dispatched = 0, female = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    migrant += WorkerTraits::employment(w.traits[i]) == EmploymentType::Migrant;
    dispatched += WorkerTraits::employment(w.traits[i]) == EmploymentType::Dispatched;
    female += WorkerTraits::female(w.traits[i]);
  }
  EXPECT_NEAR(migrant / double(n), stratum.share_migrant, test::binomial_tolerance(stratum.share_migrant, n));
  EXPECT_NEAR(dispatched / double(n), stratum.share_dispatched, test::binomial_tolerance(stratum.share_dispatched, n));
  EXPECT_NEAR(female / double(n), stratum.female_share, test::binomial_tolerance(stratum.female_share, n));
}

TEST(Statistics, HomesOfLocalWorkersFollowTownshipWeightsAndMigrantsMayLiveOutside) {
  Factory f;
  const auto e = enterprise_of(f.enterprises, Industry::BuildingMaterials, SizeClass::Small);  // in 320381
  const int n = 60000;
  const auto w = f.hires(e, n);
  const auto& geo = f.scenario.geography;
  std::map<std::uint16_t, int> local_homes;
  int locals = 0, migrants = 0, migrants_outside = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (WorkerTraits::employment(w.traits[i]) == EmploymentType::Migrant) {
      ++migrants;
      migrants_outside += w.home_township[i] == kOutsideCity;
    } else {
      ++locals;
      ++local_homes[w.home_township[i]];
    }
  }
  // A share of local workers live in the enterprise's own township, the rest by township weight.
  const double near = f.scenario.parameters.population.local_home_at_workplace_share;
  double county_weight = 0.0;
  for (const auto t : geo.townships_of_county[f.enterprises.county[e]]) county_weight += geo.townships[t].weight;
  for (const auto t : geo.townships_of_county[f.enterprises.county[e]]) {
    const double p = (t == f.enterprises.township[e] ? near : 0.0) + (1.0 - near) * geo.townships[t].weight / county_weight;
    EXPECT_NEAR(local_homes[t] / double(locals), p, test::binomial_tolerance(p, locals) + 1e-12) << geo.townships[t].name_zh;
  }
  EXPECT_EQ(local_homes.count(kOutsideCity), 0u);
  const double outside = 1.0 - f.scenario.parameters.population.migrant_home_in_city_share;
  EXPECT_NEAR(migrants_outside / double(migrants), outside, test::binomial_tolerance(outside, migrants));
}

TEST(Statistics, RespiratorWearingMatchesTheSizeClassShare) {
  Factory f;
  const auto e = enterprise_of(f.enterprises, Industry::CoalMining, SizeClass::Small);
  const int n = 50000;
  const auto w = f.hires(e, n);
  int wearing = 0;
  for (std::size_t i = 0; i < w.size(); ++i) wearing += w.ppe_propensity[i] < f.enterprises.ppe_threshold[e];
  const double share = f.scenario.parameters.exposure.ppe_wearing_share[static_cast<std::size_t>(SizeClass::Small)];
  // The threshold is share × 256 rounded, so allow half a step of 1/256 on top of sampling error.
  EXPECT_NEAR(wearing / double(n), share, test::binomial_tolerance(share, n) + 0.5 / 256.0);
}

TEST(Statistics, DetectionAtExamsMatchesTheConfiguredSensitivity) {
  SurveillanceParameters p = test::small_scenario().parameters.surveillance;
  p.attendance = 1.0;
  p.self_presentation = {0.0, 0.0, 0.0};
  const Surveillance surveillance(p);
  const RandomStream rng(8, 0);
  ExamAccess access;
  access.route = ExamRoute::InWork;
  access.enterprise_provides = true;
  access.interval_years = 1;
  const int n = 100000;
  for (int stage = 1; stage <= 3; ++stage) {
    int detected = 0;
    for (int i = 0; i < n; ++i) detected += surveillance.patient_year(rng, i, 2015, stage, access).diagnosed;
    const double sensitivity = p.sensitivity[static_cast<std::size_t>(stage - 1)];
    EXPECT_NEAR(detected / double(n), sensitivity, test::binomial_tolerance(sensitivity, n)) << "stage " << stage;
  }
}

TEST(Statistics, ExamsFollowTheCycleAttendanceAndCapacity) {
  // Interval 2: half the people are due in a given year; with attendance a and capacity share c, the
  // examined share is a·c/2.
  SurveillanceParameters p = test::small_scenario().parameters.surveillance;
  p.attendance = 0.8;
  const Surveillance surveillance(p);
  const RandomStream rng(9, 0);
  ExamAccess access;
  access.route = ExamRoute::InWork;
  access.enterprise_provides = true;
  access.interval_years = 2;
  access.exam_capacity_share = 0.75;
  const int n = 100000;
  int examined = 0, due_twice = 0;
  for (int i = 0; i < n; ++i) {
    examined += surveillance.patient_year(rng, i, 2016, 1, access).examined;
    due_twice += Surveillance::exam_due(rng, i, 2016, 2) && Surveillance::exam_due(rng, i, 2017, 2);
  }
  const double expected = 0.8 * 0.75 / 2.0;
  EXPECT_NEAR(examined / double(n), expected, test::binomial_tolerance(expected, n));
  EXPECT_EQ(due_twice, 0);  // a 2-year cycle never falls due in consecutive years
  access.enterprise_provides = false;
  int without = 0;
  for (int i = 0; i < 1000; ++i) without += surveillance.patient_year(rng, i, 2016, 1, access).examined;
  EXPECT_EQ(without, 0);
}

TEST(Statistics, ComplianceSharesRiseThenCloseTheGap) {
  const ComplianceModel model(test::small_scenario());
  const auto& c = test::small_scenario().parameters.compliance;
  const double s = c.share[static_cast<std::size_t>(ComplianceState::HazardDeclared)][0];
  EXPECT_DOUBLE_EQ(model.baseline_share(ComplianceState::HazardDeclared, SizeClass::Large, 1995), c.historical_factor * s);
  const int mid = static_cast<int>((c.rise_start_year + c.rise_end_year) / 2);
  const double w = static_cast<double>(mid - c.rise_start_year) / static_cast<double>(c.rise_end_year - c.rise_start_year);
  EXPECT_NEAR(model.baseline_share(ComplianceState::HazardDeclared, SizeClass::Large, mid),
              c.historical_factor * s + w * (s - c.historical_factor * s), 1e-12);
  EXPECT_NEAR(model.baseline_share(ComplianceState::HazardDeclared, SizeClass::Large, static_cast<int>(c.rise_end_year) + 10),
              1.0 - (1.0 - s) * std::pow(1.0 - c.annual_gain, 10.0), 1e-12);
}

TEST(Statistics, WorkforceFollowsJobsAndLayoffsFollowTheExcessShare) {
  // In the small scenario, Jiawang's coal jobs fall by 90 % between 2010 and 2028: every year the
  // employed count must equal the jobs (hiring fills them; layoffs remove the excess in expectation).
  const Scenario& scenario = test::small_scenario();
  Simulation simulation(scenario, 3, 0);
  simulation.run();
  const auto& employed = simulation.results()[OutputId::WorkersEmployed];
  const std::size_t regions = employed.shape[1];
  for (int year = 2012; year <= 2028; year += 4) {
    const std::size_t y = static_cast<std::size_t>(year - scenario.first_year());
    double jobs = 0.0;
    for (std::size_t e = 0; e < simulation.enterprises().count(); ++e) {
      jobs += enterprise_jobs(scenario, simulation.enterprises(), e, year);
    }
    const double workers = employed.values[y * regions + regions - 1];
    // Layoffs are binomial draws: the surplus left after them is within a few SDs of zero; deaths in
    // service open a few jobs more.
    EXPECT_NEAR(workers, jobs, 4.0 * std::sqrt(jobs * 0.25) + 0.01 * jobs) << year;
  }
}

}  // namespace
}  // namespace pneumo
