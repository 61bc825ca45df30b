// [enforcement], [sme_help], [knowledge] and [supervision] parameters: the levers the plans name —
// inspections and case handling, help for small and micro enterprises, training, township coordinators.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_programmes(std::vector<Spec>& s) {
  s.push_back(real("enforcement.inspection_rate", "0.05", "per year", 0, 1,
                   "assumed: 'double random, one public' spot checks reach a few per cent of employers a year",
                   "Share of enterprises inspected each year.",
                   [](P& p) -> double& { return p.enforcement.inspection_rate; }));
  s.push_back(real("enforcement.coordinator_inspection_factor", "1.5", "factor", 0, 10,
                   "assumed: township supervision coordinators (references.md §8) point inspectors to employers",
                   "Multiplier of the inspection rate for enterprises in a township with a supervision coordinator.",
                   [](P& p) -> double& { return p.enforcement.coordinator_inspection_factor; }));
  s.push_back(real("enforcement.detection", "0.8", "probability", 0, 1, "assumed",
                   "Probability that an inspection of a non-compliant enterprise finds a violation.",
                   [](P& p) -> double& { return p.enforcement.detection; }));
  s.push_back(real("enforcement.cases_per_county", "16.6", "cases per year", 0, 1e6,
                   "derived: Suqian's 2022 special inspection handled 83 cases in a year in a city of 5 county-level "
                   "divisions, the most a city is documented to handle; nationally 8,594 cases were handled in 2024, "
                   "about 3 per county (references.md §11)",
                   "Violation cases the health supervision office of a county can investigate and handle a year; "
                   "cases beyond it wait for the next year (a backlog).",
                   [](P& p) -> double& { return p.enforcement.cases_per_county; }));
  s.push_back(real("enforcement.compliance_years_after_case", "3", "years", 0, 50, "assumed",
                   "Years a handled case keeps the enterprise compliant in every state.",
                   [](P& p) -> double& { return p.enforcement.compliance_years_after_case; }));

  s.push_back(real("sme_help.coverage", "0.05", "share", 0, 1,
                   "assumed: help for small and micro enterprises before the 14th five-year plans (references.md §8)",
                   "Share of small and micro enterprises helped each year (custodial service, purchased monitoring "
                   "and exams).",
                   [](P& p) -> double& { return p.sme_help.coverage; }));
  s.push_back(real("sme_help.effect", "0.5", "share", 0, 1, "assumed",
                   "Share of its compliance gap a helped enterprise closes, in every compliance state.",
                   [](P& p) -> double& { return p.sme_help.effect; }));

  s.push_back(real("knowledge.initial_share", "0.4", "share", 0, 1, "assumed",
                   "Share of workers aware of occupational-health knowledge in the first simulated year.",
                   [](P& p) -> double& { return p.knowledge.initial_share; }));
  s.push_back(real("knowledge.new_hire_share", "0.4", "share", 0, 1, "assumed",
                   "Share of new hires already aware.", [](P& p) -> double& { return p.knowledge.new_hire_share; }));
  s.push_back(real("knowledge.decay_per_year", "0.1", "per year", 0, 1, "assumed",
                   "Share of aware workers who lose the knowledge each year.",
                   [](P& p) -> double& { return p.knowledge.decay_per_year; }));
  const char* reach[] = {"0.4", "0.3", "0.15", "0.08"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("knowledge.training_reach_" + size, reach[k], "per year", 0, 1, "assumed",
                     "Share of unaware workers in " + size + " enterprises reached by training each year.",
                     [k](P& p) -> double& { return p.knowledge.training_reach[k]; }));
  }

  s.push_back(real("supervision.coordinator_share", "0.5", "share", 0, 1, "assumed",
                   "Share of townships with an occupational-health supervision coordinator in the base year and "
                   "before.",
                   [](P& p) -> double& { return p.supervision.coordinator_share; }));
  s.push_back(real("supervision.coordinator_recruitment_per_year", "0.15", "per year", 0, 1,
                   "assumed: with the default turnover the share settles near 64 %, a little above the base year's "
                   "50 %; no recruitment figure was found (references.md §11)",
                   "After the base year, probability that a township without a coordinator recruits one in a year.",
                   [](P& p) -> double& { return p.supervision.coordinator_recruitment_per_year; }));
  s.push_back(real("supervision.coordinator_turnover_per_year", "0.1", "per year", 0, 1,
                   "derived: township health centre staff left at 8.1 % a year (2005) and 9.67-13 % (2012-2013); "
                   "coordinators' own turnover was not found (references.md §11)",
                   "After the base year, probability that a township's coordinator leaves in a year (the post may "
                   "be filled again the same year).",
                   [](P& p) -> double& { return p.supervision.coordinator_turnover_per_year; }));
}

}  // namespace pneumo::parameters
