// Saved states and forks: a simulation restored from the state saved at the start of any year continues
// bit-identically, and every package forked from the shared history (shared_history.hpp) gives the results
// of the same package simulated from its first year — for every kind of intervention and for every package
// of every city pack. Bit-identity over every output of a run is what shows the state complete.
#include <gtest/gtest.h>

#include <tbb/global_control.h>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/model/simulation.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

void expect_identical(const ReplicateResults& a, const ReplicateResults& b, const std::string& what) {
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto id = static_cast<OutputId>(i);
    EXPECT_TRUE(test::bitwise_equal(a[id].values, b[id].values)) << what << ": " << output_catalogue()[i].name;
  }
}

// The scenario with each of its packages selected, after the baseline when `with_baseline`.
std::vector<Scenario> package_variants(const Scenario& scenario, bool with_baseline) {
  std::vector<Scenario> variants;
  if (with_baseline) variants.push_back(scenario);
  for (const auto& package : scenario.packages) {
    variants.push_back(scenario);
    variants.back().select_package(package.name);
  }
  return variants;
}

// Each variant's forked results against the same variant run from its first year.
void expect_forks_identical(const std::vector<Scenario>& variants,
                            const std::vector<std::vector<ReplicateResults>>& forked, const RunRequest& request,
                            const std::string& label) {
  for (std::size_t v = 0; v < variants.size(); ++v) {
    const auto whole = run_replicates(variants[v], request);
    for (std::size_t r = 0; r < whole.size(); ++r) {
      expect_identical(whole[r], forked[v][r], label + variants[v].active_package);
    }
  }
}

ReplicateResults run_whole(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate) {
  Simulation simulation(scenario, seed, replicate);
  simulation.run();
  return simulation.take_results();
}

TEST(SavedState, ARunRestoredAtAnyYearContinuesBitIdentically) {
  const Scenario& scenario = test::small_scenario();
  const ReplicateResults whole = run_whole(scenario, 11, 2);
  for (const int year : {scenario.first_year() + 1, 2007, static_cast<int>(scenario.parameters.simulation.base_year) + 1,
                         scenario.last_year()}) {
    Simulation first(scenario, 11, 2);
    while (first.next_year() < year) first.step_year();
    const StateArchive state = first.save_state();
    Simulation second(scenario, 11, 2, state);
    EXPECT_EQ(second.next_year(), year);
    second.run();
    expect_identical(whole, second.results(), "restored at " + std::to_string(year));
  }
}

TEST(SavedState, AStateOfAnotherReplicateOrSeedIsRefused) {
  const Scenario& scenario = test::small_scenario();
  Simulation first(scenario, 11, 2);
  first.step_year();
  const StateArchive state = first.save_state();
  EXPECT_THROW(Simulation(scenario, 11, 3, state), IoError);
  EXPECT_THROW(Simulation(scenario, 12, 2, state), IoError);
  StateArchive damaged = state;
  damaged.put("workers/stage", std::vector<std::uint8_t>{1, 2});  // fewer rows than the other columns
  EXPECT_THROW(Simulation(scenario, 11, 2, damaged), IoError);
  StateArchive uneven = state;  // lists whose lengths do not add up to their values
  uneven.put("services/recent_leavers_length", std::vector<std::uint32_t>{1000});
  EXPECT_THROW(Simulation(scenario, 11, 2, uneven), IoError);
  StateArchive retyped = state;
  retyped.put("workers/stage", std::vector<float>(first.workers().size(), 0.0f));
  EXPECT_THROW(Simulation(scenario, 11, 2, retyped), IoError);
}

// One intervention of `kind` on everyone, acting from 2012 and ramping up over two years.
Intervention intervention_of(InterventionKind kind) {
  Intervention iv;
  iv.kind = kind;
  iv.name = std::string(kind_info(kind).name);
  iv.industries.fill(true);
  iv.sizes.fill(true);
  iv.start_year = 2012;
  iv.ramp_years = 2.0;
  iv.end_year = 2026;
  iv.cost_fixed_rmb = 1000.0;
  iv.cost_per_unit_rmb = 10.0;
  switch (kind) {
    case InterventionKind::CaseHandlingCapacity: iv.intensity = 20.0; break;
    case InterventionKind::Closure: iv.intensity = 1.2; break;
    case InterventionKind::ExamCapacity: iv.intensity = 4000.0; break;
    case InterventionKind::DiagnosisCapacity: iv.intensity = 300.0; break;
    case InterventionKind::RehabThreshold: iv.intensity = 3.0; break;
    default: iv.intensity = 0.6; break;
  }
  return iv;
}

