#include "pneumoplan/report/figure_style.hpp"

#include <cmath>
#include <cstdio>

namespace pneumo::figure_style {

std::string verdict_colour(Verdict verdict) {
  switch (verdict) {
    case Verdict::Met: return std::string(kBlue);
    case Verdict::NotMet: return std::string(kVermillion);
    case Verdict::Uncertain: return std::string(kYellow);
    case Verdict::NotApplicable: return "#DDDDDD";
    case Verdict::Input: return std::string(kSkyBlue);
  }
  return "#FFFFFF";
}

double verdict_rgb(Verdict verdict) {
  return static_cast<double>(std::stoul(verdict_colour(verdict).substr(1), nullptr, 16));
}

std::string verdict_text_colour(Verdict verdict) {
  return verdict == Verdict::Met || verdict == Verdict::NotMet ? "#FFFFFF" : "#000000";
}

double verdict_text_rgb(Verdict verdict) {
  return static_cast<double>(std::stoul(verdict_text_colour(verdict).substr(1), nullptr, 16));
}

std::string verdict_mark(Verdict verdict) {
  switch (verdict) {
    case Verdict::Met: return "+";
    case Verdict::NotMet: return "−";
    case Verdict::Uncertain: return "?";
    case Verdict::NotApplicable: return "·";
    case Verdict::Input: return "i";
  }
  return "";
}

std::string line_figure_setup() {
  return "set border 3 lw 1.2\n"
         "set xtics nomirror out\n"
         "set ytics nomirror out\n"
         "set grid ytics lc rgb \"#dddddd\" lw 1\n"
         "set key outside bottom center horizontal maxcols 2 samplen 2.5 spacing 1.1 width 2\n"
         "set tmargin 3.5\n";
}

std::string year_axis(YearSpan shown, std::string_view label) {
  char text[160];
  // Half a year of margin: a year's step reaches half a year to each side.
  std::snprintf(text, sizeof text, "set xrange [%g:%g]\n", shown.first - 0.5, shown.last + 0.5);
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
  // A year's value is drawn over the year (from y − 0.5 to y + 0.5): the tint covers the plan's years
  // whole, labelled above the plot where no data or key can hide the label.
  const double from = std::max<double>(plan->first, shown.first) - 0.5, to = std::min<double>(plan->last, shown.last) + 0.5;
  char text[256];
  std::snprintf(text, sizeof text,
                "set object 1 rectangle from %g, graph 0 to %g, graph 1 behind fillcolor rgb \"%s\" "
                "fillstyle solid 1.0 noborder\n",
                from, to, std::string(kPlanPeriodFill).c_str());
  std::string out = text;
  std::snprintf(text, sizeof text, "set label 1 at %g, graph 1.03 center textcolor rgb \"%s\" front ", (from + to) / 2,
                std::string(kPlanPeriodText).c_str());
  out += text + gnuplot_quote(label) + "\n";
  return out;
}

DataBlock band_block(const std::string& name, const YearBand& band) {
  DataBlock block{name, {"year", "mean", "p5", "p95", "next_mean"}, {}};
  for (std::size_t i = 0; i < band.years.size(); ++i) {
    const double next = i + 1 < band.years.size() ? band.mean[i + 1] : std::nan("");
    block.rows.push_back({static_cast<double>(band.years[i]), band.mean[i], band.p5[i], band.p95[i], next});
  }
  return block;
}

std::string band_elements(const std::string& block, const BandStyle& s) {
  // A column of the block, scaled and floored: ($3*100), (($3*1) < 0.5 ? 0.5 : ($3*1)).
  const auto column = [&](int k) {
    char text[128];
    std::snprintf(text, sizeof text, "($%d*%g)", k, s.scale);
    std::string v = text;
    if (s.floor > -1e299) {
      std::snprintf(text, sizeof text, "(%s < %g ? %g : %s)", v.c_str(), s.floor, s.floor, v.c_str());
      v = text;
    }
    return v;
  };
  char opacity[64];
  std::snprintf(opacity, sizeof opacity, "fillstyle transparent solid %g noborder", kBandOpacity);
  const std::string colour = "rgb \"" + std::string(s.colour) + "\"";
  std::string out = "$" + block + " using ";
  if (s.steps) {
    // One box per year from y − 0.5 to y + 0.5 between p5 and p95.
    out += "1:((" + column(3) + "+" + column(4) + ")/2):(0.5):((" + column(4) + "-" + column(3) +
           ")/2) with boxxyerror fillcolor " + colour + " " + opacity + " notitle";
  } else {
    out += "1:" + column(3) + ":" + column(4) + " with filledcurves fillcolor " + colour + " " + opacity + " notitle";
  }
  const std::string line = " nohead linewidth 2.5 linecolor " + colour + " dashtype " + std::string(s.dash);
  if (s.steps) {
    // The year's value across the year, and a riser to the next year's: steps without drops to the axis.
    out += ", \\\n  $" + block + " using ($1-0.5):" + column(2) + ":(1):(0) with vectors" + line + " title " +
           gnuplot_quote(s.title);
    out += ", \\\n  $" + block + " using ($1+0.5):" + column(2) + ":(0):(" + column(5) + "-" + column(2) +
           ") with vectors" + line + " notitle";
  } else {
    out += ", \\\n  $" + block + " using 1:" + column(2) + " with lines linewidth 2.5 linecolor " + colour +
           " dashtype " + std::string(s.dash) + " title " + gnuplot_quote(s.title);
  }
  if (!s.band_title.empty()) {
    out += ", \\\n  keyentry with filledcurves fillcolor " + colour + " " + opacity + " title " +
           gnuplot_quote(s.band_title);
  }
  return out;
}

}  // namespace pneumo::figure_style
