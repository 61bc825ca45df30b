// [population] parameters: hiring, turnover, retirement, homes.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_population(std::vector<Spec>& s) {
  s.push_back(real("population.hire_age_mean_years", "28", "years", 16, 70,
                   "assumed: consistent with Nanjing 2019 median age 50 at diagnosis after median 24 y exposure "
                   "(references.md §2)",
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
  s.push_back(real("population.local_home_at_workplace_share", "0.5", "share", 0, 1,
                   "assumed: mining and factory communities live by their works, which is where the plans expect "
                   "patients to concentrate",
                   "Share of local (formal and dispatched) workers whose home is their enterprise's township; the "
                   "others live anywhere in the county by township weight.",
                   [](P& p) -> double& { return p.population.local_home_at_workplace_share; }));

}

}  // namespace pneumo::parameters
