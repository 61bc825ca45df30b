#include "pneumoplan/report/township_map_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {
namespace {

constexpr double kPi = 3.14159265358979323846;
// gnuplot point sizes: the largest township and the smallest visible one.
constexpr double kLargestPointSize = 4.0, kSmallestPointSize = 0.35;

// Twelve distinguishable county colours (ColorBrewer "Paired", darker shades first), repeated beyond.
constexpr std::string_view kCountyColours[] = {"#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928",
                                               "#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#8c8c00"};

double point_size(double patients, double largest) {
  if (largest <= 0 || !(patients > 0)) return kSmallestPointSize;
  return std::max(kSmallestPointSize, kLargestPointSize * std::sqrt(patients / largest));  // area ∝ patients
}

// The largest of 1, 2, 5 × 10^k not above `value` (≥ 1).
double round_reference(double value) {
  double best = 1.0;
  for (double decade = 1.0; decade <= value; decade *= 10.0) {
    for (const double step : {1.0, 2.0, 5.0}) {
      if (step * decade <= value) best = step * decade;
    }
  }
  return best;
}

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", value);
  return text;
}

}  // namespace

Figure township_map_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  const bool zh = options.language == Language::Chinese;
  const bool diagnosed = parse_named<PatientsCounted>(kPatientsCountedNames, results.resolved_parameter("rehab.patients_counted")) !=
                        PatientsCounted::True;
  const ResultsSummary patients =
      results.read_summary(diagnosed ? "patients_diagnosed_by_township" : "patients_true_by_township");
  const ResultsSummary stations = results.read_summary("rehab_station_open");
  if (options.map_year < results.years.front() || options.map_year > results.years.back()) {
    throw UsageError("the map year " + std::to_string(options.map_year) + " is outside the simulated years " +
                     std::to_string(results.years.front()) + "-" + std::to_string(results.years.back()));
  }
  const std::size_t y = results.year_index(options.map_year), townships = results.township_codes.size();

  double largest = 0.0, lon_min = 1e9, lon_max = -1e9, lat_min = 1e9, lat_max = -1e9;
  for (std::size_t t = 0; t < townships; ++t) {
    if (std::isnan(results.township_lon[t]) || std::isnan(results.township_lat[t])) continue;
    largest = std::max(largest, patients.mean[y * townships + t]);
    lon_min = std::min(lon_min, results.township_lon[t]);
    lon_max = std::max(lon_max, results.township_lon[t]);
    lat_min = std::min(lat_min, results.township_lat[t]);
    lat_max = std::max(lat_max, results.township_lat[t]);
  }
  if (lon_min > lon_max) throw InputError(results.path, 0, "no township has a point (/axes/township_lon, township_lat)");

  Figure figure;
  figure.name = "township_map";
  figure.caption = fill(text.map_title, {results.scenario_name,
                                         std::string(diagnosed ? text.patients_diagnosed : text.patients_true),
                                         std::to_string(options.map_year)});
  DataBlock block{"townships",
                  {"township_code", "lon", "lat", "patients", "county", "approximate", "station_share", "point_size"},
                  {}};
  for (std::size_t t = 0; t < townships; ++t) {
    if (std::isnan(results.township_lon[t]) || std::isnan(results.township_lat[t])) continue;
    const double count = patients.mean[y * townships + t];
    block.rows.push_back({static_cast<double>(results.township_codes[t]), results.township_lon[t], results.township_lat[t],
                          count, static_cast<double>(results.township_region_index[t]),
                          static_cast<double>(results.township_point_approximate[t]), stations.mean[y * townships + t],
                          point_size(count, largest)});
  }
  figure.data.push_back(std::move(block));

  // Equal distances look equal: a degree of longitude is cos(latitude) of a degree of latitude.
  const double pad_lon = std::max(0.02, 0.04 * (lon_max - lon_min)), pad_lat = std::max(0.02, 0.04 * (lat_max - lat_min));
  const double lat_mid = (lat_min + lat_max) / 2;
  const double ratio = std::clamp((lat_max - lat_min + 2 * pad_lat) /
                                      ((lon_max - lon_min + 2 * pad_lon) * std::cos(lat_mid * kPi / 180.0)),
                                  0.4, 2.0);
  const double plot_width_px = 820.0;
  figure.width_px = 1400;
  figure.height_px = static_cast<int>(std::lround(std::clamp(plot_width_px * ratio, 500.0, 1300.0) + 190.0));

  std::string commands;
  char line[256];
  const std::size_t counties = results.region_codes.size() - 1;
  for (std::size_t c = 0; c < counties; ++c) {
    std::snprintf(line, sizeof line, "set linetype %zu linecolor rgb \"%s\" pointtype 7\n", c + 1,
                  std::string(kCountyColours[c % std::size(kCountyColours)]).c_str());
    commands += line;
  }
  commands += "set title " + gnuplot_quote(figure.caption) + "\n";
  std::snprintf(line, sizeof line, "set size ratio %.6f\nset xrange [%.6f:%.6f]\nset yrange [%.6f:%.6f]\n", ratio,
                lon_min - pad_lon, lon_max + pad_lon, lat_min - pad_lat, lat_max + pad_lat);
  commands += line;
  commands += "set border 3\nset xtics nomirror out\nset ytics nomirror out\nset grid lc rgb \"#eeeeee\"\n";
  commands += "set xlabel " + gnuplot_quote(text.longitude) + "\nset ylabel " + gnuplot_quote(text.latitude) + "\n";
  std::snprintf(line, sizeof line, "set lmargin at screen 0.08\nset rmargin at screen %.4f\n",
                (0.08 * figure.width_px + plot_width_px) / figure.width_px);
  commands += line;
  commands += "set key outside right top Left reverse samplen 1 spacing 1.3\n";
  // County colours come from the county column (linetype county + 1); approximate points hollow.
  commands +=
      "plot $townships using 2:($6 == 0 ? $3 : NaN):8:($5 + 1) with points pointtype 7 pointsize variable "
      "linecolor variable notitle, \\\n"
      "  $townships using 2:($6 != 0 ? $3 : NaN):8:($5 + 1) with points pointtype 6 pointsize variable "
      "linecolor variable notitle, \\\n"
      "  $townships using 2:($7 >= 0.5 ? $3 : NaN) with points pointtype 9 pointsize 2.2 linecolor rgb \"black\" "
      "title " + gnuplot_quote(text.station_most) + ", \\\n"
      "  $townships using 2:($7 > 0 && $7 < 0.5 ? $3 : NaN) with points pointtype 8 pointsize 2.2 linecolor rgb "
      "\"black\" title " + gnuplot_quote(text.station_some);
  if (largest > 0) {
    const double big = round_reference(largest);
    std::vector<double> references = {big};
    if (big >= 10.0) references.push_back(round_reference(big / 10.0));
    for (const double reference : references) {
      std::snprintf(line, sizeof line, ", \\\n  keyentry with points pointtype 7 pointsize %.4f linecolor rgb \"#888888\" title ",
                    point_size(reference, largest));
      commands += line + gnuplot_quote(fill(text.patients_count, {number_text(reference)}));
    }
  }
  commands += ", \\\n  keyentry with points pointtype 6 pointsize 1.5 linecolor rgb \"#888888\" title " +
              gnuplot_quote(text.approximate_points);
  for (std::size_t c = 0; c < counties; ++c) {
    std::snprintf(line, sizeof line, ", \\\n  keyentry with points pointtype 7 pointsize 1.5 linetype %zu title ", c + 1);
    commands += line + gnuplot_quote(zh ? results.region_names_zh[c] : results.region_names_en[c]);
  }
  figure.commands = commands + "\n";
  return figure;
}

}  // namespace pneumo
