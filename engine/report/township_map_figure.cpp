#include "pneumoplan/report/township_map_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/voronoi_cells.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kKmPerDegreeLat = 110.574, kKmPerDegreeLonAtEquator = 111.320;
// gnuplot point sizes: the largest township and the smallest visible one.
constexpr double kLargestPointSize = 4.2, kSmallestPointSize = 0.3;
// Townships labelled by name: the most patients first.
constexpr std::size_t kLabelledTownships = 8;
// Station classes' colours (ColorBrewer "Oranges", a sequential scale readable with colour-blindness),
// darkest for the stations open in nearly every replicate.
constexpr std::string_view kStationColours[] = {"#7F2704", "#D94801", "#FD8D3C", "#FDD0A2"};
constexpr std::string_view kTownshipColour = "#56B4E9", kOutlineColour = "#555555";

double point_size(double patients, double largest) {
  if (largest <= 0 || !(patients > 0)) return kSmallestPointSize;
  return std::max(kSmallestPointSize, kLargestPointSize * std::sqrt(patients / largest));  // area ∝ patients
}

// The largest of 1, 2, 5 × 10^k not above `value`.
double round_reference(double value) {
  double best = 1.0;
  for (double decade = 1.0; decade <= value; decade *= 10.0) {
    for (const double step : {1.0, 2.0, 5.0}) {
      if (step * decade <= value) best = step * decade;
    }
  }
  return best;
}

int station_class(double share) {
  if (!(share > 0)) return 0;
  for (std::size_t k = 0; k < std::size(kStationShareClasses); ++k) {
    if (share >= kStationShareClasses[k]) return static_cast<int>(k) + 1;
  }
  return 0;
}

struct Box {
  double x0 = 1e300, x1 = -1e300, y0 = 1e300, y1 = -1e300;
  void add(double x, double y) {
    x0 = std::min(x0, x);
    x1 = std::max(x1, x);
    y0 = std::min(y0, y);
    y1 = std::max(y1, y);
  }
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

std::string fmt(const char* format, double a, double b = 0, double c = 0, double d = 0) {
  char text[256];
  std::snprintf(text, sizeof text, format, a, b, c, d);
  return text;
}

// The drawing of one map panel (the whole city or the inset): outlines, townships, stations, labels.
std::string map_layers(bool with_keys, const LocalisedText& text, double largest, double mean_stations,
                       bool inset_labels) {
  std::string plot = "plot $outlines using 1:2:($3-$1):($4-$2):($5 == 1 ? 0x555555 : 0x999999) with vectors nohead "
                     "dashtype 2 linewidth 1.3 linecolor rgb variable notitle";
  // Townships: filled circles, hollow for derived points; a thin dark rim so light ones stay visible.
  plot += ", \\\n  $townships using 9:($6 == 0 ? $10 : NaN):8 with points pointtype 7 pointsize variable linecolor rgb \"" +
          std::string(kTownshipColour) + "\" notitle";
  plot += ", \\\n  $townships using 9:($6 == 0 ? $10 : NaN):8 with points pointtype 6 pointsize variable linewidth 0.6 "
          "linecolor rgb \"#1F5F86\" notitle";
  plot += ", \\\n  $townships using 9:($6 != 0 ? $10 : NaN):8 with points pointtype 6 pointsize variable linewidth 1.2 "
          "linecolor rgb \"#1F5F86\" notitle";
  for (std::size_t k = 0; k < std::size(kStationColours); ++k) {
    const std::string cls = std::to_string(k + 1);
    plot += ", \\\n  $townships using 9:($12 == " + cls + " ? $10 : NaN) with points pointtype 9 pointsize 2.1 "
            "linecolor rgb \"" + std::string(kStationColours[k]) + "\" notitle";
    plot += ", \\\n  $townships using 9:($12 == " + cls + " ? $10 : NaN) with points pointtype 8 pointsize 2.1 "
            "linewidth 1.2 linecolor rgb \"#000000\" notitle";
  }
  plot += ", \\\n  $townships using 9:10:11 with labels left offset 1.4,0.5 font \",11\" textcolor rgb \"#000000\" notitle";
  plot += ", \\\n  $counties using 1:($4 == " + std::string(inset_labels ? "1" : "0") +
          " ? $2 : NaN):3 with labels center font \",13\" textcolor rgb \"#444444\" notitle";
  if (!with_keys) return plot + "\n";
  // The key: stations by class, then township sizes, derived points and the outlines.
  plot += ", \\\n  keyentry with points pointtype -1 title " + gnuplot_quote(fill(text.stations_key_title, {grouped_number(mean_stations, 1)}));
  for (std::size_t k = 0; k < std::size(kStationColours); ++k) {
    const std::string_view title = k == 0 ? text.station_share_90 : k == 1 ? text.station_share_50
                                   : k == 2 ? text.station_share_10 : text.station_share_0;
    plot += ", \\\n  keyentry with points pointtype 9 pointsize 2.1 linecolor rgb \"" + std::string(kStationColours[k]) +
            "\" title " + gnuplot_quote(title);
  }
  if (largest > 0) {
    const double big = round_reference(largest);
    std::vector<double> references = {big};
    if (big >= 10.0) references.push_back(round_reference(big / 10.0));
    for (const double reference : references) {
      plot += ", \\\n  keyentry with points pointtype 7 pointsize " + fmt("%.4f", point_size(reference, largest)) +
              " linecolor rgb \"" + std::string(kTownshipColour) + "\" title " +
              gnuplot_quote(fill(text.patients_count, {grouped_number(reference, 0)}));
    }
  }
  plot += ", \\\n  keyentry with points pointtype 6 pointsize 1.5 linewidth 1.2 linecolor rgb \"#1F5F86\" title " +
          gnuplot_quote(text.approximate_points);
  plot += ", \\\n  keyentry with lines dashtype 2 linewidth 1.3 linecolor rgb \"" + std::string(kOutlineColour) +
          "\" title " + gnuplot_quote(text.outline_key);
  return plot + "\n";
}

}  // namespace

