// Every scalar parameter of scenario.ini: key, default, unit, range, source and meaning. Sources cite the
// shared reference (parameters.md §n) or say "assumed" with the reasoning; docs/scenario-format.md is
// generated from this table (`pneumoplan params --markdown`) and a test keeps the two in step.

#include "pneumoplan/exposure_response.hpp"
#include "pneumoplan/scenario_parameters.hpp"

namespace pneumo {
namespace {

using Spec = ParameterSpec<ScenarioParameters>;
using P = ScenarioParameters;

Spec real(std::string key, std::string value, std::string unit, double min, double max, std::string source,
          std::string meaning, Spec::RealField field) {
  return Spec{std::move(key), std::move(value), std::move(unit), min, max, std::move(source), std::move(meaning),
              std::move(field), {}};
}

Spec integer(std::string key, std::string value, std::string unit, double min, double max, std::string source,
             std::string meaning, Spec::IntegerField field) {
  return Spec{std::move(key), std::move(value), std::move(unit), min, max, std::move(source), std::move(meaning),
              std::move(field), {}};
}

Spec choice(std::string key, std::string value, std::string source, std::string meaning, Spec::TextField field,
            std::vector<std::string> choices) {
  return Spec{std::move(key), std::move(value), "", 0, 0, std::move(source), std::move(meaning), std::move(field),
              std::move(choices)};
}

// Default exposure-response profile per industry; the mapping for industries without their own
// published cohort is an assumption stated in docs/model.md.
const char* default_profile(Industry industry) {
  switch (industry) {
    case Industry::CoalMining:
    case Industry::Coking: return "cwp_attfield_seixas1995";
    case Industry::TinMining: return "silica_tin_wang2020";
    case Industry::TungstenMining: return "silica_tungsten_wang2020";
    case Industry::IronCopperMining: return "silica_iron_copper_wang2020";
    case Industry::Ceramics:
    case Industry::Cement:
    case Industry::Chemicals:
    case Industry::Other: return "silica_pottery_wang2020";
    case Industry::StoneProcessing: return "silica_gold_hnizdo1993";
    default: return "silica_tungsten_wang2020";
  }
}

std::vector<Spec> build_specs() {
  std::vector<Spec> s;
  // [simulation]
  s.push_back(integer("simulation.start_year", "1970", "calendar year", 1900, 2100,
                      "assumed: burn-in long enough that workers exposed from the 1970s form the prevalent pool of "
                      "2021 (issue #2)",
                      "First simulated year; the workforce present then starts with an exposure history.",
                      [](P& p) -> std::int64_t& { return p.simulation.start_year; }));
  s.push_back(integer("simulation.end_year", "2035", "calendar year", 1900, 2200,
                      "DESIGN.md: plans end in 2025, projections to 2035",
                      "Last simulated year (inclusive).", [](P& p) -> std::int64_t& { return p.simulation.end_year; }));
  s.push_back(integer("simulation.base_year", "2020", "calendar year", 1900, 2200,
                      "the year the shipped strata tables describe",
                      "Year in which strata.csv worker counts and concentrations apply (trend index 1).",
                      [](P& p) -> std::int64_t& { return p.simulation.base_year; }));
  s.push_back(integer("simulation.replicates", "10", "replicates", 1, 100000,
                      "assumed: enough for a stable 90 % interval of city totals",
                      "Number of independent replicate simulations (overridden by --replicates).",
                      [](P& p) -> std::int64_t& { return p.simulation.replicates; }));
  s.push_back(integer("simulation.seed", "20211230", "", 0, 9.2e18,
                      "arbitrary; the date the Xuzhou plan was issued",
                      "Random seed; with the replicate number it keys every random stream (overridden by --seed).",
                      [](P& p) -> std::int64_t& { return p.simulation.seed; }));

  // [population]
  s.push_back(real("population.hire_age_mean_years", "28", "years", 16, 70,
                   "assumed: consistent with Nanjing 2019 median age 50 at diagnosis after median 24 y exposure "
                   "(parameters.md §2)",
                   "Mean age at which dust workers are hired (normal, truncated).",
                   [](P& p) -> double& { return p.population.hire_age_mean_years; }));
  s.push_back(real("population.hire_age_sd_years", "8", "years", 0, 30, "assumed",
                   "Standard deviation of the hiring age.",
                   [](P& p) -> double& { return p.population.hire_age_sd_years; }));
  s.push_back(real("population.hire_age_min_years", "16", "years", 14, 70,
                   "Labour Law of the PRC art. 15: no employment under 16", "Youngest hiring age.",
                   [](P& p) -> double& { return p.population.hire_age_min_years; }));
  s.push_back(real("population.hire_age_max_years", "55", "years", 14, 80, "assumed", "Oldest hiring age.",
                   [](P& p) -> double& { return p.population.hire_age_max_years; }));
  s.push_back(real("population.retirement_age_male_years", "60", "years", 40, 80,
                   "State Council 1978 rules (Guofa [1978] No. 104): men retire at 60",
                   "Age at which men leave dust work at the latest.",
                   [](P& p) -> double& { return p.population.retirement_age_male_years; }));
  s.push_back(real("population.retirement_age_female_years", "50", "years", 40, 80,
                   "State Council 1978 rules (Guofa [1978] No. 104): women workers retire at 50",
                   "Age at which women leave dust work at the latest.",
                   [](P& p) -> double& { return p.population.retirement_age_female_years; }));
  const char* types[] = {"formal", "migrant", "dispatched"};
  const char* type_defaults[] = {"0.05", "0.25", "0.30"};
  for (std::size_t t = 0; t < kEmploymentTypeCount; ++t) {
    s.push_back(real(std::string("population.turnover_") + types[t] + "_per_year", type_defaults[t], "per year", 0,
                     0.95,
                     "assumed: migrant and dispatched work is short-term (plans: 'many migrant workers, high "
                     "mobility'); dust years at diagnosis are compared with Jiangsu's 15.3 y in docs/model.md",
                     std::string("Annual probability that a ") + types[t] + " worker leaves dust work (before the size multiplier).",
                     [t](P& p) -> double& { return p.population.turnover_per_year[t]; }));
  }
  const char* size_defaults[] = {"0.8", "1.0", "1.3", "1.6"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("population.turnover_multiplier_" + size, size_defaults[k], "factor", 0, 10,
                     "assumed: smaller enterprises keep workers for shorter times",
                     "Multiplier of the turnover rate in " + size + " enterprises.",
                     [k](P& p) -> double& { return p.population.turnover_multiplier[k]; }));
  }
  s.push_back(real("population.migrant_home_in_city_share", "0.6", "share", 0, 1,
                   "assumed: Xuzhou and Yuncheng plans describe local rural migrant labour; Jiaxing's come from afar",
                   "Share of migrant workers whose home township lies in the city (the rest live outside it).",
                   [](P& p) -> double& { return p.population.migrant_home_in_city_share; }));

