// The station site table replays the model's service exactly: per year, the patients served by all stations
// add up to the file's rehab_patients_served and their mean distance is the file's; each site's share of
// replicates open is the file's /summary/rehab_station_open; the all-patients view counts every counted patient,
// nearer patients first; points convert to WGS-84; the files parse and carry what the table holds.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/station_site_files.hpp"
#include "pneumoplan/policy/station_sites.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/results/stored_scenario.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

double city_mean(const ResultsFile& r, const std::string& output, int year) {
  const ResultsArray a = r.read_output(output);
  double sum = 0.0;
  int n = 0;
  for (std::size_t rep = 0; rep < a.shape[0]; ++rep) {
    const double v = a.values[(rep * a.shape[1] + r.year_index(year)) * a.shape[2] + a.shape[2] - 1];
    if (std::isnan(v)) continue;
    sum += v;
    ++n;
  }
  return n ? sum / n : std::nan("");
}

TEST(StationSites, ReplayTheModelsServiceAndMatchTheFile) {
  test::ScratchFolder scratch;
  // A low threshold and small capacity: several stations, some patients without room.
  const Scenario scenario = load_scenario(test::data_path("small"), {"rehab.station_threshold_patients=3",
                                                                     "rehab.station_capacity_patients=4"});
  RunRequest request;
  request.seed = 5;
  request.replicates = 3;
  const std::string path = scratch.file("r.h5");
  write_results_file(path, scenario, run_replicates(scenario, request), request.seed);
  const ResultsFile results = open_results_file(path);
  const Scenario stored = stored_scenario(results);
  EXPECT_EQ(stored.township_distance_km, scenario.township_distance_km);
  const StationSiteTable table = station_site_table(results, stored, {2020, 2030}, 2030);
  ASSERT_EQ(table.sites.size(), scenario.geography.townships.size());
  ASSERT_EQ(table.views.size(), 2u);
  for (const auto& view : table.views) {
    const double served = city_mean(results, "rehab_patients_served", view.year);
    EXPECT_NEAR(view.served, served, 1e-9 * std::max(1.0, served)) << view.year;
    EXPECT_NEAR(view.patients, city_mean(results, "rehab_patients", view.year), 1e-9) << view.year;
    const double km = city_mean(results, "rehab_mean_distance_km", view.year);
    if (std::isnan(km)) {
      EXPECT_TRUE(std::isnan(view.served_mean_km));
    } else {
      EXPECT_NEAR(view.served_mean_km, km, 1e-9 * std::max(1.0, km)) << view.year;
    }
    EXPECT_NEAR(view.stations, city_mean(results, "rehab_stations_open", view.year), 1e-12);
    // Nearer bands hold fewer patients; every share is a share.
    EXPECT_LE(view.share_within[0], view.share_within[1]);
    EXPECT_LE(view.share_within[1], view.share_within[2]);
    EXPECT_GE(view.share_within[0], 0.0);
    EXPECT_LE(view.share_within[2], 1.0);
  }
  const ResultsSummary open = results.read_summary("rehab_station_open");
  const std::size_t y = results.year_index(2030), T = results.townships;
  double served_sum = 0.0, stations_sum = 0.0;
  for (const auto& site : table.sites) {
    EXPECT_NEAR(site.share_open, open.mean[y * T + site.township], 1e-12) << site.code;
    EXPECT_EQ(site.replicates_open, static_cast<int>(std::lround(site.share_open * 3)));
    if (site.replicates_open > 0) {
      served_sum += site.served * site.replicates_open;
      EXPECT_LE(site.served, 4.0 + 1e-9);  // within its capacity
      EXPECT_FALSE(std::isnan(site.opening_year));
      EXPECT_LE(site.opening_year, 2030);
    } else {
      EXPECT_TRUE(std::isnan(site.served));
    }
    stations_sum += site.share_open;
    // WGS-84 lies a few hundred metres from GCJ-02, never more than a kilometre.
    const double shift_km = great_circle_km(site.wgs84, site.gcj02);
    EXPECT_GT(shift_km, 0.05);
    EXPECT_LT(shift_km, 1.0);
  }
  EXPECT_NEAR(served_sum / 3.0, table.views[1].served, 1e-9 * std::max(1.0, served_sum));
  EXPECT_NEAR(stations_sum, table.views[1].stations, 1e-9);
  EXPECT_TRUE(table.sites[1].existing);  // stations.csv: 大吴镇

  const std::string csv = station_sites_csv(table, Language::Chinese);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF乡镇代码,乡镇名称,", 0), 0u);
  EXPECT_NE(csv.find("大吴镇"), std::string::npos);
  const std::string geojson = station_sites_geojson(table);
  EXPECT_NE(geojson.find("\"type\": \"FeatureCollection\""), std::string::npos);
  EXPECT_NE(geojson.find("urn:ogc:def:crs:OGC:1.3:CRS84"), std::string::npos);
}

TEST(StationSites, AYearOutsideTheRunIsRefused) {
  const ResultsFile results = [] {
    static test::ScratchFolder scratch;
    RunRequest request;
    request.seed = 1;
    request.replicates = 1;
    write_results_file(scratch.file("r.h5"), test::small_scenario(), run_replicates(test::small_scenario(), request), 1);
    return open_results_file(scratch.file("r.h5"));
  }();
  EXPECT_THROW(station_site_table(results, stored_scenario(results), {2040}, 2040), UsageError);
  EXPECT_THROW(station_site_table(results, stored_scenario(results), {2020}, 2021), UsageError);
}

}  // namespace
}  // namespace pneumo
