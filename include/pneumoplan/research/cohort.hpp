// Cohort mode: a closed cohort of dust workers followed to a fixed date, summarised as the life table
// exposure–response papers publish — for each band of cumulative exposure, the number entering it, the
// cases and withdrawals in it, and the cumulative risk of stage I+ by the end of it. It runs the same
// tolerance, latency and mortality code as the city simulation, so a published cohort can be used to
// check the model. File format: docs/cohort-format.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "pneumoplan/evidence/exposure_response.hpp"
#include "pneumoplan/evidence/life_table.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

enum class CohortIntensityMetric { RespirableSilica, RespirableDust, TotalDust };

struct CohortSpec {
  std::string name;
  std::int64_t size = 0;
  std::string industry;
  std::string profile;  // "industry_default" or a profile name
  double female_share = 0.0;
  std::int64_t hire_year_first = 0;
  std::int64_t hire_year_last = 0;
  std::int64_t follow_up_end_year = 0;
  std::int64_t seed = 0;
  double hire_age_mean_years = 0, hire_age_sd_years = 0, hire_age_min_years = 0, hire_age_max_years = 0;
  std::string life_table;  // path, or "builtin_china_wpp2024"

  std::string intensity_metric;  // respirable_silica, respirable_dust, total_dust
  double intensity_gm_mg_m3 = 0;
  double intensity_gsd = 1;
  double silica_fraction_of_respirable = 0;
  double respirable_silica_per_total_dust = 0;
  double years_employed_median = 0;
  double years_employed_gsd = 1;
  double years_employed_max = 0;

  std::string band_metric;  // respirable_silica or respirable_dust
  double band_width_mg_m3_y = 0;
  std::int64_t band_count = 0;

  ScenarioParameters model;  // [disease] keys apply here
};

const ParameterTable<CohortSpec>& cohort_parameter_table();

// Reads and checks a cohort file; relative life-table paths are resolved against its folder.
CohortSpec load_cohort_spec(const std::string& path);

struct CohortBand {
  double lower_mg_m3_y = 0, upper_mg_m3_y = 0;  // upper = +inf for the last band
  std::int64_t entering = 0, cases = 0, withdrawals = 0;
  double conditional_risk = 0, cumulative_risk = 0, cumulative_risk_se = 0;
  double profile_risk_at_upper = 0;  // the exposure-response profile's F at the upper edge
};

struct CohortResult {
  std::vector<CohortBand> bands;
  std::int64_t members = 0;
  std::int64_t cases = 0;
  std::int64_t cases_after_exposure_ended = 0;
  double mean_years_first_exposure_to_onset = 0;
  double mean_years_after_exposure_ended = 0;  // among cases with onset after exposure ended
  double mean_age_at_onset = 0;
  double mean_exposure_years_of_cases = 0;
  std::string profile;
};

CohortResult simulate_cohort(const CohortSpec& spec);

std::string cohort_table_csv(const CohortResult& result);

}  // namespace pneumo
