// pneumoplan scorecard FILE.h5: the plan indicators of a results file against the city's targets, printed
// and written as CSV and Markdown next to the results file.
#include <filesystem>
#include <iostream>
#include <sstream>

#include "command_line.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/policy/scorecard.hpp"

namespace fs = std::filesystem;

namespace pneumo::cli {

std::vector<int> parse_years(const std::string& text) {
  std::vector<int> years;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const auto year = parse_int64(item);
    if (!year || *year < 1800 || *year > 2300) throw UsageError("--years: expected years such as 2023,2025, found " + quote_value(text));
    years.push_back(static_cast<int>(*year));
  }
  if (years.empty()) throw UsageError("--years: expected at least one year");
  return years;
}

std::pair<int, int> parse_year_span(const std::string& text, const std::string& option) {
  const auto dash = text.find('-');
  const auto first = dash == std::string::npos ? std::nullopt : parse_int64(text.substr(0, dash));
  const auto last = dash == std::string::npos ? std::nullopt : parse_int64(text.substr(dash + 1));
  if (!first || !last || *first > *last || *first < 1800 || *last > 2300) {
    throw UsageError(option + ": expected FIRST-LAST years such as 2021-2025, found " + quote_value(text));
  }
  return {static_cast<int>(*first), static_cast<int>(*last)};
}

std::string scorecard_path(const std::string& results_path, const std::string& suffix) {
  return fs::path(results_path).replace_extension("").string() + suffix;
}

std::string parent_folder(const std::string& path) {
  const std::string parent = fs::path(path).parent_path().string();
  return parent.empty() ? "." : parent;
}

std::string common_folder(const std::vector<std::string>& paths) {
  fs::path common;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const fs::path folder = fs::absolute(parent_folder(paths[i])).lexically_normal();
    if (i == 0) {
      common = folder;
      continue;
    }
    fs::path shared;
    for (auto a = common.begin(), b = folder.begin(); a != common.end() && b != folder.end() && *a == *b; ++a, ++b) {
      shared /= *a;
    }
    common = shared;
  }
  if (common.empty()) return ".";
  const fs::path here = fs::current_path().lexically_normal();
  const fs::path inside = common.lexically_relative(here);
  if (!inside.empty() && inside.begin()->string() != "..") return inside.string();
  return common.string();
}

int scorecard_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::string>(), "Results file written by 'pneumoplan run' (HDF5).")
      ("years", po::value<std::string>()->default_value("2023,2025"),
       "Evaluation years, comma-separated (default: the plans' mid-term and final years).")
      ("quiet,q", "Print only the path of the CSV file (the Markdown file is beside it).");
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
  const std::string csv = scorecard_path(path, ".scorecard.csv"), markdown = scorecard_path(path, ".scorecard.md");
  {
    CommandPaths paths;
    paths.input(path, "the results file");
    paths.output(csv, "scorecard");
    paths.output(markdown, "scorecard");
    paths.check();
  }
  const ResultsFile results = open_results_file(path);
  if (results.targets.empty()) {
    std::cerr << path << ": the scenario has no targets.csv; nothing to score\n";
    return 0;
  }
  const Scorecard card = build_scorecard(results, years);
  if (card.years.empty()) throw UsageError("--years: none of the years lies in the simulated period");
  // The two tables are one set: both new or both as they were.
  OutputSet set(parent_folder(csv));
  try {
    write_text_atomically(set.stage(csv), scorecard_csv(card, language));
    write_text_atomically(set.stage(markdown), scorecard_markdown(card, language));
    set.commit();
  } catch (const IoError& error) {
    throw IoError(set.final_names(error.what()));
  }
  if (values.count("quiet")) {
    std::cout << csv << "\n";  // one line: the scorecard's CSV (its Markdown twin sits beside it)
    return 0;
  }
  std::cout << scorecard_terminal(card, language);
  std::cout << (language == Language::Chinese ? "规划指标评估：" : "Scorecard: ") << csv
            << (language == Language::Chinese ? " 和 " : " and ") << markdown << "\n";
  return 0;
}

}  // namespace pneumo::cli
