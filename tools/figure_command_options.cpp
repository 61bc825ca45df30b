#include "figure_command_options.hpp"

#include <memory>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"

namespace pneumo::cli {

void add_figure_command_options(po::options_description& options, const std::string& formats) {
  add_language_option(options);
  options.add_options()
      ("format", po::value<std::string>()->default_value("png"), ("Figure format: " + formats + ".").c_str())
      ("figures", po::value<std::string>(),
       "Only these figures, comma-separated: new_cases, prevalence, deaths, indicators, scorecard, map (run files); "
       "outcomes, verdicts (comparison files); sensitivity, posterior (sweep files). Default: all.")
      ("from", po::value<int>(), "First year of the time series (default: 2000, or the first simulated year if later).")
      ("to", po::value<int>(), "Last year of the time series (default: the last simulated year).")
      ("map-year", po::value<int>(), "Year of the township map (default: the plan's final year, else the last year).")
      ("years", po::value<std::string>()->default_value("2023,2025"),
       "Evaluation years of the scorecard, comma-separated (as for 'pneumoplan scorecard').");
}

FigureFormat format_option(const po::variables_map& values, bool allow_pdf) {
  const std::string text = values["format"].as<std::string>();
  const auto format = parse_figure_format(text);
  if (!format || (!allow_pdf && *format == FigureFormat::Pdf)) {
    throw UsageError("--format: expected " + std::string(allow_pdf ? "png, svg or pdf" : "png or svg") + ", found " +
                     quote_value(text));
  }
  return *format;
}

std::set<FigureKind> figures_option(const po::variables_map& values) {
  if (!values.count("figures")) return all_figure_kinds();
  std::set<FigureKind> kinds;
  std::stringstream list(values["figures"].as<std::string>());
  std::string name;
  while (std::getline(list, name, ',')) {
    const auto kind = parse_figure_kind(name);
    if (!kind) {
      throw UsageError("--figures: unknown figure '" + name +
                       "'; expected new_cases, prevalence, deaths, indicators, scorecard, map, outcomes, verdicts, "
                       "sensitivity or posterior");
    }
    kinds.insert(*kind);
  }
  if (kinds.empty()) throw UsageError("--figures: expected at least one figure");
  return kinds;
}

FigureOptions figure_options_for(const ResultsFile& results, const po::variables_map& values) {
  // The language was checked already; the rest depends on the file's years.
  FigureOptions options = default_figure_options(results, language_option(values));
  const int first = static_cast<int>(results.years.front()), last = static_cast<int>(results.years.back());
  const auto year = [&](const char* option) {
    const int y = values[option].as<int>();
    if (y < first || y > last) {
      throw UsageError(std::string("--") + option + ": " + std::to_string(y) + " is outside the simulated years " +
                       std::to_string(first) + "-" + std::to_string(last));
    }
    return y;
  };
  if (values.count("from")) options.years.first = year("from");
  if (values.count("to")) options.years.last = year("to");
  if (options.years.first >= options.years.last) {
    throw UsageError("--from/--to: the first year shown must come before the last (" +
                     std::to_string(options.years.first) + " to " + std::to_string(options.years.last) + ")");
  }
  if (values.count("map-year")) options.map_year = year("map-year");
  return options;
}

std::unique_ptr<Scorecard> scorecard_option(const ResultsFile& results, const po::variables_map& values) {
  const std::vector<int> years = parse_years(values["years"].as<std::string>());
  if (results.targets.empty()) return nullptr;
  auto card = std::make_unique<Scorecard>(build_scorecard(results, years));
  if (card->years.empty()) throw UsageError("--years: none of the years lies in the simulated period");
  return card;
}

}  // namespace pneumo::cli
