#include "pneumoplan/model/patient_payments.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/core/round_to_int64.hpp"

namespace pneumo {
namespace {

// share × amount in whole RMB, never more than the amount.
std::int64_t part(double share, std::int64_t amount) {
  return std::clamp<std::int64_t>(round_to_int64(share * static_cast<double>(amount)), 0, amount);
}

}  // namespace

std::int64_t PaymentSplit::total() const {
  std::int64_t sum = 0;
  for (const std::int64_t v : paid) sum += v;
  return sum;
}

PaymentSplit split_medical_cost(std::int64_t cost_rmb, const PatientClaims& claims, const EconomicsParameters& p) {
  PaymentSplit split;
  auto& paid = split.paid;
  std::int64_t left = std::max<std::int64_t>(0, cost_rmb);
  const auto pay = [&](Payer payer, std::int64_t amount) {
    paid[static_cast<std::size_t>(payer)] += amount;
    left -= amount;
  };
  if (claims.diagnosed && claims.injury_insured) {
    pay(Payer::InjuryInsurance, part(p.injury_insurance_paid_share, left));
  } else if (claims.diagnosed && claims.employer_pays) {
    pay(Payer::Employer, part(p.injury_insurance_paid_share, left));
  } else {
    const double basic = claims.resident_insurance ? p.basic_insurance_paid_share_resident
                                                   : p.basic_insurance_paid_share_employee;
    pay(Payer::BasicInsurance, part(basic, left));
    if (claims.resident_insurance) {
      const auto above = static_cast<std::int64_t>(std::max(0.0, static_cast<double>(left) - p.serious_illness_deductible_rmb));
      pay(Payer::BasicInsurance, part(p.serious_illness_paid_share, above));
    }
    if (claims.diagnosed && claims.medical_aid) pay(Payer::MedicalAid, part(p.medical_aid_paid_share, left));
  }
  paid[static_cast<std::size_t>(Payer::OutOfPocket)] += left;
  return split;
}

HouseholdStrain household_strain(double income_rmb, double out_of_pocket_rmb, const EconomicsParameters& p) {
  HouseholdStrain strain;
  const double capacity = income_rmb * (1.0 - p.subsistence_share_of_income);
  strain.catastrophic = out_of_pocket_rmb > 0.0 && out_of_pocket_rmb >= p.che_threshold_share_of_capacity * capacity;
  const double poverty_line = p.poverty_line_rmb_per_person_year * p.household_size_persons;
  strain.impoverished = income_rmb >= poverty_line && income_rmb - out_of_pocket_rmb < poverty_line;
  return strain;
}

}  // namespace pneumo
