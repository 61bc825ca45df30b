// Residents of the city who did dust work elsewhere and come home ([return_migration], docs/model.md "Return
// migration"): Heyuan's quarry and construction workers back from the Pearl River Delta, Yuncheng's miners back
// from other provinces. From start_year on, each year brings returners_per_year × (1 + trend)^(years since
// start_year) of them. Each returner's dose elsewhere (years × concentration) is set against a tolerance from
// the same exposure-response profile as local workers; those whose dose reached it are added to the returner table with their disease
// brought up to their return (onset after a latency, progression, some already diagnosed elsewhere), the others
// can never fall ill and are not kept. From then on the annual pass follows them like the city's former
// workers (AnnualPass::run_returners), with no employer in the city.
//
// Draws use their own purpose (Purpose::ReturnMigration) and returner identities that no worker can have (bit 63
// set), so a scenario without returners draws exactly the numbers it drew before the mechanism existed.
#pragma once

#include <cstdint>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/home_sampler.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// Identity of the `slot`-th returner of `year`: bit 63 marks a returner (worker identities use bits 0–62).
inline std::uint64_t make_returner_id(int year, std::uint32_t slot) {
  return (std::uint64_t{1} << 63) | (static_cast<std::uint64_t>(static_cast<std::uint32_t>(year - 1800) & 0x3FFu) << 30) |
         (slot & 0x3FFFFFFFu);
}
inline bool is_returner(std::uint64_t id) { return (id >> 63) != 0; }

class ReturnMigration {
 public:
  ReturnMigration(const Scenario& scenario, const RandomStream& rng, const DiseaseCourse& course);

  bool active() const { return parameters_.returners_per_year > 0.0; }

  // How many residents come home in `year` (the expected number, its fraction drawn).
  std::uint32_t arrivals(int year) const;

  // Adds this year's returners who have or will have pneumoconiosis to `returners`; returns how many came home.
  std::uint32_t arrive(WorkerTable& returners, int year) const;

 private:
  const Scenario& scenario_;
  const ReturnMigrationParameters& parameters_;
  const RandomStream& rng_;
  const DiseaseCourse& course_;
  HomeSampler homes_;
};

}  // namespace pneumo
