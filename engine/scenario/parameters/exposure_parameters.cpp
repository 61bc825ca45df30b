// [exposure] parameters: concentration trends and respirators.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_exposure(std::vector<Spec>& s) {
  s.push_back(real("exposure.year_to_year_gsd", "1.3", "GSD", 1, 5,
                   "assumed: within-enterprise variation of annual means, smaller than between-enterprise GSDs",
                   "Geometric SD of an enterprise's annual mean concentration around its level.",
                   [](P& p) -> double& { return p.exposure.year_to_year_gsd; }));
  s.push_back(real("exposure.default_annual_change", "-0.035", "per year", -0.5, 0.5,
                   "Dosemeci 1995: mean RCS 0.90 mg/m3 (1960-68) to 0.43 (1981-87), about -3.5 %/y (references.md §4)",
                   "Relative change of concentrations per year for industries without a concentration_index in "
                   "trends.csv.",
                   [](P& p) -> double& { return p.exposure.default_annual_change; }));
  const char* wearing_defaults[] = {"0.8", "0.6", "0.4", "0.3"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("exposure.ppe_wearing_share_" + size, wearing_defaults[k], "share", 0, 1,
                     "assumed: respirator programmes are weaker in smaller enterprises (references.md §8: help for SMEs)",
                     "Share of workers in " + size + " enterprises who wear a respirator.",
                     [k](P& p) -> double& { return p.exposure.ppe_wearing_share[k]; }));
  }
  s.push_back(real("exposure.ppe_reduction", "0.5", "share", 0, 0.99,
                   "assumed: effective protection of disposable dust masks as worn, far below the nominal factor 10",
                   "Share of the workplace concentration removed for a worker who wears a respirator.",
                   [](P& p) -> double& { return p.exposure.ppe_reduction; }));

}

}  // namespace pneumo::parameters
