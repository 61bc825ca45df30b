// Enterprises: built once per replicate from the strata, then given each year's conditions — the annual
// mean concentration (level × industry trend × year-to-year variation), respirator use and the number of
// jobs (base workforce × industry workforce index).
#pragma once

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/intervention_effects.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// Enterprise ids follow the strata in file order, so they are the same in every replicate and scenario
// that shares the strata table.
EnterpriseTable build_enterprises(const Scenario& scenario, const RandomStream& rng);

// This year's conditions, with the active interventions' effects on concentrations, respirator wearing and
// training.
void update_enterprises_for_year(const Scenario& scenario, const RandomStream& rng, EnterpriseTable& enterprises,
                                 int year, const InterventionEffects& effects);

// Jobs at `enterprise` in `year` (none once it is closed).
std::uint32_t enterprise_jobs(const Scenario& scenario, const EnterpriseTable& enterprises, std::size_t enterprise,
                              int year);

}  // namespace pneumo
