// Dust types of the Chinese exposure limits (GBZ 2.1-2019): the limit a workplace is held to depends on
// the kind of dust and its crystalline silica content.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "pneumoplan/scenario/industry.hpp"

namespace pneumo {

enum class DustType : std::uint8_t { Coal, Silica10To50, Silica50To80, SilicaAbove80, Cement, Other };

inline constexpr std::size_t kDustTypeCount = 6;

inline constexpr std::array<std::string_view, kDustTypeCount> kDustTypeNames = {
    "coal", "silica_10_50", "silica_50_80", "silica_above_80", "cement", "other"};

// The dust type implied by an industry and a silica fraction, used when strata.csv gives none: 10 % silica
// or more makes it silica dust by band; below that, coal mining and coking produce coal dust, cement works
// cement dust, everything else "other dust".
inline DustType default_dust_type(Industry industry, double silica_fraction) {
  if (silica_fraction >= 0.8) return DustType::SilicaAbove80;
  if (silica_fraction >= 0.5) return DustType::Silica50To80;
  if (silica_fraction >= 0.1) return DustType::Silica10To50;
  if (industry == Industry::CoalMining || industry == Industry::Coking) return DustType::Coal;
  if (industry == Industry::Cement) return DustType::Cement;
  return DustType::Other;
}

}  // namespace pneumo
