// libFuzzer harness: the fuzzed bytes are scenario.ini of the test scenario, read by the real loader
// (text decoding, the INI reader, the parameter table, interventions and packages, cross-checks).
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenario_load_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchScenario scenario;
  scenario.replace("scenario.ini", std::string(reinterpret_cast<const char*>(data), size));
  pneumo::fuzz::load_and_check(scenario);
  scenario.restore("scenario.ini");
  return 0;
}
