// The people the simulation follows — dust workers, and former workers who have or will have
// pneumoconiosis — as structure-of-arrays: one vector per attribute, indexed by row. 43 bytes a person.
// A row is released (death_year = kFreeRow) when its person dies or leaves dust work with no disease to
// come; new hires reuse released rows, and rows are compacted when many stay free. Rows therefore move;
// a person's identity for random numbers is `rng_id`, which never changes, and no result depends on rows.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "pneumoplan/core/huge_pages.hpp"
#include "pneumoplan/scenario/employment_type.hpp"

namespace pneumo {

inline constexpr std::int16_t kNever = std::numeric_limits<std::int16_t>::max();
inline constexpr std::uint16_t kOutsideCity = std::numeric_limits<std::uint16_t>::max();
// death_year of a released row: before every simulated year, so the annual pass skips it.
inline constexpr std::int16_t kFreeRow = std::numeric_limits<std::int16_t>::min();

// Identity of a worker for random numbers: the enterprise that hired them, the year they were hired and
// their place in that year's hires. Stable across scenarios as long as that enterprise hires at least
// that many people that year, which is what keeps common random numbers common.
inline std::uint64_t make_worker_id(std::uint32_t enterprise, int cohort_year, std::uint32_t slot) {
  return (static_cast<std::uint64_t>(enterprise) << 40) |
         (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cohort_year - 1800) & 0x3FFu) << 30) |
         (slot & 0x3FFFFFFFu);
}

struct WorkerTraits {
  static constexpr std::uint8_t kFemale = 1u;
  static std::uint8_t pack(bool female, EmploymentType type) {
    return static_cast<std::uint8_t>((female ? kFemale : 0u) | (static_cast<unsigned>(type) << 1));
  }
  static bool female(std::uint8_t traits) { return traits & kFemale; }
  static EmploymentType employment(std::uint8_t traits) { return static_cast<EmploymentType>((traits >> 1) & 3u); }
};

// A patient's record once diagnosed, one byte: the stage at diagnosis (bits 0-1, 0 before diagnosis),
// whether diagnosis removed them from dust work (bit 2), and what the diagnosis lets them claim on, fixed when
// they are diagnosed (patient_coverage.hpp): work-injury insurance (bit 3), an identifiable employer (bit 4).
struct PatientRecord {
  static constexpr std::uint8_t kRemoved = 1u << 2;
  static constexpr std::uint8_t kInjuryInsured = 1u << 3;
  static constexpr std::uint8_t kEmployerIdentifiable = 1u << 4;
  static std::uint8_t stage_at_diagnosis(std::uint8_t record) { return record & 3u; }
  static std::uint8_t with_stage_at_diagnosis(std::uint8_t record, int stage) {
    return static_cast<std::uint8_t>((record & ~3u) | (static_cast<unsigned>(stage) & 3u));
  }
  static bool removed(std::uint8_t record) { return record & kRemoved; }
  static std::uint8_t with_removed(std::uint8_t record) { return static_cast<std::uint8_t>(record | kRemoved); }
  static bool injury_insured(std::uint8_t record) { return record & kInjuryInsured; }
  static bool employer_identifiable(std::uint8_t record) { return record & kEmployerIdentifiable; }
};

struct WorkerTable {
  std::vector<std::uint64_t> rng_id;
  std::vector<std::uint32_t> enterprise;        // employer, or last employer once they left
  std::vector<std::uint16_t> home_township;     // index, or kOutsideCity
  std::vector<std::int16_t> birth_year;
  std::vector<std::int16_t> exit_year;          // last year in dust work (planned while employed)
  std::vector<std::int16_t> death_year;         // scheduled year of death; kNever = not before leaving work
  std::vector<std::int16_t> onset_year;         // year of stage I (scheduled or past), or kNever
  std::vector<std::int16_t> next_stage_year;    // scheduled progression, or kNever
  std::vector<std::int16_t> diagnosed_year;     // or kNever
  std::vector<float> cum_dust_mg_m3_y;          // cumulative respirable dust, as breathed
  std::vector<float> cum_metric_mg_m3_y;        // cumulative exposure in the metric of the worker's
                                                // exposure-response profile (respirable silica or dust)
  std::vector<float> tolerance_mg_m3_y;         // cum_metric that triggers disease
  std::vector<std::uint8_t> stage;              // 0 none, 1..3 = stage I..III
  std::vector<std::uint8_t> traits;             // WorkerTraits
  std::vector<std::uint8_t> ppe_propensity;     // wears a respirator when below the enterprise threshold
  std::vector<std::uint8_t> exposure_years;     // years in dust work (saturates at 255)
  std::vector<std::uint8_t> patient_record;     // PatientRecord bits: what diagnosis and care have done

  std::size_t size() const { return rng_id.size(); }

  // Every column with its name (the saved state's dataset names): a column added above must be added here.
  template <typename Table, typename F>
  static void for_each_named_column(Table& table, F&& f) {
    f("rng_id", table.rng_id); f("enterprise", table.enterprise); f("home_township", table.home_township);
    f("birth_year", table.birth_year); f("exit_year", table.exit_year); f("death_year", table.death_year);
    f("onset_year", table.onset_year); f("next_stage_year", table.next_stage_year);
    f("diagnosed_year", table.diagnosed_year); f("cum_dust_mg_m3_y", table.cum_dust_mg_m3_y);
    f("cum_metric_mg_m3_y", table.cum_metric_mg_m3_y); f("tolerance_mg_m3_y", table.tolerance_mg_m3_y);
    f("stage", table.stage); f("traits", table.traits); f("ppe_propensity", table.ppe_propensity);
    f("exposure_years", table.exposure_years); f("patient_record", table.patient_record);
  }
  template <typename F>
  void for_each_column(F&& f) {
    for_each_named_column(*this, [&f](const auto&, auto& column) { f(column); });
  }

  // Columns resized side by side (each on its own thread where there are several): the new rows are zeroed and
  // their pages touched here, between the parallel phases of the year.
  void resize(std::size_t n);
  // Reserves room for n rows, backed by huge pages where the kernel offers them (huge_pages.hpp).
  void reserve(std::size_t n) {
    for_each_column([n](auto& column) {
      column.reserve(n);
      advise_huge_pages(column);
    });
  }
  static constexpr std::size_t bytes_per_worker() {
    return sizeof(std::uint64_t) + sizeof(std::uint32_t) + sizeof(std::uint16_t) + 6 * sizeof(std::int16_t) +
           3 * sizeof(float) + 5 * sizeof(std::uint8_t);
  }

  // Drops released rows, keeping the others in their order (parallel, deterministic).
  void compact();
  // Indices of released rows, in increasing order, into `rows` (whose memory is reused from year to year).
  void free_rows(std::vector<std::size_t>& rows) const;
};

}  // namespace pneumo
