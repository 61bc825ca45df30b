// Conditions of the health system in a year that the annual pass reads: the share of requested exams each
// county can perform and the share of diagnosis requests the city can serve (capacity ÷ last year's
// demand, at most 1; 1 where the scenario lists no institutions).
#pragma once

#include <vector>

namespace pneumo {

struct YearConditions {
  std::vector<double> exam_capacity_share;  // per county
  double diagnosis_capacity_share = 1.0;
};

}  // namespace pneumo
