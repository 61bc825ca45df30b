#include "pneumoplan/model/surveillance.hpp"

#include <cmath>

namespace pneumo {

bool Surveillance::exam_due(const RandomStream& rng, std::uint64_t person, int year, int interval) {
  if (interval <= 1) return true;
  const auto phase = rng.bits(person, kAnyYear, Purpose::ExamPhase)[0] % static_cast<std::uint64_t>(interval);
  return (static_cast<std::uint64_t>(year) + phase) % static_cast<std::uint64_t>(interval) == 0;
}

ExamRoute Surveillance::route(bool employed, bool last_year_of_work, int years_since_exit) const {
  if (employed) return last_year_of_work ? ExamRoute::Leaving : ExamRoute::InWork;
  if (years_since_exit <= std::lround(parameters_.followup_years_after_exit)) return ExamRoute::FollowUp;
  return ExamRoute::None;
}

SurveillanceOutcome Surveillance::patient_year(const RandomStream& rng, std::uint64_t person, int year, int stage,
                                               const ExamAccess& access) const {
  SurveillanceOutcome out;
  double attend = 0.0;
  switch (access.route) {
    case ExamRoute::InWork:
      if (access.enterprise_provides && exam_due(rng, person, year, access.interval_years)) attend = parameters_.attendance;
      break;
    case ExamRoute::Leaving:
      if (access.enterprise_provides) attend = parameters_.attendance;
      break;
    case ExamRoute::FollowUp:
      if (exam_due(rng, person, year, static_cast<int>(std::lround(parameters_.exam_interval_low_hazard_years)))) {
        attend = access.followup_coverage;
      }
      break;
    case ExamRoute::None:
      break;
  }
  const auto u = rng.uniforms(person, year, Purpose::Surveillance);
  const auto s = static_cast<std::size_t>(stage - 1);
  out.examined = u[0] < attend * access.exam_capacity_share;
  out.screen_positive = out.examined && u[1] < parameters_.sensitivity[s];
  out.self_presented = !out.screen_positive && u[2] < parameters_.self_presentation[s];
  out.diagnosed = (out.screen_positive || out.self_presented) && u[3] < access.diagnosis_capacity_share;
  return out;
}

}  // namespace pneumo
