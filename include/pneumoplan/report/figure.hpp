// A figure as gnuplot will draw it: named data blocks (the numbers, exactly as sent to gnuplot) and the
// commands that draw them, with the canvas size. Figures are built by pure functions from a results file
// (projection_figures.hpp and friends), so tests can compare the data with the file without gnuplot;
// figure_renderer.hpp sends the script to gnuplot and checks what comes back.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pneumo {

enum class FigureFormat { Png, Svg, Pdf };

std::optional<FigureFormat> parse_figure_format(std::string_view text);  // "png", "svg", "pdf"
std::string figure_extension(FigureFormat format);                        // the same words

// Labels render in this font in every terminal (fonts-noto-cjk: Chinese and Latin glyphs).
inline constexpr std::string_view kFigureFont = "Noto Sans CJK SC";

using DataCell = std::variant<double, std::string>;

struct DataBlock {
  std::string name;                  // referred to as $name in the commands
  std::vector<std::string> columns;  // written as a comment line above the rows
  std::vector<std::vector<DataCell>> rows;
};

struct Figure {
  std::string name;      // file name without extension, e.g. "new_cases"
  std::string caption;   // one sentence for reports, in the figure's language
  int width_px = 1200;   // PNG and SVG in pixels; PDF in points (1/72 in), so all three look alike
  int height_px = 750;
  int font_size_pt = 14;
  std::vector<DataBlock> data;
  std::string commands;  // gnuplot commands drawing the data blocks: no terminal, no output

  const DataBlock& block(std::string_view block_name) const;  // throws std::out_of_range
};

// A double-quoted gnuplot string literal (backslashes and quotes escaped).
std::string gnuplot_quote(std::string_view text);

// One data block as gnuplot reads it ("$name << EOD" ... "EOD"). Numbers are written with 10 significant
// digits, NaN as NaN; text cells are quoted (their own double quotes become single quotes).
std::string format_data_block(const DataBlock& block);

// The complete script: gnuplot's defaults (it runs with -d, no start-up file), the terminal of `format` at
// the figure's size and font, the output file, the data blocks and the commands, then closes the output.
std::string gnuplot_script(const Figure& figure, FigureFormat format, const std::string& output_path);

}  // namespace pneumo