TEST(SharedHistory, EveryKindOfInterventionForksBitIdentically) {
  Scenario scenario = test::small_scenario();
  for (std::size_t k = 0; k < kInterventionKindCount; ++k) {
    scenario.interventions.push_back(intervention_of(static_cast<InterventionKind>(k)));
    scenario.packages.push_back({"only_" + scenario.interventions.back().name, "", "", "", {k}});
  }
  scenario.packages.push_back({"all", "", "", "", {}});
  for (std::size_t k = 0; k < kInterventionKindCount; ++k) scenario.packages.back().interventions.push_back(k);
  const std::vector<Scenario> variants = package_variants(scenario, true);
  RunRequest request;
  request.seed = 5;
  request.replicates = 2;
  SharedHistory history(request);
  // The baseline runs 1990-2030; a closure (and the package of all) leaves the history in 2011, every other
  // kind in 2012 (institutions open a certification delay, a year, after their start).
  const auto acts_the_year_before = [](const Scenario& v) {
    if (v.active_package == "all") return true;
    return v.interventions[v.active_interventions.front()].kind == InterventionKind::Closure;
  };
  std::int64_t years = scenario.year_count();
  for (std::size_t v = 1; v < variants.size(); ++v) years += acts_the_year_before(variants[v]) ? 20 : 19;
  EXPECT_EQ(history.years_to_simulate(variants), 2 * years);
  const auto forked = history.run(variants);
  for (std::size_t v = 0; v < variants.size(); ++v) {
    EXPECT_EQ(divergence_year(variants[v]),
              v == 0 ? scenario.last_year() + 1 : acts_the_year_before(variants[v]) ? 2011 : 2012);
  }
  expect_forks_identical(variants, forked, request, "");
  // Every kind changes something: a kind without effect would prove nothing about its fork.
  const auto baseline = run_replicates(variants[0], request);
  for (std::size_t v = 1; v < variants.size(); ++v) {
    bool differs = false;
    for (std::size_t i = 0; i < kOutputCount && !differs; ++i) {
      const auto id = static_cast<OutputId>(i);
      differs = !test::bitwise_equal(baseline[0][id].values, forked[v][0][id].values);
    }
    EXPECT_TRUE(differs) << variants[v].active_package << " changes nothing";
  }
}

TEST(SharedHistory, InstitutionsThatOpenInTheirStartYearForkTheYearBefore) {
  // Without a certification delay an exam or diagnosis institution opens in its start year, and the capacity of
  // that year is set at the end of the year before: the fork must come a year earlier.
  Scenario scenario = test::small_scenario();
  scenario.parameters.institutions.certification_delay_years = 0.0;
  scenario.parameters.institutions.certification_failure_probability = 0.0;
  for (const auto kind : {InterventionKind::ExamCapacity, InterventionKind::DiagnosisCapacity}) {
    scenario.interventions.push_back(intervention_of(kind));
    scenario.packages.push_back({scenario.interventions.back().name, "", "", "", {scenario.interventions.size() - 1}});
  }
  const std::vector<Scenario> variants = package_variants(scenario, false);
  for (const auto& v : variants) EXPECT_EQ(divergence_year(v), 2011) << v.active_package;
  RunRequest request;
  request.seed = 8;
  request.replicates = 2;
  expect_forks_identical(variants, SharedHistory(request).run(variants), request, "");
}

TEST(SharedHistory, LaterRunsReuseTheSavedHistory) {
  Scenario scenario = test::small_scenario();
  scenario.interventions.push_back(intervention_of(InterventionKind::EngineeringControl));
  scenario.packages.push_back({"dust", "", "", "", {0}});
  scenario.select_package("dust");
  RunRequest request;
  request.seed = 5;
  request.replicates = 2;
  SharedHistory history(request);
  const std::vector<const Scenario*> once{&scenario};
  EXPECT_EQ(history.years_to_simulate(once), 2 * scenario.year_count());
  history.run(once);
  // A second trial at another intensity starts from the state saved in 2012.
  Scenario stronger = scenario;
  stronger.interventions[0].intensity = 0.9;
  const std::vector<const Scenario*> again{&stronger};
  EXPECT_EQ(history.years_to_simulate(again), 2 * (scenario.last_year() - 2012 + 1));
  const auto forked = history.run(again);
  const auto whole = run_replicates(stronger, request);
  for (std::size_t r = 0; r < whole.size(); ++r) expect_identical(whole[r], forked[0][r], "stronger");
}

// Every package of a city pack, forked, against the same package run from 1970 (two replicates).
void expect_city_pack_forks_identically(const std::string& city) {
  const Scenario scenario = load_scenario(test::source_path("scenarios/" + city), {});
  const std::vector<Scenario> variants = package_variants(scenario, true);
  RunRequest request;
  request.seed = static_cast<std::uint64_t>(scenario.parameters.simulation.seed);
  request.replicates = 2;
  for (std::size_t v = 0; v < variants.size(); ++v) {
    EXPECT_LT(divergence_year(variants[v]), v == 0 ? 1 << 20 : scenario.last_year()) << variants[v].active_package;
  }
  expect_forks_identical(variants, SharedHistory(request).run(variants), request, city + " ");
}

TEST(SharedHistory, XuzhouPackagesForkBitIdentically) { expect_city_pack_forks_identically("xuzhou"); }
TEST(SharedHistory, JinanPackagesForkBitIdentically) { expect_city_pack_forks_identically("jinan"); }
TEST(SharedHistory, YunchengPackagesForkBitIdentically) { expect_city_pack_forks_identically("yuncheng"); }
TEST(SharedHistory, JiaxingPackagesForkBitIdentically) { expect_city_pack_forks_identically("jiaxing"); }
TEST(SharedHistory, HeyuanPackagesForkBitIdentically) { expect_city_pack_forks_identically("heyuan"); }

}  // namespace
}  // namespace pneumo
