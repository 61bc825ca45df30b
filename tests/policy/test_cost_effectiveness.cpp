// Cost-effectiveness from paired replicates against hand-computed values: the ICER's status in each quadrant,
// its interval only where every replicate gains health, net monetary benefit, its ranking and the probability
// of being cost-effective; and the analysis of runs whose outputs are set by hand (costs by payer, discounting
// of costs, budget impact by year).
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/discounting.hpp"
#include "pneumoplan/policy/cost_effectiveness.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(Icer, RatioWithPercentileIntervalWhenEveryReplicateGains) {
  // Replicate ratios 100, 200, 300, 400: mean cost 2,500 / mean gain 10 = 250; type-7 percentiles of the ratios.
  const Icer icer = incremental_ratio({1000, 2000, 3000, 4000}, {10, 10, 10, 10});
  EXPECT_EQ(icer.status, IcerStatus::Ratio);
  EXPECT_DOUBLE_EQ(icer.ratio, 250.0);
  EXPECT_NEAR(icer.p5, 115.0, 1e-9);   // 100 + 0.15 × 100
  EXPECT_NEAR(icer.p95, 385.0, 1e-9);  // 300 + 0.85 × 100
  EXPECT_DOUBLE_EQ(icer.quadrant_share[0], 1.0);
}

TEST(Icer, NoIntervalWhenSomeReplicateGainsNothing) {
  const Icer icer = incremental_ratio({1000, 2000, 3000, 4000}, {10, 10, 10, -1});
  EXPECT_EQ(icer.status, IcerStatus::Ratio);
  EXPECT_DOUBLE_EQ(icer.ratio, 2500.0 / 7.25);
  EXPECT_TRUE(std::isnan(icer.p5) && std::isnan(icer.p95));
  EXPECT_DOUBLE_EQ(icer.quadrant_share[0], 0.75);
  EXPECT_DOUBLE_EQ(icer.quadrant_share[2], 0.25);  // less health, more cost: dominated
}

TEST(Icer, DominantDominatedAndTheSouthWest) {
  const Icer dominant = incremental_ratio({-100, -200}, {1, 2});
  EXPECT_EQ(dominant.status, IcerStatus::Dominant);
  EXPECT_TRUE(std::isnan(dominant.ratio));
  EXPECT_DOUBLE_EQ(dominant.quadrant_share[1], 1.0);
  const Icer dominated = incremental_ratio({100, 0}, {-1, -2});
  EXPECT_EQ(dominated.status, IcerStatus::Dominated);
  EXPECT_TRUE(std::isnan(dominated.ratio));
  const Icer cheaper = incremental_ratio({-1000, -3000}, {-1, -2});
  EXPECT_EQ(cheaper.status, IcerStatus::LessCostlyLessEffective);
  EXPECT_DOUBLE_EQ(cheaper.ratio, 2000.0 / 1.5);  // saved per unit forgone
  EXPECT_DOUBLE_EQ(cheaper.p5, 1000.0 + 0.05 * 500.0);
  const Icer nothing = incremental_ratio({0, 0}, {0, 0});
  EXPECT_EQ(nothing.status, IcerStatus::NoHealthEffect);
  EXPECT_DOUBLE_EQ(nothing.quadrant_share[0] + nothing.quadrant_share[1] + nothing.quadrant_share[2] +
                       nothing.quadrant_share[3],
                   0.0);
}

// Runs of two packages over 2019-2022 whose city outputs are set by hand.
std::vector<std::vector<ReplicateResults>> handmade_runs(const Scenario& scenario) {
  AxisSizes sizes;
  sizes.years = static_cast<std::size_t>(scenario.year_count());
  sizes.regions = scenario.geography.counties.size() + 1;
  sizes.townships = scenario.geography.townships.size() + 1;
  sizes.interventions = 1;
  // The city's cell is the last of a year's row (the total, for the intervention axis).
  const auto set = [&](ReplicateResults& r, OutputId id, int year, double value) {
    OutputArray& a = r[id];
    a.year_row(static_cast<std::size_t>(year - scenario.first_year()))[a.values.size() / a.shape[0] - 1] = value;
  };
  std::vector<std::vector<ReplicateResults>> runs(2);
  for (int replicate = 0; replicate < 2; ++replicate) {
    ReplicateResults base(sizes), package(sizes);
    for (int year = 2019; year <= 2022; ++year) {
      set(base, OutputId::DalysDiscounted, year, 10.0);
      set(package, OutputId::DalysDiscounted, year, 10.0 - (replicate + 1));  // averts 1 or 2 a year
      set(base, OutputId::QalyLossDiscounted, year, 20.0);
      set(package, OutputId::QalyLossDiscounted, year, 18.0);
      set(base, OutputId::PaidOutOfPocket, year, 5000.0);
      set(package, OutputId::PaidOutOfPocket, year, 4000.0);        // saves 1,000 a year
      set(package, OutputId::InterventionCost, year, 3000.0);        // costs 3,000 a year
      set(package, OutputId::RehabBuildSpending, year, year == 2021 ? 400.0 : 0.0);  // a station funded in 2021
      set(package, OutputId::RehabRunningCost, year, year >= 2021 ? 100.0 : 0.0);   // and run from then
    }
    runs[0].push_back(std::move(base));
    runs[1].push_back(std::move(package));
  }
  return runs;
}

