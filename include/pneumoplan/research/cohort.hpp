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
#include "pneumoplan/research/published_life_table.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

// A calendar trend of exposure intensity: (year, relative index) points, log-linear between them and flat
// outside; `reference_year` is the year in which the members' intensity distribution is given (index 1).
struct IntensityTrend {
  std::vector<std::pair<int, double>> points;  // ascending years
  int reference_year = 0;
  double factor(int year) const;  // index(year) / index(reference_year); 1 without points
};

struct CohortSpec {
  std::string name;
  std::int64_t size = 0;
  std::string industry;
  std::string profile;  // "industry_default", "custom" (the tolerance_* keys) or a profile name
  double tolerance_median_mg_m3_y = 0.0;  // profile = log_logistic: E50 of the tolerance curve
  double tolerance_shape = 0.0;           // profile = log_logistic: shape k
  std::string tolerance_metric;           // profile = log_logistic: respirable_silica or respirable_dust
  std::string tolerance_family;           // profile = log_logistic: log_logistic or weibull
  double female_share = 0.0;
  std::int64_t hire_year_first = 0;
  std::int64_t hire_year_last = 0;
  std::int64_t employed_window_first = 0;  // 0: no rule; else members worked >= 1 year in [first, last]
  std::int64_t employed_window_last = 0;
  std::int64_t follow_up_end_year = 0;
  std::int64_t seed = 0;
  std::int64_t replicates = 1;  // independent copies of the cohort pooled into one life table
  double hire_age_mean_years = 0, hire_age_sd_years = 0, hire_age_min_years = 0, hire_age_max_years = 0;
  std::string life_table;  // path, or "builtin_china_wpp2024"

  std::string intensity_metric;  // respirable_silica, respirable_dust, total_dust
  double intensity_gm_mg_m3 = 0;
  double intensity_gsd = 1;
  std::string intensity_trend_text;  // "year:index, ..." as written in the file
  std::int64_t intensity_trend_reference_year = 0;
  IntensityTrend intensity_trend;    // parsed from the two keys above
  double silica_fraction_of_respirable = 0;
  double respirable_silica_per_total_dust = 0;
  double years_employed_median = 0;
  double years_employed_gsd = 1;
  double years_employed_max = 0;

  std::string band_metric;  // respirable_silica or respirable_dust
  double band_width_mg_m3_y = 0;
  std::int64_t band_count = 0;
  std::string band_limits_text;             // "0, 0.975, 1.95, ..." lower limits, as written
  std::vector<double> band_lower_limits;    // from band_limits, the published table, or width × count

  std::string published_table;  // [validation] a published life table to compare with (path), or empty
  PublishedLifeTable published;  // read from published_table
  double validation_tolerance_abs = 0.08;
  double validation_min_at_risk = 50;
  double validation_z = 3.29;
  double validation_printed_precision = 0.001;  // the last printed digit of the published risks
  std::string accepted_misfits_text;            // "none" or lower limits of bands whose misfit is documented
  std::vector<double> accepted_misfits;         // parsed

  ScenarioParameters model;  // [disease] keys apply here
};

const ParameterTable<CohortSpec>& cohort_parameter_table();

// Reads and checks a cohort file; relative life-table and published-table paths are resolved against its
// folder.
CohortSpec load_cohort_spec(const std::string& path);

// The tolerance curve the cohort's members draw from (cohort.profile, resolved).
ExposureResponseProfile cohort_profile(const CohortSpec& spec);

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
  double median_member_intensity = 0;  // career-mean intensity of members, in the intensity metric
  double median_years_employed = 0;
  std::string profile;
  PublishedComparison comparison;  // filled when the spec names a published table
};

CohortResult simulate_cohort(const CohortSpec& spec);
// The same cohort with another tolerance curve (the fit of tolerance_fit.hpp tries many).
CohortResult simulate_cohort(const CohortSpec& spec, const ExposureResponseProfile& profile);

std::string cohort_table_csv(const CohortResult& result);

}  // namespace pneumo
