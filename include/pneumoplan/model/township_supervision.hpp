// Township occupational-health supervision coordinators (职业卫生监督协管). Up to the base year a township has
// one when its fixed propensity is below supervision.coordinator_share. After the base year coordinators
// come and go: each year a coordinator leaves with probability coordinator_turnover_per_year, and a township
// without one (including one that just lost theirs) recruits one with probability
// coordinator_recruitment_per_year. A coordinator programme (township_coordinators) closes a share x of the
// recruitment gap and prevents the same share of turnover in its counties:
//   recruitment r → r + (1 − r)·x,   turnover q → q·(1 − x)
// so it moves recruitment and retention, never the coverage itself. Draws are keyed by (township, year), the
// same in every package. Coordinators raise the inspection rate of their township's enterprises
// (enforcement.coordinator_inspection_factor).
#pragma once

#include <string>

#include "pneumoplan/core/state_archive.hpp"

#include <cstdint>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/intervention_effects.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class TownshipSupervision {
 public:
  TownshipSupervision(const Scenario& scenario, const RandomStream& rng);

  // Sets has_coordinator() for `year` (called once a year, in order) and counts the year's recruitments and
  // losses by county. `effects` (prepared for `year`) hold the programmes' support.
  void update(int year, const InterventionEffects& effects);
  const std::vector<std::uint8_t>& has_coordinator() const { return has_coordinator_; }
  const std::vector<std::int64_t>& recruited() const { return recruited_; }  // per county, this year
  const std::vector<std::int64_t>& lost() const { return lost_; }            // per county, this year
  std::vector<std::int64_t> in_post_by_county() const;

 // The state carried to the next year (state_archive.hpp), under `prefix`.
  void save(StateArchive& archive, const std::string& prefix) const;
  void restore(const StateArchive& archive, const std::string& prefix);

 private:
  const Scenario& scenario_;
  const RandomStream& rng_;
  std::vector<float> propensity_;
  std::vector<std::uint8_t> has_coordinator_;
  std::vector<std::int64_t> recruited_, lost_;
  bool started_ = false;
};

}  // namespace pneumo
