#include "pneumoplan/report/comparison_figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/report/scorecard_figure.hpp"

namespace pneumo {
namespace {

namespace style = figure_style;

std::string fmt_number(double v) {
  char text[64];
  std::snprintf(text, sizeof text, "%.10g", v);
  return text;
}

// The lowest and highest of some values, NaN left out; {0, 0} when none.
std::pair<double, double> extent(std::initializer_list<const std::vector<double>*> lists) {
  double low = 0.0, high = 0.0;
  for (const auto* list : lists) {
    for (const double v : *list) {
      if (std::isnan(v)) continue;
      low = std::min(low, v);
      high = std::max(high, v);
    }
  }
  return {low, high};
}

// Tics at round steps (1, 2 or 5 × 10^k, about `count` of them), labelled with thousands separators as
// every number a person reads (core/number_format.hpp); gnuplot's own formats cannot group digits.
std::string axis_tics(double low, double high, int count, bool with_sign) {
  const double raw = (high - low) / count;
  double step = 1.0;
  if (raw > 0) {
    const double decade = std::pow(10.0, std::floor(std::log10(raw)));
    step = decade * (raw / decade <= 1 ? 1 : raw / decade <= 2 ? 2 : raw / decade <= 5 ? 5 : 10);
  }
  const int decimals = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step)));
  std::string out = "set xtics (";
  bool first = true;
  for (double v = std::ceil(low / step) * step; v <= high + 1e-9 * step; v += step) {
    const double tic = std::fabs(v) < 1e-9 * step ? 0.0 : v;
    out += (first ? "" : ", ") + gnuplot_quote(grouped_number(tic, decimals, with_sign)) + " " + fmt_number(tic);
    first = false;
  }
  return out + ") nomirror out\n";
}

std::string range_text(double low, double high) {
  char text[96];
  std::snprintf(text, sizeof text, "[%.10g:%.10g]", low, high);
  return text;
}

}  // namespace

std::string comparison_package_label(const ComparisonPackage& p, Language language) {
  const std::string& label = language == Language::Chinese ? p.label_zh : p.label_en;
  return label.empty() ? p.name : label;
}

std::string comparison_outcome_label(const ComparisonFile& c, std::size_t outcome, Language language) {
  const auto& o = c.outcomes.at(outcome);
  const std::string& label = language == Language::Chinese ? o.label_zh : o.label_en;
  return label.empty() ? o.name : label;
}

std::string comparison_reading(const ComparisonFile& c, std::size_t outcome, Language language) {
  return reading_text(c.outcomes.at(outcome).reading, c.period_first_year, c.period_last_year, c.target_year, language);
}

