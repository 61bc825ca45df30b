// Figures of a comparison of policy packages (comparison_reader.hpp):
//   comparison_<outcome>: the main panel is each package's difference from the baseline, paired by
//     replicate, as a point with its 90 % interval against the zero line (filled where the interval excludes
//     zero), with the number written above it; beside it, each package's level (mean and 90 % interval) as a
//     bar, with the plan's target line for indicators. Money in 万元, shares in per cent and differences of
//     shares in percentage points; the title says over which period or in which year the outcome is read.
//     Every outcome of the file gets one, so new outcome rows need no code here.
//   comparison_verdicts: the plan indicators' verdicts per package as a colour table.
#pragma once

#include <vector>

#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/localised_text.hpp"

namespace pneumo {

// Data block "packages": position, name, label, mean, p5, p95, difference_mean, difference_p5,
// difference_p95, baseline (1/0), difference_text, value_text (numbers as in the file, unscaled).
Figure comparison_outcome_figure(const ComparisonFile& comparison, std::size_t outcome, Language language);
std::vector<Figure> comparison_outcome_figures(const ComparisonFile& comparison, Language language);

// Data block "cells": column, row, colour, package, indicator_key, year, verdict, text, text_colour. Nullopt
// when the comparison has no verdicts.
std::optional<Figure> comparison_verdict_figure(const ComparisonFile& comparison, Language language);

// A package's label in `language` (its name when it has none).
std::string comparison_package_label(const ComparisonPackage& package, Language language);
// An outcome's label in `language` and how it is read ("2021–2035年合计").
std::string comparison_outcome_label(const ComparisonFile& comparison, std::size_t outcome, Language language);
std::string comparison_reading(const ComparisonFile& comparison, std::size_t outcome, Language language);

}  // namespace pneumo
