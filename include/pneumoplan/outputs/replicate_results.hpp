// What one replicate produced: one dense array per output of the catalogue, shaped by its axes.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "pneumoplan/outputs/output_catalogue.hpp"

namespace pneumo {

struct AxisSizes {
  std::size_t years = 0;
  std::size_t regions = 0;    // counties + 1 (city)
  std::size_t townships = 0;  // townships + 1 (outside the city)
  std::size_t interventions = 1;  // the scenario's interventions + 1 (total)
  std::size_t size(Axis axis) const;
};

struct OutputArray {
  std::vector<std::size_t> shape;
  std::vector<double> values;  // row-major; counts are whole numbers

  std::size_t offset(std::size_t year) const { return year * (values.size() / shape[0]); }
  double* year_row(std::size_t year) { return values.data() + offset(year); }
  const double* year_row(std::size_t year) const { return values.data() + offset(year); }
};

// The city's value of a year row: the last entry (the city of the region axis, the total of the intervention
// axis), or the sum of the last region's stages (only stage I with `stage_one_only`).
double city_cell(const OutputArray& array, std::size_t year_index, bool stage_one_only = false);

class ReplicateResults {
 public:
  ReplicateResults() = default;
  explicit ReplicateResults(const AxisSizes& sizes);

  OutputArray& operator[](OutputId id) { return outputs_[static_cast<std::size_t>(id)]; }
  const OutputArray& operator[](OutputId id) const { return outputs_[static_cast<std::size_t>(id)]; }
  const AxisSizes& sizes() const { return sizes_; }

 private:
  AxisSizes sizes_;
  std::array<OutputArray, kOutputCount> outputs_;
};

}  // namespace pneumo