Figure comparison_outcome_figure(const ComparisonFile& c, std::size_t outcome, Language language) {
  const auto& text = localised_text(language);
  const bool zh = language == Language::Chinese;
  const ComparisonFileOutcome& o = c.outcomes.at(outcome);
  const std::size_t baseline = c.baseline_index();
  const DisplayUnit unit = display_unit(o.unit);
  const double scale = unit.scale;
  Figure figure;
  figure.name = "comparison_" + o.name;
  figure.caption = fill(text.comparison_title, {c.city_name(language), comparison_outcome_label(c, outcome, language),
                                                comparison_reading(c, outcome, language)});
  figure.font_size_pt = 13;

  // The baseline first, then the packages in the file's order; drawn top to bottom.
  std::vector<std::size_t> order = {baseline};
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    if (p != baseline) order.push_back(p);
  }
  DataBlock block{"packages",
                  {"position", "name", "label", "mean", "p5", "p95", "difference_mean", "difference_p5",
                   "difference_p95", "baseline", "difference_text", "value_text"},
                  {}};
  std::vector<double> values, differences;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t p = order[i], cell = c.cell(p, outcome);
    const bool is_baseline = p == baseline;
    for (const double v : {c.value.mean[cell], c.value.p5[cell], c.value.p95[cell]}) values.push_back(v * scale);
    if (!is_baseline) {
      for (const double v : {c.difference.mean[cell], c.difference.p5[cell], c.difference.p95[cell]}) {
        differences.push_back(v * scale);
      }
    }
    block.rows.push_back(
        {static_cast<double>(i), c.packages[p].name, comparison_package_label(c.packages[p], language),
         c.value.mean[cell], c.value.p5[cell], c.value.p95[cell], c.difference.mean[cell], c.difference.p5[cell],
         c.difference.p95[cell], is_baseline ? 1.0 : 0.0,
         is_baseline ? std::string(text.reference)
                     : format_interval(c.difference.mean[cell], c.difference.p5[cell], c.difference.p95[cell], o.unit,
                                       language, true),
         format_interval(c.value.mean[cell], c.value.p5[cell], c.value.p95[cell], o.unit, language)});
  }
  figure.data.push_back(std::move(block));
  const double target = std::isnan(o.target) ? std::nan("") : o.target * scale;

  // Axes: the levels from zero (or below, where a value is negative) past the largest value and the target;
  // shares on 0–100 %; the differences symmetric enough around zero to show it, with room for the labels.
  auto [level_low, level_high] = extent({&values});
  if (!std::isnan(target)) level_high = std::max(level_high, target);
  if (unit.percent) {
    level_low = std::min(level_low, 0.0);
    level_high = std::max(level_high, 100.0);
  } else {
    level_high = level_high > 0 ? level_high * 1.08 : 1.0;
    level_low = level_low < 0 ? level_low * 1.08 : 0.0;
  }
  auto [difference_low, difference_high] = extent({&differences});
  const double span = std::max(difference_high - difference_low, 1e-9 + std::max(std::fabs(difference_low), std::fabs(difference_high)));
  const double pad = span > 0 ? 0.18 * span : 1.0;
  difference_low = std::min(difference_low - pad, -0.05 * span - (span == 0 ? 1.0 : 0.0));
  difference_high = std::max(difference_high + pad, 0.05 * span + (span == 0 ? 1.0 : 0.0));

  const int rows = static_cast<int>(order.size());
  figure.width_px = 1400;
  figure.height_px = std::max(480, 170 + 95 * rows + 100);
  std::vector<std::string> labels;
  for (const std::size_t p : order) labels.push_back(wrap_label(comparison_package_label(c.packages[p], language), zh ? 11 : 24, 3));

  const std::string level_unit = unit_label(o.unit, language);
  const std::string difference_unit = unit_label(o.unit, language, true);
  std::string commands = "set multiplot title " + gnuplot_quote(figure.caption) + "\n";
  char line[1024];
  std::snprintf(line, sizeof line, "set yrange [%g:-0.6]\n", rows - 0.4);
  commands += line;
  commands += "set border 1 lw 1.2\nunset mxtics\nset grid xtics lc rgb \"#e0e0e0\"\n";
  commands += "set bmargin at screen " + std::to_string(140.0 / figure.height_px) + "\nset tmargin at screen " +
              std::to_string(1.0 - 95.0 / figure.height_px) + "\n";
  commands += "set key off\nset format x \"%.10g\"\n";
  // Left: the levels.
  commands += "set lmargin at screen 0.17\nset rmargin at screen 0.43\n";
  commands += "set ytics (";
  for (int i = 0; i < rows; ++i) commands += (i ? ", " : "") + gnuplot_quote(labels[static_cast<std::size_t>(i)]) + " " + std::to_string(i);
  commands += ") nomirror scale 0\n";
  commands += "set xrange " + range_text(level_low, level_high) + "\n" + axis_tics(level_low, level_high, 4, false);
  commands += "set title " + gnuplot_quote(fill(text.level_panel, {level_unit})) + "\n";
  commands += "set xlabel " + gnuplot_quote(level_unit) + "\n";
  if (!std::isnan(target)) {
    std::snprintf(line, sizeof line,
                  "set arrow 2 from %.10g, graph 0 to %.10g, graph 1 nohead linewidth 2 dashtype 2 linecolor rgb "
                  "\"#000000\" front\n",
                  target, target);
    commands += line;
  }
  std::snprintf(line, sizeof line,
                "plot $packages using ($4*%.10g/2):1:(abs($4*%.10g)/2):(0.28):($10 == 1 ? 0xBBBBBB : 0x56B4E9) with "
                "boxxyerror fillcolor rgb variable fillstyle solid 1.0 noborder, \\\n"
                "  $packages using ($4*%.10g):1:($5*%.10g):($6*%.10g) with xerrorbars pointtype 7 pointsize 0.7 "
                "linewidth 1.6 linecolor rgb \"#000000\"",
                scale, scale, scale, scale, scale);
  commands += line;
  commands += "\n";
  if (!std::isnan(target)) commands += "unset arrow 2\n";
  // Right, the main panel: paired differences against zero.
  commands += "set lmargin at screen 0.47\nset rmargin at screen 0.97\nset ytics ()\nunset ytics\n";
  commands += "set xrange " + range_text(difference_low, difference_high) + "\n" +
              axis_tics(difference_low, difference_high, 6, true);
  commands += "set title " + gnuplot_quote(fill(text.difference_panel, {comparison_package_label(c.packages[baseline], language)})) + "\n";
  commands += "set xlabel " + gnuplot_quote(difference_unit) + "\n";
  commands += "set arrow 1 from 0, graph 0 to 0, graph 1 nohead linewidth 1.5 linecolor rgb \"#000000\"\n";
  std::snprintf(line, sizeof line,
                "plot $packages using ($10 == 1 ? NaN : $7*%.10g):1:($8*%.10g):($9*%.10g) with xerrorbars pointtype "
                "-1 linewidth 2.5 linecolor rgb \"#0072B2\", \\\n"
                "  $packages using ($10 == 1 || $8*$9 <= 0 ? NaN : $7*%.10g):1 with points pointtype 7 pointsize 1.6 "
                "linecolor rgb \"#0072B2\", \\\n"
                "  $packages using ($10 == 1 || $8*$9 > 0 ? NaN : $7*%.10g):1 with points pointtype 6 pointsize 1.6 "
                "linewidth 2 linecolor rgb \"#0072B2\", \\\n"
                "  $packages using ($10 == 1 ? NaN : $7*%.10g):1:11 with labels center offset 0,1.35 textcolor rgb "
                "\"#000000\", \\\n"
                "  $packages using ($10 == 1 ? 0 : NaN):1:11 with labels left offset 1,0 textcolor rgb \"#555555\"\n",
                scale, scale, scale, scale, scale, scale);
  commands += line;
  commands += "unset multiplot\n";
  // The key as text under the panels: what bars, points and whiskers mean.
  figure.commands = "set label 10 at screen 0.5, screen " + std::to_string(35.0 / figure.height_px) + " center " +
                    gnuplot_quote(fill(text.comparison_key, {std::to_string(c.replicates)}) +
                                  (std::isnan(target) ? std::string()
                                                      : fill(text.target_line_key,
                                                             {(o.comparator == "<=" ? "≤ " : "≥ ") +
                                                              format_quantity(o.target, o.unit)}))) +
                    "\n" + commands;
  return figure;
}

