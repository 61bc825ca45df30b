#include "pneumoplan/report/figure.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "pneumoplan/core/version.hpp"

namespace pneumo {

std::optional<FigureFormat> parse_figure_format(std::string_view text) {
  if (text == "png") return FigureFormat::Png;
  if (text == "svg") return FigureFormat::Svg;
  if (text == "pdf") return FigureFormat::Pdf;
  return std::nullopt;
}

std::string figure_extension(FigureFormat format) {
  switch (format) {
    case FigureFormat::Png: return "png";
    case FigureFormat::Svg: return "svg";
    case FigureFormat::Pdf: return "pdf";
  }
  return "";
}

const DataBlock& Figure::block(std::string_view block_name) const {
  for (const auto& b : data) {
    if (b.name == block_name) return b;
  }
  throw std::out_of_range("figure " + name + " has no data block " + std::string(block_name));
}

std::string gnuplot_quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string format_data_block(const DataBlock& block) {
  std::string out = "$" + block.name + " << EOD\n#";
  for (const auto& column : block.columns) out += " " + column;
  out += "\n";
  for (const auto& row : block.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ' ';
      if (const auto* number = std::get_if<double>(&row[i])) {
        if (std::isnan(*number)) {
          out += "NaN";
        } else {
          char buffer[32];
          std::snprintf(buffer, sizeof buffer, "%.10g", *number);
          out += buffer;
        }
      } else {
        std::string text = std::get<std::string>(row[i]);
        for (char& c : text) {
          if (c == '"') c = '\'';
          if (c == '\n' || c == '\r') c = ' ';
        }
        out += "\"" + text + "\"";
      }
    }
    out += '\n';
  }
  return out + "EOD\n";
}

std::string gnuplot_script(const Figure& figure, FigureFormat format, const std::string& output_path) {
  const std::string font = gnuplot_quote(std::string(kFigureFont) + "," + std::to_string(figure.font_size_pt));
  const std::string size = std::to_string(figure.width_px) + "," + std::to_string(figure.height_px);
  std::string out = "# " + figure.name + ": written by pneumoplan " + std::string(kProgramVersion) +
                    "; render again with 'gnuplot -d " + figure.name + ".gp'\n";
  out += "set encoding utf8\n";
  switch (format) {
    case FigureFormat::Png:
      out += "set terminal pngcairo size " + size + " font " + font + " noenhanced background rgb \"white\"\n";
      break;
    case FigureFormat::Svg:
      out += "set terminal svg size " + size + " font " + font + " noenhanced background rgb \"white\"\n";
      break;
    case FigureFormat::Pdf: {
      // 1 px of the PNG = 1 pt of the PDF: the same layout at any zoom.
      char inches[64];
      std::snprintf(inches, sizeof inches, "%.6fin,%.6fin", figure.width_px / 72.0, figure.height_px / 72.0);
      out += "set terminal pdfcairo size " + std::string(inches) + " font " + font +
             " noenhanced background rgb \"white\"\n";
      break;
    }
  }
  out += "set output " + gnuplot_quote(output_path) + "\n";
  for (const auto& block : figure.data) out += format_data_block(block);
  out += figure.commands;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += "unset output\n";
  return out;
}

}  // namespace pneumo
