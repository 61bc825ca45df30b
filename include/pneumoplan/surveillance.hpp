// Health surveillance of a person with pneumoconiosis who has not been diagnosed yet: in a year they may
// attend an exam (periodic while in dust work, follow-up for some years after leaving) that detects the
// disease with the stage's sensitivity, or seek diagnosis themselves because of symptoms. The draws are
// keyed by person and year.
#pragma once

#include <array>
#include <cstdint>

#include "pneumoplan/random_stream.hpp"
#include "pneumoplan/scenario_parameters.hpp"
#include "pneumoplan/size_class.hpp"

namespace pneumo {

class Surveillance {
 public:
  explicit Surveillance(const SurveillanceParameters& parameters);

  // Whether the person is diagnosed in `year`. `years_since_exit` is negative while in dust work.
  bool diagnoses(const RandomStream& rng, std::uint64_t person, int year, int stage, SizeClass employer_size,
                 int years_since_exit) const;

  // Exam coverage in `year` relative to the configured coverage (historical level, then a linear rise).
  double coverage_factor(int year) const;

 private:
  const SurveillanceParameters& parameters_;
  std::array<double, kSizeClassCount> exam_probability_{};  // per year, in dust work, by employer size
  double followup_probability_ = 0.0;                       // per year, former workers under follow-up
  int followup_years_ = 0;
};

}  // namespace pneumo
