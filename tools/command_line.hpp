// Shared pieces of the subcommands: option parsing with a uniform --help and usage errors.
#pragma once

#include <boost/program_options.hpp>
#include <string>
#include <vector>

namespace pneumo::cli {

namespace po = boost::program_options;

// Parses `args` (after the subcommand name). Returns false when --help was printed.
bool parse_options(const std::vector<std::string>& args, const po::options_description& options,
                   const po::positional_options_description& positional, po::variables_map& values,
                   const std::string& usage, const std::string& summary);

int run_command(const std::vector<std::string>& args);
int params_command(const std::vector<std::string>& args);
int cohort_command(const std::vector<std::string>& args);

}  // namespace pneumo::cli
