#include "pneumoplan/model/institution_investments.hpp"

#include <algorithm>
#include <cmath>

namespace pneumo {
namespace {

// One random-number entity per (intervention, county or city), stable across packages.
std::uint64_t project_entity(std::size_t intervention, int county) {
  return static_cast<std::uint64_t>(intervention) * 65536u + static_cast<std::uint64_t>(county + 1);
}

}  // namespace

InstitutionInvestments::InstitutionInvestments(const Scenario& scenario, const RandomStream& rng) : scenario_(scenario) {
  const auto& p = scenario.parameters.institutions;
  const int delay = static_cast<int>(std::lround(p.certification_delay_years));
  const int retry = std::max(1, delay);
  for (const std::size_t index : scenario.active_interventions) {
    const Intervention& iv = scenario.interventions[index];
    if (iv.intensity <= 0.0) continue;  // a neutral intervention creates nothing
    std::vector<int> places;
    if (iv.kind == InterventionKind::ExamCapacity) {
      for (std::size_t c = 0; c < scenario.geography.counties.size(); ++c) {
        if (iv.targets_county(c)) places.push_back(static_cast<int>(c));
      }
    } else if (iv.kind == InterventionKind::DiagnosisCapacity) {
      places.push_back(-1);
    } else {
      continue;
    }
    for (const int county : places) {
      Project project{index, county, kNoYear};
      for (int attempt = iv.start_year; attempt <= iv.end_year; attempt += retry) {
        const double u = rng.uniform(project_entity(index, county), attempt, Purpose::InstitutionCertification);
        if (u >= p.certification_failure_probability) {
          // It opens only if it opens while the intervention runs.
          if (attempt + delay <= iv.end_year) project.opens_year = attempt + delay;
          break;
        }
      }
      projects_.push_back(project);
    }
  }
}

bool InstitutionInvestments::open(const Project& p, int year) const {
  const Intervention& iv = scenario_.interventions[p.intervention];
  return year >= p.opens_year && year <= iv.end_year && iv.strength(year) > 0.0;
}

double InstitutionInvestments::exam_capacity_added(std::size_t county, int year) const {
  double capacity = 0.0;
  for (const auto& p : projects_) {
    if (p.county != static_cast<int>(county) || !open(p, year)) continue;
    const Intervention& iv = scenario_.interventions[p.intervention];
    capacity += iv.intensity * iv.strength(year);
  }
  return capacity;
}

double InstitutionInvestments::diagnosis_capacity_added(int year) const {
  double capacity = 0.0;
  for (const auto& p : projects_) {
    if (p.county >= 0 || !open(p, year)) continue;
    const Intervention& iv = scenario_.interventions[p.intervention];
    capacity += iv.intensity * iv.strength(year);
  }
  return capacity;
}

bool InstitutionInvestments::county_has_exam_institution(std::size_t county, int year) const {
  for (const auto& p : projects_) {
    if (p.county == static_cast<int>(county) && open(p, year)) return true;
  }
  return false;
}

int InstitutionInvestments::diagnosis_institutions(int year) const {
  int n = 0;
  for (const auto& p : projects_) n += p.county < 0 && open(p, year);
  return n;
}

std::vector<std::int64_t> InstitutionInvestments::open_by_region(int year) const {
  const std::size_t counties = scenario_.geography.counties.size();
  std::vector<std::int64_t> out(counties + 1, 0);
  for (const auto& p : projects_) {
    if (!open(p, year)) continue;
    if (p.county >= 0) out[static_cast<std::size_t>(p.county)] += 1;
    out[counties] += 1;
  }
  return out;
}

}  // namespace pneumo
