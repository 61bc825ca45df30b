// One row of a city's indicator table (targets.csv): an indicator, how it is judged and the threshold.
#pragma once

#include <string>

#include "pneumoplan/scenario/indicator.hpp"

namespace pneumo {

enum class Comparator : std::uint8_t {
  AtLeast,     // ">=": the value must reach the target
  AtMost,      // "<=": the value must stay at or below the target
  Increasing,  // "increasing": the value must rise every year of the plan period
};

struct PlanTarget {
  IndicatorId indicator = IndicatorId::HazardDeclarationRate;
  int number = 0;           // the row number in the plan's table
  std::string text_zh;      // the plan's own wording
  Comparator comparator = Comparator::AtLeast;
  double target = 0.0;      // unused for Increasing
  std::string unit;
  int plan_first_year = 0;  // plan period, e.g. 2021-2025
  int plan_last_year = 0;
  bool binding = false;     // 约束性 (binding) rather than 预期性 (expected)
  long line = 0;
};

}  // namespace pneumo
