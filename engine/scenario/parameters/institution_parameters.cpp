// [institutions] parameters: how institutions that interventions create or certify come into service.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_institutions(std::vector<Spec>& s) {
  s.push_back(real("institutions.certification_delay_years", "1", "years", 0, 20,
                   "assumed: staff, equipment and the filing (备案) of an exam or diagnosis institution with the "
                   "provincial health commission take about a year; no figure was found (references.md §11)",
                   "Years from an attempt to create or certify an institution (exam_capacity, diagnosis_capacity "
                   "interventions) to its opening, if the attempt succeeds.",
                   [](P& p) -> double& { return p.institutions.certification_delay_years; }));
  s.push_back(real("institutions.certification_failure_probability", "0.2", "probability", 0, 1,
                   "assumed: one attempt in five misses a requirement (a qualified occupational physician, "
                   "radiology) in time; no figure was found (references.md §11)",
                   "Probability that an attempt fails; the next attempt starts when the failure is known, while "
                   "the intervention runs.",
                   [](P& p) -> double& { return p.institutions.certification_failure_probability; }));
}

}  // namespace pneumo::parameters
