#include "pneumoplan/surveillance.hpp"

#include <cmath>

namespace pneumo {

Surveillance::Surveillance(const SurveillanceParameters& parameters) : parameters_(parameters) {
  for (std::size_t k = 0; k < exam_probability_.size(); ++k) {
    exam_probability_[k] = parameters.exam_coverage[k] / parameters.exam_interval_years;
  }
  followup_probability_ = parameters.followup_coverage / parameters.exam_interval_years;
  followup_years_ = static_cast<int>(std::lround(parameters.followup_years_after_exit));
}

bool Surveillance::diagnoses(const RandomStream& rng, std::uint64_t person, int year, int stage,
                             SizeClass employer_size, int years_since_exit) const {
  double exam = 0.0;
  if (years_since_exit < 0) {
    exam = exam_probability_[static_cast<std::size_t>(employer_size)];
  } else if (years_since_exit <= followup_years_) {
    exam = followup_probability_;
  }
  exam *= coverage_factor(year);
  const auto u = rng.uniforms(person, year, Purpose::Surveillance);
  const auto s = static_cast<std::size_t>(stage - 1);
  const bool detected_at_exam = u[0] < exam && u[1] < parameters_.sensitivity[s];
  const bool presented = u[2] < parameters_.self_presentation[s];
  return detected_at_exam || presented;
}

double Surveillance::coverage_factor(int year) const {
  const auto start = parameters_.coverage_rise_start_year;
  const auto end = parameters_.coverage_rise_end_year;
  const double before = parameters_.historical_coverage_factor;
  if (year <= start) return before;
  if (year >= end) return 1.0;
  return before + (1.0 - before) * static_cast<double>(year - start) / static_cast<double>(end - start);
}

}  // namespace pneumo
