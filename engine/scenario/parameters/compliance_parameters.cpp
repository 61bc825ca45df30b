// [compliance] parameters: the shares of enterprises declaring hazards, monitoring workplaces, providing
// exams, insuring workers, monitoring radiation doses and running hearing-protection programmes.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_compliance(std::vector<Spec>& s) {
  struct StateDefaults {
    const char* shares[kSizeClassCount];
    const char* meaning;
    const char* source;
  };
  const StateDefaults defaults[kComplianceStateCount] = {
      {{"0.9", "0.8", "0.6", "0.4"}, "have declared their occupational hazards",
       "assumed: plans target >= 90 % in 2025 from lower levels; compliance falls with size (references.md §4: "
       "48 % of mining employers small, 30 % micro)"},
      {{"0.85", "0.7", "0.45", "0.25"}, "have their workplaces monitored every year",
       "assumed: smaller enterprises monitor less (references.md §8: government-purchased monitoring for SMEs)"},
      {{"0.85", "0.65", "0.4", "0.2"}, "provide periodic health exams",
       "assumed: exam coverage of exposed workers 44.2 % nationally in 2005 (references.md §3)"},
      {{"0.95", "0.85", "0.55", "0.35"}, "are enrolled in work-injury insurance",
       "assumed: 282.8 M insured in 2021 (references.md §5); small employers enrol least"},
      {{"0.95", "0.85", "0.7", "0.5"}, "monitor personal doses of their radiation workers", "assumed"},
      {{"0.6", "0.45", "0.25", "0.15"}, "run a hearing-protection programme (supply, fit, training)", "assumed"},
  };
  for (std::size_t state = 0; state < kComplianceStateCount; ++state) {
    for (std::size_t k = 0; k < kSizeClassCount; ++k) {
      const std::string size(kSizeClassNames[k]);
      s.push_back(real("compliance." + std::string(kComplianceStateNames[state]) + "_share_" + size,
                       defaults[state].shares[k], "share", 0, 1, defaults[state].source,
                       "Share of " + size + " enterprises that " + defaults[state].meaning + " in rise_end_year.",
                       [state, k](P& p) -> double& { return p.compliance.share[state][k]; }));
    }
  }
  s.push_back(real("compliance.historical_factor", "0.4", "factor", 0, 1,
                   "assumed: compliance rose after the Occupational Disease Prevention Law took effect (2002); "
                   "reported new cases rose from 9,173 (2005) to 26,873 (2014) (references.md §5)",
                   "Compliance shares before rise_start_year, as a multiple of the rise_end_year shares.",
                   [](P& p) -> double& { return p.compliance.historical_factor; }));
  s.push_back(integer("compliance.rise_start_year", "2002", "calendar year", 1900, 2200,
                      "Occupational Disease Prevention Law of the PRC in force from 1 May 2002",
                      "Year compliance starts rising from its historical level.",
                      [](P& p) -> std::int64_t& { return p.compliance.rise_start_year; }));
  s.push_back(integer("compliance.rise_end_year", "2012", "calendar year", 1900, 2200,
                      "assumed: ten years after the Law; the Law was revised in 2011",
                      "Year compliance reaches the shares above (linear rise in between).",
                      [](P& p) -> std::int64_t& { return p.compliance.rise_end_year; }));
  s.push_back(real("compliance.annual_gain", "0.03", "per year", 0, 1, "assumed: slow continued improvement",
                   "After rise_end_year, the share of non-compliant enterprises that comply each further year.",
                   [](P& p) -> double& { return p.compliance.annual_gain; }));
  s.push_back(real("compliance.migrant_insured_share", "0.5", "share", 0, 1,
                   "assumed: 90.9 M migrant workers insured in 2021 (references.md §5) of about 290 M migrant "
                   "workers (NBS migrant worker monitoring report 2021)",
                   "Share of migrant workers of an insured enterprise who are enrolled.",
                   [](P& p) -> double& { return p.compliance.migrant_insured_share; }));
  s.push_back(real("compliance.hearing_wearing_with_programme", "0.85", "share", 0, 1, "assumed",
                   "Noise-exposed workers wearing earplugs or earmuffs correctly where a programme runs.",
                   [](P& p) -> double& { return p.compliance.hearing_wearing_with_programme; }));
  s.push_back(real("compliance.hearing_wearing_without_programme", "0.3", "share", 0, 1, "assumed",
                   "Noise-exposed workers wearing hearing protection correctly without a programme.",
                   [](P& p) -> double& { return p.compliance.hearing_wearing_without_programme; }));
  const char* posts[] = {"20", "10", "5", "3"};
  for (std::size_t k = 0; k < kSizeClassCount; ++k) {
    const std::string size(kSizeClassNames[k]);
    s.push_back(real("compliance.monitored_posts_" + size, posts[k], "posts", 1, 1000, "assumed",
                     "Workplace posts measured per monitored " + size + " enterprise.",
                     [k](P& p) -> double& { return p.compliance.monitored_posts[k]; }));
  }
  s.push_back(real("compliance.post_gsd", "2", "GSD", 1, 10,
                   "assumed: posts of one enterprise vary around its mean; >30 % of silica, coal and noise posts "
                   "exceeded limits in 2019 mining monitoring and 22.1 % in Guangdong 2017 (references.md §4)",
                   "Geometric SD of measured post concentrations around the enterprise's annual mean.",
                   [](P& p) -> double& { return p.compliance.post_gsd; }));
  s.push_back(real("compliance.employees_per_exposed_worker", "2.68", "factor", 1, 100,
                   "derived: employers inspected in 2008 with dust, asbestos or solvent hazards had 23,575,301 "
                   "workers, 8,788,120 (37.28 %) of them exposed (references.md §11)",
                   "All employees of an enterprise per worker in dust work: the base of the insurance enrolment "
                   "indicator counts every employee of an insured enterprise.",
                   [](P& p) -> double& { return p.compliance.employees_per_exposed_worker; }));
}

}  // namespace pneumo::parameters
