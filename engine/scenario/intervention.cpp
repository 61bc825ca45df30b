#include "pneumoplan/scenario/intervention.hpp"

#include <algorithm>

namespace pneumo {

std::optional<InterventionKind> find_intervention_kind(std::string_view name) {
  for (std::size_t k = 0; k < kInterventionKindCount; ++k) {
    if (kInterventionKinds[k].name == name) return static_cast<InterventionKind>(k);
  }
  return std::nullopt;
}

double Intervention::strength(int year) const {
  if (year < start_year || year > end_year) return 0.0;
  if (ramp_years <= 0.0) return 1.0;
  return std::min(1.0, static_cast<double>(year - start_year + 1) / ramp_years);
}

std::string_view intervention_kind_label(InterventionKind kind, Language language) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, kInterventionKindCount> kLabels = {{
      {"Engineering dust control", "工程防尘"},
      {"Respirator programme", "呼吸防护计划"},
      {"Hearing protection programme", "听力保护计划"},
      {"Help for small and micro enterprises", "中小微企业帮扶"},
      {"More inspections", "增加监督检查"},
      {"Violation case handling capacity", "违法案件查处能力"},
      {"Township supervision coordinators", "乡镇职业卫生协管员"},
      {"Closure of severe-hazard enterprises", "严重危害企业关闭退出"},
      {"Exams for exposed workers", "扩大职业健康检查"},
      {"Follow-up of former dust workers", "离岗劳动者随访检查"},
      {"Work-injury insurance expansion", "扩大工伤保险覆盖"},
      {"Occupational-health training", "职业健康培训"},
      {"Exam capacity", "职业健康检查能力"},
      {"Diagnosis capacity", "职业病诊断能力"},
      {"Rehabilitation station threshold", "康复站设置门槛"},
  }};
  const auto& pair = kLabels[static_cast<std::size_t>(kind)];
  return language == Language::Chinese ? pair.second : pair.first;
}

std::string package_label(const std::vector<PolicyPackage>& packages, const std::string& name, Language language) {
  if (name == kBaselinePackage) return std::string(pick(language, "Baseline (no new measures)", "基线（无新增措施）"));
  for (const auto& p : packages) {
    if (p.name != name) continue;
    const std::string& label = language == Language::Chinese ? p.label_zh : p.label_en;
    if (!label.empty()) return label;
  }
  return name;
}

std::string intervention_description(const Intervention& intervention, Language language) {
  const std::string& text = language == Language::Chinese ? intervention.description_zh : intervention.description;
  return text.empty() ? std::string(intervention_kind_label(intervention.kind, language)) : text;
}

}  // namespace pneumo
