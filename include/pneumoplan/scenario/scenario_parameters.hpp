// The scalar parameters of a scenario (scenario.ini), grouped by the section they live in. Defaults,
// units, ranges and sources are in scenario_parameter_table.cpp — the only place they are written.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "pneumoplan/scenario/disease_stage.hpp"
#include "pneumoplan/scenario/employment_type.hpp"
#include "pneumoplan/scenario/industry.hpp"
#include "pneumoplan/scenario/parameter_table.hpp"
#include "pneumoplan/scenario/size_class.hpp"

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
  double local_home_at_workplace_share = 0.0;  // local workers living in their enterprise's township
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
  // A patient's hazard of death: background × multiplier + excess, by stage (the relative-survival form: an
  // excess hazard makes the stage cost fewer years at older ages, as published survival by age shows).
  std::array<double, kStageCount> mortality_multiplier{};  // by stage
  std::array<double, kStageCount> excess_mortality_per_year{};  // by stage
  // Progression runs faster while a patient keeps breathing silica: each exposed year counts as
  // 1 + acceleration × (annual mean respirable silica, mg/m3) years of disease time.
  double progression_acceleration_per_mg_m3_silica = 0.0;
};

struct SurveillanceParameters {
  double exam_interval_low_hazard_years = 2.0;   // hazard grade 0–I
  double exam_interval_high_hazard_years = 1.0;  // hazard grade II and above
  double high_hazard_ratio = 0.1;                // concentration ÷ OEL from which the grade is II
  double attendance = 1.0;                       // workers of enterprises providing exams who attend
  double followup_years_after_exit = 0.0;
  double followup_coverage = 0.0;
  std::array<double, kStageCount> sensitivity{};        // chest radiograph, by true stage
  double specificity_screening = 1.0;                   // chest radiograph in healthy workers
  double specificity_diagnosis = 1.0;                   // diagnosis institution, of screen-positive healthy workers
  std::array<double, kStageCount> self_presentation{};  // per year, patients seeking diagnosis themselves
};

// Enterprise compliance states that the plans' indicators count. Each is held by a share of enterprises of
// each size class; that share follows a path (historical level, a rise, then a slow closing of the gap).
enum class ComplianceState : std::uint8_t {
  HazardDeclared,
  WorkplaceMonitored,
  ExamsProvided,
  InjuryInsurance,
  RadiationDoseMonitoring,
  HearingProtectionProgramme,
};
inline constexpr std::size_t kComplianceStateCount = 6;
inline constexpr std::array<std::string_view, kComplianceStateCount> kComplianceStateNames = {
    "declaration", "monitoring", "exams", "insurance", "radiation_monitoring", "hearing_programme"};

struct ComplianceParameters {
  // share[state][size] of enterprises in the state in rise_end_year
  std::array<std::array<double, kSizeClassCount>, kComplianceStateCount> share{};
  double historical_factor = 1.0;  // share before rise_start_year, relative to the rise_end_year share
  std::int64_t rise_start_year = 0;
  std::int64_t rise_end_year = 0;
  double annual_gain = 0.0;        // after rise_end_year, the gap to full compliance shrinks by this share a year
  double migrant_insured_share = 1.0;  // of migrant workers in an insured enterprise, the share enrolled
  double hearing_wearing_with_programme = 0.0;
  double hearing_wearing_without_programme = 0.0;
  std::array<double, kSizeClassCount> monitored_posts{};  // posts measured per monitored enterprise
  double post_gsd = 1.0;           // measured post concentrations around the enterprise mean
  double employees_per_exposed_worker = 1.0;  // all employees of an enterprise ÷ its exposed workers
};

struct ExposureLimits {  // occupational exposure limits, respirable dust, mg/m3 (8-h TWA)
  double coal_dust = 0.0;
  double silica_10_50 = 0.0;
  double silica_50_80 = 0.0;
  double silica_above_80 = 0.0;
  double cement = 0.0;
  double other_dust = 0.0;
};

struct EnforcementParameters {
  double inspection_rate = 0.0;              // share of enterprises inspected a year
  double coordinator_inspection_factor = 1.0;  // inspection rate multiplier where a township has a coordinator
  double detection = 1.0;                    // inspections that find an existing violation
  double cases_per_county = 0.0;             // violation cases a county can handle a year (the rest wait)
  double compliance_years_after_case = 0.0;  // a handled case keeps the enterprise compliant this long
};

