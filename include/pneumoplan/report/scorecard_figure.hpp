// The scorecard (scorecard.hpp) as a colour table: one row per plan indicator (with the plan's own row
// number and its full name, wrapped) and evaluation year, the year and the target in their own columns, then
// one column per region (the city, then each county); each cell coloured by its verdict in colour-blind-safe
// colours, and showing the mean and a mark of the verdict (✓, ×, ?), so it reads without colour too. The
// verdicts are the scorecard's own, not recomputed here.
#pragma once

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"

namespace pneumo {

// Data blocks "cells": column, row, colour, region_code, indicator_key, year, verdict, text, text_colour;
// "rows": row, year, target.
Figure scorecard_figure(const Scorecard& card, const FigureOptions& options);

// Shared with the comparison's verdict table: the text columns left of the cells (year, target), the grid
// of coloured cells with their text in the block "cells" (x, y, colour, ..., text in column 8, its colour in
// column 9), row labels and column labels, and a key of the four verdicts.
struct VerdictGrid {
  std::string title;
  std::vector<std::string> column_labels, row_labels;  // row labels may hold "\n"
  std::vector<std::string> text_column_labels;         // e.g. year, target: columns -k .. -1
  std::vector<std::vector<std::string>> text_cells;    // [row][text column]; may hold "\n"
  Language language = Language::English;
  bool rotate_columns = false;
};
std::string verdict_grid_commands(const VerdictGrid& grid);

// The text of a verdict cell: the value and the verdict's mark ("95% ✓").
std::string verdict_cell_text(const std::string& value, Verdict verdict);

// A label cut to `max_characters` characters (not bytes: Chinese text is UTF-8), with an ellipsis.
std::string shorten_label(const std::string& text, std::size_t max_characters);

// A label broken into lines of at most `width` characters: at spaces for English, anywhere for Chinese; never
// more than `max_lines` lines (the last cut with an ellipsis).
std::string wrap_label(const std::string& text, std::size_t width, std::size_t max_lines = 3);

}  // namespace pneumo