  // [exposure]
  s.push_back(real("exposure.year_to_year_gsd", "1.3", "GSD", 1, 5,
                   "assumed: within-enterprise variation of annual means, smaller than between-enterprise GSDs",
                   "Geometric SD of an enterprise's annual mean concentration around its level.",
                   [](P& p) -> double& { return p.exposure.year_to_year_gsd; }));
  s.push_back(real("exposure.default_annual_change", "-0.035", "per year", -0.5, 0.5,
                   "Dosemeci 1995: mean RCS 0.90 mg/m3 (1960-68) to 0.43 (1981-87), about -3.5 %/y (parameters.md §4)",
                   "Relative change of concentrations per year for industries without a concentration_index in "
                   "trends.csv.",
                   [](P& p) -> double& { return p.exposure.default_annual_change; }));
  const char* wearing_defaults[] = {"0.8", "0.6", "0.4", "0.3"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("exposure.ppe_wearing_share_" + size, wearing_defaults[k], "share", 0, 1,
                     "assumed: respirator programmes are weaker in smaller enterprises (plans.md: help for SMEs)",
                     "Share of workers in " + size + " enterprises who wear a respirator.",
                     [k](P& p) -> double& { return p.exposure.ppe_wearing_share[k]; }));
  }
  s.push_back(real("exposure.ppe_reduction", "0.5", "share", 0, 0.99,
                   "assumed: effective protection of disposable dust masks as worn, far below the nominal factor 10",
                   "Share of the workplace concentration removed for a worker who wears a respirator.",
                   [](P& p) -> double& { return p.exposure.ppe_reduction; }));