struct SmeHelpParameters {
  double coverage = 0.0;  // share of small and micro enterprises helped each year
  double effect = 0.0;    // share of the compliance gap a helped enterprise closes
};

struct KnowledgeParameters {
  double initial_share = 0.0;  // workers aware in the first simulated year
  double new_hire_share = 0.0;  // hires already aware
  double decay_per_year = 0.0;
  std::array<double, kSizeClassCount> training_reach{};  // share of unaware workers trained a year
};

struct SupervisionParameters {
  double coordinator_share = 0.0;  // townships with a supervision coordinator in the base year (and before)
  double coordinator_recruitment_per_year = 0.0;  // after the base year: a township without one recruits one
  double coordinator_turnover_per_year = 0.0;     // after the base year: a coordinator leaves
};

// Institutions that interventions create or certify (exam_capacity, diagnosis_capacity).
struct InstitutionParameters {
  double certification_delay_years = 0.0;        // from an attempt to the institution opening
  double certification_failure_probability = 0.0;  // an attempt that fails (the next one starts then)
};

// How the scorecard judges a target "rises every year" (scorecard.increasing_rule).
enum class IncreasingRule : std::uint8_t { EveryYear, NetRise };
inline constexpr std::array<std::string_view, 2> kIncreasingRuleNames = {"every_year", "net_rise"};

struct ScorecardParameters {
  IncreasingRule increasing_rule = IncreasingRule::EveryYear;
};

// How stations are placed (rehab.layout): the plans' threshold rule, an optimised layout, or only the
// stations of stations.csv.
enum class StationLayout : std::uint8_t { Rule, Optimised, Given };
inline constexpr std::array<std::string_view, 3> kStationLayoutNames = {"rule", "optimised", "given"};

// What an optimised layout optimises (rehab.optimise_model).
enum class StationOptimiseModel : std::uint8_t { Covering, PMedian, Capacitated };
inline constexpr std::array<std::string_view, 3> kStationOptimiseModelNames = {"covering", "p_median", "capacitated"};

// Which patients the station threshold counts (rehab.patients_counted).
enum class PatientsCounted : std::uint8_t { Diagnosed, True };
inline constexpr std::array<std::string_view, 2> kPatientsCountedNames = {"diagnosed", "true"};

struct RehabParameters {
  StationLayout layout = StationLayout::Rule;
  double station_threshold_patients = 0.0;  // rule: a township with this many patients gets a station
  double station_build_delay_years = 0.0;
  std::int64_t rule_start_year = 0;         // the rule places stations from this year on
  PatientsCounted patients_counted = PatientsCounted::Diagnosed;
  StationOptimiseModel optimise_model = StationOptimiseModel::Covering;
  std::int64_t optimise_year = 0;           // the optimised layout is chosen from this year's patients
  double stations_budget = 0.0;             // stations in the optimised layout (0: as many as the rule)
  double budget_rmb = 0.0;                  // optimised layout: a budget in RMB instead of a station count
  double covering_distance_km = 0.0;
  double road_factor = 1.0;
  double station_capacity_patients = 0.0;   // patients a station can serve a year
  double station_cost_rmb = 0.0;            // cost of building one station
  // Money, staff, opening and closing (engine/model/rehab_stations.cpp).
  double funding_rmb_per_year = 0.0;          // the city's station budget a year, fixed part
  double funding_rmb_per_patient_year = 0.0;  // ... plus this per counted patient of the city
  double running_cost_rmb_per_year = 0.0;     // a station's running cost a year
  double open_failure_probability = 0.0;      // a funded station that does not open when built
  double staff_per_station = 0.0;             // trained posts a station needs to serve
  double staff_recruitment_probability = 0.0; // a vacant post filled in a year
  double staff_turnover_per_year = 0.0;       // a filled post lost in a year
  double close_below_patients = 0.0;          // a station closes after close_after_years below this many
  double close_after_years = 0.0;             // ... or after this many years without running money
  double uptake_at_station = 0.0;             // patients living at a station who use it in a year
  double uptake_half_distance_km = 0.0;       // uptake halves with every such road distance
};

// What diagnosis does for a patient who still works in dust: removal from dust work (调离, required by the
// Law on Prevention and Control of Occupational Diseases), with a probability that falls with the size of
// the enterprise and is lower for migrant and dispatched workers.
struct CareParameters {
  std::array<double, kSizeClassCount> removal_share{};  // by size class
  double removal_factor_migrant = 1.0;
  double removal_factor_dispatched = 1.0;
};

