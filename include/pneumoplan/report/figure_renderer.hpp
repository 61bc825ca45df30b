// Draws figures with gnuplot, through gnuplot-iostream, and checks the result instead of trusting it:
// gnuplot-iostream only warns when gnuplot is missing and never reports gnuplot's errors, so the renderer
// finds the gnuplot program first, captures gnuplot's messages and exit status, and inspects every file
// gnuplot wrote (figure_file_check.hpp). Figures go to a temporary name and are moved into place only
// when the caller commits them, so a failure leaves no half-finished folder of figures.
#pragma once

#include <memory>
#include <string>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/report/figure.hpp"

namespace pneumo {

// The gnuplot program on PATH, or "" when there is none.
std::string find_gnuplot_on_path();

struct RenderedFigure {
  std::unique_ptr<AtomicOutput> output;  // checked, not yet committed
  std::string gnuplot_messages;          // anything gnuplot printed although it succeeded (warnings)
};

class FigureRenderer {
 public:
  // Uses gnuplot from PATH; throws IoError saying how to install it when there is none.
  FigureRenderer();
  explicit FigureRenderer(std::string gnuplot_program);

  const std::string& gnuplot_program() const { return gnuplot_; }

  // Renders `figure` for `final_path` (its extension is not consulted: `format` decides). Throws IoError
  // with gnuplot's own message when gnuplot fails, and when the file is missing, not a valid file of
  // `format` or not of the figure's size.
  RenderedFigure render(const Figure& figure, FigureFormat format, const std::string& final_path) const;

 private:
  std::string gnuplot_;
};

// Checks that fontconfig resolves kFigureFont to a Noto CJK font; throws IoError (install fonts-noto-cjk)
// otherwise. Chinese labels would otherwise come out as empty boxes without any error from gnuplot.
void check_figure_font_installed();

}  // namespace pneumo
