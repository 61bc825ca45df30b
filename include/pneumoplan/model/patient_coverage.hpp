// What a diagnosis lets a patient claim on, fixed in their PatientRecord when they are diagnosed: work-injury
// insurance if the enterprise they worked for insured them (migrant workers of an insured enterprise only as far
// as the enrolment share reaches them), and an employer that can be identified and held liable — by a labour
// contract, differently likely for each employment type (economics.employer_identifiable_share_*). Later years
// add the employer's closure (a closed enterprise is no longer liable) and the yearly chance that an uninsured
// patient's employer pays (annual_pass.cpp).
#pragma once

#include <cstdint>

#include "pneumoplan/model/person_propensity.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

// `record` with the claim bits of a patient diagnosed now. `enterprise_insures`: the (last) employer holds the
// work-injury insurance compliance state this year; `migrant_insured_threshold`: this year's enrolment threshold
// for migrant workers (share_threshold_32).
inline std::uint8_t with_claims_at_diagnosis(std::uint8_t record, std::uint64_t person, EmploymentType type,
                                             bool enterprise_insures, std::uint64_t migrant_insured_threshold,
                                             const EconomicsParameters& economics) {
  const bool enrolled = type != EmploymentType::Migrant ||
                        person_propensity_32(person, PersonTrait::MigrantInsurance) < migrant_insured_threshold;
  const bool insured = enterprise_insures && enrolled;
  const bool identifiable =
      insured || person_propensity(person, PersonTrait::EmployerIdentifiable) <
                     economics.employer_identifiable_share[static_cast<std::size_t>(type)];
  std::uint8_t out = record;
  if (insured) out = static_cast<std::uint8_t>(out | PatientRecord::kInjuryInsured);
  if (identifiable) out = static_cast<std::uint8_t>(out | PatientRecord::kEmployerIdentifiable);
  return out;
}

}  // namespace pneumo
