// The indicators of the plans' 2025 tables (docs/references.md §8; each pack's targets.csv), each computed from the
// simulated world per year for the city and per county. docs/indicators.md defines every numerator and
// denominator. The order is part of the results format.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace pneumo {

enum class IndicatorId : std::uint8_t {
  InjuryInsuranceEnrolled,
  HazardDeclarationRate,
  WorkplaceMonitoringPassRate,
  RadiationDoseMonitoringRate,
  KnowledgeAwarenessRate,
  RehabTownshipCoverage,
  ViolationCaseHandlingRate,
  CityPreventionInstitute,
  CountyExamInstitutionCoverage,
  CityDiagnosisInstitutions,
  HearingProtectionWearingRate,
  TownshipSupervisionCoverage,
  CityRadiationExamInstitutions,
  InjuryInsuranceDustWorkerShare,
};

inline constexpr std::size_t kIndicatorCount = 14;

enum class IndicatorKind : std::uint8_t {
  Share,  // numerator ÷ denominator, 0..1
  Count,  // a number of persons or institutions
};

struct IndicatorInfo {
  std::string_view key;
  std::string_view name_zh;
  std::string_view name_en;
  IndicatorKind kind;
};

inline constexpr std::array<IndicatorInfo, kIndicatorCount> kIndicators = {{
    {"injury_insurance_enrolled", "工伤保险参保人数", "Work-injury insurance enrolment (employees of insured enterprises)",
     IndicatorKind::Count},
    {"hazard_declaration_rate", "工业企业职业病危害项目申报率", "Hazard declaration rate of industrial enterprises",
     IndicatorKind::Share},
    {"workplace_monitoring_pass_rate", "工作场所职业病危害因素监测合格率", "Workplace hazard monitoring pass rate",
     IndicatorKind::Share},
    {"radiation_dose_monitoring_rate", "非医疗放射工作人员个人剂量监测率",
     "Personal dose monitoring of non-medical radiation workers", IndicatorKind::Share},
    {"knowledge_awareness_rate", "重点人群职业健康知识知晓率", "Occupational-health knowledge awareness of key groups",
     IndicatorKind::Share},
    {"rehab_township_coverage", "尘肺病患者集中乡镇康复服务覆盖率",
     "Rehabilitation service coverage of townships where patients concentrate", IndicatorKind::Share},
    {"violation_case_handling_rate", "职业卫生违法案件查处率", "Occupational-health violation cases handled",
     IndicatorKind::Share},
    {"city_prevention_institute", "市级职业病防治院（所）", "City occupational disease prevention institute",
     IndicatorKind::Count},
    {"county_exam_institution_coverage", "区县职业健康检查机构覆盖率",
     "Counties with a public occupational health examination institution", IndicatorKind::Share},
    {"city_diagnosis_institutions", "职业病诊断机构数", "Occupational disease diagnosis institutions",
     IndicatorKind::Count},
    {"hearing_protection_wearing_rate", "防噪音耳塞或耳罩正确佩戴率", "Correct wearing of hearing protection",
     IndicatorKind::Share},
    {"township_supervision_coverage", "职业卫生监督协管乡镇覆盖率",
     "Townships with an occupational-health supervision coordinator", IndicatorKind::Share},
    {"city_radiation_exam_institutions", "具备放射因素检查能力的职业健康检查机构数",
     "Examination institutions able to examine radiation workers", IndicatorKind::Count},
    {"injury_insurance_dust_worker_share", "接尘劳动者工伤保险参保率",
     "Dust-exposed workers enrolled in work-injury insurance", IndicatorKind::Share},
}};

inline std::optional<IndicatorId> find_indicator(std::string_view key) {
  for (std::size_t i = 0; i < kIndicatorCount; ++i) {
    if (kIndicators[i].key == key) return static_cast<IndicatorId>(i);
  }
  return std::nullopt;
}

inline const IndicatorInfo& indicator_info(IndicatorId id) { return kIndicators[static_cast<std::size_t>(id)]; }

}  // namespace pneumo
