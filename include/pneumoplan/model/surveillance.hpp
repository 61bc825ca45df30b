// Health surveillance of a person with pneumoconiosis who has not been diagnosed yet. In a year they may
//  * have an exam: a periodic one in the years of their exam cycle while in dust work (interval by the
//    enterprise's hazard grade), an exit exam in their last year of work, or a follow-up exam in the cycle
//    years after leaving — attended if the enterprise provides exams (follow-up: at the follow-up coverage)
//    and the county's exam capacity allows;
//  * screen positive with the sensitivity of their stage;
//  * or seek diagnosis themselves because of symptoms;
// and a screen-positive or self-presenting patient is diagnosed if the city's diagnosis capacity allows.
// The draws are keyed by person and year; a person's place in the exam cycle by person only.
#pragma once

#include <array>
#include <cstdint>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

enum class ExamRoute : std::uint8_t { InWork, Leaving, FollowUp, None };

struct ExamAccess {
  ExamRoute route = ExamRoute::None;
  bool enterprise_provides = false;  // the (last) employer provides exams (in work and at exit)
  int interval_years = 1;            // periodic exam interval (in work), years
  double exam_capacity_share = 1.0;  // share of requested exams the county can perform this year
  double diagnosis_capacity_share = 1.0;  // share of diagnosis requests the city can serve this year
  double followup_coverage = 0.0;         // former workers due a follow-up exam who attend
};

struct SurveillanceOutcome {
  bool examined = false;
  bool screen_positive = false;
  bool self_presented = false;
  bool diagnosed = false;
};

class Surveillance {
 public:
  explicit Surveillance(const SurveillanceParameters& parameters) : parameters_(parameters) {}

  SurveillanceOutcome patient_year(const RandomStream& rng, std::uint64_t person, int year, int stage,
                                   const ExamAccess& access) const;

  // Whether `year` is in the person's exam cycle of `interval` years.
  static bool exam_due(const RandomStream& rng, std::uint64_t person, int year, int interval);

  // Chooses the exam route of someone in or after dust work.
  ExamRoute route(bool employed, bool last_year_of_work, int years_since_exit) const;

  const SurveillanceParameters& parameters() const { return parameters_; }

 private:
  const SurveillanceParameters& parameters_;
};

}  // namespace pneumo
