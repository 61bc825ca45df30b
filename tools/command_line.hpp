// Shared pieces of the subcommands: option parsing with a uniform --help and usage errors.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/policy/scorecard.hpp"

namespace pneumo::cli {

namespace po = boost::program_options;

// Parses `args` (after the subcommand name). Returns false when --help was printed.
bool parse_options(const std::vector<std::string>& args, const po::options_description& options,
                   const po::positional_options_description& positional, po::variables_map& values,
                   const std::string& usage, const std::string& summary);

int run_command(const std::vector<std::string>& args);
int params_command(const std::vector<std::string>& args);
int cohort_command(const std::vector<std::string>& args);
int survival_command(const std::vector<std::string>& args);
int scorecard_command(const std::vector<std::string>& args);
int stations_command(const std::vector<std::string>& args);
int locate_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int target_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args);
int merge_command(const std::vector<std::string>& args);
int sensitivity_command(const std::vector<std::string>& args);
int calibrate_command(const std::vector<std::string>& args);
int plot_command(const std::vector<std::string>& args);
int report_command(const std::vector<std::string>& args);

// Shared by run and scorecard.
std::vector<int> parse_years(const std::string& text);
// --threads if given (checked: 1 to 4096), else every core.
int thread_count(const po::variables_map& values);
// "2021-2035" -> {2021, 2035}; throws UsageError naming `option` unless FIRST <= LAST.
std::pair<int, int> parse_year_span(const std::string& text, const std::string& option);
void write_scorecard_files(const std::string& results_path, const pneumo::Scorecard& card, bool print,
                           Language language);

// --lang en|zh, the language of what a command prints and writes (every command with text takes it).
void add_language_option(po::options_description& options);
Language language_option(const po::variables_map& values);  // throws UsageError for anything but en or zh

}  // namespace pneumo::cli
