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
  s.push_back(real("disease.progression_probability_1_2", "0.482", "probability", 0, 1,
                   "20 Chinese tin, tungsten and pottery workplaces, 33,640 workers followed to 1994: 48.2 % of stage I "
                   "cases progressed to II (references.md §2; a coal enterprise reported 13.6 %)",
                   "Probability that a stage I patient progresses to stage II.",
                   [](P& p) -> double& { return p.disease.progression_probability_1_2; }));
  s.push_back(real("disease.progression_median_years_1_2", "4.1", "years", 0.5, 50,
                   "same cohort: mean interval 4.1 years from I to II (used as the median)",
                   "Median years from stage I to stage II for those who progress (without further exposure).",
                   [](P& p) -> double& { return p.disease.progression_median_years_1_2; }));
  s.push_back(real("disease.progression_probability_2_3", "0.185", "probability", 0, 1,
                   "same cohort: 18.5 % of stage II cases progressed to III (references.md §2)",
                   "Probability that a stage II patient progresses to stage III.",
                   [](P& p) -> double& { return p.disease.progression_probability_2_3; }));
  s.push_back(real("disease.progression_median_years_2_3", "6.8", "years", 0.5, 50,
                   "same cohort: mean interval 6.8 years from II to III (used as the median)",
                   "Median years from stage II to stage III for those who progress (without further exposure).",
                   [](P& p) -> double& { return p.disease.progression_median_years_2_3; }));
  s.push_back(real("disease.progression_acceleration_per_mg_m3_silica", "0.7", "per mg/m3", 0, 100,
                   "derived: continued exposure adds 0.052 ILO subcategory a year per 0.1 mg/m3 of silica (Vacek 2019, "
                   "references.md §1.2), against about 3 subcategories (one stage) in 4.1 years (0.73 a year) without "
                   "it (references.md §2): 0.52 / 0.73 = 0.7; exposure after onset, not before, drives progression "
                   "(Hessel et al., references.md §2)",
                   "Each year a patient still works in dust counts as 1 + this x the year's respirable silica (mg/m3) "
                   "years towards the next stage.",
                   [](P& p) -> double& { return p.disease.progression_acceleration_per_mg_m3_silica; }));
  s.push_back(real("disease.progression_time_gsd", "1.5", "GSD", 1, 10, "assumed: spread not published",
                   "Geometric SD of progression times.", [](P& p) -> double& { return p.disease.progression_time_gsd; }));
  // Survival after diagnosis: an excess hazard by stage added to the background rates (relative survival),
  // fitted with `pneumoplan survival --patients` so that men diagnosed at 48 +- 8 (the Chen 2001 tin miners'
  // mean age at diagnosis) in 1985-2000 reach the Guangdong cohort's published medians, progression included.
  // Stage I needs no excess: progression and background mortality alone give 25.3 years against the published
  // 27 (docs/validation.md). The multipliers of the background stay at 1.
  const char* excess_defaults[] = {"0", "0.0138", "0.0502"};
  const char* excess_sources[] = {
      "fitted: 0, since with progression to stage II and background mortality alone stage I patients diagnosed at "
      "48 +- 8 in 1985-2000 reach a median of 25.3 years, below the published 27 (Guangdong 11,809 patients, "
      "references.md §2); pneumoplan survival --patients",
      "fitted: median survival from diagnosis 20 y for stage II (Guangdong, references.md §2), with progression to "
      "III, for men diagnosed at 48 +- 8 (Chen 2001 mean age at diagnosis) in 1985-2000; pneumoplan survival "
      "--patients",
      "fitted: median survival from diagnosis 11 y for stage III (Guangdong, references.md §2) for men diagnosed at "
      "48 +- 8 in 1985-2000; pneumoplan survival --patients"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("disease.mortality_multiplier_stage" + std::to_string(k + 1), "1", "factor", 1, 100,
                     "1: the stage's mortality is an excess hazard added to the background (excess_mortality_* keys), "
                     "which keeps the flat age gradient of published survival (Guangzhou: HR 1.02 per year of age "
                     "at diagnosis, references.md §2)",
                     "Mortality of stage " + stage + " patients as a multiple of background mortality (before the excess).",
                     [k](P& p) -> double& { return p.disease.mortality_multiplier[k]; }));
    s.push_back(real("disease.excess_mortality_per_year_stage" + std::to_string(k + 1), excess_defaults[k], "per year", 0,
                     5, excess_sources[k], "Excess mortality of stage " + stage + " patients, added to the background hazard.",
                     [k](P& p) -> double& { return p.disease.excess_mortality_per_year[k]; }));
  }
}

}  // namespace pneumo::parameters
