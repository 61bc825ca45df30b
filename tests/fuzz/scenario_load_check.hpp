// What the scenario harnesses check after feeding the loader a fuzzed file: it either loads, or refuses
// with InputError naming a file of the scenario (or --set) and a line that file really has. Any other
// exception, a crash or a sanitizer report is a bug.
#pragma once

#include "fuzz_scratch_scenario.hpp"

namespace pneumo::fuzz {

void load_and_check(const ScratchScenario& scenario);

}  // namespace pneumo::fuzz
