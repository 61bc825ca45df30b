// Figures of a comparison of policy packages (comparison_reader.hpp):
//   comparison_<outcome>: one bar per package, its mean over replicates with the 90 % interval as
//     whiskers, the baseline first and shaded apart, and each package's difference from the baseline
//     (paired by replicate) written above its bar;
//   comparison_verdicts: the plan indicators' verdicts per package as a colour table.
#pragma once

#include <vector>

#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/localised_text.hpp"

namespace pneumo {

// Data block "packages": position, name, label, mean, p5, p95, difference_mean, difference_p5,
// difference_p95, baseline (1/0), difference_text.
Figure comparison_outcome_figure(const ComparisonFile& comparison, std::size_t outcome, Language language);
std::vector<Figure> comparison_outcome_figures(const ComparisonFile& comparison, Language language);

// Data block "cells": column, row, colour, package, indicator_key, year, verdict, text. Nullopt when the
// comparison has no verdicts.
std::optional<Figure> comparison_verdict_figure(const ComparisonFile& comparison, Language language);

// "+12.3 (−1.0 to +25.0)": a difference with its interval, signs always shown.
std::string signed_interval_text(double mean, double p5, double p95);

}  // namespace pneumo
