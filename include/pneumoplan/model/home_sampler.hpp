// Chooses home townships in proportion to township weights: within a county for local workers, across
// the whole city for migrant workers from the city's own countryside.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/model/alias_table.hpp"
#include "pneumoplan/scenario/geography.hpp"

namespace pneumo {

class HomeSampler {
 public:
  explicit HomeSampler(const Geography& geography);

  std::uint16_t in_county(std::uint16_t county, double u) const { return counties_[county].pick(u); }
  std::uint16_t in_city(double u) const { return city_.pick(u); }

 private:
  std::vector<AliasTable> counties_;
  AliasTable city_;
};

}  // namespace pneumo
