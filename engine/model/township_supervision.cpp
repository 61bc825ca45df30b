#include "pneumoplan/model/township_supervision.hpp"

#include "pneumoplan/core/error.hpp"

#include <algorithm>

namespace pneumo {

TownshipSupervision::TownshipSupervision(const Scenario& scenario, const RandomStream& rng)
    : scenario_(scenario),
      rng_(rng),
      propensity_(scenario.geography.townships.size()),
      has_coordinator_(scenario.geography.townships.size(), 0),
      recruited_(scenario.geography.counties.size(), 0),
      lost_(scenario.geography.counties.size(), 0) {
  for (std::size_t t = 0; t < propensity_.size(); ++t) {
    propensity_[t] = static_cast<float>(rng.uniform(t, kAnyYear, Purpose::CoordinatorPropensity));
  }
}

void TownshipSupervision::update(int year, const InterventionEffects& effects) {
  const auto& s = scenario_.parameters.supervision;
  const auto& townships = scenario_.geography.townships;
  std::fill(recruited_.begin(), recruited_.end(), 0);
  std::fill(lost_.begin(), lost_.end(), 0);
  if (!started_ || year <= scenario_.parameters.simulation.base_year) {
    // The base-year share, the same townships in every scenario.
    for (std::size_t t = 0; t < townships.size(); ++t) has_coordinator_[t] = propensity_[t] < s.coordinator_share;
    started_ = true;
    return;
  }
  for (std::size_t t = 0; t < townships.size(); ++t) {
    const std::size_t county = townships[t].county;
    const double support = effects.coordinator_support(county);
    const double turnover = s.coordinator_turnover_per_year * (1.0 - support);
    const double recruitment = s.coordinator_recruitment_per_year + (1.0 - s.coordinator_recruitment_per_year) * support;
    const auto u = rng_.uniforms(t, year, Purpose::CoordinatorTurnover);
    if (has_coordinator_[t] && u[0] < turnover) {
      has_coordinator_[t] = 0;
      lost_[county] += 1;
    }
    if (!has_coordinator_[t] && u[1] < recruitment) {
      has_coordinator_[t] = 1;
      recruited_[county] += 1;
    }
  }
}

std::vector<std::int64_t> TownshipSupervision::in_post_by_county() const {
  std::vector<std::int64_t> out(scenario_.geography.counties.size(), 0);
  for (std::size_t t = 0; t < has_coordinator_.size(); ++t) out[scenario_.geography.townships[t].county] += has_coordinator_[t];
  return out;
}

}  // namespace pneumo

namespace pneumo {

void TownshipSupervision::save(StateArchive& archive, const std::string& prefix) const {
  archive.put(prefix + "has_coordinator", has_coordinator_);
  archive.put(prefix + "recruited", recruited_);
  archive.put(prefix + "lost", lost_);
  archive.put_value(prefix + "started", static_cast<std::uint8_t>(started_));
}

void TownshipSupervision::restore(const StateArchive& archive, const std::string& prefix) {
  archive.get(prefix + "has_coordinator", has_coordinator_);
  archive.get(prefix + "recruited", recruited_);
  archive.get(prefix + "lost", lost_);
  started_ = archive.get_value<std::uint8_t>(prefix + "started") != 0;
}

}  // namespace pneumo
