// libFuzzer harness: the first byte chooses one CSV table of the test scenario, the rest of the bytes
// replace it, and the real loader reads the scenario (text decoding, the CSV reader, every table's
// validation and its cross-references).
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "scenario_load_check.hpp"

namespace {

// distances.csv is not in the test scenario: fuzzing it adds the file.
constexpr std::array<const char*, 9> kTables = {"counties.csv",     "townships.csv", "strata.csv",
                                                "life_table.csv",   "trends.csv",    "institutions.csv",
                                                "targets.csv",      "stations.csv",  "distances.csv"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchScenario scenario;
  if (size == 0) return 0;
  const std::string table = kTables[data[0] % kTables.size()];
  scenario.replace(table, std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  pneumo::fuzz::load_and_check(scenario);
  scenario.restore(table);
  return 0;
}
