// pneumoplan params: the parameter table as text or as the Markdown of docs/scenario-format.md.
#include <iostream>
#include <variant>

#include "command_line.hpp"
#include "pneumoplan/research/cohort.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo::cli {
namespace {

template <typename Target>
std::string type_of(const ParameterSpec<Target>& spec) {
  if (std::holds_alternative<typename ParameterSpec<Target>::RealField>(spec.field)) return "number";
  if (std::holds_alternative<typename ParameterSpec<Target>::IntegerField>(spec.field)) return "whole number";
  return spec.choices.empty() ? "text" : "choice";
}

template <typename Target>
std::string range_of(const ParameterSpec<Target>& spec) {
  if (type_of(spec) == "text") return "any text";
  if (!spec.choices.empty()) {
    std::string out;
    for (std::size_t i = 0; i < spec.choices.size(); ++i) out += (i ? ", " : "") + spec.choices[i];
    return out;
  }
  return describe_range(spec.min, spec.max, "", type_of(spec) == "whole number");
}

std::string escape_markdown(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') out += "\\|";
    else out += c;
  }
  return out;
}

template <typename Target>
void print_markdown(const ParameterTable<Target>& table) {
  std::string section;
  for (const auto& spec : table.specs()) {
    const std::string this_section = spec.key.substr(0, spec.key.find('.'));
    if (this_section != section) {
      section = this_section;
      std::cout << "\n### [" << section << "]\n\n"
                << "| key | default | unit | allowed | meaning | source |\n|---|---|---|---|---|---|\n";
    }
    std::cout << "| `" << spec.key.substr(spec.key.find('.') + 1) << "` | " << spec.default_value << " | "
              << escape_markdown(spec.unit) << " | " << escape_markdown(range_of(spec)) << " | "
              << escape_markdown(spec.meaning) << " | " << escape_markdown(spec.source) << " |\n";
  }
}

template <typename Target>
void print_text(const ParameterTable<Target>& table) {
  for (const auto& spec : table.specs()) {
    std::cout << spec.key << " = " << spec.default_value << (spec.unit.empty() ? "" : "  [" + spec.unit + "]") << "\n"
              << "    " << spec.meaning << "\n    allowed: " << range_of(spec) << "\n    source: " << spec.source
              << "\n";
  }
}

}  // namespace

int params_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("markdown", "Print Markdown tables (those of docs/scenario-format.md, or docs/cohort-format.md with --cohort).")
      ("cohort", "List the keys of cohort files instead of scenario.ini.");
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan params [--cohort] [--markdown]",
                     "Lists every scenario.ini parameter (or, with --cohort, every cohort-file key) with its default, "
                     "unit, allowed values and source.")) {
    return 0;
  }
  const bool markdown = values.count("markdown") > 0;
  if (values.count("cohort")) {
    markdown ? print_markdown(cohort_parameter_table()) : print_text(cohort_parameter_table());
  } else {
    markdown ? print_markdown(scenario_parameter_table()) : print_text(scenario_parameter_table());
  }
  return 0;
}

}  // namespace pneumo::cli
