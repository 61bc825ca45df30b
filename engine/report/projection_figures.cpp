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

enum class Shape {
  AnnualSteps,  // counts over a year: one step per year
  YearEndLog,   // stocks at the end of a year, of very different sizes: lines on a logarithmic axis
};

// A figure of the city's series: one band per series, in the series' colour, the plan period tinted.
Figure city_band_figure(const ResultsFile& results, const FigureOptions& options, std::string name, std::string title,
                        std::string_view y_label, const std::vector<Series>& series, Shape shape) {
  const auto& text = localised_text(options.language);
  Figure figure;
  figure.name = std::move(name);
  figure.caption = title;
  std::string plot = "plot ";
  const std::string band_title = fill(text.band_key, {std::to_string(results.replicates)});
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& s = series[i];
    const ResultsArray array = results.read_output(s.output);
    figure.data.push_back(style::band_block(
        s.block, band_over_replicates(results, array, results.city_region(), s.stage, options.years)));
    style::BandStyle b{s.colour, s.title, band_title, 1.0, s.dash, shape == Shape::AnnualSteps};
    if (shape == Shape::YearEndLog) b.floor = 0.5;  // a count of 0 is drawn at the axis' foot
    plot += (i ? ", \\\n  " : "") + style::band_elements(s.block, b);
  }
  std::string axis = "set ylabel " + gnuplot_quote(y_label) + "\nset yrange [0:*]\n";
  if (shape == Shape::YearEndLog) {
    // Stage I counts thousands, stage III tens: only a logarithmic axis shows both.
    axis = "set ylabel " + gnuplot_quote(fill(text.log_scale, {std::string(y_label)})) +
           "\nset logscale y 10\nset yrange [0.5:*]\nset format y \"%.0f\"\nset ytics (1, 10, 100, 1000, 10000, "
           "100000, 1000000)\nset mytics 10\n";
  }
  const auto plan = results.plan_period();
  figure.commands = style::line_figure_setup() + "set title " + gnuplot_quote(title) + "\n" +
                    style::year_axis(options.years, text.year) + axis +
                    style::plan_period_shading(plan, options.years,
                                               plan ? fill(text.plan_period, {std::to_string(plan->first),
                                                                              std::to_string(plan->last)})
                                                    : std::string()) +
                    plot + "\n";
  return figure;
}

}  // namespace

Figure new_cases_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  return city_band_figure(results, options, "new_cases", fill(text.new_cases_title, {results.city_name(options.language)}),
                          text.persons_per_year,
                          {{"reported", "new_diagnoses", std::nullopt, style::kBlue, std::string(text.reported_cases)},
                           {"true_onset", "new_cases_true", 0, style::kOrange, std::string(text.true_cases)}},
                          Shape::AnnualSteps);
}

Figure prevalence_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  std::vector<Series> series;
  const std::string_view colours[] = {style::kOrange, style::kVermillion, style::kReddishPurple};
  for (std::size_t s = 0; s < 3; ++s) {
    series.push_back({"true_stage_" + std::to_string(s + 1), "prevalent_true", s, colours[s], std::string(text.stage_true[s])});
  }
  series.push_back({"diagnosed", "prevalent_diagnosed", std::nullopt, style::kBlue, std::string(text.diagnosed_living), "(10,6)"});
  return city_band_figure(results, options, "prevalence", fill(text.prevalence_title, {results.city_name(options.language)}),
                          text.persons, series, Shape::YearEndLog);
}

Figure deaths_figure(const ResultsFile& results, const FigureOptions& options) {
  const auto& text = localised_text(options.language);
  return city_band_figure(
      results, options, "deaths", fill(text.deaths_title, {results.city_name(options.language)}), text.persons_per_year,
      {{"deaths_pneumoconiosis", "deaths_pneumoconiosis", std::nullopt, style::kVermillion,
        std::string(text.deaths_pneumoconiosis)},
       {"deaths_other_causes", "deaths_other_cause_patients", std::nullopt, style::kBlue,
        std::string(text.deaths_other_causes), "(10,6)"}},
      Shape::AnnualSteps);
}

}  // namespace pneumo
