// The scorecard (scorecard.hpp) as a colour table: one row per plan indicator and evaluation year, one
// column per region (the city, then each county); each cell coloured by its verdict and showing the mean.
// The verdicts are the scorecard's own, not recomputed here.
#pragma once

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"

namespace pneumo {

// Data block "cells": column, row, colour, region_code, indicator_key, year, verdict, text.
Figure scorecard_figure(const Scorecard& card, const FigureOptions& options);

// Shared with the comparison's verdict table: a grid of coloured cells with text, row and column labels,
// and a key of the four verdicts.
std::string verdict_grid_commands(const std::string& title, const std::vector<std::string>& column_labels,
                                  const std::vector<std::string>& row_labels, Language language, bool rotate_columns);

// A label cut to `max_characters` characters (not bytes: Chinese text is UTF-8), with an ellipsis.
std::string shorten_label(const std::string& text, std::size_t max_characters);

}  // namespace pneumo
