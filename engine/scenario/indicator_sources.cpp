#include "pneumoplan/scenario/indicator_sources.hpp"

namespace pneumo {
namespace {

// An active intervention of `kind` that creates institutions (intensity > 0) in `county`, or anywhere when
// `county` is the city.
bool creates_institutions(const Scenario& scenario, InterventionKind kind, std::size_t county, bool city) {
  for (const std::size_t index : scenario.active_interventions) {
    const Intervention& iv = scenario.interventions[index];
    if (iv.kind != kind || iv.intensity <= 0.0) continue;
    if (city || iv.targets_county(county)) return true;
  }
  return false;
}

}  // namespace

bool indicator_from_inputs(const Scenario& scenario, IndicatorId id, std::size_t region) {
  const bool city = region >= scenario.geography.counties.size();
  switch (id) {
    case IndicatorId::CountyExamInstitutionCoverage:
      return !creates_institutions(scenario, InterventionKind::ExamCapacity, region, city);
    case IndicatorId::CityDiagnosisInstitutions:
      // Created diagnosis institutions are city-level: they count for the city only.
      return !(city && creates_institutions(scenario, InterventionKind::DiagnosisCapacity, region, city));
    case IndicatorId::CityPreventionInstitute:
    case IndicatorId::CityRadiationExamInstitutions:
      return true;  // no intervention creates these: always institutions.csv
    default:
      return false;  // simulated
  }
}

}  // namespace pneumo
