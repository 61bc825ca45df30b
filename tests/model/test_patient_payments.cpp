// Who pays a patient-year of care and what the household is left with, against hand-computed splits with the
// default [economics] parameters, and the thresholds of catastrophic expenditure and impoverishment.
#include <gtest/gtest.h>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/patient_payments.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {
namespace {

const EconomicsParameters& defaults() {
  static const ScenarioParameters parameters = default_scenario_parameters();
  return parameters.economics;
}

TEST(PatientPayments, InsuredPatientsAreCoveredByWorkInjuryInsurance) {
  PatientClaims claims;
  claims.diagnosed = true;
  claims.injury_insured = true;
  claims.medical_aid = true;  // irrelevant once insured
  const PaymentSplit split = split_medical_cost(10000, claims, defaults());
  EXPECT_EQ(split[Payer::InjuryInsurance], 9000);  // 90 %
  EXPECT_EQ(split[Payer::OutOfPocket], 1000);
  EXPECT_EQ(split[Payer::BasicInsurance], 0);
  EXPECT_EQ(claims.group(), CoverageGroup::InjuryInsured);
}

TEST(PatientPayments, AnEmployerThatPaysPaysAsTheInsuranceWould) {
  PatientClaims claims;
  claims.diagnosed = true;
  claims.employer_pays = true;
  const PaymentSplit split = split_medical_cost(10000, claims, defaults());
  EXPECT_EQ(split[Payer::Employer], 9000);
  EXPECT_EQ(split[Payer::OutOfPocket], 1000);
  EXPECT_EQ(claims.group(), CoverageGroup::DiagnosedUninsured);
}

TEST(PatientPayments, ResidentInsuranceThenSeriousIllnessThenMedicalAid) {
  // A migrant worker without insurance or employer, reached by aid, 100,000 RMB:
  // basic 52.5 % = 52,500; left 47,500; serious illness 60 % of (47,500 − 18,500) = 17,400; left 30,100;
  // medical aid 50 % = 15,050; out of pocket 15,050.
  PatientClaims claims;
  claims.diagnosed = true;
  claims.resident_insurance = true;
  claims.medical_aid = true;
  const PaymentSplit split = split_medical_cost(100000, claims, defaults());
  EXPECT_EQ(split[Payer::BasicInsurance], 52500 + 17400);
  EXPECT_EQ(split[Payer::MedicalAid], 15050);
  EXPECT_EQ(split[Payer::OutOfPocket], 15050);
  EXPECT_EQ(split.total(), 100000);
  // Below the deductible serious-illness insurance pays nothing.
  claims.medical_aid = false;
  const PaymentSplit small = split_medical_cost(20000, claims, defaults());
  EXPECT_EQ(small[Payer::BasicInsurance], 10500);
  EXPECT_EQ(small[Payer::OutOfPocket], 9500);
}

TEST(PatientPayments, UndiagnosedPatientsGetBasicInsuranceOnly) {
  PatientClaims claims;  // undiagnosed formal worker; aid needs a diagnosis
  claims.medical_aid = true;
  claims.injury_insured = true;
  const PaymentSplit split = split_medical_cost(10000, claims, defaults());
  EXPECT_EQ(split[Payer::BasicInsurance], 6000);
  EXPECT_EQ(split[Payer::OutOfPocket], 4000);
  EXPECT_EQ(split[Payer::InjuryInsurance], 0);
  EXPECT_EQ(split[Payer::MedicalAid], 0);
  EXPECT_EQ(claims.group(), CoverageGroup::Undiagnosed);
}

TEST(PatientPayments, PartsAlwaysAddUpToTheCost) {
  const RandomStream rng(5, 0);
  for (std::uint64_t k = 0; k < 2000; ++k) {
    const auto u = rng.uniforms(k, 0, Purpose::MedicalCost);
    PatientClaims claims;
    claims.diagnosed = u[0] < 0.7;
    claims.injury_insured = u[1] < 0.3;
    claims.employer_pays = u[2] < 0.2;
    claims.resident_insurance = u[3] < 0.5;
    claims.medical_aid = u[1] > 0.6;
    const auto cost = static_cast<std::int64_t>(u[2] * 300000.0);
    const PaymentSplit split = split_medical_cost(cost, claims, defaults());
    ASSERT_EQ(split.total(), cost);
    for (const std::int64_t part : split.paid) ASSERT_GE(part, 0);
  }
}

TEST(HouseholdStrain, CatastrophicAtFortyPerCentOfCapacityToPay) {
  // Income 10,000: capacity to pay 10,000 × (1 − 0.203) = 7,970, 40 % of it 3,188.
  EXPECT_TRUE(household_strain(10000.0, 3188.0, defaults()).catastrophic);
  EXPECT_FALSE(household_strain(10000.0, 3187.0, defaults()).catastrophic);
  EXPECT_FALSE(household_strain(10000.0, 0.0, defaults()).catastrophic);
  EXPECT_TRUE(household_strain(0.0, 1.0, defaults()).catastrophic);
}

TEST(HouseholdStrain, ImpoverishedWhenPushedBelowThePovertyLine) {
  // Poverty line 4,125 × 2.62 = 10,807.5 RMB a household.
  EXPECT_FALSE(household_strain(12000.0, 1000.0, defaults()).impoverished);  // 11,000 left
  EXPECT_TRUE(household_strain(12000.0, 1300.0, defaults()).impoverished);   // 10,700 left
  EXPECT_FALSE(household_strain(10000.0, 5000.0, defaults()).impoverished);  // poor already
  EXPECT_TRUE(household_strain(10807.5, 0.5, defaults()).impoverished);
}

}  // namespace
}  // namespace pneumo
