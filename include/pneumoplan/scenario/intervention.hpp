// Interventions and policy packages, as data in scenario.ini ([intervention.NAME] and [package.NAME]
// sections; docs/interventions.md). An intervention says what it does (its kind and intensity), where
// (counties, industries, size classes), when (start, ramp-up, end) and what it costs; the phases of the
// simulation read its effect through the model's own mechanisms — concentrations, compliance shares,
// inspection rates, capacities — never by overwriting an indicator.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/scenario/industry.hpp"
#include "pneumoplan/scenario/size_class.hpp"

namespace pneumo {

enum class InterventionKind : std::uint8_t {
  EngineeringControl,
  RespiratorProgramme,
  HearingProtectionProgramme,
  SmeHelp,
  Enforcement,
  CaseHandlingCapacity,
  TownshipCoordinators,
  Closure,
  ScreeningExpansion,
  FollowupExpansion,
  InsuranceExpansion,
  TrainingCampaign,
  ExamCapacity,
  DiagnosisCapacity,
  RehabThreshold,
};

inline constexpr std::size_t kInterventionKindCount = 15;

struct InterventionKindInfo {
  std::string_view name;       // the `type` in scenario.ini
  std::string_view intensity;  // what `intensity` means
  double min, max;             // allowed intensity
  std::string_view unit;       // what `cost_per_unit_rmb` is paid for
};

inline constexpr std::array<InterventionKindInfo, kInterventionKindCount> kInterventionKinds = {{
    {"engineering_control", "share of the workplace concentration removed", 0.0, 0.95,
     "worker-year covered x share removed"},
    {"respirator_programme", "share of workers not wearing a respirator brought to wear one", 0.0, 1.0,
     "worker-year covered x intensity"},
    {"hearing_protection_programme", "share of enterprises without a hearing programme that get one", 0.0, 1.0,
     "noise-exposed worker-year covered x intensity"},
    {"sme_help", "share of small and micro enterprises helped each year", 0.0, 1.0, "enterprise helped per year"},
    {"enforcement", "inspections per enterprise per year added", 0.0, 1.0, "added inspection"},
    {"case_handling_capacity", "violation cases per county per year added", 0.0, 1e6, "case-year of added capacity"},
    {"township_coordinators",
     "share of the coordinator recruitment gap closed and of coordinator turnover prevented", 0.0, 1.0,
     "coordinator-year in post in a targeted township x intensity"},
    {"closure", "closes enterprises whose mean concentration is at least this multiple of their limit", 0.0, 1000.0,
     "job closed"},
    {"screening_expansion", "share of enterprises not providing exams that are brought to provide them", 0.0, 1.0,
     "worker-year covered x intensity"},
    {"followup_expansion", "share of former workers under follow-up who attend", 0.0, 1.0, "follow-up exam added"},
    {"insurance_expansion", "share of the insurance gap closed (enterprises and migrant workers)", 0.0, 1.0,
     "worker-year covered x intensity"},
    {"training_campaign", "share of unaware workers reached by training each year, added", 0.0, 1.0,
     "worker-year covered x intensity"},
    {"exam_capacity", "exams per year of a public exam institution created or certified in each targeted county",
     0.0, 1e8, "exam-year of capacity invested"},
    {"diagnosis_capacity", "diagnoses per year of a city diagnosis institution created or certified", 0.0, 1e7,
     "diagnosis-year of capacity invested"},
    {"rehab_threshold", "patients from which a township gets a rehabilitation station under the rule", 1.0, 1e6,
     "station funded by the rule below the plan's threshold"},
}};

std::optional<InterventionKind> find_intervention_kind(std::string_view name);
inline const InterventionKindInfo& kind_info(InterventionKind kind) {
  return kInterventionKinds[static_cast<std::size_t>(kind)];
}

struct Intervention {
  std::string name;
  InterventionKind kind = InterventionKind::EngineeringControl;
  std::vector<std::uint8_t> counties;  // per county: targeted (empty = every county)
  std::array<bool, kIndustryCount> industries{};
  std::array<bool, kSizeClassCount> sizes{};
  int start_year = 0;
  double ramp_years = 0.0;
  int end_year = 0;
  double intensity = 0.0;
  double cost_fixed_rmb = 0.0;     // once, in the start year
  double cost_per_unit_rmb = 0.0;  // per unit of kind_info(kind).unit
  std::string source;
  std::string description;     // in English
  std::string description_zh;  // in Chinese; empty when scenario.ini gives none

  // 0 before the start and after the end; rising linearly over the ramp-up to 1.
  double strength(int year) const;
  bool targets_county(std::size_t county) const { return counties.empty() || counties[county]; }
  bool targets(std::size_t county, Industry industry, SizeClass size) const {
    return targets_county(county) && industries[static_cast<std::size_t>(industry)] && sizes[static_cast<std::size_t>(size)];
  }
};

struct PolicyPackage {
  std::string name;
  std::string label_en, label_zh, description;
  std::vector<std::size_t> interventions;  // indices into Scenario::interventions
};

inline constexpr std::string_view kBaselinePackage = "baseline";

// What a person reads for a kind ("Engineering dust control" / "工程防尘").
std::string_view intervention_kind_label(InterventionKind kind, Language language);
// A package's label in `language` ([package.NAME] label_en / label_zh; the baseline's own words; the name
// when the scenario gives no label in that language).
std::string package_label(const std::vector<PolicyPackage>& packages, const std::string& name, Language language);
// An intervention's description in `language` (description / description_zh), else the kind's label.
std::string intervention_description(const Intervention& intervention, Language language);

}  // namespace pneumo
