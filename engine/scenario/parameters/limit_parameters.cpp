// [limits] parameters: occupational exposure limits for respirable dust by dust type, against which
// monitored workplaces pass or fail and hazard grades (and so exam intervals) are set.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_limits(std::vector<Spec>& s) {
  s.push_back(real("limits.coal_dust_mg_m3", "2.5", "mg/m3", 0.001, 100,
                   "GBZ 2.1-2019: respirable coal dust (SiO2 < 10 %) 2.5 mg/m3 (references.md §4)",
                   "Limit for respirable coal dust (coal mining and coking strata with < 10 % silica).",
                   [](P& p) -> double& { return p.limits.coal_dust; }));
  s.push_back(real("limits.silica_10_50_mg_m3", "0.7", "mg/m3", 0.001, 100,
                   "unverified: GBZ 2.1-2019 as quoted in references.md §4 (10-50 % SiO2: 0.7 respirable)",
                   "Limit for respirable dust with 10-50 % crystalline silica.",
                   [](P& p) -> double& { return p.limits.silica_10_50; }));
  s.push_back(real("limits.silica_50_80_mg_m3", "0.3", "mg/m3", 0.001, 100,
                   "unverified: GBZ 2.1-2019 as quoted in references.md §4 (50-80 % SiO2: 0.3 respirable)",
                   "Limit for respirable dust with 50-80 % crystalline silica.",
                   [](P& p) -> double& { return p.limits.silica_50_80; }));
  s.push_back(real("limits.silica_above_80_mg_m3", "0.2", "mg/m3", 0.001, 100,
                   "unverified: GBZ 2.1-2019 as quoted in references.md §4 (> 80 % SiO2: 0.2 respirable)",
                   "Limit for respirable dust with more than 80 % crystalline silica.",
                   [](P& p) -> double& { return p.limits.silica_above_80; }));
  s.push_back(real("limits.cement_mg_m3", "1.5", "mg/m3", 0.001, 100,
                   "unverified: GBZ 2.1-2019 as quoted in references.md §4 (cement 1.5 respirable)",
                   "Limit for respirable cement dust (cement strata with < 10 % silica).",
                   [](P& p) -> double& { return p.limits.cement; }));
  s.push_back(real("limits.other_dust_mg_m3", "4", "mg/m3", 0.001, 100,
                   "assumed: half the 8 mg/m3 total-dust limit for other dust (unverified, references.md §4)",
                   "Limit for other respirable dust with < 10 % silica.",
                   [](P& p) -> double& { return p.limits.other_dust; }));
}

}  // namespace pneumo::parameters
