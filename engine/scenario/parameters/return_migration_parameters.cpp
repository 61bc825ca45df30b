// [return_migration] parameters: residents who did dust work outside the city and come home.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_return_migration(std::vector<Spec>& s) {
  using R = ReturnMigrationParameters;
  const auto field = [](double R::*member) { return [member](P& p) -> double& { return p.return_migration.*member; }; };
  s.push_back(integer("return_migration.start_year", "1990", "calendar year", 1900, 2200,
                      "assumed: the Pearl River Delta's building boom drew rural labour from the late 1980s; the "
                      "Shenzhen rock drillers traced home began in 1990–91 (references.md §14)",
                      "First year in which residents come home from dust work elsewhere (none before).",
                      [](P& p) -> std::int64_t& { return p.return_migration.start_year; }));
  s.push_back(real("return_migration.returners_per_year", "0", "people/year", 0, 1e6,
                   "off unless a pack sources it: no city publishes how many of its residents come home from dust "
                   "work elsewhere (references.md §14)",
                   "Residents who did dust work outside the city and come home in start_year; only those whose "
                   "dose elsewhere reached their tolerance are followed.",
                   field(&R::returners_per_year)));
  s.push_back(real("return_migration.trend_per_year", "0", "share/year", -0.5, 0.5, "assumed: no trend",
                   "Relative change per year of the number of returners (−0.05: 5 % fewer each year).",
                   field(&R::trend_per_year)));
  s.push_back(real("return_migration.age_mean_years", "42", "years", 20, 75,
                   "migrant patients mostly first exposed at 30–44 with 1–10 years of exposure (references.md §14)",
                   "Mean age on return (normal, truncated to 20–75).", field(&R::age_mean_years)));
  s.push_back(real("return_migration.age_sd_years", "8", "years", 0, 30, "assumed: spread of the 30–44 band",
                   "Standard deviation of the age on return.", field(&R::age_sd_years)));
  s.push_back(real("return_migration.work_years_mean", "7.2", "years", 1, 50,
                   "migrant rock drillers and miners with pneumoconiosis: 7.20 ± 3.59 years of exposure (Hainan "
                   "2006–2011, references.md §14)",
                   "Mean years of dust work elsewhere (normal, at least 1 and at most the years since age 16).",
                   field(&R::work_years_mean)));
  s.push_back(real("return_migration.work_years_sd", "3.6", "years", 0, 30, "as work_years_mean (references.md §14)",
                   "Standard deviation of the years of dust work elsewhere.", field(&R::work_years_sd)));
  s.push_back(real("return_migration.dust_median_mg_m3", "2", "mg/m³", 0, 100,
                   "assumed: respirable dust of 0.03–220 mg/m³ measured in migrant construction jobs in Guangdong, "
                   "71 % above the limit (references.md §14); with 30 % silica, 0.6 mg/m³ of respirable silica, "
                   "within the means of 0.32–1.75 mg/m³ in Chinese mines (references.md §4)",
                   "Median respirable dust concentration breathed in dust work elsewhere (lognormal by person).",
                   field(&R::dust_median_mg_m3)));
  s.push_back(real("return_migration.dust_gsd", "2.5", "factor", 1, 10,
                   "assumed: the wide range of measured concentrations (references.md §14)",
                   "Geometric standard deviation of that concentration between returners.", field(&R::dust_gsd)));
  s.push_back(real("return_migration.silica_fraction", "0.3", "share", 0, 1,
                   "assumed: rock drilling and quarrying in granite and quartz; 83.6 % of Guangdong's new cases "
                   "2006–2009 were silicosis (references.md §14)",
                   "Respirable crystalline silica share of the dust (for silica exposure-response profiles).",
                   field(&R::silica_fraction)));
  s.push_back(real("return_migration.female_share", "0.02", "share", 0, 1,
                   "Guangdong 2006–2009: 11 of 517 new pneumoconiosis cases were women (references.md §14)",
                   "Share of returners who are women.", field(&R::female_share)));
  s.push_back(real("return_migration.diagnosed_share", "0.25", "share", 0, 1,
                   "assumed: only 25.7 % of migrant patients even sought compensation (references.md §13); most "
                   "returners are examined only once symptoms bring them back to a diagnosis institution "
                   "(references.md §14)",
                   "Of those already sick on return, the share already diagnosed elsewhere.",
                   field(&R::diagnosed_share)));
  s.push_back(real("return_migration.followup_reach", "0.5", "factor", 0, 1,
                   "assumed: returners are on no employer's list of former dust workers, so only the township's own "
                   "case finding reaches them",
                   "Follow-up exam coverage of returners relative to the city's former dust workers.",
                   field(&R::followup_reach)));
  s.push_back(enum_choice("return_migration.industry", "stone_processing",
                          "assumed: rock drilling, quarrying and stone cutting were the dust jobs of the cases traced "
                          "back home (references.md §14)",
                          "Industry whose exposure-response profile ([disease] profile_<industry>) gives returners' "
                          "tolerance.",
                          [](P& p) -> Industry& { return p.return_migration.industry; }, kIndustryNames));
}

}  // namespace pneumo::parameters
