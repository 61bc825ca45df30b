// pneumoplan scorecard FILE.h5: the plan indicators of a results file against the city's targets, printed
// and written as CSV and Markdown next to the results file.
#include <filesystem>
#include <iostream>
#include <sstream>
#include <thread>

#include "command_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/policy/scorecard.hpp"

namespace fs = std::filesystem;

namespace pneumo::cli {

std::vector<int> parse_years(const std::string& text) {
  std::vector<int> years;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const auto year = parse_int64(item);
    if (!year || *year < 1800 || *year > 2300) throw UsageError("--years: expected years such as 2023,2025, found '" + text + "'");
    years.push_back(static_cast<int>(*year));
  }
  if (years.empty()) throw UsageError("--years: expected at least one year");
  return years;
}

int thread_count(const po::variables_map& values) {
  if (!values.count("threads")) return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int threads = values["threads"].as<int>();
  if (threads < 1 || threads > 4096) throw UsageError("--threads: expected a whole number in [1, 4096]");
  return threads;
}

std::pair<int, int> parse_year_span(const std::string& text, const std::string& option) {
  const auto dash = text.find('-');
  const auto first = dash == std::string::npos ? std::nullopt : parse_int64(text.substr(0, dash));
  const auto last = dash == std::string::npos ? std::nullopt : parse_int64(text.substr(dash + 1));
  if (!first || !last || *first > *last || *first < 1800 || *last > 2300) {
    throw UsageError(option + ": expected FIRST-LAST years such as 2021-2025, found '" + text + "'");
  }
  return {static_cast<int>(*first), static_cast<int>(*last)};
}

void write_scorecard_files(const std::string& results_path, const Scorecard& card, bool print, Language language) {
  const fs::path base = fs::path(results_path).replace_extension("");
  const std::string csv = base.string() + ".scorecard.csv";
  const std::string markdown = base.string() + ".scorecard.md";
  write_text_atomically(csv, scorecard_csv(card, language));
  write_text_atomically(markdown, scorecard_markdown(card, language));
  if (print) std::cout << scorecard_terminal(card, language);
  std::cout << (language == Language::Chinese ? "规划指标评估：" : "Scorecard: ") << csv
            << (language == Language::Chinese ? " 和 " : " and ") << markdown << "\n";
}

int scorecard_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::string>(), "Results file written by 'pneumoplan run' (HDF5).")
      ("years", po::value<std::string>()->default_value("2023,2025"),
       "Evaluation years, comma-separated (default: the plans' mid-term and final years).")
      ("quiet,q", "Write the files without printing the table.");
  add_language_option(options);
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan scorecard FILE.h5 [--years 2023,2025]",
                     "Scores every indicator of the city's plan (targets.csv of its scenario, stored in the results "
                     "file) for the city and each county: mean and 90 % interval over replicates, target, and met / "
                     "not met / uncertain, with the plan's row numbers. Writes FILE.scorecard.csv (UTF-8 with byte-order "
                     "mark: opens in Excel) and FILE.scorecard.md next to FILE.h5, in the language of --lang.")) {
    return 0;
  }
  if (!values.count("results")) throw UsageError("expected a results file, e.g. 'pneumoplan scorecard output/xuzhou/xuzhou.h5'");
  const Language language = language_option(values);
  const std::vector<int> years = parse_years(values["years"].as<std::string>());
  const std::string path = values["results"].as<std::string>();
  const ResultsFile results = open_results_file(path);
  if (results.targets.empty()) {
    std::cout << path << ": the scenario has no targets.csv; nothing to score\n";
    return 0;
  }
  const Scorecard card = build_scorecard(results, years);
  if (card.years.empty()) throw UsageError("--years: none of the years lies in the simulated period");
  write_scorecard_files(path, card, !values.count("quiet"), language);
  return 0;
}

}  // namespace pneumo::cli
