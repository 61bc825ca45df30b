// Writes a set of figures into a folder, all or nothing: every figure is drawn to a temporary name and
// checked, and only when all succeeded are they moved into place (figure_renderer.hpp). With scripts,
// each figure's gnuplot script and data go next to it as NAME.gp, to draw it again or edit it.
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_renderer.hpp"

namespace pneumo {

struct WrittenFigure {
  std::string name;      // the figure's name
  std::string file;      // NAME.EXT, relative to the folder
  std::string caption;
  std::string gnuplot_messages;  // warnings gnuplot printed, if any
};

std::vector<WrittenFigure> write_figure_folder(const FigureRenderer& renderer, const std::vector<Figure>& figures,
                                               FigureFormat format, const std::string& folder, bool with_scripts);

}  // namespace pneumo