TEST(CostEffectiveness, HandmadeRunsGiveHandComputedResults) {
  Scenario scenario = test::small_scenario();
  auto& p = scenario.parameters.economics;
  p.discount_rate_per_year = 0.05;
  p.reference_year = 2020;
  WillingnessToPay wtp;
  wtp.rmb_per_daly = {1000.0, 5000.0};
  wtp.rmb_per_qaly = {1000.0};
  const CostEffectiveness ce = analyse_cost_effectiveness(scenario, handmade_runs(scenario), 2020, 2022, wtp);
  ASSERT_EQ(ce.budget_years, (std::vector<int>{2020, 2021, 2022}));
  // Programme: 3,000 a year, 400 built in 2021, 100 running in 2021 and 2022; out of pocket −1,000 a year.
  const double f20 = 1.0, f21 = discount_factor(0.05, 2021, 2020), f22 = discount_factor(0.05, 2022, 2020);
  const double programme = 3000.0 * (f20 + f21 + f22) + 500.0 * f21 + 100.0 * f22;
  const double pocket = -1000.0 * (f20 + f21 + f22);
  const std::size_t out_of_pocket = 1 + static_cast<std::size_t>(Payer::OutOfPocket);
  EXPECT_NEAR(ce.incremental_cost_by_payer[1][0].mean, programme, 1e-9);
  EXPECT_NEAR(ce.incremental_cost_by_payer[1][out_of_pocket].mean, pocket, 1e-9);
  EXPECT_NEAR(ce.incremental_cost_summary[1].mean, programme + pocket, 1e-9);
  // Health: the discounted outputs summed as they are (already discounted in the model).
  EXPECT_DOUBLE_EQ(ce.dalys_averted[1][0], 3.0);
  EXPECT_DOUBLE_EQ(ce.dalys_averted[1][1], 6.0);
  EXPECT_DOUBLE_EQ(ce.qalys_gained_summary[1].mean, 6.0);
  const double cost = programme + pocket;
  EXPECT_EQ(ce.icer_per_daly[1].status, IcerStatus::Ratio);
  EXPECT_NEAR(ce.icer_per_daly[1].ratio, cost / 4.5, 1e-9);
  EXPECT_NEAR(ce.icer_per_daly[1].p5, cost / 6.0 + 0.05 * (cost / 3.0 - cost / 6.0), 1e-9);
  EXPECT_EQ(ce.icer_per_daly[0].status, IcerStatus::NoHealthEffect);
  // Net monetary benefit: λ × gain − cost; the reference's is 0.
  EXPECT_NEAR(ce.nmb_daly[1][0].mean, 1000.0 * 4.5 - cost, 1e-9);
  EXPECT_NEAR(ce.nmb_daly[1][1].mean, 5000.0 * 4.5 - cost, 1e-9);
  EXPECT_DOUBLE_EQ(ce.nmb_daly[0][0].mean, 0.0);
  EXPECT_DOUBLE_EQ(ce.probability_cost_effective_daly[1][0], 0.0);  // 1,000 × 3 or 6 < cost ≈ 6,300
  EXPECT_DOUBLE_EQ(ce.probability_cost_effective_daly[1][1], 1.0);
  EXPECT_EQ(ce.rank_daly[1][0], 2);
  EXPECT_EQ(ce.rank_daly[0][0], 1);
  EXPECT_EQ(ce.rank_daly[1][1], 1);
  // Budget impact, undiscounted, by year: 2021 programme 3,000 + 400 + 100, out of pocket −1,000.
  EXPECT_DOUBLE_EQ(ce.budget_impact_rmb[1][1][0].mean, 3500.0);
  EXPECT_DOUBLE_EQ(ce.budget_impact_rmb[1][1][out_of_pocket].mean, -1000.0);
  EXPECT_DOUBLE_EQ(ce.budget_impact_rmb[1][1][kBudgetPayerCount].mean, 2500.0);
  EXPECT_DOUBLE_EQ(ce.budget_impact_rmb[1][0][kBudgetPayerCount].mean, 2000.0);
}

}  // namespace
}  // namespace pneumo
