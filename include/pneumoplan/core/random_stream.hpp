// Counter-based random numbers (Random123 Philox4x64-10). A stream is keyed by (seed, replicate); every
// draw is addressed by (entity, year, purpose, index), so a number depends only on *who* draws it, *when*
// and *what for* — never on thread count, the order of work or on what other entities did. The same
// worker gets the same numbers for the same purpose in every scenario (common random numbers).
#pragma once

#include <Random123/philox.h>

#include <array>
#include <cstdint>

namespace pneumo {

// What a draw is for. Append only: changing a value changes every stream that uses it.
enum class Purpose : std::uint64_t {
  HireAttributes = 1,     // eight 32-bit uniforms: age, sex, employment type, home, ppe, tenure, tolerance, death
  InitialHistory = 2,     // prior tenure and exposure history of the workforce present at the start year
  OnsetLatency = 3,       // years from crossing the tolerance to stage I
  Progression = 4,        // index = stage left: will it progress, and when
  StageMortality = 5,     // index = stage entered: year of death from then on
  DeathCause = 6,         // whether a patient's death is due to pneumoconiosis
  Layoff = 7,             // downsizing of a shrinking enterprise
  Surveillance = 8,       // exam attendance, detection, self-presentation
  EnterpriseLevel = 9,    // between-enterprise concentration level and location
  EnterpriseYear = 10,    // year-to-year variation of an enterprise's mean concentration
  CohortMember = 11,      // cohort mode: a member's hire year, age, exposure intensity and duration
  LaterBackgroundDeath = 12,  // background death after dust work, drawn once a disease is scheduled
  CompliancePropensity = 13,  // index = compliance state (the last index: SME help)
  Inspection = 14,            // inspected, violation found, case handled
  CoordinatorPropensity = 15, // township supervision coordinator
  ExamPhase = 16,             // the year in the exam cycle a person is examined
  LocationSearch = 17,        // location heuristics: entity = perturbation round, index = swap number
  Closure = 18,               // which severe-hazard enterprises a ramping closure programme closes first
  SweepDesign = 19,           // sweep designs: entity = parameter, year = point or trajectory, index = use
  Bootstrap = 20,             // bootstrap resamples: entity = resample, year = position
  StationBuild = 21,          // whether a funded rehabilitation station opens: entity = township
  StationStaff = 22,          // station staff lost and recruited: entity = township, index = post
  CoordinatorTurnover = 23,   // coordinator lost, then recruited: entity = township
  CaseCapacity = 24,          // the fractional part of a county's case capacity: entity = county
  InstitutionCertification = 25,  // whether a certification attempt succeeds: entity = project
  MedicalCost = 26,           // a patient-year's medical cost around its stage's median
  ReturnMigration = 27,       // residents coming home from dust work elsewhere: entity 0 = this year's count,
                              // entity = returner (return_migration.hpp) = their attributes
};

using Uniforms4 = std::array<double, 4>;
using Uniforms8 = std::array<double, 8>;

// Maps 64 random bits to a double strictly inside (0, 1): (k + 1/2)/2^52 for the top 52 bits, from 2^-53
// to 1 − 2^-53. Open at both ends, so log(u), log(1−u) and inverse CDFs never see 0 or 1. (With 53 bits
// the largest value, 1 − 2^-54, would round to exactly 1.0.)
inline double u01_open(std::uint64_t bits) {
  return (static_cast<double>(bits >> 12) + 0.5) * (1.0 / 4503599627370496.0);
}

// Maps 32 random bits to (k + 1/2)/2^32, strictly inside (0, 1). For draws where 2^-32 resolution is
// ample; one Philox call then gives eight of them.
inline double u01_open_32(std::uint32_t bits) { return (static_cast<double>(bits) + 0.5) * (1.0 / 4294967296.0); }

class RandomStream {
 public:
  RandomStream(std::uint64_t seed, std::uint64_t replicate) : key_{{seed, replicate}} {}

  std::array<std::uint64_t, 4> bits(std::uint64_t entity, std::int64_t year, Purpose purpose,
                                    std::uint64_t index = 0) const {
    r123::Philox4x64::ctr_type counter = {
        {entity, static_cast<std::uint64_t>(year), static_cast<std::uint64_t>(purpose), index}};
    const auto out = r123::Philox4x64()(counter, key_);
    return {out[0], out[1], out[2], out[3]};
  }

  Uniforms4 uniforms(std::uint64_t entity, std::int64_t year, Purpose purpose, std::uint64_t index = 0) const {
    const auto b = bits(entity, year, purpose, index);
    return {u01_open(b[0]), u01_open(b[1]), u01_open(b[2]), u01_open(b[3])};
  }

  // Eight uniforms of 32-bit resolution from one call: the low then the high half of each word.
  Uniforms8 uniforms8(std::uint64_t entity, std::int64_t year, Purpose purpose, std::uint64_t index = 0) const {
    const auto b = bits(entity, year, purpose, index);
    Uniforms8 u;
    for (std::size_t k = 0; k < 4; ++k) {
      u[2 * k] = u01_open_32(static_cast<std::uint32_t>(b[k]));
      u[2 * k + 1] = u01_open_32(static_cast<std::uint32_t>(b[k] >> 32));
    }
    return u;
  }

  double uniform(std::uint64_t entity, std::int64_t year, Purpose purpose, std::uint64_t index = 0) const {
    return u01_open(bits(entity, year, purpose, index)[0]);
  }

 private:
  r123::Philox4x64::key_type key_;
};

// Year value used in counters for draws that must not depend on the year (so they stay common across
// scenarios in which the event happens in different years).
inline constexpr std::int64_t kAnyYear = -1;

}  // namespace pneumo
