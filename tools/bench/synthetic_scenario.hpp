// A synthetic city for benchmarks: `workers` dust workers spread over counties, townships and enterprises
// of several industries, with the default parameters and the shipped WPP life table. Built in memory so
// the benchmark measures the simulation, not file reading.
#pragma once

#include <cstdint>

#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo::bench {

Scenario make_synthetic_scenario(std::int64_t workers, int counties, int enterprises_per_county, int first_year,
                                 int years);

}  // namespace pneumo::bench
