// Enterprise compliance and enforcement. Each year every enterprise is compliant in a state (hazard
// declared, workplace monitored, exams provided, workers insured, radiation doses monitored, hearing-
// protection programme) when its fixed propensity for that state is below the share the year calls for:
//
//   share(state, size, year) = historical_factor · s                 before rise_start_year
//                            = linear from that to s                  until rise_end_year
//                            = 1 − (1 − s)(1 − annual_gain)^(year − rise_end_year) afterwards
//
// with s the configured share for the size class. Help for small and micro enterprises closes part of the
// gap, and an enterprise whose violation case was handled stays compliant for some years. Inspections find
// violations of non-compliant enterprises; counties handle cases up to their capacity a year, oldest first:
// the cases carried from earlier years, then the year's new ones (in an order drawn per enterprise). The rest
// wait for the next year (the backlog). An enterprise with a case waiting opens no new one when found again.
#pragma once

#include <string>

#include "pneumoplan/core/state_archive.hpp"

#include <cstdint>
#include <deque>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/intervention_effects.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

struct EnforcementTally {
  // per county: enterprises inspected, new cases found, cases handled (carried or new), cases carried into
  // the year and cases still waiting at its end
  std::vector<std::int64_t> inspected, violations_found, cases_handled, backlog_start, backlog_end;
  explicit EnforcementTally(std::size_t counties)
      : inspected(counties, 0), violations_found(counties, 0), cases_handled(counties, 0), backlog_start(counties, 0),
        backlog_end(counties, 0) {}
};

class ComplianceModel {
 public:
  explicit ComplianceModel(const Scenario& scenario);

  double baseline_share(ComplianceState state, SizeClass size, int year) const;

  // Sets this year's compliance and help flags of every enterprise, then inspects, finds violations and
  // handles cases (which keep enterprises compliant in the coming years). `coordinator` flags townships with
  // a supervision coordinator this year. Interventions close compliance gaps, widen help, add inspections
  // and case-handling capacity (`effects`, prepared for `year`).
  EnforcementTally update(const RandomStream& rng, EnterpriseTable& enterprises, int year,
                          const std::vector<std::uint8_t>& coordinator, const InterventionEffects& effects);

 // The state carried to the next year (state_archive.hpp), under `prefix`.
  void save(StateArchive& archive, const std::string& prefix) const;
  void restore(const StateArchive& archive, const std::string& prefix);

 private:
  const Scenario& scenario_;
  std::vector<std::deque<std::uint32_t>> backlog_;  // per county: enterprises whose case waits, oldest first
  std::vector<std::uint8_t> waiting_;               // per enterprise: a case of it waits
};

}  // namespace pneumo
