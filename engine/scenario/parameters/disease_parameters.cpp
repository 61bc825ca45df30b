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

}  // namespace

void add_disease(std::vector<Spec>& s) {
  const auto profiles = exposure_response_profile_names();
  for (std::size_t i = 0; i < kIndustryCount; ++i) {
    const auto industry = static_cast<Industry>(i);
    s.push_back(choice("disease.profile_" + std::string(industry_name(industry)), default_profile(industry),
                       "references.md §1; industries without their own cohort use the nearest published profile "
                       "(docs/model.md)",
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
  const char* mortality_defaults[] = {"1.492", "2.945", "8.747"};
  const char* medians[] = {"27", "20", "11"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("disease.mortality_multiplier_stage" + std::to_string(k + 1), mortality_defaults[k], "factor", 1,
                     100,
                     std::string("calibrated: median survival from diagnosis ") + medians[k] +
                         " y for stage " + stage +
                         " (Guangdong, references.md §2) for a man diagnosed at 48 (Chen 2001) in 2000, WPP 2024 "
                         "life table",
                     "All-cause mortality of stage " + stage + " patients as a multiple of background mortality.",
                     [k](P& p) -> double& { return p.disease.mortality_multiplier[k]; }));
  }

}

}  // namespace pneumo::parameters
