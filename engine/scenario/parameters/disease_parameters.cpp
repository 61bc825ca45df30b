// [disease] parameters: exposure-response profiles, latency, progression, mortality.
#include "pneumoplan/evidence/exposure_response.hpp"
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

namespace {

// Default exposure-response profile per industry; the mapping for industries without their own
// published cohort is an assumption stated in docs/model.md.
const char* default_profile(Industry industry) {
  switch (industry) {
    case Industry::CoalMining:
    case Industry::Coking: return "cwp_bituminous_wang_zhang2020";
    case Industry::TinMining: return "silica_tin_chen2005";
    case Industry::Ceramics:
    case Industry::BuildingMaterials:
    case Industry::Cement:
    case Industry::Construction:
    case Industry::Chemicals:
    case Industry::Other: return "silica_pottery_chen2005";
    case Industry::TungstenMining:
    case Industry::IronCopperMining:
    case Industry::MetalMining:
    case Industry::StoneProcessing:
    case Industry::FoundryMetallurgy:
    default: return "silica_tungsten_chen2005";
  }
}

}  // namespace

void add_disease(std::vector<Spec>& s) {
  const auto profiles = exposure_response_profile_names();
  for (std::size_t i = 0; i < kIndustryCount; ++i) {
    const auto industry = static_cast<Industry>(i);
    s.push_back(choice("disease.profile_" + std::string(industry_name(industry)), default_profile(industry),
                       "references.md §1 (docs/validation.md); industries without their own cohort use the nearest "
                       "validated profile: non-mine silica dust the potteries', other mines, stone and foundries the "
                       "tungsten mines' (docs/model.md)",
                       "Exposure-response profile for " + std::string(industry_name(industry)) + ".",
                       [i](P& p) -> std::string& { return p.disease.profile[i]; }, profiles));
  }
  s.push_back(real("disease.onset_latency_median_years", "8", "years", 0, 40,
                   "calibrated with scenarios/cohorts: 54 % (tin) and 61 % (gold) of onsets after exposure ended, "
                   "published 67 % (Chen 2001) and 57 % (Hnizdo 1993), references.md §1 (docs/model.md)",
                   "Median years from crossing the tolerance to stage I (lognormal).",
                   [](P& p) -> double& { return p.disease.onset_latency_median_years; }));
  s.push_back(real("disease.onset_latency_gsd", "1.8", "GSD", 1, 10, "calibrated with onset_latency_median_years",
                   "Geometric SD of the onset latency.", [](P& p) -> double& { return p.disease.onset_latency_gsd; }));
  s.push_back(real("disease.progression_probability_1_2", "0.136", "probability", 0, 1,
                   "Chinese coal enterprise, 40 y of records: 13.6 % progressed I->II (references.md §2)",
                   "Probability that a stage I patient progresses to stage II.",
                   [](P& p) -> double& { return p.disease.progression_probability_1_2; }));
  s.push_back(real("disease.progression_median_years_1_2", "8.3", "years", 0.5, 50,
                   "same source: mean 8.3 y from I to II (used as the median)",
                   "Median years from stage I to stage II for those who progress.",
                   [](P& p) -> double& { return p.disease.progression_median_years_1_2; }));
  s.push_back(real("disease.progression_probability_2_3", "0.112", "probability", 0, 1,
                   "Chinese coal enterprise: 11.2 % progressed II->III (references.md §2)",
                   "Probability that a stage II patient progresses to stage III.",
                   [](P& p) -> double& { return p.disease.progression_probability_2_3; }));
  s.push_back(real("disease.progression_median_years_2_3", "8.1", "years", 0.5, 50,
                   "same source: mean 8.1 y from II to III (used as the median)",
                   "Median years from stage II to stage III for those who progress.",
                   [](P& p) -> double& { return p.disease.progression_median_years_2_3; }));
  s.push_back(real("disease.progression_time_gsd", "1.5", "GSD", 1, 10, "assumed: spread not published",
                   "Geometric SD of progression times.", [](P& p) -> double& { return p.disease.progression_time_gsd; }));
  // Survival after diagnosis: an excess hazard by stage added to the background rates (relative survival),
  // fitted so that patients diagnosed at the ages of the Guangdong cohort reach its published median survival;
  // the multipliers of the background stay at 1 (tests/model/test_survival.cpp, docs/validation.md).
  const char* excess_defaults[] = {"0.0108", "0.0200", "0.0560"};
  const char* medians[] = {"27", "20", "11"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("disease.mortality_multiplier_stage" + std::to_string(k + 1), "1", "factor", 1, 100,
                     "1: the stage's mortality is an excess hazard added to the background (excess_mortality_* keys), "
                     "which reproduces the flat age gradient of published survival (Guangzhou: HR 1.02 per year of age "
                     "at diagnosis, references.md §2)",
                     "Mortality of stage " + stage + " patients as a multiple of background mortality (before the excess).",
                     [k](P& p) -> double& { return p.disease.mortality_multiplier[k]; }));
    s.push_back(real("disease.excess_mortality_per_year_stage" + std::to_string(k + 1), excess_defaults[k], "per year", 0,
                     5,
                     std::string("fitted: median survival from diagnosis ") + medians[k] + " y for stage " + stage +
                         " (Guangdong 11,809 patients, references.md §2), with progression, for men diagnosed at 48 +- 8 "
                         "(Chen 2001 tin miners' mean age at diagnosis) in 1985-2000; pneumoplan survival --patients",
                     "Excess mortality of stage " + stage + " patients, added to the background hazard.",
                     [k](P& p) -> double& { return p.disease.excess_mortality_per_year[k]; }));
  }
}

}  // namespace pneumo::parameters
