// Dust enterprises as structure-of-arrays. Fixed attributes come from their stratum and a
// between-enterprise draw; the "this year" columns are refreshed at the start of every year.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/scenario/industry.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"
#include "pneumoplan/scenario/size_class.hpp"

namespace pneumo {

// Enterprises per task in the loops over enterprises that run on every thread (a few random draws or
// look-ups each): enough work to amortise the scheduling, small enough to balance many cores.
inline constexpr std::size_t kEnterprisesPerTask = 1024;

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
  std::vector<float> exposure_limit_mg_m3;   // OEL of its dust type
  std::vector<float> noise_share;            // of its workers, exposed to hazardous noise
  std::vector<float> radiation_share;        // of its workers, non-medical radiation workers
  // Willingness to comply, one draw per state: the enterprise is compliant when its propensity is below
  // the share of compliant enterprises the year calls for (so the same enterprises comply year after year).
  std::array<std::vector<float>, kComplianceStateCount> compliance_propensity;
  std::vector<float> help_propensity;        // small/micro enterprises below the help coverage are helped

  // State carried from year to year.
  std::vector<std::int16_t> compelled_until; // a handled violation case keeps it compliant through this year
  std::vector<float> knowledge_share;        // share of its workers aware of occupational-health knowledge
  std::vector<std::int16_t> closed_from_year; // closed by a closure programme from this year (no jobs); max if open

  // This year.
  std::vector<float> dust_mg_m3;             // annual mean respirable dust at the workplace
  std::vector<float> dust_protected_mg_m3;   // as breathed by a worker wearing a respirator
  std::vector<std::uint16_t> ppe_threshold;  // workers with ppe_propensity below this wear one (0..256)
  std::vector<std::uint32_t> target_workers; // jobs to fill this year
  std::vector<std::uint8_t> compliance;      // bit (1 << state) set when compliant this year
  std::vector<std::uint8_t> helped;          // SME help this year
  std::vector<std::uint8_t> exam_interval_years;  // periodic exam interval this year (hazard grade)

  // Every column with its name (the saved state's dataset names): a column added above must be added here.
  template <typename Table, typename F>
  static void for_each_named_column(Table& table, F&& f) {
    f("stratum", table.stratum); f("county", table.county); f("township", table.township);
    f("industry", table.industry); f("size_class", table.size_class); f("level_dust_mg_m3", table.level_dust_mg_m3);
    f("silica_fraction", table.silica_fraction); f("base_workers", table.base_workers);
    f("metric_per_dust", table.metric_per_dust); f("exposure_limit_mg_m3", table.exposure_limit_mg_m3);
    f("noise_share", table.noise_share); f("radiation_share", table.radiation_share);
    for (std::size_t s = 0; s < kComplianceStateCount; ++s) {
      f("compliance_propensity_" + std::string(kComplianceStateNames[s]), table.compliance_propensity[s]);
    }
    f("help_propensity", table.help_propensity); f("compelled_until", table.compelled_until);
    f("knowledge_share", table.knowledge_share); f("closed_from_year", table.closed_from_year);
    f("dust_mg_m3", table.dust_mg_m3); f("dust_protected_mg_m3", table.dust_protected_mg_m3);
    f("ppe_threshold", table.ppe_threshold); f("target_workers", table.target_workers);
    f("compliance", table.compliance); f("helped", table.helped); f("exam_interval_years", table.exam_interval_years);
  }

  bool complies(std::size_t e, ComplianceState state) const {
    return (compliance[e] >> static_cast<unsigned>(state)) & 1u;
  }

  std::size_t count() const { return stratum.size(); }
};

}  // namespace pneumo
