// [care] parameters: what diagnosis does for a patient still in dust work.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_care(std::vector<Spec>& s) {
  // 88.3 % of workers found with occupational contraindications were removed from their posts nationally in
  // 2008 (references.md §2); the plans and inspections find smaller enterprises comply less.
  const char* removal[] = {"0.95", "0.9", "0.8", "0.7"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("care.removal_share_" + size, removal[k], "share", 0, 1,
                     "assumed around the national 88.3 % removal of workers with occupational contraindications "
                     "(2008, references.md §2), lower in smaller enterprises (references.md §8: help for SMEs)",
                     "Share of workers diagnosed while employed by " + size +
                         " enterprises who are removed from dust work (调离).",
                     [k](P& p) -> double& { return p.care.removal_share[k]; }));
  }
  s.push_back(real("care.removal_factor_migrant", "0.6", "factor", 0, 1,
                   "assumed: migrant workers rarely have labour contracts (6.8 % in a 2014 survey of patients, "
                   "references.md §7) and change jobs rather than posts",
                   "Removal share of migrant workers relative to formal workers of the same enterprise.",
                   [](P& p) -> double& { return p.care.removal_factor_migrant; }));
  s.push_back(real("care.removal_factor_dispatched", "0.8", "factor", 0, 1,
                   "assumed: dispatched workers' employer of record is an agency, not the enterprise",
                   "Removal share of dispatched workers relative to formal workers of the same enterprise.",
                   [](P& p) -> double& { return p.care.removal_factor_dispatched; }));
}

}  // namespace pneumo::parameters
