#include "pneumoplan/report/figure_options.hpp"

namespace pneumo {

FigureOptions default_figure_options(const ResultsFile& results, Language language) {
  FigureOptions options;
  options.language = language;
  const int first = static_cast<int>(results.years.front()), last = static_cast<int>(results.years.back());
  // Before 2000 the simulations are burn-in for most scenarios; planners look at the recent past onwards.
  options.years = {first < 2000 && last > 2000 ? 2000 : first, last};
  const auto plan = results.plan_period();
  options.map_year = plan && plan->last >= first && plan->last <= last ? plan->last : last;
  return options;
}

}  // namespace pneumo
