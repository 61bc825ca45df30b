// The look shared by every figure: colours, axes, the shaded plan period, bands over replicates, the
// verdict colours of the scorecard tables. Small builders of gnuplot commands and data blocks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/results/replicate_band.hpp"
#include "pneumoplan/results/results_reader.hpp"

namespace pneumo::figure_style {

// Colour-blind-safe series colours (ColorBrewer "Dark2" hues).
inline constexpr std::string_view kTeal = "#1b9e77", kOrange = "#d95f02", kPurple = "#7570b3", kPink = "#e7298a",
                                  kGreen = "#66a61e", kGold = "#e6ab02", kGrey = "#555555";

// Verdict colours: the usual green / amber / red of a traffic light, grey for not applicable.
std::string verdict_colour(Verdict verdict);
double verdict_rgb(Verdict verdict);  // the same as a number for `lc rgb variable` columns

// Border, tics, grid and key placement common to the line figures.
std::string line_figure_setup();
// x axis over `shown` years (whole years, a little margin) with its label.
std::string year_axis(YearSpan shown, std::string_view label);
// A grey rectangle behind the plan period with its label at the top; nothing when there is no plan.
std::string plan_period_shading(std::optional<YearSpan> plan, YearSpan shown, std::string_view label);

// Columns year, mean, p5, p95.
DataBlock band_block(const std::string& name, const YearBand& band);
// The plot elements of a band block: the 90 % interval as a translucent area and the mean as a line.
// `scale` multiplies the values (100 to draw shares as percentages).
std::string band_elements(const std::string& block, std::string_view colour, std::string_view title, double scale = 1.0,
                          std::string_view dash = "solid");

}  // namespace pneumo::figure_style
