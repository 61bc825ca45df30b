#include "pneumoplan/report/township_map_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <optional>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/text_table.hpp"
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
std::string map_layers(bool with_keys, const LocalisedText& text, double largest, double mean_stations, int panel) {
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
  const std::string panel_test = "$5 == " + std::to_string(panel);
  plot += ", \\\n  $labels using 1:(" + panel_test + " && $3 == 0 ? $2 : NaN):4 with labels left font \",11\" "
          "textcolor rgb \"#000000\" notitle";
  plot += ", \\\n  $labels using 1:(" + panel_test + " && $3 == 1 ? $2 : NaN):4 with labels right font \",11\" "
          "textcolor rgb \"#000000\" notitle";
  plot += ", \\\n  $labels using 1:(" + panel_test + " && $3 == 2 ? $2 : NaN):4 with labels center boxed font \",13\" "
          "textcolor rgb \"#555555\" notitle";
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

  // Canvas: the map at the city's proportions top left; the key, then the inset, on the right.
  Box view = city;
  const double pad = std::max(2.0, 0.05 * city_span);
  view.x0 -= pad;
  view.x1 += pad;
  view.y0 -= pad;
  view.y1 += pad;
  // Equal scales on both axes: a wide city is a low map, a tall one a narrow map.
  const double map_box = 900.0;
  double map_w = map_box, map_h = map_box * view.height() / view.width();
  if (map_h > map_box) {
    map_w = map_box * view.width() / view.height();
    map_h = map_box;
  }
  const double inset_px = 470.0;
  double inset_w = inset_px, inset_h = inset_px;
  if (has_inset) {
    if (inset.height() > inset.width()) inset_w = inset_px * inset.width() / inset.height();
    else inset_h = inset_px * inset.height() / inset.width();
  }
  const double title_px = 60.0, note_px = 50.0, key_px = 320.0, gap = 25.0;
  const double right_column = key_px + (has_inset ? gap + inset_h : 0.0);
  const double height = title_px + std::max(map_h, right_column) + note_px;
  const double km_per_px = view.width() / map_w, inset_km_per_px = has_inset ? inset.width() / inset_w : 1.0;

  // Labels that do not overlap: county names first (placed near their townships' centre, else just above or
  // below it), then the names of the townships with the most patients, right of their point or else left.
  struct Placer {
    std::vector<Box> taken;
    bool place(const Box& b) {
      for (const auto& t : taken) {
        if (b.x0 < t.x1 && t.x0 < b.x1 && b.y0 < t.y1 && t.y0 < b.y1) return false;
      }
      taken.push_back(b);
      return true;
    }
  };
  struct Label {
    double x = 0.0, y = 0.0;
    int align = 0;  // 0 left, 1 right, 2 centre
    std::string text;
  };
  // About 0.62 em a column of text (a Chinese character takes two).
  const auto text_px = [](const std::string& t, double font_pt) { return 0.62 * font_pt * static_cast<double>(display_width(t)); };
  const auto within = [](const Box& outer, const Box& b) {
    return b.x0 >= outer.x0 && b.x1 <= outer.x1 && b.y0 >= outer.y0 && b.y1 <= outer.y1;
  };
  const auto take_points = [&](Placer& placer, double scale) {
    for (std::size_t i = 0; i < shown.size(); ++i) {
      const double r = 4.0 * point_size(patients.mean[y * townships + shown[i]], largest) * scale;
      placer.taken.push_back({points[i].x - r, points[i].x + r, points[i].y - r, points[i].y + r});
    }
  };
  const auto place_counties = [&](Placer& placer, double scale, const Box& area, bool in_inset, std::vector<Label>& out) {
    for (std::size_t c = 0; c < counties; ++c) {
      if (county_n[c] == 0 || (urban[c] != 0) != in_inset) continue;
      const std::string name = results.region_name(c, language);
      const double w = text_px(name, 13) * scale, h = 18.0 * scale;
      const double cx = county_x[c] / county_n[c], cy = county_y[c] / county_n[c];
      // Near the centre of the county's townships, clear of their circles if possible.
      Label label{cx, cy, 2, name};
      bool placed = false;
      for (const double dy : {0.0, 1.2, -1.2, 2.4, -2.4, 3.6, -3.6}) {
        for (const double dx : {0.0, -0.5, 0.5}) {
          const double x = cx + dx * w, yy = cy + dy * h;
          const Box b{x - w / 2, x + w / 2, yy - h / 2, yy + h / 2};
          if (!placed && within(area, b) && placer.place(b)) {
            label = {x, yy, 2, name};
            placed = true;
          }
        }
      }
      if (!placed) placer.taken.push_back({cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2});
      out.push_back(label);
    }
  };
  std::vector<std::size_t> by_patients(shown.size());
  std::iota(by_patients.begin(), by_patients.end(), 0);
  std::stable_sort(by_patients.begin(), by_patients.end(), [&](std::size_t a, std::size_t b) {
    return patients.mean[y * townships + shown[a]] > patients.mean[y * townships + shown[b]];
  });
  const auto inside = [](const Box& b, double x, double yy) { return x >= b.x0 && x <= b.x1 && yy >= b.y0 && yy <= b.y1; };
  const auto place_townships = [&](Placer& placer, double scale, const Box& area, const std::optional<Box>& skip,
                                   std::vector<Label>& out) {
    std::size_t named = 0;
    for (const std::size_t i : by_patients) {
      if (named == kLabelledTownships) break;
      const double count = patients.mean[y * townships + shown[i]];
      if (!(count > 0) || !inside(area, points[i].x, points[i].y)) continue;
      if (skip && inside(*skip, points[i].x, points[i].y)) continue;
      const std::string name = results.township_name(shown[i], language);
      const double w = text_px(name, 11) * scale, h = 15.0 * scale;
      const double r = (4.0 * point_size(count, largest) + 4.0) * scale;
      // The point's own box is taken: check the label alone.
      const Box right{points[i].x + r, points[i].x + r + w, points[i].y - h / 2, points[i].y + h / 2};
      const Box left{points[i].x - r - w, points[i].x - r, points[i].y - h / 2, points[i].y + h / 2};
      if (within(area, right) && placer.place(right)) {
        out.push_back({right.x0, points[i].y, 0, name});
        ++named;
      } else if (within(area, left) && placer.place(left)) {
        out.push_back({left.x1, points[i].y, 1, name});
        ++named;
      }
    }
  };
  std::vector<Label> main_labels, inset_labels;
  // Scale bars (a round length of about a fifth of the panel, bottom left) and the north arrow (top left).
  const double bar = round_reference(view.width() / 5.0);
  const double bx = view.x0 + 0.04 * view.width(), by = view.y0 + 0.05 * view.height();
  const double nx = view.x0 + 0.04 * view.width(), ny = view.y1 - 80.0 * km_per_px;
  const double ibar = has_inset ? round_reference(inset.width() / 4.0) : 0.0;
  const double ibx = inset.x1 - 0.05 * inset.width() - ibar, iby = inset.y0 + 0.06 * inset.height();
  // Every township's circle, the scale bar and the arrow are taken first, so no name covers them.
  {
    Placer placer;
    take_points(placer, km_per_px);
    placer.taken.push_back({bx - 10 * km_per_px, bx + bar + 10 * km_per_px, by - 10 * km_per_px, by + 30 * km_per_px});
    placer.taken.push_back({nx - 15 * km_per_px, nx + 15 * km_per_px, ny, ny + 75 * km_per_px});
    place_counties(placer, km_per_px, view, false, main_labels);
    place_townships(placer, km_per_px, view, has_inset ? std::optional<Box>(inset) : std::nullopt, main_labels);
  }
  if (has_inset) {
    Placer placer;
    take_points(placer, inset_km_per_px);
    placer.taken.push_back({ibx - 10 * inset_km_per_px, ibx + ibar + 10 * inset_km_per_px, iby - 10 * inset_km_per_px,
                            iby + 30 * inset_km_per_px});
    placer.taken.push_back({inset.x0, inset.x0 + 0.6 * inset.width(), inset.y1 - 30 * inset_km_per_px, inset.y1});
    place_counties(placer, inset_km_per_px, inset, true, inset_labels);
    place_townships(placer, inset_km_per_px, inset, std::nullopt, inset_labels);
  }

  Figure figure;
  figure.name = "township_map";
  figure.caption = fill(text.map_title, {results.city_name(language),
                                         std::string(diagnosed ? text.patients_diagnosed : text.patients_true),
                                         std::to_string(options.map_year)});
  DataBlock block{"townships",
                  {"township_code", "lon", "lat", "patients", "county", "approximate", "station_share", "point_size",
                   "x_km", "y_km", "name", "station_class"},
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
                          points[i].x, points[i].y, results.township_name(t, language),
                          static_cast<double>(station_class(share))});
  }
  figure.data.push_back(std::move(block));
  figure.data.push_back(std::move(outlines));
  DataBlock labels{"labels", {"x_km", "y_km", "align", "text", "panel", "kind"}, {}};
  for (const auto& [list, panel] : {std::pair{&main_labels, 0.0}, std::pair{&inset_labels, 1.0}}) {
    for (const auto& l : *list) {
      labels.rows.push_back({l.x, l.y, static_cast<double>(l.align), l.text, panel, l.align == 2 ? 1.0 : 0.0});
    }
  }
  figure.data.push_back(std::move(labels));

  figure.width_px = static_cast<int>(std::lround(30.0 + map_box + 40.0 + inset_px + 30.0));
  figure.height_px = static_cast<int>(std::lround(height));
  figure.font_size_pt = 13;
  const double W = figure.width_px, H = figure.height_px;
  const double left = 30.0 / W, right = (30.0 + map_w) / W;
  const double top = 1.0 - title_px / H, bottom = 1.0 - (title_px + map_h) / H;

  std::string commands = "set multiplot title " + gnuplot_quote(figure.caption) + "\n";
  commands += "unset border\nunset xtics\nunset ytics\nunset grid\nset size noratio\n";
  commands += "set style textbox opaque fillcolor rgb \"#ffffff\" noborder margins 1,1\n";
  commands += fmt("set lmargin at screen %.5f\nset rmargin at screen %.5f\n", left, right);
  commands += fmt("set bmargin at screen %.5f\nset tmargin at screen %.5f\n", bottom, top);
  commands += fmt("set xrange [%.4f:%.4f]\n", view.x0, view.x1) + fmt("set yrange [%.4f:%.4f]\n", view.y0, view.y1);
  const double tick = 6.0 * km_per_px;
  commands += fmt("set arrow 1 from %.4f,%.4f to %.4f,%.4f nohead linewidth 4 linecolor rgb \"#000000\" front\n", bx, by,
                  bx + bar, by);
  commands += fmt("set arrow 2 from %.4f,%.4f to %.4f,%.4f nohead linewidth 1.5 linecolor rgb \"#000000\" front\n", bx,
                  by - tick, bx, by + tick);
  commands += fmt("set arrow 3 from %.4f,%.4f to %.4f,%.4f nohead linewidth 1.5 linecolor rgb \"#000000\" front\n",
                  bx + bar, by - tick, bx + bar, by + tick);
  commands += fmt("set label 1 at %.4f,%.4f center front ", bx + bar / 2, by + 3 * tick) +
               gnuplot_quote(grouped_number(bar, 0) + " km") + "\n";
  commands += fmt("set arrow 4 from %.4f,%.4f to %.4f,%.4f head filled size screen 0.012,25 linewidth 2.5 linecolor rgb "
                  "\"#000000\" front\n",
                  nx, ny, nx, ny + 45.0 * km_per_px);
  commands += fmt("set label 2 at %.4f,%.4f center front \"N\"\n", nx, ny + 62.0 * km_per_px);
  if (has_inset) {
    commands += fmt("set object 1 rectangle from %.4f,%.4f to %.4f,%.4f front fillstyle empty border linecolor rgb "
                    "\"#000000\" linewidth 1.2\n",
                    inset.x0, inset.y0, inset.x1, inset.y1);
  }
  // The key in the top right, the approximation noted under everything.
  const double column_x = (30.0 + map_box + 40.0) / W;
  commands += fmt("set key at screen %.5f, screen %.5f left top Left reverse samplen 1 spacing 1.25 width 2\n", column_x,
                  1.0 - (title_px + 5.0) / H);
  commands += fmt("set label 3 at screen %.5f, screen %.5f left ", left, 22.0 / H) + gnuplot_quote(text.outline_note) +
              "\n";
  commands += map_layers(true, text, largest, mean_stations, 0);
  if (has_inset) {
    // The inset: the urban districts enlarged, with their counties and townships named.
    commands += "unset arrow\nunset label\nunset object 1\nunset key\nset border 15 linewidth 1.2\n";
    const double itop = 1.0 - (title_px + key_px + gap) / H;
    commands += fmt("set lmargin at screen %.5f\nset rmargin at screen %.5f\n", column_x, column_x + inset_w / W);
    commands += fmt("set bmargin at screen %.5f\nset tmargin at screen %.5f\n", itop - inset_h / H, itop);
    commands += fmt("set xrange [%.4f:%.4f]\n", inset.x0, inset.x1) + fmt("set yrange [%.4f:%.4f]\n", inset.y0, inset.y1);
    commands += "set label 4 at graph 0.02, graph 0.96 left front boxed " + gnuplot_quote(text.inset_title) + "\n";
    commands += fmt("set arrow 5 from %.4f,%.4f to %.4f,%.4f nohead linewidth 4 linecolor rgb \"#000000\" front\n", ibx,
                    iby, ibx + ibar, iby);
    commands += fmt("set label 5 at %.4f,%.4f center front ", ibx + ibar / 2, iby + 18.0 * inset_km_per_px) +
                gnuplot_quote(grouped_number(ibar, 0) + " km") + "\n";
    commands += map_layers(false, text, largest, mean_stations, 1);
  }
  commands += "unset multiplot\n";
  figure.commands = commands;
  return figure;
}

}  // namespace pneumo
