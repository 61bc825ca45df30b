// Pneumoconiosis stages of the Chinese diagnostic standard GBZ 70-2015 (I, II, III); stage I is about
// ILO category 1/1 and above (references.md §2). Stage 0 means no pneumoconiosis.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pneumo {

inline constexpr std::uint8_t kNoDisease = 0;
inline constexpr std::size_t kStageCount = 3;  // I, II, III

inline constexpr std::array<std::string_view, kStageCount> kStageNames = {"I", "II", "III"};

}  // namespace pneumo
