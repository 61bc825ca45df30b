// Every word the figures and reports show, in English and Chinese, in one place for translators.
// Patterns hold numbered slots {1}, {2}, ... filled by fill().
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/scenario/indicator.hpp"

namespace pneumo {

enum class Language { English, Chinese };

std::optional<Language> parse_language(std::string_view code);  // "en", "zh"
std::string language_code(Language language);

struct LocalisedText {
  // Figures
  std::string_view year, persons_per_year, persons, plan_period, band_key;
  std::string_view new_cases_title, reported_cases, true_cases;
  std::string_view prevalence_title, diagnosed_living;
  std::array<std::string_view, 3> stage_true;
  std::string_view deaths_title, deaths_pneumoconiosis, deaths_other_causes;
  std::string_view indicator_title, indicator_city_mean, target_key, target_at_least, target_at_most,
      target_increasing, no_target, percent_axis, count_axis;
  std::array<std::string_view, 5> verdicts;  // met, not met, uncertain, n/a, input
  std::string_view scorecard_title;
  std::string_view map_title, patients_diagnosed, patients_true, longitude, latitude, patients_count, station_most,
      station_some, approximate_points;
  std::string_view comparison_title, baseline_suffix, difference_axis, comparison_key, verdicts_title;
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
};

const LocalisedText& localised_text(Language language);

// "{1} of {2}" with {"a", "b"} -> "a of b".
std::string fill(std::string_view pattern, const std::vector<std::string>& values);

// Names in the language of the figure.
std::string_view indicator_name(IndicatorId id, Language language);
std::string_view verdict_text(Verdict verdict, Language language);

}  // namespace pneumo
