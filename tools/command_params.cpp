// pneumoplan params: the parameter table as text or as the Markdown of docs/scenario-format.md.
#include <iostream>
#include <variant>

#include "command_line.hpp"
#include "pneumoplan/scenario_parameters.hpp"

namespace pneumo::cli {
namespace {

std::string type_of(const ParameterSpec<ScenarioParameters>& spec) {
  if (std::holds_alternative<ParameterSpec<ScenarioParameters>::RealField>(spec.field)) return "number";
  if (std::holds_alternative<ParameterSpec<ScenarioParameters>::IntegerField>(spec.field)) return "whole number";
  return "choice";
}

std::string range_of(const ParameterSpec<ScenarioParameters>& spec) {
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

}  // namespace

int params_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()("markdown", "Print the Markdown table used in docs/scenario-format.md.");
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan params [--markdown]",
                     "Lists every scenario.ini parameter with its default, unit, allowed values and source.")) {
    return 0;
  }
  const auto& specs = scenario_parameter_table().specs();
  if (values.count("markdown")) {
    std::string section;
    for (const auto& spec : specs) {
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
    return 0;
  }
  for (const auto& spec : specs) {
    std::cout << spec.key << " = " << spec.default_value << (spec.unit.empty() ? "" : "  [" + spec.unit + "]") << "\n"
              << "    " << spec.meaning << "\n    allowed: " << range_of(spec) << "\n    source: " << spec.source
              << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
