// Shared pieces of the subcommands: option parsing with a uniform --help and usage errors.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/policy/scorecard.hpp"

namespace pneumo {
struct SweepData;
}

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
// --threads if given (checked: 1 to 4096), else the CPUs this process may use (default_thread_count), shared
// among the MPI ranks of this node when started by mpirun.
int thread_count(const po::variables_map& values);
// "2021-2035" -> {2021, 2035}; throws UsageError naming `option` unless FIRST <= LAST.
std::pair<int, int> parse_year_span(const std::string& text, const std::string& option);
// "out/r.h5" -> "out/r" + suffix: where the scorecard tables of a results file go.
std::string scorecard_path(const std::string& results_path, const std::string& suffix);
// The folder holding `path` ("." for a bare file name).
std::string parent_folder(const std::string& path);
// The deepest folder holding every one of `paths` (the folder of an output set whose members lie in several
// folders): relative to the current folder when inside it, else absolute.
std::string common_folder(const std::vector<std::string>& paths);
// Sensitivity and calibration read whole sweeps: a shard, or a file with points no shard computed, is refused
// (InputError naming the file) instead of being analysed as if its missing points did not exist.
void require_complete(const SweepData& sweep, const std::string& path);

// --lang en|zh, the language of what a command prints and writes (every command with text takes it).
void add_language_option(po::options_description& options);
Language language_option(const po::variables_map& values);  // throws UsageError for anything but en or zh

}  // namespace pneumo::cli
