// The scalar parameters of a scenario (scenario.ini), grouped by the section they live in. Defaults,
// units, ranges and sources are in scenario_parameter_table.cpp — the only place they are written.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "pneumoplan/disease_stage.hpp"
#include "pneumoplan/employment_type.hpp"
#include "pneumoplan/industry.hpp"
#include "pneumoplan/parameter_table.hpp"
#include "pneumoplan/size_class.hpp"

namespace pneumo {

struct SimulationParameters {
  std::int64_t start_year = 0;  // first simulated year (burn-in starts here)
  std::int64_t end_year = 0;    // last simulated year, inclusive
  std::int64_t base_year = 0;   // year the strata table describes
  std::int64_t replicates = 0;
  std::int64_t seed = 0;
};

struct PopulationParameters {
  double hire_age_mean_years = 0.0;
  double hire_age_sd_years = 0.0;
  double hire_age_min_years = 0.0;
  double hire_age_max_years = 0.0;
  double retirement_age_male_years = 0.0;
  double retirement_age_female_years = 0.0;
  std::array<double, kEmploymentTypeCount> turnover_per_year{};    // by employment type
  std::array<double, kSizeClassCount> turnover_multiplier{};       // by enterprise size
  double migrant_home_in_city_share = 0.0;
};

struct ExposureParameters {
  double year_to_year_gsd = 1.0;            // within-enterprise variation of annual mean concentration
  double default_annual_change = 0.0;       // concentration trend where trends.csv gives none
  std::array<double, kSizeClassCount> ppe_wearing_share{};
  double ppe_reduction = 0.0;               // share of the concentration a worn respirator removes
};

struct DiseaseParameters {
  std::array<std::string, kIndustryCount> profile;  // exposure-response profile name per industry
  double onset_latency_median_years = 0.0;
  double onset_latency_gsd = 1.0;
  double progression_probability_1_2 = 0.0;
  double progression_median_years_1_2 = 0.0;
  double progression_probability_2_3 = 0.0;
  double progression_median_years_2_3 = 0.0;
  double progression_time_gsd = 1.0;
  std::array<double, kStageCount> mortality_multiplier{};  // all-cause hazard ÷ background, by stage
};

struct SurveillanceParameters {
  double exam_interval_years = 1.0;
  std::array<double, kSizeClassCount> exam_coverage{};  // share of workers attending periodic exams
  double historical_coverage_factor = 1.0;              // exam coverage before the rise, as a share of today's
  std::int64_t coverage_rise_start_year = 0;
  std::int64_t coverage_rise_end_year = 0;
  double followup_years_after_exit = 0.0;
  double followup_coverage = 0.0;
  std::array<double, kStageCount> sensitivity{};         // chest radiograph, by true stage
  std::array<double, kStageCount> self_presentation{};   // per year, patients seeking diagnosis themselves
};

struct ScenarioParameters {
  SimulationParameters simulation;
  PopulationParameters population;
  ExposureParameters exposure;
  DiseaseParameters disease;
  SurveillanceParameters surveillance;
};

const ParameterTable<ScenarioParameters>& scenario_parameter_table();

// A ScenarioParameters holding every default.
ScenarioParameters default_scenario_parameters();

}  // namespace pneumo
