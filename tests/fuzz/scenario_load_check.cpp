#include "scenario_load_check.hpp"

#include <algorithm>
#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace pneumo::fuzz {

void load_and_check(const ScratchScenario& scenario) {
  try {
    load_scenario(scenario.directory());
  } catch (const InputError& error) {
    const std::string& file = error.file();
    const std::string prefix = scenario.directory() + "/";
    if (file.rfind(prefix, 0) != 0 && file != scenario.directory()) {
      report_bug("InputError names '" + file + "', not a file of the scenario: " + error.what());
    }
    if (error.line() < 0) report_bug(std::string("InputError with a negative line: ") + error.what());
    // Line 1 of an empty file is where its header belongs; any other line must exist.
    if (error.line() > 0 && std::filesystem::is_regular_file(file) &&
        error.line() > std::max(1L, count_lines(file))) {
      report_bug("InputError names line " + std::to_string(error.line()) + " of a file of " +
                 std::to_string(count_lines(file)) + " lines: " + error.what());
    }
  }
}

}  // namespace pneumo::fuzz
