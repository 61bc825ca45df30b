#include "pneumoplan/report/figure_set.hpp"

#include <array>
#include <utility>

#include "pneumoplan/report/comparison_figures.hpp"
#include "pneumoplan/report/indicator_figures.hpp"
#include "pneumoplan/report/projection_figures.hpp"
#include "pneumoplan/report/scorecard_figure.hpp"
#include "pneumoplan/report/township_map_figure.hpp"

namespace pneumo {
namespace {

constexpr std::array<std::pair<FigureKind, std::string_view>, 10> kKindNames = {{
    {FigureKind::NewCases, "new_cases"},
    {FigureKind::Prevalence, "prevalence"},
    {FigureKind::Deaths, "deaths"},
    {FigureKind::Indicators, "indicators"},
    {FigureKind::Scorecard, "scorecard"},
    {FigureKind::Map, "map"},
    {FigureKind::Outcomes, "outcomes"},
    {FigureKind::Verdicts, "verdicts"},
    {FigureKind::Sensitivity, "sensitivity"},
    {FigureKind::Posterior, "posterior"},
}};

}  // namespace

std::optional<FigureKind> parse_figure_kind(std::string_view name) {
  for (const auto& [kind, text] : kKindNames) {
    if (text == name) return kind;
  }
  return std::nullopt;
}

std::string figure_kind_name(FigureKind kind) {
  for (const auto& [k, text] : kKindNames) {
    if (k == kind) return std::string(text);
  }
  return "";
}

std::set<FigureKind> all_figure_kinds() {
  std::set<FigureKind> all;
  for (const auto& [kind, text] : kKindNames) all.insert(kind);
  return all;
}

FigureSet run_figure_set(const ResultsFile& results, const Scorecard* card, const FigureOptions& options,
                         const std::set<FigureKind>& wanted) {
  FigureSet set;
  if (wanted.count(FigureKind::NewCases)) set.figures.push_back(new_cases_figure(results, options));
  if (wanted.count(FigureKind::Prevalence)) set.figures.push_back(prevalence_figure(results, options));
  if (wanted.count(FigureKind::Deaths)) set.figures.push_back(deaths_figure(results, options));
  if (wanted.count(FigureKind::Scorecard) && card && !card->rows.empty()) {
    set.figures.push_back(scorecard_figure(*card, options));
  }
  if (wanted.count(FigureKind::Indicators)) {
    IndicatorFigures indicators = indicator_figures(results, card, options);
    for (auto& f : indicators.figures) set.figures.push_back(std::move(f));
    set.indicators_left_out = std::move(indicators.left_out);
  }
  if (wanted.count(FigureKind::Map)) set.figures.push_back(township_map_figure(results, options));
  return set;
}

FigureSet comparison_figure_set(const ComparisonFile& comparison, Language language, const std::set<FigureKind>& wanted) {
  FigureSet set;
  if (wanted.count(FigureKind::Outcomes)) set.figures = comparison_outcome_figures(comparison, language);
  if (wanted.count(FigureKind::Verdicts)) {
    if (auto verdicts = comparison_verdict_figure(comparison, language)) set.figures.push_back(std::move(*verdicts));
  }
  return set;
}

FigureSet sweep_figure_set(const SweepData& sweep, SweepFigureOptions options, const std::set<FigureKind>& wanted) {
  options.sensitivity = wanted.count(FigureKind::Sensitivity) > 0;
  options.posterior = wanted.count(FigureKind::Posterior) > 0;
  FigureSet set;
  set.figures = sweep_figures(sweep, options);
  return set;
}

}  // namespace pneumo
