// The report of one run, for a planner to hand on: provenance (version, commit, seed), the scenario's key
// assumptions, the projections with the plan period in numbers, the scorecard (figure and the city's
// table, verdicts from build_scorecard), the indicator trajectories and the township map. Figures are
// referred to by the files write_figure_folder() wrote.
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/report/figure_folder.hpp"
#include "pneumoplan/report/figure_options.hpp"
#include "pneumoplan/report/report_document.hpp"

namespace pneumo {

struct RunReportFigures {
  std::vector<WrittenFigure> written;
  std::string folder;                      // relative to the report, e.g. "figures"
  std::vector<IndicatorId> indicators_left_out;
};

ReportDocument run_report(const ResultsFile& results, const Scorecard* card, const FigureOptions& options,
                          const RunReportFigures& figures);

}  // namespace pneumo
