// Dust enterprises as structure-of-arrays. Fixed attributes come from their stratum and a
// between-enterprise draw; the "this year" columns are refreshed at the start of every year.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/industry.hpp"
#include "pneumoplan/size_class.hpp"

namespace pneumo {

struct EnterpriseTable {
  std::vector<std::uint32_t> stratum;
  std::vector<std::uint16_t> county;
  std::vector<std::uint16_t> township;
  std::vector<Industry> industry;
  std::vector<SizeClass> size_class;
  std::vector<float> level_dust_mg_m3;       // this enterprise's base-year annual mean
  std::vector<float> silica_fraction;
  std::vector<std::uint32_t> base_workers;   // workforce in the base year
  // Cumulative profile metric gained per unit of respirable dust: the silica fraction where the industry's
  // exposure-response profile counts silica, 1 where it counts respirable dust.
  std::vector<float> metric_per_dust;

  // This year.
  std::vector<float> dust_mg_m3;             // annual mean respirable dust at the workplace
  std::vector<float> dust_protected_mg_m3;   // as breathed by a worker wearing a respirator
  std::vector<std::uint16_t> ppe_threshold;  // workers with ppe_propensity below this wear one (0..256)
  std::vector<std::uint32_t> target_workers; // jobs to fill this year

  std::size_t count() const { return stratum.size(); }
};

}  // namespace pneumo
