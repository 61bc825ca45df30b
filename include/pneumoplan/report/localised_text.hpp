// Every word the figures and reports show, in English and Chinese, in one place for translators.
// Patterns hold numbered slots {1}, {2}, ... filled by fill().
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/scenario/indicator.hpp"

namespace pneumo {

struct LocalisedText {
  // Figures
  std::string_view year, persons_per_year, persons, plan_period, band_key;
  std::string_view new_cases_title, reported_cases, true_cases;
  std::string_view prevalence_title, diagnosed_living;
  std::array<std::string_view, 3> stage_true;
  std::string_view deaths_title, deaths_pneumoconiosis, deaths_other_causes;
  std::string_view log_scale;
  std::string_view indicator_title, indicator_city_mean, target_key, target_at_least, target_at_most,
      target_increasing, no_target, percent_axis, count_axis;
  std::array<std::string_view, 5> verdicts;  // met, not met, uncertain, n/a, input
  std::string_view scorecard_title;
  std::string_view map_title, patients_diagnosed, patients_true, patients_count, stations_key_title, station_share_90,
      station_share_50, station_share_10, station_share_0, approximate_points, outline_key, outline_note, inset_title;
  std::string_view comparison_title, reference, level_panel, difference_panel, comparison_key, target_line_key,
      verdicts_title;
  // Reports
  std::string_view report_title, comparison_report_title, provenance, results_file, scenario, program, commit, seed,
      replicates, simulated_years, generated_note;
  std::string_view assumptions, assumptions_intro, scenario_description, counties_townships, station_layout,
      patients_counted, overrides, non_default_parameters, parameter, value, default_value, unit, none;
  std::string_view projections, projections_intro, plan_period_numbers, quantity, mean, interval_90, sum_over_plan,
      at_end_of_plan, reported_short, true_short, living_true, diagnosed_short, rose_share;
  std::string_view scorecard, scorecard_intro, indicator, target, verdict, counties_verdicts, indicators,
      indicators_intro, skipped_indicators, map, map_intro;
  std::string_view packages, package, outcomes, outcome, difference, package_reports, results_missing,
      comparison_intro, verdicts_heading;
  std::string_view package_simulated, report_date, active_interventions, no_interventions, stored_problem,
      intervention_name, intervention_type, intervention_where, intervention_years, intensity, cost_per_unit;
  std::string_view layout_rule, layout_optimised, layout_given, counted_diagnosed, counted_true;
  std::string_view period_summed, indicators_read_in, gains_heading, gains_intro, cases_averted, deaths_averted,
      incremental_cost, cost_per_case_averted, nothing_averted, reference_package;
  std::string_view economics_heading, economics_intro, dalys_averted, qalys_gained, incremental_cost_discounted,
      cost_per_daly_averted, cost_per_qaly_gained, icer_dominant, icer_dominated, icer_no_health_effect,
      icer_less_costly_less_effective, interval_undefined;
  // Sweeps
  std::string_view sweep_output_year, sweep_output_period, sobol_title, sobol_axis, first_order, total_order,
      bootstrap_interval, morris_title, mu_star_axis, sigma_axis, sigma_equals_mu, response_title, posterior_title,
      density_axis, posterior_key, prior_key, posterior_mean_key, posterior_interval_key;
};

const LocalisedText& localised_text(Language language);

// "{1} of {2}" with {"a", "b"} -> "a of b".
std::string fill(std::string_view pattern, const std::vector<std::string>& values);

// " (text)" in English, "（text）" in Chinese.
std::string parenthesised(const std::string& text, Language language);

// Names in the language of the figure.
std::string_view indicator_name(IndicatorId id, Language language);
std::string_view verdict_text(Verdict verdict, Language language);

}  // namespace pneumo
