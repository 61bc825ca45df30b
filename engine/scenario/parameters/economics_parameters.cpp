// [economics] parameters: health-state valuations, medical costs, who pays, household finances, thresholds.
// RMB amounts are in 2023 prices (economics.price_year); sources in docs/references.md §13.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_economics(std::vector<Spec>& s) {
  s.push_back(real("economics.discount_rate_per_year", "0.03", "per year", 0, 0.2,
                   "WHO guide to cost-effectiveness analysis (references.md §13)",
                   "Rate at which costs and health effects of later years are discounted.",
                   [](P& p) -> double& { return p.economics.discount_rate_per_year; }));
  s.push_back(integer("economics.reference_year", "2021", "year", 1900, 2200,
                      "assumed: the first year of the cities' 14th five-year plans (references.md §8)",
                      "Year to which discounted outputs are discounted (its flows count in full).",
                      [](P& p) -> std::int64_t& { return p.economics.reference_year; }));
  s.push_back(integer("economics.price_year", "2023", "year", 1990, 2100,
                      "the defaults are 2019-2023 figures carried to 2023 prices with the CPI (references.md §13)",
                      "Year whose prices every RMB amount of [economics] is in; a label, nothing is converted.",
                      [](P& p) -> std::int64_t& { return p.economics.price_year; }));

  const char* weights[] = {"0.019", "0.225", "0.408"};
  const char* severity[] = {"mild", "moderate", "severe"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("economics.disability_weight_stage" + std::to_string(k + 1), weights[k], "weight", 0, 1,
                     std::string("GBD 2019 disability weight of ") + severity[k] +
                         " silicosis and coal workers' pneumoconiosis (references.md §13); stage I/II/III read as "
                         "mild/moderate/severe (assumed: GBD does not map the Chinese stages)",
                     "Disability weight of a year lived in stage " + stage + " (years lived with disability).",
                     [k](P& p) -> double& { return p.economics.disability_weight[k]; }));
  }
  s.push_back(real("economics.utility_full_health", "0.985", "utility", 0, 1,
                   "mean EQ-5D-3L index of the Chinese population, 2013 National Health Services Survey "
                   "(Yao 2021, references.md §13)",
                   "Health-state utility of a year without pneumoconiosis (the QALYs a death or a stage takes are "
                   "counted against it).",
                   [](P& p) -> double& { return p.economics.utility_full_health; }));
  const char* utilities[] = {"0.787", "0.75", "0.647"};
  const char* gold[] = {"II (moderate)", "III (severe)", "IV (very severe)"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("economics.utility_stage" + std::to_string(k + 1), utilities[k], "utility", -0.6, 1,
                     std::string("EQ-5D index of COPD patients in GOLD stage ") + gold[k] +
                         " (Rutten-van Molken 2006, references.md §13); no utilities of Chinese pneumoconiosis by "
                         "stage were found, the stage mapping is assumed",
                     "Health-state utility of a year lived in stage " + stage + ".",
                     [k](P& p) -> double& { return p.economics.utility[k]; }));
  }
  s.push_back(real("economics.rehab_utility_gain", "0.048", "utility", 0, 0.5,
                   "derived: pulmonary rehabilitation lowers the SGRQ score of pneumoconiosis patients by 9.6 points "
                   "(95 % CI 2.8-16.4; meta-analysis of 4 Chinese RCTs, very low certainty, Zhao 2020, references.md "
                   "§13) x 0.005 EQ-5D per SGRQ point (assumed: the order of the model's own utility gradient, 0.14 "
                   "between GOLD II and IV); range 0.014-0.08",
                   "Utility a year of rehabilitation at a station adds to a patient it serves (QALYs only: no effect "
                   "on stage, disability weight or survival is established).",
                   [](P& p) -> double& { return p.economics.rehab_utility_gain; }));

  const char* costs[] = {"18400", "27600", "46000"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("economics.medical_cost_stage" + std::to_string(k + 1) + "_rmb_per_year", costs[k], "RMB/year",
                     0, 1e7,
                     "Nanjing 2019 median 21,300 RMB a patient-year at 2023 prices, split over the stages 1 : 1.5 : "
                     "2.5 (assumed; costs rise with stage, Nanjing and Qinghai) with Jiangsu's stage mix "
                     "(references.md §13)",
                     "Median medical cost of a year of a diagnosed stage " + stage + " patient.",
                     [k](P& p) -> double& { return p.economics.medical_cost_rmb_per_year[k]; }));
  }
  s.push_back(real("economics.medical_cost_gsd", "4.2", "GSD", 1, 20,
                   "Nanjing 2019 interquartile range 8,700-62,700 RMB around the median, less the spread between "
                   "stages (references.md §13)",
                   "Geometric standard deviation of a patient-year's medical cost around the stage's median "
                   "(lognormal, drawn each year).",
                   [](P& p) -> double& { return p.economics.medical_cost_gsd; }));
  s.push_back(real("economics.undiagnosed_cost_share", "0.5", "share", 0, 1,
                   "assumed: without a diagnosis symptoms are treated as ordinary respiratory disease, without the "
                   "occupational disease's insured or free treatment (Wang 2021, references.md §13)",
                   "Medical cost of an undiagnosed patient relative to a diagnosed one in the same stage.",
                   [](P& p) -> double& { return p.economics.undiagnosed_cost_share; }));

  s.push_back(real("economics.injury_insurance_paid_share", "0.9", "share", 0, 1,
                   "work-injury insurance pays treatment within its catalogues (Social Insurance Law art. 38, "
                   "references.md §13); the 10 % outside them is assumed",
                   "Share of an insured diagnosed patient's medical cost the work-injury insurance fund pays (the "
                   "rest is out of pocket).",
                   [](P& p) -> double& { return p.economics.injury_insurance_paid_share; }));
  const char* identifiable[] = {"1", "0.068", "1"};
  const char* identifiable_source[] = {
      "assumed: a labour contract names the employer",
      "6.8 % of migrant patients had signed a labour contract (Love Save Pneumoconiosis 2014, references.md §13)",
      "assumed: a dispatch contract names the agency as employer"};
  for (std::size_t k = 0; k < kEmploymentTypeCount; ++k) {
    const std::string type(kEmploymentTypeNames[k]);
    s.push_back(real("economics.employer_identifiable_share_" + type, identifiable[k], "share", 0, 1,
                     identifiable_source[k],
                     "Share of " + type + " workers diagnosed with pneumoconiosis whose employer can be identified "
                     "and held liable (a closed enterprise never can).",
                     [k](P& p) -> double& { return p.economics.employer_identifiable_share[k]; }));
  }
  s.push_back(real("economics.employer_pays_share", "0.044", "share", 0, 1,
                   "25.7 % of migrant patients sought compensation and 17.3 % of them obtained it (Love Save "
                   "Pneumoconiosis 2014, references.md §13)",
                   "Share of uninsured diagnosed patients with an identifiable employer whose employer pays their "
                   "treatment as work-injury insurance would.",
                   [](P& p) -> double& { return p.economics.employer_pays_share; }));
  s.push_back(real("economics.basic_insurance_paid_share_employee", "0.6", "share", 0, 1,
                   "employee insurance reimbursed 80 % of in-catalogue inpatient costs (2014, references.md §13), "
                   "times an assumed 75 % of costs within the catalogues",
                   "Share of a formal or dispatched worker's medical cost (not paid by work-injury insurance or the "
                   "employer) that basic medical insurance pays.",
                   [](P& p) -> double& { return p.economics.basic_insurance_paid_share_employee; }));
  s.push_back(real("economics.basic_insurance_paid_share_resident", "0.525", "share", 0, 1,
                   "the rural scheme reimbursed 70 % of in-catalogue inpatient costs (2014, references.md §13), "
                   "times an assumed 75 % of costs within the catalogues",
                   "Share of a migrant worker's medical cost (not paid by work-injury insurance or the employer) "
                   "that resident basic medical insurance pays.",
                   [](P& p) -> double& { return p.economics.basic_insurance_paid_share_resident; }));
  s.push_back(real("economics.serious_illness_deductible_rmb", "18500", "RMB/year", 0, 1e7,
                   "at most half the previous year's per-capita disposable income (national serious-illness "
                   "insurance rule; 36,883 RMB in 2022, references.md §13)",
                   "Out-of-pocket cost in a year above which resident serious-illness insurance pays.",
                   [](P& p) -> double& { return p.economics.serious_illness_deductible_rmb; }));
  s.push_back(real("economics.serious_illness_paid_share", "0.6", "share", 0, 1,
                   "at least 60 % (national serious-illness insurance rule, references.md §13)",
                   "Share of the out-of-pocket cost above the deductible that serious-illness insurance pays "
                   "(resident insurance, migrant workers).",
                   [](P& p) -> double& { return p.economics.serious_illness_paid_share; }));
  s.push_back(real("economics.medical_aid_reach_share", "0.241", "share", 0, 1,
                   "medical financial assistance gave cash aid to 24.1 % of low-income households (2014, Liu 2017, "
                   "references.md §13)",
                   "Share of diagnosed patients without an identifiable employer whom medical aid and relief funds "
                   "reach.",
                   [](P& p) -> double& { return p.economics.medical_aid_reach_share; }));
  s.push_back(real("economics.medical_aid_paid_share", "0.5", "share", 0, 1,
                   "assumed: no figure on the share aid pays was found",
                   "Share of what insurance leaves a reached patient to pay that medical aid pays.",
                   [](P& p) -> double& { return p.economics.medical_aid_paid_share; }));

  s.push_back(real("economics.earnings_rmb_per_year", "57360", "RMB/year", 0, 1e7,
                   "migrant workers' mean income 4,780 RMB a month in 2023 (NBS migrant worker survey, "
                   "references.md §13)",
                   "Annual earnings a worker of working age loses with the capacity to work.",
                   [](P& p) -> double& { return p.economics.earnings_rmb_per_year; }));
  const char* lost[] = {"0", "0.75", "0.8"};
  const char* grade[] = {"disability grade 7 (stage I): no monthly allowance, deemed able to work",
                         "grade 4 (stage II): allowance 75 % of the wage", "grade 3 (stage III): 80 %"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("economics.work_capacity_lost_stage" + std::to_string(k + 1), lost[k], "share", 0, 1,
                     std::string("GB/T 16180 and the work-injury regulations: ") + grade[k] +
                         " (references.md §13)",
                     "Share of earnings a stage " + stage +
                         " patient below the retirement age and out of dust work loses each year.",
                     [k](P& p) -> double& { return p.economics.work_capacity_lost[k]; }));
  }
  s.push_back(real("economics.household_income_migrant_rmb_per_year", "10000", "RMB/year", 0, 1e8,
                   "48 % of migrant pneumoconiosis patients' families earned under 10,000 RMB a year (Jing 2023, "
                   "references.md §13)",
                   "Median yearly income of a migrant worker patient's household.",
                   [](P& p) -> double& { return p.economics.household_income_migrant_rmb_per_year; }));
  s.push_back(real("economics.household_income_local_rmb_per_year", "82400", "RMB/year", 0, 1e8,
                   "national median per-capita disposable income 31,370 RMB (2022) x 2.62 persons a household "
                   "(2020 census), 2023 prices (references.md §13)",
                   "Median yearly income of a formal or dispatched worker patient's household.",
                   [](P& p) -> double& { return p.economics.household_income_local_rmb_per_year; }));
  s.push_back(real("economics.household_income_gsd", "1.65", "GSD", 1, 10,
                   "lognormal with the rural mean/median ratio 20,133/17,734 (NBS 2022, references.md §13)",
                   "Geometric standard deviation of household incomes around the median (one draw per patient).",
                   [](P& p) -> double& { return p.economics.household_income_gsd; }));
  s.push_back(real("economics.subsistence_share_of_income", "0.203", "share", 0, 1,
                   "food spending 7,481 of disposable income 36,883 RMB per person (NBS 2022, references.md §13)",
                   "Share of household income needed for subsistence; the rest is the capacity to pay.",
                   [](P& p) -> double& { return p.economics.subsistence_share_of_income; }));
  s.push_back(real("economics.che_threshold_share_of_capacity", "0.4", "share", 0, 1,
                   "catastrophic health expenditure: out of pocket at least 40 % of capacity to pay (Xu 2003, "
                   "WHO; references.md §13)",
                   "A patient's household has catastrophic health expenditure when the year's out-of-pocket cost "
                   "reaches this share of its capacity to pay.",
                   [](P& p) -> double& { return p.economics.che_threshold_share_of_capacity; }));
  s.push_back(real("economics.poverty_line_rmb_per_person_year", "4125", "RMB/year", 0, 1e6,
                   "China's poverty line, 2,300 RMB at 2010 prices, about 4,000 in 2020, carried to 2023 with the "
                   "CPI (references.md §13)",
                   "Income per person below which a household is poor (impoverishment: out-of-pocket cost pushes it "
                   "below).",
                   [](P& p) -> double& { return p.economics.poverty_line_rmb_per_person_year; }));
  s.push_back(real("economics.household_size_persons", "2.62", "persons", 1, 20,
                   "mean family household, 2020 census (references.md §13)",
                   "Persons in a patient's household (scales the poverty line).",
                   [](P& p) -> double& { return p.economics.household_size_persons; }));
  s.push_back(real("economics.gdp_per_capita_rmb", "89358", "RMB", 0, 1e7,
                   "national GDP per capita 2023 (NBS, references.md §13); a city pack may give its own",
                   "GDP per capita; compare's default willingness to pay is 1 and 3 times it per DALY or QALY.",
                   [](P& p) -> double& { return p.economics.gdp_per_capita_rmb; }));
}

}  // namespace pneumo::parameters
