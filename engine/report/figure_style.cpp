#include "pneumoplan/report/figure_style.hpp"

#include <cstdio>

namespace pneumo::figure_style {

std::string verdict_colour(Verdict verdict) {
  switch (verdict) {
    case Verdict::Met: return "#1a9850";
    case Verdict::NotMet: return "#d73027";
    case Verdict::Uncertain: return "#fdae61";
    case Verdict::NotApplicable: return "#bdbdbd";
    case Verdict::Input: return "#9ecae1";
  }
  return "#ffffff";
}

double verdict_rgb(Verdict verdict) {
  return static_cast<double>(std::stoul(verdict_colour(verdict).substr(1), nullptr, 16));
}

std::string line_figure_setup() {
  return "set border 3 lw 1.2\n"
         "set xtics nomirror out\n"
         "set ytics nomirror out\n"
         "set grid ytics lc rgb \"#dddddd\" lw 1\n"
         "set key outside bottom center horizontal samplen 2.5 spacing 1.1 width 2\n"
         "set tmargin 3.5\n"
         "set style fill transparent solid 0.22 noborder\n";
}

std::string year_axis(YearSpan shown, std::string_view label) {
  char text[160];
  std::snprintf(text, sizeof text, "set xrange [%d:%d]\n", shown.first, shown.last);
  std::string out = text;
  const int span = shown.last - shown.first;
  const int step = span > 40 ? 10 : span > 12 ? 5 : span > 5 ? 2 : 1;
  std::snprintf(text, sizeof text, "set xtics %d format \"%%.0f\"\nset mxtics %d\n", step, step);
  out += text;
  out += "set xlabel " + gnuplot_quote(label) + "\n";
  return out;
}

std::string plan_period_shading(std::optional<YearSpan> plan, YearSpan shown, std::string_view label) {
  if (!plan || plan->last < shown.first || plan->first > shown.last) return "";
  // Counts of a year are drawn at the year; the shading covers the plan's first to last year, labelled
  // above the plot where no data or key can hide the label.
  const double from = std::max<double>(plan->first, shown.first), to = std::min<double>(plan->last, shown.last);
  char text[256];
  std::snprintf(text, sizeof text,
                "set object 1 rectangle from %g, graph 0 to %g, graph 1 behind fillcolor rgb \"#ececec\" "
                "fillstyle solid 1.0 noborder\n",
                from, to);
  std::string out = text;
  std::snprintf(text, sizeof text, "set label 1 at %g, graph 1.03 center textcolor rgb \"#777777\" front ", (from + to) / 2);
  out += text + gnuplot_quote(label) + "\n";
  return out;
}

DataBlock band_block(const std::string& name, const YearBand& band) {
  DataBlock block{name, {"year", "mean", "p5", "p95"}, {}};
  for (std::size_t i = 0; i < band.years.size(); ++i) {
    block.rows.push_back({static_cast<double>(band.years[i]), band.mean[i], band.p5[i], band.p95[i]});
  }
  return block;
}

std::string band_elements(const std::string& block, std::string_view colour, std::string_view title, double scale,
                          std::string_view dash) {
  char columns[128];
  if (scale == 1.0) {
    std::snprintf(columns, sizeof columns, "1:3:4");
  } else {
    std::snprintf(columns, sizeof columns, "1:($3*%g):($4*%g)", scale, scale);
  }
  std::string out = "$" + block + " using " + columns + " with filledcurves fillcolor rgb \"" + std::string(colour) +
                    "\" notitle, \\\n  ";
  if (scale == 1.0) {
    std::snprintf(columns, sizeof columns, "1:2");
  } else {
    std::snprintf(columns, sizeof columns, "1:($2*%g)", scale);
  }
  out += "$" + block + " using " + columns + " with lines linewidth 2.5 linecolor rgb \"" + std::string(colour) +
         "\" dashtype " + std::string(dash) + " title " + gnuplot_quote(title);
  return out;
}

}  // namespace pneumo::figure_style
