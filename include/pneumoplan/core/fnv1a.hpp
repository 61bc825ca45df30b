// FNV-1a, 64 bits: the checksum of file seals, sweep journal records and output-set manifests, and the
// fingerprint of sweeps and saved states. It detects accidental change (a truncated copy, a damaged disk, other
// inputs), not deliberate tampering.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pneumo {

inline constexpr std::uint64_t kFnv1aStart = 0xcbf29ce484222325ULL;

// Continues the hash `h` over `size` bytes at `data`.
inline std::uint64_t fnv1a(const void* data, std::size_t size, std::uint64_t h = kFnv1aStart) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < size; ++i) {
    h ^= bytes[i];
    h *= 0x100000001b3ULL;  // the FNV 64-bit prime
  }
  return h;
}

// Adds one field of a fingerprint made of several texts: its bytes, then a separator byte 0xff, so that
// ("ab", "c") and ("a", "bc") differ.
inline void fnv1a_add_field(std::uint64_t& h, std::string_view field) {
  h = fnv1a(field.data(), field.size(), h);
  const unsigned char separator = 0xff;
  h = fnv1a(&separator, 1, h);
}

}  // namespace pneumo
