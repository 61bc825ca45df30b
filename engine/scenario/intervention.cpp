#include "pneumoplan/scenario/intervention.hpp"

#include <algorithm>

namespace pneumo {

std::optional<InterventionKind> find_intervention_kind(std::string_view name) {
  for (std::size_t k = 0; k < kInterventionKindCount; ++k) {
    if (kInterventionKinds[k].name == name) return static_cast<InterventionKind>(k);
  }
  return std::nullopt;
}

double Intervention::strength(int year) const {
  if (year < start_year || year > end_year) return 0.0;
  if (ramp_years <= 0.0) return 1.0;
  return std::min(1.0, static_cast<double>(year - start_year + 1) / ramp_years);
}

}  // namespace pneumo
