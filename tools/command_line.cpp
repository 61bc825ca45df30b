#include "command_line.hpp"

#include <iostream>

#include "sweep_mpi.hpp"
#include "pneumoplan/core/available_cpus.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"

namespace pneumo::cli {

bool parse_options(const std::vector<std::string>& args, const po::options_description& options,
                   const po::positional_options_description& positional, po::variables_map& values,
                   const std::string& usage, const std::string& summary) {
  po::options_description all(options);
  all.add_options()("help,h", "Show this help and exit.");
  // --help is checked before notify(), so a missing required argument cannot hide it.
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << "Usage: " << usage << "\n\n" << summary << "\n\n" << all << "\n";
    return false;
  }
  po::notify(values);
  return true;
}

int thread_count(const po::variables_map& values) {
  if (!values.count("threads")) return default_thread_count(mpi_ranks_on_node()).threads;
  const int threads = values["threads"].as<int>();
  if (threads < 1 || threads > 4096) throw UsageError("--threads: expected a whole number in [1, 4096]");
  return threads;
}

void add_language_option(po::options_description& options) {
  options.add_options()("lang", po::value<std::string>()->default_value("en"),
                        "Language of what is printed and written (labels, units, verdicts, package names): en or zh.");
}

Language language_option(const po::variables_map& values) {
  const std::string code = values["lang"].as<std::string>();
  const auto language = parse_language(code);
  if (!language) throw UsageError("--lang: expected en or zh, found " + quote_value(code));
  return *language;
}

}  // namespace pneumo::cli