std::vector<Figure> comparison_outcome_figures(const ComparisonFile& comparison, Language language) {
  std::vector<Figure> out;
  for (std::size_t o = 0; o < comparison.outcomes.size(); ++o) out.push_back(comparison_outcome_figure(comparison, o, language));
  return out;
}

std::optional<Figure> comparison_verdict_figure(const ComparisonFile& c, Language language) {
  if (c.verdict_columns.empty()) return std::nullopt;
  const auto& text = localised_text(language);
  const bool zh = language == Language::Chinese;
  Figure figure;
  figure.name = "comparison_verdicts";
  figure.caption = fill(text.verdicts_title, {c.city_name(language), std::to_string(c.replicates)});
  figure.font_size_pt = 12;
  DataBlock cells{"cells", {"column", "row", "colour", "package", "indicator_key", "year", "verdict", "text", "text_colour"}, {}};
  DataBlock rows{"rows", {"row", "year", "target"}, {}};
  std::vector<std::string> column_labels, row_labels;
  std::vector<std::vector<std::string>> text_cells;
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    column_labels.push_back(wrap_label(comparison_package_label(c.packages[p], language), zh ? 8 : 16, 3));
  }
  for (std::size_t k = 0; k < c.verdict_columns.size(); ++k) {
    const auto& column = c.verdict_columns[k];
    row_labels.push_back(wrap_label(std::string(indicator_name(column.indicator, language)), zh ? 17 : 40, 2));
    // The target as the comparison holds it (its indicator outcome).
    std::string target;
    for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
      if (c.outcomes[o].name != "indicator_" + std::string(indicator_info(column.indicator).key)) continue;
      const auto& outcome = c.outcomes[o];
      if (outcome.comparator == "increasing") target = std::string(text.target_increasing);
      else if (!std::isnan(outcome.target)) {
        target = (outcome.comparator == "<=" ? "≤ " : "≥ ") + format_quantity(outcome.target, outcome.unit);
      }
    }
    rows.rows.push_back({static_cast<double>(k), std::to_string(column.year), target});
    text_cells.push_back({std::to_string(column.year), wrap_label(target, zh ? 10 : 11, 2)});
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      const Verdict v = c.verdict(p, k);
      cells.rows.push_back({static_cast<double>(p), static_cast<double>(k), figure_style::verdict_rgb(v),
                            c.packages[p].name, std::string(indicator_info(column.indicator).key),
                            static_cast<double>(column.year), verdict_name(v),
                            verdict_cell_text(std::string(verdict_text(v, language)), v),
                            figure_style::verdict_text_rgb(v)});
    }
  }
  figure.data.push_back(std::move(cells));
  figure.data.push_back(std::move(rows));
  const int label_px = zh ? 300 : 350;
  figure.width_px = std::max(1100, label_px + 2 * 95 + 170 * static_cast<int>(c.packages.size()) + 60);
  figure.height_px = std::max(460, 52 * static_cast<int>(c.verdict_columns.size()) + 360);
  char margin[96];
  std::snprintf(margin, sizeof margin, "set lmargin at screen %.4f\nset rmargin at screen 0.98\n",
                static_cast<double>(label_px) / figure.width_px);
  figure.commands = margin + verdict_grid_commands({figure.caption, column_labels, row_labels,
                                                    {std::string(text.year), std::string(text.target)}, text_cells,
                                                    language, false});
  return figure;
}

}  // namespace pneumo