Figure township_map_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  const Language language = options.language;
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

  // Townships with a point, projected to km around the centre of their bounding box.
  std::vector<std::size_t> shown;
  double largest = 0.0, lon_min = 1e9, lon_max = -1e9, lat_min = 1e9, lat_max = -1e9;
  for (std::size_t t = 0; t < townships; ++t) {
    if (std::isnan(results.township_lon[t]) || std::isnan(results.township_lat[t])) continue;
    shown.push_back(t);
    largest = std::max(largest, patients.mean[y * townships + t]);
    lon_min = std::min(lon_min, results.township_lon[t]);
    lon_max = std::max(lon_max, results.township_lon[t]);
    lat_min = std::min(lat_min, results.township_lat[t]);
    lat_max = std::max(lat_max, results.township_lat[t]);
  }
  if (shown.empty()) throw InputError(results.path, 0, "no township has a point (/axes/township_lon, township_lat)");
  const double lon0 = (lon_min + lon_max) / 2, lat0 = (lat_min + lat_max) / 2;
  const double km_lon = kKmPerDegreeLonAtEquator * std::cos(lat0 * kPi / 180.0);
  std::vector<PlanePoint> points;
  for (const auto t : shown) {
    points.push_back({(results.township_lon[t] - lon0) * km_lon, (results.township_lat[t] - lat0) * kKmPerDegreeLat});
  }

  // Cells reach about one and a half typical spacings beyond their point: the city's area without the empty
  // land a convex hull would take in.
  std::vector<double> nearest(points.size(), 1e300);
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t j = 0; j < points.size(); ++j) {
      const double d = std::hypot(points[i].x - points[j].x, points[i].y - points[j].y);
      if (j != i && d > 1e-6) nearest[i] = std::min(nearest[i], d);
    }
  }
  std::vector<double> sorted = nearest;
  std::sort(sorted.begin(), sorted.end());
  const double spacing = sorted.empty() || sorted.front() > 1e299 ? 5.0 : sorted[sorted.size() * 3 / 4];
  const double radius = std::max(3.0, 1.5 * spacing);
  const auto cells = voronoi_cells(points, radius);
  const auto county_of = [&](std::size_t i) { return results.township_region_index[shown[i]]; };
  DataBlock outlines{"outlines", {"x1", "y1", "x2", "y2", "kind"}, {}};
  for (std::size_t i = 0; i < cells.size(); ++i) {
    for (const auto& e : cells[i]) {
      const bool rim = e.neighbour < 0;
      if (!rim && (county_of(static_cast<std::size_t>(e.neighbour)) == county_of(i) || static_cast<std::size_t>(e.neighbour) < i)) {
        continue;  // inside a county, or drawn from the other side already
      }
      outlines.rows.push_back({e.from.x, e.from.y, e.to.x, e.to.y, rim ? 2.0 : 1.0});
    }
  }

  // Urban districts: counties whose townships lie within a small part of the city. They get the inset.
  const std::size_t counties = results.region_codes.size() - 1;
  Box city;
  for (const auto& p : points) city.add(p.x, p.y);
  const double city_span = std::max(city.width(), city.height());
  std::vector<Box> county_box(counties);
  std::vector<double> county_x(counties, 0.0), county_y(counties, 0.0), county_n(counties, 0.0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto c = static_cast<std::size_t>(county_of(i));
    county_box[c].add(points[i].x, points[i].y);
    county_x[c] += points[i].x;
    county_y[c] += points[i].y;
    county_n[c] += 1;
  }
  std::vector<char> urban(counties, 0);
  Box inset;
  int urban_count = 0;
  for (std::size_t c = 0; c < counties; ++c) {
    if (county_n[c] < 2 || std::max(county_box[c].width(), county_box[c].height()) > 0.12 * city_span) continue;
    urban[c] = 1;
    ++urban_count;
  }
  if (urban_count >= 2) {
    for (std::size_t c = 0; c < counties; ++c) {
      if (!urban[c]) continue;
      inset.add(county_box[c].x0, county_box[c].y0);
      inset.add(county_box[c].x1, county_box[c].y1);
    }
    const double pad = std::max(1.0, 0.12 * std::max(inset.width(), inset.height()));
    inset.x0 -= pad;
    inset.x1 += pad;
    inset.y0 -= pad;
    inset.y1 += pad;
  } else {
    std::fill(urban.begin(), urban.end(), 0);
  }
  const bool has_inset = urban_count >= 2;

  // Names of the townships with the most patients (those inside the inset are named there).
  std::vector<std::size_t> by_patients(shown.size());
  std::iota(by_patients.begin(), by_patients.end(), 0);
  std::stable_sort(by_patients.begin(), by_patients.end(), [&](std::size_t a, std::size_t b) {
    return patients.mean[y * townships + shown[a]] > patients.mean[y * townships + shown[b]];
  });
  std::vector<char> labelled(shown.size(), 0);
  for (std::size_t k = 0; k < std::min(kLabelledTownships, by_patients.size()); ++k) {
    if (patients.mean[y * townships + shown[by_patients[k]]] > 0) labelled[by_patients[k]] = 1;
  }

  Figure figure;
  figure.name = "township_map";
  figure.caption = fill(text.map_title, {results.city_name(language),
                                         std::string(diagnosed ? text.patients_diagnosed : text.patients_true),
                                         std::to_string(options.map_year)});
  DataBlock block{"townships",
                  {"township_code", "lon", "lat", "patients", "county", "approximate", "station_share", "point_size",
                   "x_km", "y_km", "label", "station_class"},
                  {}};
  double mean_stations = 0.0;
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const std::size_t t = shown[i];
    const double count = patients.mean[y * townships + t];
    const double share = stations.mean[y * townships + t];
    mean_stations += share;  // the mean number open is the sum of the shares
    block.rows.push_back({static_cast<double>(results.township_codes[t]), results.township_lon[t], results.township_lat[t],
                          count, static_cast<double>(results.township_region_index[t]),
                          static_cast<double>(results.township_point_approximate[t]), share, point_size(count, largest),
                          points[i].x, points[i].y, labelled[i] ? results.township_name(t, language) : std::string(),
                          static_cast<double>(station_class(share))});
  }
  figure.data.push_back(std::move(block));
  figure.data.push_back(std::move(outlines));
  DataBlock county_labels{"counties", {"x_km", "y_km", "name", "inset"}, {}};
  for (std::size_t c = 0; c < counties; ++c) {
    if (county_n[c] == 0) continue;
    county_labels.rows.push_back({county_x[c] / county_n[c], county_y[c] / county_n[c],
                                  results.region_name(c, language), urban[c] ? 1.0 : 0.0});
  }
  figure.data.push_back(std::move(county_labels));

  // Canvas: the map on the left at the city's proportions, the key and the inset on the right.
  Box view = city;
  const double pad = std::max(2.0, 0.05 * city_span);
  view.x0 -= pad;
  view.x1 += pad;
  view.y0 -= pad;
  view.y1 += pad;
  const double map_px = 900.0;
  const double ratio = std::clamp(view.height() / view.width(), 0.45, 1.6);
  figure.width_px = 1500;
  const double map_height = map_px * ratio;
  figure.height_px = static_cast<int>(std::lround(std::max(map_height, has_inset ? 900.0 : 700.0) + 150.0));
  figure.font_size_pt = 13;
  const double left = 30.0 / figure.width_px, right = (30.0 + map_px) / figure.width_px;
  const double bottom = 60.0 / figure.height_px, top = (60.0 + map_height) / figure.height_px;

  std::string commands = "set multiplot title " + gnuplot_quote(figure.caption) + "\n";
  commands += "unset border\nunset xtics\nunset ytics\nunset grid\nset size noratio\n";
  commands += fmt("set lmargin at screen %.5f\nset rmargin at screen %.5f\n", left, right);
  commands += fmt("set bmargin at screen %.5f\nset tmargin at screen %.5f\n", bottom, top);
  commands += fmt("set xrange [%.4f:%.4f]\n", view.x0, view.x1) + fmt("set yrange [%.4f:%.4f]\n", view.y0, view.y1);
  // Scale bar: a round length of about a fifth of the map, bottom left; a north arrow top left.
  const double bar = round_reference(view.width() / 5.0);
  const double bx = view.x0 + 0.04 * view.width(), by = view.y0 + 0.05 * view.height();
  commands += fmt("set arrow 1 from %.4f,%.4f to %.4f,%.4f nohead linewidth 4 linecolor rgb \"#000000\" front\n", bx, by,
                  bx + bar, by);
  commands += fmt("set arrow 2 from %.4f,%.4f to %.4f,%.4f nohead linewidth 1.5 linecolor rgb \"#000000\" front\n", bx,
                  by - 0.01 * view.height(), bx, by + 0.01 * view.height());
  commands += fmt("set arrow 3 from %.4f,%.4f to %.4f,%.4f nohead linewidth 1.5 linecolor rgb \"#000000\" front\n",
                  bx + bar, by - 0.01 * view.height(), bx + bar, by + 0.01 * view.height());
  commands += fmt("set label 1 at %.4f,%.4f center front ", bx + bar / 2, by + 0.035 * view.height()) +
              gnuplot_quote(grouped_number(bar, 0) + " km") + "\n";
  const double nx = view.x0 + 0.05 * view.width(), ny = view.y1 - 0.14 * view.height();
  commands += fmt("set arrow 4 from %.4f,%.4f to %.4f,%.4f head filled size screen 0.015,25 linewidth 2.5 linecolor rgb \"#000000\" front\n",
                  nx, ny, nx, ny + 0.08 * view.height());
  commands += fmt("set label 2 at %.4f,%.4f center front \"N\"\n", nx, ny + 0.11 * view.height());
  if (has_inset) {
    commands += fmt("set object 1 rectangle from %.4f,%.4f to %.4f,%.4f front fillstyle empty border linecolor rgb "
                    "\"#000000\" linewidth 1.2\n",
                    inset.x0, inset.y0, inset.x1, inset.y1);
  }
  // The key in the top right, the approximation noted under the map.
  commands += fmt("set key at screen %.5f, screen %.5f left top Left reverse samplen 1 spacing 1.25 width 2\n",
                  (60.0 + map_px) / figure.width_px, 1.0 - 70.0 / figure.height_px);
  commands += fmt("set label 3 at screen %.5f, screen %.5f left ", left, 25.0 / figure.height_px) +
              gnuplot_quote(text.outline_note) + "\n";
  commands += map_layers(true, text, largest, mean_stations, false);
  if (has_inset) {
    // The inset: the urban districts enlarged, their counties and townships named.
    commands += "unset arrow\nunset label\nunset object 1\nunset key\nset border 15 linewidth 1.2\n";
    const double inset_px = 440.0;
    const double inset_ratio = std::clamp(inset.height() / inset.width(), 0.6, 1.5);
    const double ix0 = (60.0 + map_px) / figure.width_px, ix1 = (60.0 + map_px + inset_px) / figure.width_px;
    const double iy0 = 60.0 / figure.height_px, iy1 = (60.0 + inset_px * inset_ratio) / figure.height_px;
    commands += fmt("set lmargin at screen %.5f\nset rmargin at screen %.5f\n", ix0, ix1);
    commands += fmt("set bmargin at screen %.5f\nset tmargin at screen %.5f\n", iy0, iy1);
    commands += fmt("set xrange [%.4f:%.4f]\n", inset.x0, inset.x1) + fmt("set yrange [%.4f:%.4f]\n", inset.y0, inset.y1);
    commands += fmt("set label 4 at graph 0.02, graph 0.96 left front ", 0) + gnuplot_quote(text.inset_title) + "\n";
    const double ibar = round_reference(inset.width() / 4.0);
    const double ibx = inset.x0 + 0.05 * inset.width(), iby = inset.y0 + 0.06 * inset.height();
    commands += fmt("set arrow 5 from %.4f,%.4f to %.4f,%.4f nohead linewidth 4 linecolor rgb \"#000000\" front\n", ibx,
                    iby, ibx + ibar, iby);
    commands += fmt("set label 5 at %.4f,%.4f center front ", ibx + ibar / 2, iby + 0.04 * inset.height()) +
                gnuplot_quote(grouped_number(ibar, 0) + " km") + "\n";
    commands += map_layers(false, text, largest, mean_stations, true);
  }
  commands += "unset multiplot\n";
  figure.commands = commands;
  return figure;
}

}  // namespace pneumo
