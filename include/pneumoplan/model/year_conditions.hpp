// Conditions of the health system in a year that the annual pass reads: the share of requested exams each
// county can perform and the share of diagnosis requests the city can serve (capacity ÷ last year's
// demand, at most 1; 1 where the scenario lists no institutions).
#pragma once

#include <cstdint>

#include <vector>

namespace pneumo {

struct YearConditions {
  std::vector<double> exam_capacity_share;  // per county
  double diagnosis_capacity_share = 1.0;
  // Set at the start of each year from the parameters and the year's interventions.
  double followup_coverage = 0.0;              // former workers due a follow-up exam who attend
  std::uint64_t migrant_insured_threshold = 0;  // share_threshold_32 of the migrant workers' enrolled share
};

}  // namespace pneumo
