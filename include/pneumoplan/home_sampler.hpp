// Chooses home townships in proportion to township weights: within a county for local workers, across
// the whole city for migrant workers from the city's own countryside.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/geography.hpp"

namespace pneumo {

class HomeSampler {
 public:
  explicit HomeSampler(const Geography& geography);

  std::uint16_t in_county(std::uint16_t county, double u) const;
  std::uint16_t in_city(double u) const;

 private:
  static std::uint16_t pick(const std::vector<double>& cumulative, const std::vector<std::uint16_t>& items, double u);
  std::vector<std::vector<double>> county_cumulative_;
  std::vector<std::vector<std::uint16_t>> county_items_;
  std::vector<double> city_cumulative_;
  std::vector<std::uint16_t> city_items_;
};

}  // namespace pneumo
