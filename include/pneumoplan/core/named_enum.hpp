// Enumerations whose values are read from and written to files by name. Each enum provides a table of
// its names; parse_named() turns text into a value or reports the accepted spellings.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pneumo {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_named(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

template <std::size_t N>
std::string list_names(const std::array<std::string_view, N>& names) {
  std::string out;
  for (std::size_t i = 0; i < N; ++i) {
    if (i) out += ", ";
    out += names[i];
  }
  return out;
}

}  // namespace pneumo
