// Checks that a file gnuplot wrote is a whole figure of the expected kind, and reads its size: a PNG
// (signature, IHDR width and height, IEND at the end), an SVG (root <svg> element with width and height,
// closed at the end) or a PDF (%PDF- header, %%EOF at the end, the first page's MediaBox).
#pragma once

#include <string>

#include "pneumoplan/report/figure.hpp"

namespace pneumo {

struct FigureFileInfo {
  FigureFormat format = FigureFormat::Png;
  double width = 0.0, height = 0.0;  // PNG and SVG: pixels; PDF: points
};

// Throws IoError naming the file and what is wrong with it.
FigureFileInfo inspect_figure_file(const std::string& path);

// Same, from the bytes of a file (for tests and for files already read).
FigureFileInfo inspect_figure_bytes(const std::string& bytes, const std::string& name_for_errors);

}  // namespace pneumo
