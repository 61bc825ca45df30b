// Computes every plan indicator for one year, per county and for the city, from the simulated world.
// Shares are Σ numerator ÷ Σ denominator (the city's share is not the mean of the counties'); a share whose
// denominator is zero, and institution indicators of a scenario without institutions.csv, are NaN
// ("not applicable / unknown"). Definitions: docs/indicators.md.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "pneumoplan/model/compliance_model.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/institution_investments.hpp"
#include "pneumoplan/model/rehab_stations.hpp"
#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/scenario/indicator.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct IndicatorInputs {
  const Scenario& scenario;
  const EnterpriseTable& enterprises;
  const YearTally& tally;
  const EnforcementTally& enforcement;
  const std::vector<std::uint8_t>& township_coordinator;
  const RehabStations& stations;
  const std::vector<std::int64_t>& rehab_patients_by_township;  // the patients the station rule counts
  const std::vector<std::uint8_t>& rehab_covered;  // per township: served by a functioning station in reach
  const InstitutionInvestments& investments;       // institutions the plan's investments created
};

struct IndicatorYear {
  // values[indicator][region], regions = counties then the city
  std::array<std::vector<double>, kIndicatorCount> values;
  std::vector<std::int64_t> stations_open, concentrated_townships;  // per region, for outputs
  std::vector<std::int64_t> insured_dust_workers;                   // per region, for outputs
};

IndicatorYear compute_indicators(const IndicatorInputs& in, int year);

// Expected share of a monitored enterprise's posts within the limit: measured posts are lognormal around
// the enterprise mean with geometric SD `post_gsd`.
double post_pass_share(double mean_mg_m3, double limit_mg_m3, double post_gsd);

}  // namespace pneumo
