#include "pneumoplan/report/indicator_figures.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/results/replicate_band.hpp"

namespace pneumo {
namespace {

namespace style = figure_style;

std::string target_key_text(const PlanTarget* target, const Scorecard* card, std::size_t city, Language language) {
  const auto& text = localised_text(language);
  if (!target) return std::string(text.no_target);
  const IndicatorKind kind = indicator_info(target->indicator).kind;
  std::string out = fill(text.target_key, {target->comparator == Comparator::Increasing
                                               ? std::string(text.target_increasing)
                                               : fill(target->comparator == Comparator::AtLeast ? text.target_at_least
                                                                                                 : text.target_at_most,
                                                      {format_indicator_value(target->target, kind)})});
  if (!card) return out;
  std::string verdicts;
  for (const auto& row : card->rows) {
    if (row.region != city || row.target.indicator != target->indicator) continue;
    const bool zh = language == Language::Chinese;
    if (!verdicts.empty()) verdicts += zh ? "；" : "; ";
    verdicts += std::to_string(row.year);
    verdicts += zh ? "年：" : ": ";
    verdicts += verdict_text(row.verdict, language);
  }
  return verdicts.empty() ? out : out + parenthesised(verdicts, language);
}

Figure indicator_figure(const ResultsFile& results, IndicatorId id, const YearBand& band, const PlanTarget* target,
                        const Scorecard* card, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  const auto& info = indicator_info(id);
  const bool share = info.kind == IndicatorKind::Share;
  const double scale = share ? 100.0 : 1.0;
  Figure figure;
  figure.name = "indicator_" + std::string(info.key);
  figure.caption = fill(text.indicator_title, {results.city_name(options.language), std::string(indicator_name(id, options.language))});
  figure.width_px = 1200;
  figure.height_px = 720;
  figure.data.push_back(style::band_block("city", band));
  // Indicators are annual values (a share or count of the year): one step per year.
  std::string plot = "plot " + style::band_elements("city", {style::kBlue, std::string(text.indicator_city_mean),
                                                             fill(text.band_key, {std::to_string(results.replicates)}),
                                                             scale, "solid", true});
  const std::string key_text = target_key_text(target, card, results.city_region(), options.language);
  if (target && target->comparator != Comparator::Increasing) {
    figure.data.push_back({"target", {"year", "target"},
                           {{static_cast<double>(options.years.first), target->target},
                            {static_cast<double>(options.years.last), target->target}}});
    char columns[64];
    std::snprintf(columns, sizeof columns, "1:($2*%g)", scale);
    plot += ", \\\n  $target using " + std::string(columns) +
            " with lines dashtype 2 linewidth 2 linecolor rgb \"#000000\" title " + gnuplot_quote(key_text);
  } else {
    plot += ", \\\n  keyentry with lines linecolor rgb \"#ffffff\" title " + gnuplot_quote(key_text);
  }
  const auto plan = results.plan_period();
  figure.commands =
      style::line_figure_setup() + "set title " + gnuplot_quote(figure.caption) + "\n" +
      style::year_axis(options.years, text.year) + "set ylabel " +
      gnuplot_quote(share ? std::string(text.percent_axis)
                    : target ? unit_label(target->unit, options.language)
                             : std::string(text.count_axis)) + "\n" + (share ? "set yrange [0:105]\n" : "set yrange [0:*]\n") +
      style::plan_period_shading(plan, options.years,
                                 plan ? fill(text.plan_period, {std::to_string(plan->first), std::to_string(plan->last)})
                                      : std::string()) +
      plot + "\n";
  return figure;
}

bool has_value(const YearBand& band) {
  for (const double v : band.mean) {
    if (!std::isnan(v)) return true;
  }
  return false;
}

}  // namespace

IndicatorFigures indicator_figures(const ResultsFile& results, const Scorecard* card, const FigureOptions& options) {
  std::vector<IndicatorId> order;
  for (const auto& t : results.targets) {
    if (std::find(order.begin(), order.end(), t.indicator) == order.end()) order.push_back(t.indicator);
  }
  if (order.empty()) {
    for (std::size_t i = 0; i < kIndicatorCount; ++i) order.push_back(static_cast<IndicatorId>(i));
  }
  IndicatorFigures out;
  for (const auto id : order) {
    const ResultsArray array = results.read_output("indicator_" + std::string(indicator_info(id).key));
    const YearBand band = band_over_replicates(results, array, results.city_region(), std::nullopt, options.years);
    if (!has_value(band)) {
      out.left_out.push_back(id);
      continue;
    }
    const PlanTarget* target = nullptr;
    for (const auto& t : results.targets) {
      if (t.indicator == id) target = &t;
    }
    out.figures.push_back(indicator_figure(results, id, band, target, card, options));
  }
  return out;
}

}  // namespace pneumo
