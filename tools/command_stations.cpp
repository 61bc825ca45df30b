// pneumoplan stations FILE.h5 [FILE2.h5 ...]: rehabilitation station layouts side by side — stations, where
// patients concentrate, the plan's coverage indicator, the patients served and all counted patients with their
// distances, cost — and, per file, the site table (CSV) and the sites as GeoJSON (WGS-84) for a GIS.
#include <cmath>
#include <filesystem>
#include <iostream>

#include "command_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/policy/station_site_files.hpp"
#include "pneumoplan/policy/station_sites.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/results/stored_scenario.hpp"

namespace fs = std::filesystem;

namespace pneumo::cli {
namespace {

// Mean over replicates of the city value of a [replicate, year, region] output in `year` (NaN-skipping).
double city_mean(const ResultsFile& results, const std::string& output, int year) {
  const ResultsArray a = results.read_output(output);
  const std::size_t replicates = a.shape[0], years = a.shape[1], regions = a.shape[2];
  const auto y = static_cast<std::size_t>(year - results.years.front());
  double sum = 0.0;
  int n = 0;
  for (std::size_t r = 0; r < replicates; ++r) {
    const double v = a.values[(r * years + y) * regions + regions - 1];
    if (std::isnan(v)) continue;
    sum += v;
    ++n;
  }
  return n ? sum / n : std::nan("");
}

// Files compared side by side must be the same scenario, seed and replicates (common random numbers), or
// the differences are noise; `allow` turns the refusal into a warning.
void check_comparable(const std::vector<ResultsFile>& files, bool allow) {
  const ResultsFile& first = files.front();
  for (const ResultsFile& other : files) {
    std::string differences;
    const auto differ = [&](const char* what, const std::string& a, const std::string& b) {
      if (a != b) differences += std::string(differences.empty() ? "" : ", ") + what + " (" + a + " vs " + b + ")";
    };
    differ("scenario", first.scenario_name, other.scenario_name);
    differ("seed", std::to_string(first.seed), std::to_string(other.seed));
    differ("replicates", std::to_string(first.replicates), std::to_string(other.replicates));
    differ("simulated years", std::to_string(first.years.front()) + "-" + std::to_string(first.years.back()),
           std::to_string(other.years.front()) + "-" + std::to_string(other.years.back()));
    if (differences.empty()) continue;
    const std::string message = first.path + " and " + other.path + " differ in " + differences +
                                ": their layouts do not share common random numbers, so differences between them "
                                "mix the layout with chance";
    if (!allow) {
      throw UsageError(message + "; run them with the same scenario, --seed and --replicates (or pass "
                                 "--allow-different to compare them anyway)");
    }
    std::cerr << "warning: " << message << "\n";
  }
}

std::string km_text(double km) { return std::isnan(km) ? std::string(kMissingNumber) : grouped_number(km, 1); }

}  // namespace

int stations_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::vector<std::string>>(), "Results files (HDF5) to compare, e.g. two layouts of one scenario.")
      ("years", po::value<std::string>()->default_value("2023,2025"), "Years to show, comma-separated.")
      ("site-year", po::value<int>(), "Year of the site tables' stations, service and distances (default: the last of --years).")
      ("out,o", po::value<std::string>(),
       "Folder for the site tables (default: next to each results file): FILE.stations.csv and FILE.stations.geojson.")
      ("csv", po::value<std::string>(), "Also write the comparison table to this CSV file (atomically).")
      ("allow-different", "Compare files that differ in scenario, seed, replicates or simulated years (a warning, "
                          "not a refusal).");
  add_language_option(options);
  po::positional_options_description positional;
  positional.add("results", -1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan stations FILE.h5 [FILE2.h5 ...] [--years 2023,2025] [--out DIR] [--lang en|zh]",
                     "Puts the rehabilitation station layouts of results files side by side (city, mean over "
                     "replicates): stations open, townships where patients concentrate, the plan's coverage "
                     "indicator; the patients a station has room for (served, unmet, within reach, mean and "
                     "90th-percentile distance); every counted patient's distance to the nearest station (mean, 90th "
                     "percentile, shares within 5, 10 and 20 km); building cost. For each file it writes the site "
                     "table, one row per candidate township (patients, share of replicates with a station, opening "
                     "year, capacity, patients served and their distances), as CSV (opens in Excel) and as GeoJSON "
                     "(WGS-84 points converted from the packs' GCJ-02; opens in QGIS and geojson.io). Files must "
                     "share scenario, seed and replicates (common random numbers): run one scenario with "
                     "--set rehab.layout=... to compare layouts (docs/stations.md).")) {
    return 0;
  }
  if (!values.count("results")) throw UsageError("expected one or more results files");
  const Language language = language_option(values);
  const bool zh = language == Language::Chinese;
  const std::vector<int> years = parse_years(values["years"].as<std::string>());
  const std::vector<std::string> result_paths = values["results"].as<std::vector<std::string>>();
  // Where each file's site tables go: beside it, or in --out. Every output is known before anything is read.
  const auto site_base = [&](const std::string& results_path) {
    fs::path base = fs::path(results_path).replace_extension("");
    if (values.count("out")) base = fs::path(values["out"].as<std::string>()) / base.filename();
    return base.string();
  };
  std::vector<std::string> outputs;
  {
    CommandPaths paths;
    for (const auto& path : result_paths) paths.input(path, "a results file");
    if (values.count("out")) paths.output_folder(values["out"].as<std::string>(), "--out");
    for (const auto& path : result_paths) {
      for (const char* suffix : {".stations.csv", ".stations.geojson"}) {
        outputs.push_back(site_base(path) + suffix);
        paths.output(outputs.back(), values.count("out") ? "site table in --out" : "site table of " + path + ":");
      }
    }
    if (values.count("csv")) {
      outputs.push_back(values["csv"].as<std::string>());
      paths.output(outputs.back(), "--csv");
    }
    paths.check();
  }
  const int site_year = values.count("site-year") ? values["site-year"].as<int>() : years.back();
  std::vector<int> table_years = years;
  if (std::find(table_years.begin(), table_years.end(), site_year) == table_years.end()) table_years.push_back(site_year);
  // Every file is opened (and its seal checked) and its site table built before anything is printed or
  // written, so a damaged or mismatched one stops the command with its error instead of half a table.
  std::vector<ResultsFile> files;
  for (const auto& path : result_paths) files.push_back(open_results_file(path));
  check_comparable(files, values.count("allow-different") > 0);
  for (const ResultsFile& f : files) {
    for (const int year : table_years) {
      if (year < f.years.front() || year > f.years.back()) {
        throw UsageError("--years/--site-year: " + std::to_string(year) + " is outside the simulated years of " +
                         f.path + " (" + std::to_string(f.years.front()) + "-" + std::to_string(f.years.back()) + ")");
      }
    }
  }
  std::vector<StationSiteTable> tables;
  for (const ResultsFile& f : files) tables.push_back(station_site_table(f, stored_scenario(f), table_years, site_year));

  const auto label = [&](const ResultsFile& f) { return fs::path(f.path).filename().string(); };
  using A = TextTable::Align;
  TextTable served({{zh ? "文件" : "file", A::Left, 28},
                    {zh ? "布局" : "layout", A::Left, 24},
                    {zh ? "年份" : "year"},
                    {zh ? "康复站" : "stations"},
                    {zh ? "集中乡镇" : "concentrated"},
                    {zh ? "覆盖率指标" : "coverage"},
                    {zh ? "患者" : "patients"},
                    {zh ? "获服务" : "served"},
                    {zh ? "未获服务" : "unmet"},
                    {zh ? "服务且在范围内" : "served in reach"},
                    {zh ? "每站在范围内" : "in reach/station"},
                    {zh ? "平均公里" : "mean km"},
                    {zh ? "P90公里" : "p90 km"},
                    {zh ? "建设费用（万元）" : "cost (10,000 RMB)"}});
  TextTable all({{zh ? "文件" : "file", A::Left, 28},
                 {zh ? "布局" : "layout", A::Left, 24},
                 {zh ? "年份" : "year"},
                 {zh ? "患者" : "patients"},
                 {zh ? "平均公里" : "mean km"},
                 {zh ? "P90公里" : "p90 km"},
                 {zh ? "5公里内" : "within 5 km"},
                 {zh ? "10公里内" : "within 10 km"},
                 {zh ? "20公里内" : "within 20 km"}});
  std::vector<std::string> header = {zh ? "文件" : "file", zh ? "布局" : "layout", zh ? "年份" : "year"};
  const std::vector<std::string> csv_columns =
      zh ? std::vector<std::string>{"康复站（个）", "集中乡镇（个）", "覆盖率指标（%）", "患者（人）",
                                    "获服务患者（人）", "未获服务患者（人）", "服务且在范围内（人）",
                                    "每站在范围内（人）", "服务患者平均距离（公里）", "服务患者P90距离（公里）",
                                    "全部患者平均距离（公里）", "全部患者P90距离（公里）", "5公里内（%）",
                                    "10公里内（%）", "20公里内（%）", "建设费用（万元）"}
         : std::vector<std::string>{"stations", "concentrated_townships", "coverage_indicator (%)", "patients",
                                    "served", "unmet", "served_within_reach", "within_reach_per_station",
                                    "served_mean_km", "served_p90_km", "all_mean_km", "all_p90_km",
                                    "within_5_km (%)", "within_10_km (%)", "within_20_km (%)",
                                    "cost (10,000 RMB)"};
  header.insert(header.end(), csv_columns.begin(), csv_columns.end());
  CsvWriter csv(header);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const ResultsFile& results = files[i];
    const StationSiteTable& table = tables[i];
    for (const int year : years) {
      const StationYearView* view = nullptr;
      for (const auto& v : table.views) view = v.year == year ? &v : view;
      const double stations = city_mean(results, "rehab_stations_open", year);
      const double reach = city_mean(results, "rehab_patients_within_reach", year);
      const double concentrated = city_mean(results, "concentrated_townships", year);
      const double coverage = city_mean(results, "indicator_rehab_township_coverage", year);
      const double cost = city_mean(results, "rehab_station_cost_rmb", year);
      const std::string y = std::to_string(year);
      const std::string& layout = zh ? table.layout_zh : table.layout;
      served.row({label(results), layout, y, grouped_number(stations, 1), grouped_number(concentrated, 1),
                  format_quantity(coverage, "share"), readable_number(view->patients), readable_number(view->served),
                  readable_number(view->unmet), readable_number(reach),
                  stations > 0 ? readable_number(reach / stations) : std::string(kMissingNumber),
                  km_text(view->served_mean_km), km_text(view->served_p90_km), format_scaled(cost, "RMB")});
      all.row({label(results), layout, y, readable_number(view->patients), km_text(view->all_mean_km),
               km_text(view->all_p90_km), format_quantity(view->share_within[0], "share"),
               format_quantity(view->share_within[1], "share"), format_quantity(view->share_within[2], "share")});
      csv.row({results.path, layout, y, grouped_number(stations, 1), grouped_number(concentrated, 1),
               format_scaled(coverage, "share"), readable_number(view->patients), readable_number(view->served),
               readable_number(view->unmet), readable_number(reach),
               stations > 0 ? readable_number(reach / stations) : std::string(), km_text(view->served_mean_km),
               km_text(view->served_p90_km), km_text(view->all_mean_km), km_text(view->all_p90_km),
               format_scaled(view->share_within[0], "share"), format_scaled(view->share_within[1], "share"),
               format_scaled(view->share_within[2], "share"), format_scaled(cost, "RMB")});
    }
  }
  const std::string capacity = readable_number(tables.front().capacity_patients);
  std::cout << (zh ? "康复站服务的患者（每站每年最多" + capacity + "人；未获服务者为站点容量不足者；平均值为各次重复模拟均值）：\n"
                   : "Patients a station has room for (at most " + capacity +
                         " a station a year; the unmet are those the stations cannot hold; means over replicates):\n")
            << served.render()
            << (zh ? "\n全部计数患者到最近康复站的距离（无论站点是否有空位）：\n"
                   : "\nEvery counted patient's distance to the nearest station (room or not):\n")
            << all.render();

  // The site tables, one pair per file, and the --csv table are one set of outputs (output_set.hpp): all new,
  // or all as they were.
  OutputSet set(common_folder(outputs));
  try {
    for (std::size_t i = 0; i < files.size(); ++i) {
      const std::string base = site_base(files[i].path);
      write_text_atomically(set.stage(base + ".stations.csv"), station_sites_csv(tables[i], language));
      write_text_atomically(set.stage(base + ".stations.geojson"), station_sites_geojson(tables[i]));
    }
    if (values.count("csv")) write_text_atomically(set.stage(values["csv"].as<std::string>()), csv.text());
    set.commit();
  } catch (const IoError& error) {
    throw IoError(set.final_names(error.what()));
  }
  std::cout << "\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string base = site_base(files[i].path);
    std::cout << (zh ? "站点表（" : "Site table (") << site_year << (zh ? "年）：" : "): ") << base << ".stations.csv"
              << (zh ? " 和 " : " and ") << base << ".stations.geojson\n";
  }
  if (values.count("csv")) {
    std::cout << (zh ? "比较表：" : "Table: ") << values["csv"].as<std::string>() << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
