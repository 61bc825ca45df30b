#include "pneumoplan/model/township_supervision.hpp"

#include <cmath>

namespace pneumo {

TownshipSupervision::TownshipSupervision(const Scenario& scenario, const RandomStream& rng)
    : scenario_(scenario),
      propensity_(scenario.geography.townships.size()),
      has_coordinator_(scenario.geography.townships.size(), 0) {
  for (std::size_t t = 0; t < propensity_.size(); ++t) {
    propensity_[t] = static_cast<float>(rng.uniform(t, kAnyYear, Purpose::CoordinatorPropensity));
  }
}

double TownshipSupervision::coverage(int year) const {
  const auto& s = scenario_.parameters.supervision;
  const auto base = scenario_.parameters.simulation.base_year;
  if (year <= base) return s.coordinator_share;
  return 1.0 - (1.0 - s.coordinator_share) * std::pow(1.0 - s.coordinator_annual_gain, static_cast<double>(year - base));
}

void TownshipSupervision::update(int year, const InterventionEffects& effects) {
  const double share = effects.coordinator_coverage(coverage(year));
  for (std::size_t t = 0; t < propensity_.size(); ++t) has_coordinator_[t] = propensity_[t] < share;
}

}  // namespace pneumo
