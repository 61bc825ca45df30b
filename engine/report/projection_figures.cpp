#include "pneumoplan/report/projection_figures.hpp"

#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/results/replicate_band.hpp"

namespace pneumo {
namespace {

namespace style = figure_style;

struct Series {
  std::string block;      // data block name
  std::string output;     // /replicates/<output>
  std::optional<std::size_t> stage;  // nullopt: all stages summed (or an output without stages)
  std::string_view colour;
  std::string title;
  std::string_view dash = "solid";
};

// A line figure of the city: one band per series, the plan period shaded.
Figure city_band_figure(const ResultsFile& results, const FigureOptions& options, std::string name, std::string title,
                        std::string_view y_label, const std::vector<Series>& series) {
  const auto& text = localised_text(options.language);
  Figure figure;
  figure.name = std::move(name);
  figure.caption = title;
  std::string plot = "plot ";
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& s = series[i];
    const ResultsArray array = results.read_output(s.output);
    figure.data.push_back(style::band_block(
        s.block, band_over_replicates(results, array, results.city_region(), s.stage, options.years)));
    plot += (i ? ", \\\n  " : "") + style::band_elements(s.block, s.colour, s.title, 1.0, s.dash);
  }
  // The key explains the shading once instead of once per series.
  plot += ", \\\n  keyentry with filledcurves fillcolor rgb \"#999999\" title " +
          gnuplot_quote(fill(text.band_key, {std::to_string(results.replicates)}));
  figure.commands = style::line_figure_setup() + "set title " + gnuplot_quote(title) + "\n" +
                    style::year_axis(options.years, text.year) + "set ylabel " + gnuplot_quote(y_label) + "\n" +
                    "set yrange [0:*]\n" +
                    style::plan_period_shading(results.plan_period(), options.years,
                                               results.plan_period()
                                                   ? fill(text.plan_period, {std::to_string(results.plan_period()->first),
                                                                             std::to_string(results.plan_period()->last)})
                                                   : std::string()) +
                    plot + "\n";
  return figure;
}

}  // namespace

Figure new_cases_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  return city_band_figure(results, options, "new_cases", fill(text.new_cases_title, {results.scenario_name}),
                          text.persons_per_year,
                          {{"reported", "new_diagnoses", std::nullopt, style::kTeal, std::string(text.reported_cases)},
                           {"true_onset", "new_cases_true", 0, style::kOrange, std::string(text.true_cases)}});
}

Figure prevalence_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  std::vector<Series> series;
  const std::string_view colours[] = {style::kGold, style::kOrange, style::kPink};
  for (std::size_t s = 0; s < 3; ++s) {
    series.push_back({"true_stage_" + std::to_string(s + 1), "prevalent_true", s, colours[s], std::string(text.stage_true[s])});
  }
  series.push_back({"diagnosed", "prevalent_diagnosed", std::nullopt, style::kTeal, std::string(text.diagnosed_living), "(10,6)"});
  return city_band_figure(results, options, "prevalence", fill(text.prevalence_title, {results.scenario_name}),
                          text.persons, series);
}

Figure deaths_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  return city_band_figure(
      results, options, "deaths", fill(text.deaths_title, {results.scenario_name}), text.persons_per_year,
      {{"deaths_pneumoconiosis", "deaths_pneumoconiosis", std::nullopt, style::kPurple,
        std::string(text.deaths_pneumoconiosis)},
       {"deaths_other_causes", "deaths_other_cause_patients", std::nullopt, style::kGrey,
        std::string(text.deaths_other_causes), "(10,6)"}});
}

}  // namespace pneumo
