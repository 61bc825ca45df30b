// A person's fixed propensity for a purpose, computed from their identity rather than stored: the same
// person gets the same value in every year and every scenario, at the cost of a few multiplications.
// person_propensity uses SplitMix64's finaliser (well mixed in every bit); person_propensity_32 is the cheap
// form for the annual pass: one multiplication and a shift, whose top 32 bits are ample for a yes/no share.
#pragma once

#include <cstdint>

namespace pneumo {

enum class PersonTrait : std::uint64_t {  // append only
  MigrantInsurance = 1,
  RemovalFromDust = 2,  // whether a worker diagnosed at work is removed from dust work
  EmployerIdentifiable = 3,  // whether a patient's employer can be identified and held liable
  EmployerPays = 4,          // whether an uninsured patient's identifiable employer pays for treatment
  MedicalAid = 5,            // whether medical aid reaches a patient without an identifiable employer
  HouseholdIncome = 6,       // where the patient's household income lies in its distribution
};

inline double person_propensity(std::uint64_t person, PersonTrait trait) {
  std::uint64_t z = person + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(trait) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return (static_cast<double>(z >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

inline std::uint32_t person_propensity_32(std::uint64_t person, PersonTrait trait) {
  std::uint64_t z = (person ^ (static_cast<std::uint64_t>(trait) * 0xD1B54A32D192ED03ULL)) * 0x9E3779B97F4A7C15ULL;
  z ^= z >> 29;
  z *= 0xBF58476D1CE4E5B9ULL;
  return static_cast<std::uint32_t>(z >> 32);
}

// A share in [0, 1] as the threshold for person_propensity_32 (below it: yes).
inline std::uint64_t share_threshold_32(double share) {
  return static_cast<std::uint64_t>(share * 4294967296.0);
}

}  // namespace pneumo
