// Township occupational-health supervision coordinators (职业卫生监督协管). A township has one when its
// fixed propensity is below the year's coverage: the base-year share, flat before the base year, then
// gaining a share of the remaining townships every year. Coordinators raise the inspection rate of their
// township's enterprises (enforcement.coordinator_inspection_factor).
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/intervention_effects.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class TownshipSupervision {
 public:
  TownshipSupervision(const Scenario& scenario, const RandomStream& rng);

  double coverage(int year) const;  // without interventions
  // Sets has_coordinator() for the year; a coordinator programme can raise the coverage (`effects`).
  void update(int year, const InterventionEffects& effects);
  const std::vector<std::uint8_t>& has_coordinator() const { return has_coordinator_; }

 private:
  const Scenario& scenario_;
  std::vector<float> propensity_;
  std::vector<std::uint8_t> has_coordinator_;
};

}  // namespace pneumo
