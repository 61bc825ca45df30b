// A person's fixed propensity for a purpose, computed from their identity rather than stored: the same
// person gets the same value in every year and every scenario, at the cost of a few multiplications.
// (SplitMix64's finaliser, a well-mixed hash of 64 bits.)
#pragma once

#include <cstdint>

namespace pneumo {

enum class PersonTrait : std::uint64_t {  // append only
  MigrantInsurance = 1,
};

inline double person_propensity(std::uint64_t person, PersonTrait trait) {
  std::uint64_t z = person + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(trait) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return (static_cast<double>(z >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

}  // namespace pneumo
