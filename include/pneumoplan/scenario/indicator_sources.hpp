// Which indicator values a run computes from its inputs alone. The institution indicators count the
// institutions of institutions.csv — data the scenario states, not something the model simulates — unless
// the active package holds an intervention that creates or certifies institutions of that kind through the
// model (exam_capacity for the counties' public exam institutions, diagnosis_capacity for the city's
// diagnosis institutions; docs/interventions.md). The scorecard shows rows computed from inputs alone as
// "input" rather than met or not met (docs/indicators.md).
#pragma once

#include <cstddef>

#include "pneumoplan/scenario/indicator.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// Whether indicator `id` in region `region` (counties, then the city) comes from the scenario's inputs only,
// under the scenario's active package.
bool indicator_from_inputs(const Scenario& scenario, IndicatorId id, std::size_t region);

}  // namespace pneumo
