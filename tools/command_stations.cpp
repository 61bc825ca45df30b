// pneumoplan stations FILE.h5 [FILE2.h5 ...]: rehabilitation station layouts side by side — stations, where
// patients concentrate, the plan's coverage indicator, patients served and within reach, distances, cost.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "command_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/results/replicate_summary.hpp"
#include "pneumoplan/results/results_reader.hpp"

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

std::string layout_of(const ResultsFile& results) {
  const auto value = [&](const std::string& key) {
    const auto at = results.resolved_ini.find("\n" + key + " = ");
    if (at == std::string::npos) return std::string("?");
    const auto start = at + key.size() + 4;
    return results.resolved_ini.substr(start, results.resolved_ini.find_first_of(" \n", start) - start);
  };
  const std::string layout = value("layout");
  return layout == "optimised" ? "optimised (" + value("optimise_model") + ")" : layout;
}

}  // namespace

int stations_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::vector<std::string>>(), "Results files (HDF5) to compare, e.g. two layouts of one scenario.")
      ("years", po::value<std::string>()->default_value("2023,2025"), "Years to show, comma-separated.")
      ("csv", po::value<std::string>(), "Also write the table to this CSV file (atomically).");
  po::positional_options_description positional;
  positional.add("results", -1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan stations FILE.h5 [FILE2.h5 ...] [--years 2023,2025]",
                     "Puts the rehabilitation station layouts of results files side by side (city, mean over "
                     "replicates): stations open, townships where patients concentrate, the plan's coverage "
                     "indicator, patients counted, served and within reach (per station), unmet demand, mean and "
                     "90th-percentile distance, building cost. Run the same scenario and seed with "
                     "--set rehab.layout=... to compare layouts on common random numbers.")) {
    return 0;
  }
  if (!values.count("results")) throw UsageError("expected one or more results files");
  const std::vector<int> years = parse_years(values["years"].as<std::string>());
  {
    CommandPaths paths;
    for (const auto& path : values["results"].as<std::vector<std::string>>()) paths.input(path, "a results file");
    if (values.count("csv")) paths.output(values["csv"].as<std::string>(), "--csv");
    paths.check();
  }
  // Every file is opened (and its seal checked) before the table starts, so a damaged one stops the
  // command with its error instead of half a table.
  std::vector<ResultsFile> files;
  for (const auto& path : values["results"].as<std::vector<std::string>>()) files.push_back(open_results_file(path));
  std::ostringstream csv;
  csv << "file,layout,year,stations,concentrated_townships,coverage_indicator,patients,served,within_reach,"
         "within_reach_per_station,unmet,mean_km,p90_km,cost_rmb\n";
  std::printf("%-28s %-24s %5s %8s %6s %8s %8s %8s %8s %9s %8s %7s %7s %12s\n", "file", "layout", "year", "stations",
              "concen", "coverage", "patients", "served", "in reach", "reach/stn", "unmet", "mean km", "p90 km",
              "cost RMB");
  for (const ResultsFile& results : files) {
    const std::string& path = results.path;
    const std::string layout = layout_of(results);
    for (const int year : years) {
      if (year < results.years.front() || year > results.years.back()) continue;
      const double stations = city_mean(results, "rehab_stations_open", year);
      const double reach = city_mean(results, "rehab_patients_within_reach", year);
      const double row[] = {stations,
                            city_mean(results, "concentrated_townships", year),
                            city_mean(results, "indicator_rehab_township_coverage", year),
                            city_mean(results, "rehab_patients", year),
                            city_mean(results, "rehab_patients_served", year),
                            reach,
                            stations > 0 ? reach / stations : std::nan(""),
                            city_mean(results, "rehab_patients_unmet", year),
                            city_mean(results, "rehab_mean_distance_km", year),
                            city_mean(results, "rehab_p90_distance_km", year),
                            city_mean(results, "rehab_station_cost_rmb", year)};
      std::printf("%-28.28s %-24.24s %5d %8.1f %6.1f %8.2f %8.0f %8.0f %8.0f %9.1f %8.0f %7.1f %7.1f %12.0f\n",
                  path.c_str(), layout.c_str(), year, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                  row[8], row[9], row[10]);
      csv << csv_text(path) << ',' << csv_text(layout) << ',' << year;
      for (const double v : row) {
        csv << ',';
        if (!std::isnan(v)) csv << v;
      }
      csv << '\n';
    }
  }
  if (values.count("csv")) {
    write_text_atomically(values["csv"].as<std::string>(), csv.str());
    std::cout << "Table: " << values["csv"].as<std::string>() << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
