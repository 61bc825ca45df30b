#include "pneumoplan/report/comparison_figures.hpp"

#include <cmath>
#include <cstdio>

#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/report/scorecard_figure.hpp"

namespace pneumo {
namespace {

// Three significant digits, never scientific notation for the sizes outcomes have.
std::string compact_number(double value, bool with_sign) {
  if (std::isnan(value)) return "n/a";
  const double magnitude = std::fabs(value);
  const int decimals = magnitude >= 100 || magnitude == 0 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  char text[64];
  std::snprintf(text, sizeof text, with_sign ? "%+.*f" : "%.*f", decimals, value);
  return text;
}

// A package's label under its bar or column: its own label where that fits the space of one package, its
// short name otherwise (the report's package table gives the full labels).
std::string package_label(const ComparisonPackage& p, Language language) {
  const std::string& label = language == Language::Chinese ? p.label_zh : p.label_en;
  const std::size_t fits = language == Language::Chinese ? 8 : 18;  // characters (CJK count as one)
  std::size_t characters = 0;
  for (const unsigned char c : label) characters += (c & 0xC0) != 0x80;  // UTF-8 lead bytes
  return label.empty() || characters > fits ? p.name : label;
}

}  // namespace

std::string signed_interval_text(double mean, double p5, double p95) {
  return compact_number(mean, true) + " (" + compact_number(p5, true) + " – " + compact_number(p95, true) + ")";
}

Figure comparison_outcome_figure(const ComparisonFile& c, std::size_t outcome, Language language) {
  const auto& text = localised_text(language);
  const ComparisonFileOutcome& o = c.outcomes.at(outcome);
  const std::size_t baseline = c.baseline_index();
  Figure figure;
  figure.name = "comparison_" + o.name;
  const std::string label = language == Language::Chinese ? (o.label_zh.empty() ? o.name : o.label_zh)
                                                            : (o.label_en.empty() ? o.name : o.label_en);
  figure.caption = fill(text.comparison_title, {c.scenario_name, label, std::to_string(c.period_first_year),
                                                std::to_string(c.period_last_year)});
  figure.width_px = std::max(900, 260 + 150 * static_cast<int>(c.packages.size()));
  figure.height_px = 700;

  // The baseline first, then the packages in the file's order.
  std::vector<std::size_t> order = {baseline};
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    if (p != baseline) order.push_back(p);
  }
  DataBlock block{"packages",
                  {"position", "name", "label", "mean", "p5", "p95", "difference_mean", "difference_p5",
                   "difference_p95", "baseline", "difference_text"},
                  {}};
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t p = order[i], cell = c.cell(p, outcome);
    const bool is_baseline = p == baseline;
    std::string bar_label = package_label(c.packages[p], language);
    if (is_baseline && bar_label != c.packages[p].name) bar_label += std::string(text.baseline_suffix);
    block.rows.push_back({static_cast<double>(i), c.packages[p].name, bar_label, c.value.mean[cell], c.value.p5[cell],
                          c.value.p95[cell], c.difference.mean[cell], c.difference.p5[cell], c.difference.p95[cell],
                          is_baseline ? 1.0 : 0.0,
                          is_baseline ? std::string()
                                      : signed_interval_text(c.difference.mean[cell], c.difference.p5[cell],
                                                             c.difference.p95[cell])});
  }
  figure.data.push_back(std::move(block));

  bool negative = false;  // bars start at zero unless some interval reaches below it
  for (std::size_t p = 0; p < c.packages.size(); ++p) negative = negative || c.value.p5[c.cell(p, outcome)] < 0;
  char range[96];
  std::snprintf(range, sizeof range, "set xrange [-0.6:%g]\n", order.size() - 0.4);
  figure.commands =
      "set title " + gnuplot_quote(figure.caption) + "\n" + std::string(range) +
      (negative ? "set yrange [*:*]\n" : "set yrange [0:*]\n") + "set offsets 0, 0, graph 0.15, 0\n"
      "set border 3 lw 1.2\nset xtics nomirror scale 0\nset ytics nomirror out\nset grid ytics lc rgb \"#dddddd\"\n"
      "set ylabel " + gnuplot_quote(o.unit) + "\n"
      "set boxwidth 0.6\nset style fill solid 0.85 noborder\n"
      "set key outside bottom center vertical samplen 2\n"
      "plot $packages using 1:4:($10 == 1 ? 0x9e9e9e : 0x1b9e77):xtic(3) with boxes fillcolor rgb variable notitle, \\\n"
      "  $packages using 1:4:5:6 with yerrorbars pointtype 7 pointsize 0.6 linewidth 1.5 linecolor rgb \"#333333\" title " +
      gnuplot_quote(fill(text.comparison_key, {std::to_string(c.replicates)})) +
      ", \\\n  $packages using 1:6:11 with labels offset 0,1.2 textcolor rgb \"#333333\" notitle"
      ", \\\n  keyentry with lines linecolor rgb \"#ffffff\" title " + gnuplot_quote(text.difference_axis) + "\n";
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
  Figure figure;
  figure.name = "comparison_verdicts";
  figure.caption = fill(text.verdicts_title, {c.scenario_name, std::to_string(c.replicates)});
  figure.font_size_pt = 12;
  DataBlock cells{"cells", {"column", "row", "colour", "package", "indicator_key", "year", "verdict", "text"}, {}};
  std::vector<std::string> column_labels, row_labels;
  for (std::size_t p = 0; p < c.packages.size(); ++p) column_labels.push_back(package_label(c.packages[p], language));
  const bool zh = language == Language::Chinese;
  for (std::size_t k = 0; k < c.verdict_columns.size(); ++k) {
    const auto& column = c.verdict_columns[k];
    row_labels.push_back(shorten_label(std::string(indicator_name(column.indicator, language)), zh ? 24 : 48) + "  " +
                         std::to_string(column.year));
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      const Verdict v = c.verdict(p, k);
      cells.rows.push_back({static_cast<double>(p), static_cast<double>(k), figure_style::verdict_rgb(v),
                            c.packages[p].name, std::string(indicator_info(column.indicator).key),
                            static_cast<double>(column.year), verdict_name(v), std::string(verdict_text(v, language))});
    }
  }
  figure.data.push_back(std::move(cells));
  const int label_px = zh ? 430 : 520;
  figure.width_px = std::max(1100, label_px + 150 * static_cast<int>(c.packages.size()) + 60);
  figure.height_px = std::max(420, 34 * static_cast<int>(c.verdict_columns.size()) + 260);
  char margin[96];
  std::snprintf(margin, sizeof margin, "set lmargin at screen %.4f\nset rmargin at screen 0.98\n",
                static_cast<double>(label_px) / figure.width_px);
  figure.commands = margin + verdict_grid_commands(figure.caption, column_labels, row_labels, language, false);
  return figure;
}

}  // namespace pneumo