  // [disease]
  const auto profiles = exposure_response_profile_names();
  for (std::size_t i = 0; i < kIndustryCount; ++i) {
    const auto industry = static_cast<Industry>(i);
    s.push_back(choice("disease.profile_" + std::string(industry_name(industry)), default_profile(industry),
                       "parameters.md §1; industries without their own cohort use the nearest published profile "
                       "(docs/model.md)",
                       "Exposure-response profile for " + std::string(industry_name(industry)) + ".",
                       [i](P& p) -> std::string& { return p.disease.profile[i]; }, profiles));
  }
  s.push_back(real("disease.onset_latency_median_years", "8", "years", 0, 40,
                   "calibrated with scenarios/cohorts: 54 % (tin) and 61 % (gold) of onsets after exposure ended, "
                   "published 67 % (Chen 2001) and 57 % (Hnizdo 1993), parameters.md §1 (docs/model.md)",
                   "Median years from crossing the tolerance to stage I (lognormal).",
                   [](P& p) -> double& { return p.disease.onset_latency_median_years; }));
  s.push_back(real("disease.onset_latency_gsd", "1.8", "GSD", 1, 10, "calibrated with onset_latency_median_years",
                   "Geometric SD of the onset latency.", [](P& p) -> double& { return p.disease.onset_latency_gsd; }));
  s.push_back(real("disease.progression_probability_1_2", "0.136", "probability", 0, 1,
                   "Chinese coal enterprise, 40 y of records: 13.6 % progressed I->II (parameters.md §2)",
                   "Probability that a stage I patient progresses to stage II.",
                   [](P& p) -> double& { return p.disease.progression_probability_1_2; }));
  s.push_back(real("disease.progression_median_years_1_2", "8.3", "years", 0.5, 50,
                   "same source: mean 8.3 y from I to II (used as the median)",
                   "Median years from stage I to stage II for those who progress.",
                   [](P& p) -> double& { return p.disease.progression_median_years_1_2; }));
  s.push_back(real("disease.progression_probability_2_3", "0.112", "probability", 0, 1,
                   "Chinese coal enterprise: 11.2 % progressed II->III (parameters.md §2)",
                   "Probability that a stage II patient progresses to stage III.",
                   [](P& p) -> double& { return p.disease.progression_probability_2_3; }));
  s.push_back(real("disease.progression_median_years_2_3", "8.1", "years", 0.5, 50,
                   "same source: mean 8.1 y from II to III (used as the median)",
                   "Median years from stage II to stage III for those who progress.",
                   [](P& p) -> double& { return p.disease.progression_median_years_2_3; }));
  s.push_back(real("disease.progression_time_gsd", "1.5", "GSD", 1, 10, "assumed: spread not published",
                   "Geometric SD of progression times.", [](P& p) -> double& { return p.disease.progression_time_gsd; }));
  const char* mortality_defaults[] = {"1.492", "2.945", "8.747"};
  const char* medians[] = {"27", "20", "11"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("disease.mortality_multiplier_stage" + std::to_string(k + 1), mortality_defaults[k], "factor", 1,
                     100,
                     std::string("calibrated: median survival from diagnosis ") + medians[k] +
                         " y for stage " + stage +
                         " (Guangdong, parameters.md §2) for a man diagnosed at 48 (Chen 2001) in 2000, WPP 2024 "
                         "life table",
                     "All-cause mortality of stage " + stage + " patients as a multiple of background mortality.",
                     [k](P& p) -> double& { return p.disease.mortality_multiplier[k]; }));
  }

  // [surveillance]
  s.push_back(real("surveillance.exam_interval_years", "2", "years", 1, 10,
                   "GBZ 188: silica, coal and other dust every 2 y at hazard grade I or lower (parameters.md §3)",
                   "Years between periodic exams of exposed workers.",
                   [](P& p) -> double& { return p.surveillance.exam_interval_years; }));
  const char* coverage_defaults[] = {"0.8", "0.5", "0.25", "0.1"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("surveillance.exam_coverage_" + size, coverage_defaults[k], "share", 0, 1,
                     "assumed: national coverage of exposed workers 44.2 % in 2005 (parameters.md §3), higher in "
                     "large enterprises",
                     "Share of workers in " + size + " enterprises who attend periodic exams.",
                     [k](P& p) -> double& { return p.surveillance.exam_coverage[k]; }));
  }
  s.push_back(real("surveillance.historical_coverage_factor", "0.4", "factor", 0, 1,
                   "assumed: exam coverage rose after the Occupational Disease Prevention Law took effect (2002); "
                   "reported new cases rose from 9,173 (2005) to 26,873 (2014) (parameters.md §5)",
                   "Exam coverage before coverage_rise_start_year, as a share of the coverage above.",
                   [](P& p) -> double& { return p.surveillance.historical_coverage_factor; }));
  s.push_back(integer("surveillance.coverage_rise_start_year", "2002", "calendar year", 1900, 2200,
                      "Occupational Disease Prevention Law of the PRC in force from 1 May 2002",
                      "Year exam coverage starts rising from its historical level.",
                      [](P& p) -> std::int64_t& { return p.surveillance.coverage_rise_start_year; }));
  s.push_back(integer("surveillance.coverage_rise_end_year", "2012", "calendar year", 1900, 2200,
                      "assumed: ten years after the law; the Law was revised in 2011",
                      "Year exam coverage reaches the levels above (linear rise in between).",
                      [](P& p) -> std::int64_t& { return p.surveillance.coverage_rise_end_year; }));
  s.push_back(real("surveillance.followup_years_after_exit", "5", "years", 0, 50,
                   "unverified: GBZ 188 post-exit follow-up; duration is a parameter (parameters.md §3)",
                   "Years after leaving dust work during which former workers are offered follow-up exams.",
                   [](P& p) -> double& { return p.surveillance.followup_years_after_exit; }));
  s.push_back(real("surveillance.followup_coverage", "0.2", "share", 0, 1, "assumed",
                   "Share of former workers under follow-up who attend each scheduled exam.",
                   [](P& p) -> double& { return p.surveillance.followup_coverage; }));
  const char* sensitivity_defaults[] = {"0.5", "0.85", "0.95"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("surveillance.sensitivity_stage" + std::to_string(k + 1), sensitivity_defaults[k], "probability",
                     0, 1,
                     "chest radiograph vs HRCT 0.76 overall, rising with severity (Howlett 2025, parameters.md §3); "
                     "split by stage assumed",
                     "Probability that an exam detects a stage " + stage + " patient.",
                     [k](P& p) -> double& { return p.surveillance.sensitivity[k]; }));
  }
  const char* presentation_defaults[] = {"0.01", "0.08", "0.25"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("surveillance.self_presentation_stage" + std::to_string(k + 1), presentation_defaults[k],
                     "per year", 0, 1, "assumed: symptoms drive advanced patients to seek diagnosis",
                     "Annual probability that an undiagnosed stage " + stage + " patient seeks diagnosis unprompted.",
                     [k](P& p) -> double& { return p.surveillance.self_presentation[k]; }));
  }
  return s;
}

}  // namespace

const ParameterTable<ScenarioParameters>& scenario_parameter_table() {
  static const ParameterTable<ScenarioParameters> table(build_specs());
  return table;
}

ScenarioParameters default_scenario_parameters() {
  ScenarioParameters parameters;
  scenario_parameter_table().apply_defaults(parameters);
  return parameters;
}

}  // namespace pneumo
