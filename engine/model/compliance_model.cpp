#include "pneumoplan/model/compliance_model.hpp"

#include <algorithm>
#include <cmath>

namespace pneumo {

double ComplianceModel::baseline_share(ComplianceState state, SizeClass size, int year) const {
  const auto& c = scenario_.parameters.compliance;
  const double s = c.share[static_cast<std::size_t>(state)][static_cast<std::size_t>(size)];
  const double before = c.historical_factor * s;
  if (year <= c.rise_start_year) return before;
  if (year <= c.rise_end_year) {
    if (c.rise_end_year == c.rise_start_year) return s;
    const double w = static_cast<double>(year - c.rise_start_year) / static_cast<double>(c.rise_end_year - c.rise_start_year);
    return before + w * (s - before);
  }
  return 1.0 - (1.0 - s) * std::pow(1.0 - c.annual_gain, static_cast<double>(year - c.rise_end_year));
}

EnforcementTally ComplianceModel::update(const RandomStream& rng, EnterpriseTable& e, int year,
                                         const std::vector<std::uint8_t>& coordinator,
                                         const InterventionEffects& effects) const {
  const auto& p = scenario_.parameters;
  const std::size_t n = e.count();
  EnforcementTally tally(scenario_.geography.counties.size());

  // This year's states.
  std::array<std::array<double, kSizeClassCount>, kComplianceStateCount> share{};
  for (std::size_t k = 0; k < kComplianceStateCount; ++k) {
    for (std::size_t z = 0; z < kSizeClassCount; ++z) {
      share[k][z] = baseline_share(static_cast<ComplianceState>(k), static_cast<SizeClass>(z), year);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto size = e.size_class[i];
    const bool small = size == SizeClass::Small || size == SizeClass::Micro;
    e.helped[i] = small && e.help_propensity[i] < effects.help_coverage(i, p.sme_help.coverage);
    const bool compelled = e.compelled_until[i] >= year;
    std::uint8_t bits = 0;
    for (std::size_t k = 0; k < kComplianceStateCount; ++k) {
      double s = share[k][static_cast<std::size_t>(size)];
      if (e.helped[i]) s += (1.0 - s) * p.sme_help.effect;
      s += (1.0 - s) * effects.compliance_gap_closed(i, static_cast<ComplianceState>(k));
      if (compelled || e.compliance_propensity[k][i] < s) bits |= static_cast<std::uint8_t>(1u << k);
    }
    e.compliance[i] = bits;
  }

  // Inspections of open enterprises; violations of the states an inspector checks, or a mean concentration
  // over the limit.
  std::vector<std::uint8_t> found(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    if (e.target_workers[i] == 0) continue;
    const auto u = rng.uniforms(i, year, Purpose::Inspection);
    const double rate = (p.enforcement.inspection_rate + effects.inspection_rate_added(i)) *
                        (coordinator[e.township[i]] ? p.enforcement.coordinator_inspection_factor : 1.0);
    if (u[0] >= std::min(1.0, rate)) continue;
    tally.inspected[e.county[i]] += 1;
    const bool violation = !e.complies(i, ComplianceState::HazardDeclared) ||
                           !e.complies(i, ComplianceState::WorkplaceMonitored) ||
                           !e.complies(i, ComplianceState::ExamsProvided) ||
                           !e.complies(i, ComplianceState::InjuryInsurance) ||
                           (e.radiation_share[i] > 0.0f && !e.complies(i, ComplianceState::RadiationDoseMonitoring)) ||
                           e.dust_mg_m3[i] > e.exposure_limit_mg_m3[i];
    if (violation && u[1] < p.enforcement.detection) {
      found[i] = 1;
      tally.violations_found[e.county[i]] += 1;
    }
  }
  // Each county handles its cases up to its capacity; with more cases than capacity, each case is handled
  // with probability capacity ÷ cases.
  for (std::size_t i = 0; i < n; ++i) {
    if (!found[i]) continue;
    const auto county = e.county[i];
    const double cases = static_cast<double>(tally.violations_found[county]);
    const double capacity = p.enforcement.cases_per_county + effects.cases_added(county);
    const double handled_share = std::min(1.0, capacity / cases);
    if (rng.uniforms(i, year, Purpose::Inspection)[2] < handled_share) {
      tally.cases_handled[county] += 1;
      e.compelled_until[i] = static_cast<std::int16_t>(
          year + static_cast<int>(std::lround(p.enforcement.compliance_years_after_case)));
    }
  }
  return tally;
}

}  // namespace pneumo
