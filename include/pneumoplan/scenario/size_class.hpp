// Enterprise size classes of the Chinese statistical standard (大中小微). Turnover, protective
// equipment and exam coverage differ by size; the order is part of the results format.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace pneumo {

enum class SizeClass : std::uint8_t { Large, Medium, Small, Micro };

inline constexpr std::size_t kSizeClassCount = 4;

inline constexpr std::array<std::string_view, kSizeClassCount> kSizeClassNames = {"large", "medium", "small",
                                                                                   "micro"};

inline constexpr std::string_view size_class_name(SizeClass size) {
  return kSizeClassNames[static_cast<std::size_t>(size)];
}

}  // namespace pneumo
