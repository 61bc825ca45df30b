// Rehabilitation station layouts: the rule's threshold and delay, the optimised layout keeping existing
// stations and respecting its budget, given layouts, and service within capacities.
#include <gtest/gtest.h>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/rehab_stations.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

// The small scenario has 6 townships; stations.csv opens one in township 1 (大吴镇) in 2018.
std::vector<std::int64_t> patients(std::initializer_list<std::int64_t> per_township) {
  std::vector<std::int64_t> out(per_township);
  out.push_back(0);  // outside the city
  return out;
}

std::size_t open_count(const RehabStations& stations, int year) {
  std::size_t n = 0;
  for (std::size_t t = 0; t < 6; ++t) n += stations.open(t, year);
  return n;
}

TEST(RehabStations, RuleOpensStationsAfterTheDelayFromTheStartYear) {
  const Scenario scenario = load_scenario(test::data_path("small"),
                                          {"rehab.layout=rule", "rehab.rule_start_year=2019", "rehab.station_build_delay_years=2"});
  RehabStations stations(scenario, 1, 0);
  stations.update(2018, patients({0, 0, 150, 0, 0, 0}), 100.0);  // before the rule starts: nothing
  EXPECT_FALSE(stations.open(2, 2030));
  stations.update(2019, patients({0, 0, 150, 99, 100, 0}), 100.0);
  EXPECT_FALSE(stations.open(2, 2020));
  EXPECT_TRUE(stations.open(2, 2021));
  EXPECT_FALSE(stations.open(3, 2030));  // 99 < 100
  EXPECT_TRUE(stations.open(4, 2021));
  EXPECT_TRUE(stations.open(1, 2018));  // the existing station
}

TEST(RehabStations, OptimisedLayoutKeepsExistingStationsAndRespectsTheBudget) {
  const Scenario scenario = load_scenario(test::data_path("small"), {"rehab.layout=optimised", "rehab.optimise_year=2021",
                                                                     "rehab.stations_budget=3", "rehab.optimise_model=p_median"});
  RehabStations stations(scenario, 1, 0);
  const auto year_patients = patients({80, 5, 120, 60, 40, 90});
  stations.update(2020, year_patients, 100.0);  // not the optimisation year: nothing new
  EXPECT_EQ(open_count(stations, 2030), 1u);
  stations.update(2021, year_patients, 100.0);
  EXPECT_EQ(open_count(stations, 2021), 1u);  // new stations open after the one-year delay
  EXPECT_EQ(open_count(stations, 2022), 3u);
  EXPECT_TRUE(stations.open(1, 2022));        // the existing station stays, though few patients live there
  stations.update(2022, year_patients, 100.0);       // decided once
  EXPECT_EQ(open_count(stations, 2030), 3u);
}

// A money budget is honoured by every location model: 800,000 RMB buys two stations of 384,000 beyond the
// existing one, whatever the count would have been (here 5: more than the budget pays for).
TEST(RehabStations, EveryModelSpendsWithinTheMoneyBudget) {
  for (const char* model : {"covering", "p_median", "capacitated"}) {
    const Scenario scenario = load_scenario(
        test::data_path("small"), {"rehab.layout=optimised", "rehab.optimise_year=2021", "rehab.stations_budget=5",
                                   "rehab.budget_rmb=800000", "rehab.station_cost_rmb=384000",
                                   std::string("rehab.optimise_model=") + model});
    RehabStations stations(scenario, 1, 0);
    stations.update(2021, patients({80, 5, 120, 60, 40, 90}), 100.0);
    EXPECT_LE(open_count(stations, 2030), 3u) << model << ": more stations than the budget pays for";
    EXPECT_GE(open_count(stations, 2030), 2u) << model << ": the budget buys at least one new station";
    if (std::string(model) != "covering") EXPECT_EQ(open_count(stations, 2030), 3u) << model;
  }
  // A budget smaller than one station buys none.
  const Scenario poor = load_scenario(test::data_path("small"), {"rehab.layout=optimised", "rehab.budget_rmb=1000",
                                                                 "rehab.optimise_model=p_median"});
  RehabStations stations(poor, 1, 0);
  stations.update(2021, patients({80, 5, 120, 60, 40, 90}), 100.0);
  EXPECT_EQ(open_count(stations, 2030), 1u);
}

TEST(RehabStations, AMoneyBudgetWithoutAStationCostIsRefused) {
  EXPECT_THROW(load_scenario(test::data_path("small"), {"rehab.budget_rmb=800000", "rehab.station_cost_rmb=0"}),
               InputError);
}

TEST(RehabStations, GivenLayoutHasOnlyTheListedStations) {
  const Scenario scenario = load_scenario(test::data_path("small"), {"rehab.layout=given"});
  RehabStations stations(scenario, 1, 0);
  for (int year = 2019; year <= 2025; ++year) stations.update(year, patients({500, 500, 500, 500, 500, 500}), 100.0);
  EXPECT_EQ(open_count(stations, 2030), 1u);
}

TEST(RehabStations, ServiceRespectsCapacityAndCountsReach) {
  const Scenario scenario = load_scenario(test::data_path("small"), {"rehab.layout=given", "rehab.station_capacity_patients=220",
                                                                     "rehab.covering_distance_km=1"});
  const RehabStations stations(scenario, 1, 0);
  const auto service = stations.serve(2025, patients({0, 500, 0, 30, 0, 0}));
  const std::size_t city = 2;
  EXPECT_DOUBLE_EQ(service.patients[city], 530.0);
  EXPECT_DOUBLE_EQ(service.served[city], 220.0);  // one station, capacity 220
  EXPECT_DOUBLE_EQ(service.unmet[city], 310.0);
  EXPECT_DOUBLE_EQ(service.within_reach[city], 220.0);  // all served patients live in the station's township
  EXPECT_DOUBLE_EQ(service.mean_km[city], 0.0);
  EXPECT_DOUBLE_EQ(service.cost_rmb[city], 0.0);  // the existing station was not built by the model
  // Before the station opens, nobody is served.
  const auto before = stations.serve(2017, patients({0, 500, 0, 30, 0, 0}));
  EXPECT_DOUBLE_EQ(before.served[city], 0.0);
  EXPECT_DOUBLE_EQ(before.unmet[city], 530.0);
}

TEST(RehabStations, DistancesAreRoadFactorTimesGreatCircle) {
  const Scenario& scenario = test::small_scenario();
  const auto& t = scenario.geography.townships;
  const std::size_t n = t.size();
  EXPECT_DOUBLE_EQ(scenario.township_distance_km[0], 0.0);
  EXPECT_NEAR(scenario.township_distance_km[0 * n + 3],
              road_km({t[0].lon, t[0].lat}, {t[3].lon, t[3].lat}, scenario.parameters.rehab.road_factor), 1e-9);
  EXPECT_DOUBLE_EQ(scenario.township_distance_km[0 * n + 3], scenario.township_distance_km[3 * n + 0]);
}

}  // namespace
}  // namespace pneumo
