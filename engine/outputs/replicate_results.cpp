#include "pneumoplan/outputs/replicate_results.hpp"

#include "pneumoplan/scenario/disease_stage.hpp"
#include "pneumoplan/scenario/industry.hpp"

namespace pneumo {

std::size_t AxisSizes::size(Axis axis) const {
  switch (axis) {
    case Axis::Year: return years;
    case Axis::Region: return regions;
    case Axis::Stage: return kStageCount;
    case Axis::Township: return townships;
    case Axis::Industry: return kIndustryCount;
    case Axis::Intervention: return interventions;
    case Axis::YearsSinceDiagnosis: return kYearsSinceDiagnosisBins;
  }
  return 0;
}

double city_cell(const OutputArray& a, std::size_t year_index, bool stage_one_only) {
  const double* row = a.year_row(year_index);
  const std::size_t width = a.values.size() / a.shape[0];
  if (a.shape.size() == 3) {
    const std::size_t stages = a.shape[2];
    const double* city = row + width - stages;
    if (stage_one_only) return city[0];
    double total = 0.0;
    for (std::size_t s = 0; s < stages; ++s) total += city[s];
    return total;
  }
  return row[width - 1];
}

ReplicateResults::ReplicateResults(const AxisSizes& sizes) : sizes_(sizes) {
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    auto& array = outputs_[i];
    std::size_t total = 1;
    for (const Axis axis : output_catalogue()[i].axes) {
      array.shape.push_back(sizes.size(axis));
      total *= sizes.size(axis);
    }
    array.values.assign(total, 0.0);
  }
}

}  // namespace pneumo