// Residents who did dust work outside the city and come home (docs/model.md, "Return migration"): they enter the
// disease model with the dose they breathed elsewhere, have no employer in the city and live in its townships.
struct ReturnMigrationParameters {
  std::int64_t start_year = 0;              // first year in which returners come home
  double returners_per_year = 0.0;          // former dust workers coming home in start_year
  double trend_per_year = 0.0;              // relative change of that number per year after start_year
  double age_mean_years = 0.0;              // age on return, normal, truncated to [20, 75]
  double age_sd_years = 0.0;
  double work_years_mean = 0.0;             // years of dust work elsewhere, normal, at least 1
  double work_years_sd = 0.0;
  double dust_median_mg_m3 = 0.0;           // respirable dust breathed elsewhere, lognormal
  double dust_gsd = 1.0;
  double silica_fraction = 0.0;             // of the respirable dust
  double female_share = 0.0;
  double diagnosed_share = 0.0;             // of those already sick on return: diagnosed elsewhere
  double followup_reach = 0.0;              // follow-up exam coverage reaching returners, relative to local leavers
  Industry industry = Industry::Other;      // whose exposure-response profile applies
};

// What pneumoconiosis costs in health and money, and who pays (docs/model.md, "Health economics"). Every RMB
// amount is in the prices of `price_year`.
struct EconomicsParameters {
  double discount_rate_per_year = 0.0;
  std::int64_t reference_year = 0;  // discounted values are worth this year's
  std::int64_t price_year = 0;
  std::array<double, kStageCount> disability_weight{};        // GBD health-state weights, by stage
  double utility_full_health = 1.0;                           // EQ-5D of the general population
  std::array<double, kStageCount> utility{};                  // EQ-5D of a patient, by stage
  double rehab_utility_gain = 0.0;                            // EQ-5D a station's rehabilitation adds to a patient
  std::array<double, kStageCount> medical_cost_rmb_per_year{};  // median for a diagnosed patient, by stage
  double medical_cost_gsd = 1.0;                              // spread of a patient-year's cost around it
  double undiagnosed_cost_share = 0.0;                        // an undiagnosed patient's care, relative
  double injury_insurance_paid_share = 0.0;                   // work-injury insurance, insured diagnosed patients
  std::array<double, kEmploymentTypeCount> employer_identifiable_share{};  // by employment type
  double employer_pays_share = 0.0;                // an uninsured patient's identifiable employer pays as the law says
  double basic_insurance_paid_share_employee = 0.0;  // employee basic medical insurance (formal, dispatched)
  double basic_insurance_paid_share_resident = 0.0;  // resident basic medical insurance (migrant workers)
  double serious_illness_deductible_rmb = 0.0;       // resident serious-illness insurance
  double serious_illness_paid_share = 0.0;
  double medical_aid_reach_share = 0.0;   // patients without an identifiable employer whom medical aid reaches
  double medical_aid_paid_share = 0.0;    // of what insurance leaves them to pay
  double earnings_rmb_per_year = 0.0;
  std::array<double, kStageCount> work_capacity_lost{};  // share of earnings a patient out of dust work loses
  double household_income_migrant_rmb_per_year = 0.0;    // median, a migrant worker's household
  double household_income_local_rmb_per_year = 0.0;      // median, a formal or dispatched worker's household
  double household_income_gsd = 1.0;
  double subsistence_share_of_income = 0.0;        // capacity to pay = income × (1 − this)
  double che_threshold_share_of_capacity = 0.0;    // catastrophic: out of pocket above this share of it
  double poverty_line_rmb_per_person_year = 0.0;
  double household_size_persons = 1.0;
  double gdp_per_capita_rmb = 0.0;                 // for the default willingness-to-pay thresholds of compare
};

struct ScenarioParameters {
  SimulationParameters simulation;
  PopulationParameters population;
  ExposureParameters exposure;
  DiseaseParameters disease;
  SurveillanceParameters surveillance;
  ComplianceParameters compliance;
  ExposureLimits limits;
  EnforcementParameters enforcement;
  SmeHelpParameters sme_help;
  KnowledgeParameters knowledge;
  SupervisionParameters supervision;
  RehabParameters rehab;
  CareParameters care;
  InstitutionParameters institutions;
  ScorecardParameters scorecard;
  EconomicsParameters economics;
  ReturnMigrationParameters return_migration;
};

const ParameterTable<ScenarioParameters>& scenario_parameter_table();

// A ScenarioParameters holding every default.
ScenarioParameters default_scenario_parameters();

}  // namespace pneumo
