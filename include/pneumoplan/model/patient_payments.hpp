// Who pays a patient's year of medical care, and what it does to the household (docs/model.md, "Health
// economics"). The cost of the year is split in a fixed order, every share rounded to whole RMB so that the
// parts add up exactly to the cost:
//   1. a diagnosed patient insured for work injury: the work-injury insurance fund pays its share, the rest is
//      out of pocket (what lies outside the fund's catalogues lies outside basic insurance's too);
//   2. otherwise a diagnosed patient whose identifiable employer pays (as the law requires of an employer that
//      did not insure) gets the same share from the employer, the rest out of pocket;
//   3. otherwise basic medical insurance pays its share — employee insurance for formal and dispatched workers,
//      resident insurance for migrant workers, whose serious-illness insurance then pays its share of what is left
//      above the deductible; for a diagnosed patient without an identifiable employer whom medical aid reaches,
//      medical aid pays its share of the remainder; the rest is out of pocket.
// An undiagnosed patient is treated as an ordinary respiratory patient: basic insurance only.
// The household's capacity to pay is its income less subsistence; the out-of-pocket cost is catastrophic when it
// reaches the threshold share of that capacity (Xu et al. 2003), and impoverishing when it pushes a household
// that was at or above the poverty line below it (Wagstaff and van Doorslaer 2003).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

enum class Payer : std::uint8_t { InjuryInsurance, Employer, BasicInsurance, MedicalAid, OutOfPocket };
inline constexpr std::size_t kPayerCount = 5;
inline constexpr std::array<std::string_view, kPayerCount> kPayerNames = {
    "injury_insurance", "employer", "basic_insurance", "medical_aid", "out_of_pocket"};

// The groups the catastrophic-expenditure and impoverishment outputs are split by.
enum class CoverageGroup : std::uint8_t { InjuryInsured, DiagnosedUninsured, Undiagnosed };
inline constexpr std::size_t kCoverageGroupCount = 3;

// What a patient-year can claim on.
struct PatientClaims {
  bool diagnosed = false;
  bool injury_insured = false;         // diagnosed while insured for work injury
  bool employer_pays = false;          // an uninsured diagnosed patient's identifiable employer pays this year
  bool resident_insurance = false;     // resident basic insurance with serious-illness cover (migrant workers)
  bool medical_aid = false;            // diagnosed, no identifiable employer, and reached by medical aid

  CoverageGroup group() const {
    if (!diagnosed) return CoverageGroup::Undiagnosed;
    return injury_insured ? CoverageGroup::InjuryInsured : CoverageGroup::DiagnosedUninsured;
  }
};

struct PaymentSplit {
  std::array<std::int64_t, kPayerCount> paid{};  // RMB, by Payer
  std::int64_t operator[](Payer payer) const { return paid[static_cast<std::size_t>(payer)]; }
  std::int64_t total() const;
};

PaymentSplit split_medical_cost(std::int64_t cost_rmb, const PatientClaims& claims, const EconomicsParameters& p);

struct HouseholdStrain {
  bool catastrophic = false;
  bool impoverished = false;
};

HouseholdStrain household_strain(double income_rmb, double out_of_pocket_rmb, const EconomicsParameters& p);

}  // namespace pneumo
