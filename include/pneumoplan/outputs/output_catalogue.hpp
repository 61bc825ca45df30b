// The outputs a replicate produces, each a count or value per year along named axes. This catalogue is
// the single description of them: the tally fills them, the HDF5 writer names and documents them from it,
// and docs/output-format.md lists the same entries (a test checks).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "pneumoplan/scenario/indicator.hpp"

namespace pneumo {

enum class Axis {
  Year,       // simulation years, first to last
  Region,     // counties in counties.csv order, then the whole city
  Stage,      // I, II, III
  Township,   // townships in townships.csv order, then "outside the city"
  Industry,   // industries in kIndustryNames order
  Intervention,  // the scenario's interventions in scenario.ini order, then the total
  YearsSinceDiagnosis,  // whole years after the year of diagnosis: 0, 1, ..., then one open last bin
};

// Bins of Axis::YearsSinceDiagnosis: 0 .. kYearsSinceDiagnosisBins − 2, then "this many or more".
inline constexpr std::size_t kYearsSinceDiagnosisBins = 51;

enum class OutputId : std::size_t {
  WorkersEmployed,
  WorkersExposed,
  Hires,
  Leavers,
  CumulativeDustP50,
  CumulativeDustP90,
  CumulativeDustP99,
  NewCasesTrue,
  PrevalentTrue,
  NewDiagnoses,
  PrevalentDiagnosed,
  DiagnosesShortExposure,
  DiagnosisAgeYears,
  DiagnosisExposureYears,
  DeathsPneumoconiosis,
  DeathsOtherCausePatients,
  DeathsInService,
  PatientsTrueByTownship,
  PatientsDiagnosedByTownship,
  NewCasesTrueByIndustry,
  SimulatedPeople,
  ExamsPeriodic,
  ExamsPreEmployment,
  ExamsExit,
  ExamsFollowUp,
  ExamCapacityShare,
  DiagnosisCapacityShare,
  FalsePositiveDiagnoses,
  DiagnosesByTownship,
  Inspections,
  ViolationsFound,
  CasesHandled,
  RehabStationsOpen,
  ConcentratedTownships,
  RehabStationOpen,
  RehabPatients,
  RehabPatientsServed,
  RehabPatientsUnmet,
  RehabPatientsWithinReach,
  RehabMeanDistance,
  RehabP90Distance,
  RehabStationCost,
  InterventionCost,
  DiagnosedAtWork,
  RemovedFromDust,
  PatientYearsByStageAtDiagnosis,
  PatientDeathsByStageAtDiagnosis,
  RehabStationsFunctioning,
  RehabStaffInPost,
  RehabStationsOpened,
  RehabStationOpenFailures,
  RehabStationsClosed,
  RehabPatientsSeeking,
  RehabFunding,
  RehabBuildSpending,
  RehabRunningCost,
  CoordinatorsRecruited,
  CoordinatorsLost,
  ViolationBacklog,
  InsuranceEnrolledDustWorkers,
  InstitutionsFromInvestments,
  Yll,  // health economics (docs/model.md, "Health economics")
  Yld,
  Dalys,
  QalyLoss,
  YllDiscounted,
  YldDiscounted,
  DalysDiscounted,
  QalyLossDiscounted,
  MedicalCost,
  PaidInjuryInsurance,  // then one per Payer, in patient_payments.hpp order
  PaidEmployer,
  PaidBasicInsurance,
  PaidMedicalAid,
  PaidOutOfPocket,
  LostIncome,
  PatientsInjuryInsured,
  CatastrophicInjuryInsured,  // then one per coverage group, in patient_payments.hpp order
  CatastrophicDiagnosedUninsured,
  CatastrophicUndiagnosed,
  ImpoverishedInjuryInsured,  // the same
  ImpoverishedDiagnosedUninsured,
  ImpoverishedUndiagnosed,
  RehabStationFunctioning,
  FirstIndicator,  // then one output per IndicatorId, in kIndicators order
  Count = FirstIndicator + kIndicatorCount
};

inline constexpr OutputId indicator_output(IndicatorId id) {
  return static_cast<OutputId>(static_cast<std::size_t>(OutputId::FirstIndicator) + static_cast<std::size_t>(id));
}

inline constexpr std::size_t kOutputCount = static_cast<std::size_t>(OutputId::Count);

struct OutputSpec {
  std::string_view name;
  std::string_view unit;
  std::string_view description;
  std::vector<Axis> axes;  // always starts with Axis::Year
  bool integer;            // a count (stored as 64-bit integers per replicate)
};

const std::array<OutputSpec, kOutputCount>& output_catalogue();
inline const OutputSpec& output_spec(OutputId id) { return output_catalogue()[static_cast<std::size_t>(id)]; }
std::string_view axis_name(Axis axis);
// The output named `name` (as in docs/output-format.md), or nullptr.
const OutputSpec* find_output(std::string_view name);
inline OutputId output_id(const OutputSpec& spec) {
  return static_cast<OutputId>(static_cast<std::size_t>(&spec - output_catalogue().data()));
}

}  // namespace pneumo
