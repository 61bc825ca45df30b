// The look shared by every figure: a colour-blind-safe palette (Okabe and Ito, docs/references.md §11),
// axes, the plan period, bands over replicates drawn in their series' colour with a swatch of that colour in
// the key, annual values drawn as steps, the verdict colours of the scorecard tables. Small builders of
// gnuplot commands and data blocks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/results/replicate_band.hpp"
#include "pneumoplan/results/results_reader.hpp"

namespace pneumo::figure_style {

// Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
inline constexpr std::string_view kBlack = "#000000", kOrange = "#E69F00", kSkyBlue = "#56B4E9",
                                  kBluishGreen = "#009E73", kYellow = "#F0E442", kBlue = "#0072B2",
                                  kVermillion = "#D55E00", kReddishPurple = "#CC79A7", kGrey = "#6E6E6E";
// Translucency of the 90 % bands (and of their swatches in the key).
inline constexpr double kBandOpacity = 0.25;
// The plan period: a warm tint no series uses, with its own label.
inline constexpr std::string_view kPlanPeriodFill = "#F5EEDC", kPlanPeriodText = "#8A7440";

// Verdict colours: blue met, yellow uncertain, vermillion not met, light grey not applicable — told apart
// by lightness as well as hue, so they survive red–green colour blindness and greyscale printing.
std::string verdict_colour(Verdict verdict);
double verdict_rgb(Verdict verdict);        // the same as a number for `lc rgb variable` columns
std::string verdict_text_colour(Verdict verdict);  // legible on verdict_colour
double verdict_text_rgb(Verdict verdict);
// A mark that says the verdict without colour: "+" met, "?" uncertain, "−" not met, "·" n/a.
std::string verdict_mark(Verdict verdict);

// Border, tics, grid and key placement common to the line figures (two key columns: each series, then its
// band).
std::string line_figure_setup();
// x axis over `shown` years (whole years, a little margin) with its label.
std::string year_axis(YearSpan shown, std::string_view label);
// A tinted rectangle behind the plan period with its label at the top; nothing when there is no plan.
std::string plan_period_shading(std::optional<YearSpan> plan, YearSpan shown, std::string_view label);

// Columns year, mean, p5, p95, next_mean (the next year's mean, NaN for the last: where a step rises to).
DataBlock band_block(const std::string& name, const YearBand& band);

struct BandStyle {
  std::string_view colour;
  std::string title;        // of the mean's line in the key
  std::string band_title;   // of the band's swatch in the key (in the band's colour); empty: none
  double scale = 1.0;       // multiplies the values (100 to draw shares as percentages)
  std::string_view dash = "solid";
  bool steps = false;       // annual values: a step per year (histeps) and a band of one box per year
  double floor = -1e300;    // values below are drawn at it (log axes: a value of 0 has no place)
};
// The plot elements of a band block: the 90 % interval as a translucent area, the mean as a line, and the
// band's swatch after the line in the key.
std::string band_elements(const std::string& block, const BandStyle& style);

}  // namespace pneumo::figure_style
