#include "pneumoplan/report/sweep_figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/research/sensitivity.hpp"

namespace pneumo {
namespace {

namespace style = figure_style;

// Bootstrap of the Sobol intervals: as `pneumoplan sensitivity` does by default.
constexpr std::size_t kResamples = 1000;
constexpr double kLevel = 0.9;
constexpr std::uint64_t kBootstrapSeed = 1;
constexpr int kHistogramBins = 10;

std::pair<int, int> years_of(const SweepData& sweep, const SweepFigureOptions& options) {
  if (options.first_year == 0) return {static_cast<int>(sweep.years.back()), static_cast<int>(sweep.years.back())};
  return {options.first_year, options.last_year};
}

// "new_diagnoses in 2025" / "new_diagnoses, 2021–2025 summed".
std::string what_text(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options) {
  const auto [first, last] = years_of(sweep, options);
  const auto& text = localised_text(options.language);
  return fill(first == last ? text.sweep_output_year : text.sweep_output_period,
              {sweep.outputs[output], std::to_string(first), std::to_string(last)});
}

std::vector<double> point_values(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options) {
  const auto [first, last] = years_of(sweep, options);
  std::vector<double> f(sweep.points());
  for (std::size_t n = 0; n < sweep.points(); ++n) f[n] = sweep.point_mean_over(output, n, first, last);
  return f;
}

std::string parameter_tics(const SweepData& sweep) {
  std::string out = "set ytics (";
  for (std::size_t k = 0; k < sweep.parameters(); ++k) {
    out += (k ? ", " : "") + gnuplot_quote(sweep.parameter_names[k] + "\n(" + sweep.parameter_keys[k] + ")") + " " +
           std::to_string(k);
  }
  return out + ") nomirror scale 0\n";
}

}  // namespace

Figure sweep_sobol_figure(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options) {
  const auto& text = localised_text(options.language);
  const std::size_t K = sweep.parameters();
  SobolOptions sobol;
  sobol.resamples = kResamples;
  sobol.level = kLevel;
  sobol.seed = kBootstrapSeed;
  sobol.second_order = sweep.saltelli_second_order;  // the layout of the points (A, B, AB and BA rows)
  const SobolResult r = sobol_indices(point_values(sweep, output, options), K, sobol);
  Figure figure;
  figure.name = "sweep_sobol_" + sweep.outputs[output];
  figure.caption = fill(text.sobol_title, {sweep.scenario_name, what_text(sweep, output, options),
                                           std::to_string(r.base_rows), std::to_string(sweep.saltelli_base)});
  figure.width_px = 1200;
  figure.height_px = std::max(420, 200 + 90 * static_cast<int>(K));
  DataBlock block{"indices", {"parameter", "key", "first", "first_low", "first_high", "total", "total_low", "total_high"}, {}};
  double high = 1.0, low = 0.0;
  for (std::size_t k = 0; k < K; ++k) {
    const auto& s = r.indices[k];
    block.rows.push_back({sweep.parameter_names[k], sweep.parameter_keys[k], s.first, s.first_low, s.first_high, s.total,
                          s.total_low, s.total_high});
    for (const double v : {s.first_low, s.total_low}) low = std::isnan(v) ? low : std::min(low, v);
    for (const double v : {s.first_high, s.total_high}) high = std::isnan(v) ? high : std::max(high, v);
  }
  figure.data.push_back(std::move(block));
  char line[512];
  std::string c = "set title " + gnuplot_quote(figure.caption) + "\n";
  // Indices lie in [0, 1]; estimates from few rows stray beyond, and their intervals further: the axis
  // shows -0.5 to 1.5 at most, whiskers beyond it run off the edge.
  std::snprintf(line, sizeof line, "set xrange [%g:%g]\nset yrange [%g:-0.6]\n", std::max(-0.5, std::min(0.0, low - 0.02)),
                std::min(1.5, high + 0.02), K - 0.4);
  c += line;
  c += "set border 3 lw 1.2\nset xtics nomirror out\nset grid xtics lc rgb \"#dddddd\"\nset lmargin 34\n";
  c += parameter_tics(sweep);
  c += "set xlabel " + gnuplot_quote(text.sobol_axis) + "\n";
  c += "set key outside bottom center horizontal\n";
  c += "set arrow 1 from 0, graph 0 to 0, graph 1 nohead lc rgb \"#000000\"\n";
  c += "plot $indices using ($3/2):($0-0.18):(abs($3)/2):(0.15) with boxxyerror fillcolor rgb \"" +
       std::string(style::kBlue) + "\" fillstyle solid 1.0 noborder title " + gnuplot_quote(text.first_order) +
       ", \\\n  $indices using 3:($0-0.18):4:5 with xerrorbars pointtype -1 linewidth 1.6 linecolor rgb \"#000000\" "
       "notitle, \\\n  $indices using ($6/2):($0+0.18):(abs($6)/2):(0.15) with boxxyerror fillcolor rgb \"" +
       std::string(style::kOrange) + "\" fillstyle solid 1.0 noborder title " + gnuplot_quote(text.total_order) +
       ", \\\n  $indices using 6:($0+0.18):7:8 with xerrorbars pointtype -1 linewidth 1.6 linecolor rgb \"#000000\" "
       "title " + gnuplot_quote(fill(text.bootstrap_interval, {std::to_string(kResamples)})) + "\n";
  figure.commands = c;
  return figure;
}

Figure sweep_morris_figure(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options) {
  const auto& text = localised_text(options.language);
  const std::size_t K = sweep.parameters();
  MorrisOptions morris;
  morris.resamples = kResamples;
  morris.level = kLevel;
  morris.seed = kBootstrapSeed;
  const auto effects = morris_effects(sweep.unit, point_values(sweep, output, options), K, morris).effects;
  Figure figure;
  figure.name = "sweep_morris_" + sweep.outputs[output];
  figure.caption = fill(text.morris_title, {sweep.scenario_name, what_text(sweep, output, options),
                                            std::to_string(sweep.morris_trajectories)});
  figure.width_px = 1100;
  figure.height_px = 800;
  DataBlock block{"effects", {"parameter", "key", "mu", "mu_star", "sigma", "effects"}, {}};
  double top = 0.0;
  for (std::size_t k = 0; k < K; ++k) {
    const auto& e = effects[k];
    block.rows.push_back({sweep.parameter_names[k], sweep.parameter_keys[k], e.mu, e.mu_star, e.sigma,
                          static_cast<double>(e.effects)});
    for (const double v : {e.mu_star, e.sigma}) top = std::isnan(v) ? top : std::max(top, v);
  }
  figure.data.push_back(std::move(block));
  if (!(top > 0)) top = 1.0;
  char line[256];
  std::string c = "set title " + gnuplot_quote(figure.caption) + "\n";
  std::snprintf(line, sizeof line, "set xrange [0:%g]\nset yrange [0:%g]\nset size ratio -1\n", 1.15 * top, 1.15 * top);
  c += line;
  c += "set border 3 lw 1.2\nset xtics nomirror out\nset ytics nomirror out\nset grid lc rgb \"#dddddd\"\n";
  c += "set xlabel " + gnuplot_quote(text.mu_star_axis) + "\nset ylabel " + gnuplot_quote(text.sigma_axis) + "\n";
  c += "set key outside bottom center horizontal\n";
  std::snprintf(line, sizeof line, "plot x with lines dashtype 2 linewidth 1.5 linecolor rgb \"#777777\" title ");
  c += line + gnuplot_quote(text.sigma_equals_mu) +
       ", \\\n  $effects using 4:5 with points pointtype 7 pointsize 2 linecolor rgb \"" + std::string(style::kVermillion) +
       "\" notitle, \\\n  $effects using 4:5:1 with labels left offset 1.2,0.6 notitle\n";
  figure.commands = c;
  return figure;
}

Figure sweep_response_figure(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options) {
  const auto& text = localised_text(options.language);
  const std::size_t K = sweep.parameters();
  const auto f = point_values(sweep, output, options);
  Figure figure;
  figure.name = "sweep_response_" + sweep.outputs[output];
  figure.caption = fill(text.response_title, {sweep.scenario_name, what_text(sweep, output, options),
                                              std::to_string(sweep.points())});
  const int columns = static_cast<int>(std::min<std::size_t>(K, 3)), rows = static_cast<int>((K + 2) / 3);
  figure.width_px = 420 * columns + 80;
  figure.height_px = 380 * rows + 120;
  DataBlock block{"points", {"point"}, {}};
  for (const auto& name : sweep.parameter_names) block.columns.push_back(name);
  block.columns.push_back(sweep.outputs[output]);
  for (std::size_t n = 0; n < sweep.points(); ++n) {
    std::vector<DataCell> row = {static_cast<double>(n)};
    for (std::size_t k = 0; k < K; ++k) row.emplace_back(sweep.status[n] == 1 ? sweep.value[n * K + k] : std::nan(""));
    row.emplace_back(f[n]);
    block.rows.push_back(std::move(row));
  }
  figure.data.push_back(std::move(block));
  char line[256];
  std::snprintf(line, sizeof line, "set multiplot layout %d,%d title ", rows, columns);
  std::string c = line + gnuplot_quote(figure.caption) + "\n";
  c += "set border 3 lw 1.2\nset xtics nomirror out\nset ytics nomirror out\nset grid lc rgb \"#dddddd\"\nunset key\n";
  c += "set ylabel " + gnuplot_quote(sweep.outputs[output]) + "\n";
  // An output that does not vary over the sweep still gets an axis around its value.
  double low = 1e300, high = -1e300;
  for (const double v : f) {
    if (std::isnan(v)) continue;
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (low <= high && high - low <= 1e-12 * std::max(1.0, std::fabs(high))) {
    const double margin = std::max(1.0, 0.05 * std::fabs(high));
    std::snprintf(line, sizeof line, "set yrange [%.10g:%.10g]\n", low - margin, high + margin);
    c += line;
  }
  for (std::size_t k = 0; k < K; ++k) {
    c += std::string(sweep.parameter_log_scale[k] ? "set logscale x\n" : "unset logscale x\n");
    c += "set xlabel " + gnuplot_quote(sweep.parameter_names[k]) + "\n";
    std::snprintf(line, sizeof line, "plot $points using %zu:%zu with points pointtype 7 pointsize 0.8 linecolor rgb \"%s\"\n",
                  k + 2, K + 2, std::string(style::kBlue).c_str());
    c += line;
  }
  figure.commands = c + "unset multiplot\n";
  return figure;
}

Figure sweep_posterior_figure(const SweepData& sweep, const CalibrationResult& calibration,
                              const SweepFigureOptions& options) {
  const auto& text = localised_text(options.language);
  const std::size_t K = sweep.parameters();
  Figure figure;
  figure.name = "sweep_posterior";
  char effective[32];
  std::snprintf(effective, sizeof effective, "%.1f", calibration.effective_points);
  figure.caption = fill(text.posterior_title, {sweep.scenario_name, calibration.output, effective,
                                               std::to_string(calibration.points_used)});
  const int columns = static_cast<int>(std::min<std::size_t>(K, 3)), rows = static_cast<int>((K + 2) / 3);
  figure.width_px = std::max(1000, 460 * columns + 120);
  figure.height_px = 400 * rows + 200;
  DataBlock summary{"posterior", {"parameter", "prior_min", "prior_max", "log_scale", "prior_density", "mean", "low", "high"}, {}};
  char percent[32];
  std::snprintf(percent, sizeof percent, "%g", 100.0 * calibration.level);
  const std::string interval_key = fill(text.posterior_interval_key, {percent});
  char line[512];
  // Panels above, one key for all of them underneath.
  std::snprintf(line, sizeof line, "set multiplot layout %d,%d margins %.4f,0.97,%.4f,%.4f spacing 0.1,0.12 title ", rows,
                columns, 90.0 / figure.width_px, 150.0 / figure.height_px, 1.0 - 70.0 / figure.height_px);
  std::string c = line + gnuplot_quote(figure.caption) + "\n";
  c += "set border 3 lw 1.2\nset xtics nomirror out\nset ytics nomirror out\nset grid ytics lc rgb \"#dddddd\"\n";
  c += "unset key\nset ylabel " + gnuplot_quote(text.density_axis) + "\nset yrange [0:*]\n";
  // One legend under all the panels, in a row (a gnuplot key belongs to one panel and wraps to its width).
  {
    struct Entry {
      int kind;  // 0 box, 1 dashed line, 2 solid line
      std::string_view colour;
      std::string_view label;
    };
    const Entry entries[] = {{0, style::kBlue, text.posterior_key},
                             {1, style::kVermillion, text.prior_key},
                             {2, "#000000", text.posterior_mean_key},
                             {0, "#F5EEDC", interval_key}};
    double width = 0.0;
    for (const auto& e : entries) width += 40.0 + 8.0 * static_cast<double>(display_width(e.label)) + 30.0;
    double x = (figure.width_px - width) / 2.0;
    const double y = 30.0;
    int id = 50;
    for (const auto& e : entries) {
      const auto sx = [&](double px) { return px / figure.width_px; };
      const auto sy = [&](double px) { return px / figure.height_px; };
      if (e.kind == 0) {
        std::snprintf(line, sizeof line, "set object %d rectangle from screen %.4f,%.4f to screen %.4f,%.4f fillcolor rgb \"%s\" fillstyle solid 1.0 border lc rgb \"#999999\"\n",
                      id++, sx(x), sy(y - 7), sx(x + 30), sy(y + 7), std::string(e.colour).c_str());
      } else {
        std::snprintf(line, sizeof line, "set arrow %d from screen %.4f,%.4f to screen %.4f,%.4f nohead linewidth 2.5 dashtype %s linecolor rgb \"%s\"\n",
                      id++, sx(x), sy(y), sx(x + 30), sy(y), e.kind == 1 ? "2" : "solid", std::string(e.colour).c_str());
      }
      c += line;
      std::snprintf(line, sizeof line, "set label %d at screen %.4f,%.4f left ", id++, sx(x + 38), sy(y));
      c += line + gnuplot_quote(e.label) + "\n";
      x += 40.0 + 8.0 * static_cast<double>(display_width(e.label)) + 30.0;
    }
  }
  for (std::size_t k = 0; k < K; ++k) {
    const auto& p = calibration.parameters[k];
    const bool log_scale = sweep.parameter_log_scale[k] != 0;
    // Bins even in the axis' own scale (log10 for log-uniform priors), density per unit of that scale, so a
    // flat prior is a flat line.
    const auto axis = [&](double v) { return log_scale ? std::log10(v) : v; };
    const auto back = [&](double a) { return log_scale ? std::pow(10.0, a) : a; };
    const double a0 = axis(p.prior_min), a1 = axis(p.prior_max), width = (a1 - a0) / kHistogramBins;
    std::vector<double> counts(kHistogramBins, 0.0);
    // Each point counts with its likelihood weight (the weights sum to 1): the histogram is the weighted points.
    for (std::size_t n = 0; n < calibration.weight.size(); ++n) {
      if (!(calibration.weight[n] > 0.0)) continue;
      const double a = axis(sweep.value[n * K + k]);
      const int bin = std::clamp(static_cast<int>(std::floor((a - a0) / width)), 0, kHistogramBins - 1);
      counts[static_cast<std::size_t>(bin)] += calibration.weight[n];
    }
    DataBlock bins{"bins_" + std::to_string(k), {"low", "high", "density"}, {}};
    for (int b = 0; b < kHistogramBins; ++b) {
      bins.rows.push_back({back(a0 + b * width), back(a0 + (b + 1) * width),
                           counts[static_cast<std::size_t>(b)] / width});
    }
    const double prior_density = 1.0 / (a1 - a0);
    summary.rows.push_back({p.name, p.prior_min, p.prior_max, log_scale ? 1.0 : 0.0, prior_density, p.mean, p.low, p.high});
    figure.data.push_back(std::move(bins));
    c += std::string(log_scale ? "set logscale x\n" : "unset logscale x\n");
    std::snprintf(line, sizeof line, "set xrange [%.10g:%.10g]\n", p.prior_min, p.prior_max);
    c += line;
    c += "set xlabel " + gnuplot_quote(p.name + " (" + p.key + ")") + "\n";
    std::snprintf(line, sizeof line,
                  "set arrow 1 from %.10g, graph 0 to %.10g, graph 1 nohead linewidth 2 linecolor rgb \"#000000\" front\n"
                  "set object 1 rectangle from %.10g, graph 0 to %.10g, graph 1 behind fillcolor rgb \"#F5EEDC\" "
                  "fillstyle solid 1.0 noborder\n",
                  p.mean, p.mean, p.low, p.high);
    c += line;
    std::snprintf(line, sizeof line,
                  "plot $bins_%zu using (($1+$2)/2):3:1:2:(0):3 with boxxyerror fillcolor rgb \"%s\" fillstyle solid "
                  "1.0 border linecolor rgb \"#ffffff\" notitle",
                  k, std::string(style::kBlue).c_str());
    c += line;
    std::snprintf(line, sizeof line, ", \\\n  %.10g with lines dashtype 2 linewidth 2.5 linecolor rgb \"%s\" notitle",
                  prior_density, std::string(style::kVermillion).c_str());
    c += line;
    c += "\n";
  }
  figure.data.push_back(std::move(summary));
  figure.commands = c + "unset multiplot\n";
  return figure;
}

std::vector<Figure> sweep_figures(const SweepData& sweep, const SweepFigureOptions& options) {
  std::vector<std::size_t> outputs;
  if (options.outputs.empty()) {
    for (std::size_t o = 0; o < sweep.outputs.size(); ++o) outputs.push_back(o);
  } else {
    for (const auto& name : options.outputs) outputs.push_back(sweep.output_index(name));
  }
  std::size_t done = 0;
  for (const auto s : sweep.status) done += s == 1;
  if (done == 0) throw UsageError("the sweep has no finished point to draw");
  std::vector<Figure> figures;
  if (options.sensitivity) {
    for (const std::size_t o : outputs) {
      if (sweep.design == "saltelli") figures.push_back(sweep_sobol_figure(sweep, o, options));
      else if (sweep.design == "morris") figures.push_back(sweep_morris_figure(sweep, o, options));
      else figures.push_back(sweep_response_figure(sweep, o, options));
    }
  }
  if (options.posterior && !options.observed.empty()) {
    const CalibrationResult c = calibrate(sweep, options.calibration_output, options.observed, options.level);
    figures.push_back(sweep_posterior_figure(sweep, c, options));
  }
  return figures;
}

}  // namespace pneumo
