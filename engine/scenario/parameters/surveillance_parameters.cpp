// [surveillance] parameters: exam schedules, attendance, test accuracy, self-presentation.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_surveillance(std::vector<Spec>& s) {
  s.push_back(real("surveillance.exam_interval_low_hazard_years", "2", "years", 1, 10,
                   "GBZ 188 (references.md §3): silica, coal and other dust every 2 y at hazard grade I or lower",
                   "Years between periodic exams where the dust hazard grade is 0 or I.",
                   [](P& p) -> double& { return p.surveillance.exam_interval_low_hazard_years; }));
  s.push_back(real("surveillance.exam_interval_high_hazard_years", "1", "years", 1, 10,
                   "GBZ 188 (references.md §3): every year at hazard grade II and above",
                   "Years between periodic exams where the dust hazard grade is II or higher.",
                   [](P& p) -> double& { return p.surveillance.exam_interval_high_hazard_years; }));
  s.push_back(real("surveillance.high_hazard_ratio", "0.1", "ratio", 0, 10,
                   "dust hazard grading by ratio to the OEL: grade II from 10 % (references.md §3)",
                   "Enterprise annual mean ÷ its exposure limit from which the hazard grade is II.",
                   [](P& p) -> double& { return p.surveillance.high_hazard_ratio; }));
  s.push_back(real("surveillance.attendance", "0.9", "share", 0, 1, "assumed",
                   "Share of workers of an enterprise that provides exams who attend a scheduled exam.",
                   [](P& p) -> double& { return p.surveillance.attendance; }));
  s.push_back(real("surveillance.followup_years_after_exit", "5", "years", 0, 50,
                   "unverified: GBZ 188 post-exit follow-up; duration is a parameter (references.md §3)",
                   "Years after leaving dust work during which former workers are offered follow-up exams.",
                   [](P& p) -> double& { return p.surveillance.followup_years_after_exit; }));
  s.push_back(real("surveillance.followup_coverage", "0.2", "share", 0, 1, "assumed",
                   "Share of former workers under follow-up who attend each scheduled exam.",
                   [](P& p) -> double& { return p.surveillance.followup_coverage; }));
  const char* sensitivity_defaults[] = {"0.5", "0.85", "0.95"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("surveillance.sensitivity_stage" + std::to_string(k + 1), sensitivity_defaults[k], "probability",
                     0, 1,
                     "chest radiograph vs HRCT 0.76 overall, rising with severity (Howlett 2025, references.md §3); "
                     "split by stage assumed",
                     "Probability that an exam finds a stage " + stage + " patient screen-positive.",
                     [k](P& p) -> double& { return p.surveillance.sensitivity[k]; }));
  }
  s.push_back(real("surveillance.specificity_screening", "0.995", "probability", 0, 1,
                   "referral rates: suspected occupational disease in 0.51 % of exams (Guangdong 2017, references.md "
                   "§4), pneumoconiosis-like changes in 0.6-0.7 % of screened workers (2019-22, §3); a radiograph "
                   "read for any abnormality is far less specific (0.89 vs HRCT, Howlett 2025)",
                   "Probability that an exam of a worker without pneumoconiosis does not refer them for diagnosis.",
                   [](P& p) -> double& { return p.surveillance.specificity_screening; }));
  s.push_back(real("surveillance.specificity_diagnosis", "0.98", "probability", 0, 1,
                   "readers vs autopsy 0.97-0.99 (Hnizdo 1993, references.md §3)",
                   "Probability that a diagnosis institution rejects a screen-positive worker without pneumoconiosis.",
                   [](P& p) -> double& { return p.surveillance.specificity_diagnosis; }));
  const char* presentation_defaults[] = {"0.01", "0.08", "0.25"};
  for (std::size_t k = 0; k < kStageCount; ++k) {
    const std::string stage(kStageNames[k]);
    s.push_back(real("surveillance.self_presentation_stage" + std::to_string(k + 1), presentation_defaults[k],
                     "per year", 0, 1, "assumed: symptoms drive advanced patients to seek diagnosis",
                     "Annual probability that an undiagnosed stage " + stage + " patient seeks diagnosis unprompted.",
                     [k](P& p) -> double& { return p.surveillance.self_presentation[k]; }));
  }
}

}  // namespace pneumo::parameters
