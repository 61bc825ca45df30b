#include "pneumoplan/model/intervention_effects.hpp"

#include "pneumoplan/core/error.hpp"

#include <algorithm>

namespace pneumo {
namespace {

// Several gap closures c₁, c₂ ... close 1 − Π(1 − cᵢ) of the gap.
void close_gap(double& closed, double c) { closed = 1.0 - (1.0 - closed) * (1.0 - c); }

bool small_or_micro(SizeClass size) { return size == SizeClass::Small || size == SizeClass::Micro; }

}  // namespace

InterventionEffects::InterventionEffects(const Scenario& scenario, const RandomStream& rng)
    : scenario_(scenario), rng_(rng), jobs_closed_(scenario.interventions.size()) {}

void InterventionEffects::prepare(int year, const EnterpriseTable& e) {
  const std::size_t n = e.count();
  const std::size_t counties = scenario_.geography.counties.size();
  active_ = false;
  concentration_factor_.clear();
  respirator_.clear();
  help_coverage_.clear();
  training_.clear();
  inspections_.clear();
  for (auto& v : compliance_) v.clear();
  cases_.clear();
  coordinator_support_.clear();
  followup_coverage_ = migrant_insurance_ = station_threshold_ = 0.0;

  const auto per_enterprise = [&](const Intervention& iv, auto&& apply) {
    for (std::size_t i = 0; i < n; ++i) {
      if (iv.targets(e.county[i], e.industry[i], e.size_class[i])) apply(i);
    }
  };
  for (const std::size_t index : scenario_.active_interventions) {
    const Intervention& iv = scenario_.interventions[index];
    const double s = iv.strength(year);
    if (s <= 0.0) continue;
    active_ = true;
    const double x = iv.intensity * s;
    switch (iv.kind) {
      case InterventionKind::EngineeringControl:
        if (concentration_factor_.empty()) concentration_factor_.assign(n, 1.0f);
        per_enterprise(iv, [&](std::size_t i) { concentration_factor_[i] *= static_cast<float>(1.0 - x); });
        break;
      case InterventionKind::RespiratorProgramme:
        if (respirator_.empty()) respirator_.assign(n, 0.0);
        per_enterprise(iv, [&](std::size_t i) { close_gap(respirator_[i], x); });
        break;
      case InterventionKind::HearingProtectionProgramme:
      case InterventionKind::ScreeningExpansion:
      case InterventionKind::InsuranceExpansion: {
        const auto state = iv.kind == InterventionKind::HearingProtectionProgramme ? ComplianceState::HearingProtectionProgramme
                           : iv.kind == InterventionKind::ScreeningExpansion       ? ComplianceState::ExamsProvided
                                                                                   : ComplianceState::InjuryInsurance;
        auto& v = compliance_[static_cast<std::size_t>(state)];
        if (v.empty()) v.assign(n, 0.0);
        per_enterprise(iv, [&](std::size_t i) { close_gap(v[i], x); });
        if (iv.kind == InterventionKind::InsuranceExpansion) close_gap(migrant_insurance_, x);
        break;
      }
      case InterventionKind::SmeHelp:
        if (help_coverage_.empty()) help_coverage_.assign(n, 0.0);
        per_enterprise(iv, [&](std::size_t i) {
          if (small_or_micro(e.size_class[i])) help_coverage_[i] = std::max(help_coverage_[i], x);
        });
        break;
      case InterventionKind::Enforcement:
        if (inspections_.empty()) inspections_.assign(n, 0.0);
        per_enterprise(iv, [&](std::size_t i) { inspections_[i] += x; });
        break;
      case InterventionKind::CaseHandlingCapacity:
        if (cases_.empty()) cases_.assign(counties, 0.0);
        for (std::size_t c = 0; c < counties; ++c) {
          if (iv.targets_county(c)) cases_[c] += x;
        }
        break;
      case InterventionKind::TownshipCoordinators:
        if (coordinator_support_.empty()) coordinator_support_.assign(counties, 0.0);
        for (std::size_t c = 0; c < counties; ++c) {
          if (iv.targets_county(c)) close_gap(coordinator_support_[c], x);
        }
        break;
      case InterventionKind::Closure:
        break;  // plan_closures
      case InterventionKind::FollowupExpansion:
        followup_coverage_ = std::max(followup_coverage_, x);
        break;
      case InterventionKind::TrainingCampaign:
        if (training_.empty()) training_.assign(n, 0.0);
        per_enterprise(iv, [&](std::size_t i) { close_gap(training_[i], x); });
        break;
      case InterventionKind::ExamCapacity:
      case InterventionKind::DiagnosisCapacity:
        break;  // institutions created through the model: InstitutionInvestments
      case InterventionKind::RehabThreshold:
        station_threshold_ = station_threshold_ > 0.0 ? std::min(station_threshold_, iv.intensity) : iv.intensity;
        break;
    }
  }
}

void InterventionEffects::plan_closures(int year, EnterpriseTable& e) {
  for (const std::size_t index : scenario_.active_interventions) {
    const Intervention& iv = scenario_.interventions[index];
    if (iv.kind != InterventionKind::Closure) continue;
    const double s = iv.strength(year);
    if (s <= 0.0) continue;
    double jobs = 0.0;
    for (std::size_t i = 0; i < e.count(); ++i) {
      if (e.closed_from_year[i] <= year || e.target_workers[i] == 0) continue;
      if (!iv.targets(e.county[i], e.industry[i], e.size_class[i])) continue;
      // Severe hazard: this year's mean at or above the intensity times the limit. During the ramp-up
      // only a growing share of them is closed (the same enterprises in every scenario).
      if (e.dust_mg_m3[i] < iv.intensity * e.exposure_limit_mg_m3[i]) continue;
      if (rng_.uniform(i, kAnyYear, Purpose::Closure) >= s) continue;
      e.closed_from_year[i] = static_cast<std::int16_t>(year);
      jobs += e.target_workers[i];
    }
    if (jobs > 0.0) jobs_closed_[index].push_back({year, jobs});
  }
}

std::vector<double> InterventionEffects::costs(int year, const EnterpriseTable& e, const YearTally& tally,
                                               const CostInputs& inputs) const {
  std::vector<double> out(scenario_.interventions.size(), 0.0);
  const std::size_t n = e.count();
  const auto& p = scenario_.parameters;
  for (const std::size_t index : scenario_.active_interventions) {
    const Intervention& iv = scenario_.interventions[index];
    const double s = iv.strength(year);
    double units = 0.0;
    const auto sum_targeted = [&](auto&& per_enterprise) {
      double total = 0.0;
      for (std::size_t i = 0; i < n; ++i) {
        if (iv.targets(e.county[i], e.industry[i], e.size_class[i])) total += per_enterprise(i);
      }
      return total;
    };
    switch (iv.kind) {
      // Programmes acting on a share of the workforce cost in proportion to that share: worker-years
      // covered times the intensity.
      case InterventionKind::EngineeringControl:
      case InterventionKind::RespiratorProgramme:
      case InterventionKind::ScreeningExpansion:
      case InterventionKind::InsuranceExpansion:
      case InterventionKind::TrainingCampaign:
        units = iv.intensity * s *
                sum_targeted([&](std::size_t i) { return static_cast<double>(tally.employed_by_enterprise[i]); });
        break;
      case InterventionKind::HearingProtectionProgramme:
        units = iv.intensity * s * sum_targeted([&](std::size_t i) {
          return static_cast<double>(tally.employed_by_enterprise[i]) * e.noise_share[i];
        });
        break;
      case InterventionKind::SmeHelp: {
        // Helped because of the programme: propensity between the baseline and the programme's coverage.
        const double target = iv.intensity * s;
        units = sum_targeted([&](std::size_t i) {
          return small_or_micro(e.size_class[i]) && e.help_propensity[i] >= p.sme_help.coverage &&
                         e.help_propensity[i] < target
                     ? 1.0
                     : 0.0;
        });
        break;
      }
      case InterventionKind::Enforcement:
        units = iv.intensity * s * sum_targeted([&](std::size_t i) { return e.target_workers[i] > 0 ? 1.0 : 0.0; });
        break;
      case InterventionKind::CaseHandlingCapacity:
        for (std::size_t c = 0; c < scenario_.geography.counties.size(); ++c) units += iv.targets_county(c) ? iv.intensity * s : 0.0;
        break;
      case InterventionKind::TownshipCoordinators:
        // The programme pays towards every coordinator in post in its counties, in proportion to its strength.
        for (std::size_t c = 0; c < inputs.coordinators_by_county.size(); ++c) {
          if (iv.targets_county(c)) units += iv.intensity * s * static_cast<double>(inputs.coordinators_by_county[c]);
        }
        break;
      case InterventionKind::Closure:
        for (const auto& [closure_year, jobs] : jobs_closed_[index]) units += closure_year == year ? jobs : 0.0;
        break;
      case InterventionKind::FollowupExpansion: {
        const double coverage = followup_coverage(inputs.followup_baseline);
        units = coverage > 0.0 ? inputs.followup_exams * std::max(0.0, coverage - inputs.followup_baseline) / coverage : 0.0;
        break;
      }
      case InterventionKind::ExamCapacity: {
        double counties = 0.0;
        for (std::size_t c = 0; c < scenario_.geography.counties.size(); ++c) counties += iv.targets_county(c);
        units = iv.intensity * s * counties;
        break;
      }
      case InterventionKind::DiagnosisCapacity:
        units = iv.intensity * s;
        break;
      case InterventionKind::RehabThreshold:
        units = s > 0.0 ? static_cast<double>(inputs.new_stations) : 0.0;
        break;
    }
    out[index] = units * iv.cost_per_unit_rmb + (year == iv.start_year ? iv.cost_fixed_rmb : 0.0);
  }
  return out;
}

}  // namespace pneumo

namespace pneumo {

// Only the jobs closed so far carry over: every other effect is prepared afresh for each year.
void InterventionEffects::save(StateArchive& archive, const std::string& prefix) const {
  std::vector<std::vector<std::int32_t>> years(jobs_closed_.size());
  std::vector<std::vector<double>> jobs(jobs_closed_.size());
  for (std::size_t k = 0; k < jobs_closed_.size(); ++k) {
    for (const auto& [year, closed] : jobs_closed_[k]) {
      years[k].push_back(year);
      jobs[k].push_back(closed);
    }
  }
  archive.put_lists(prefix + "closure_year", years);  // per intervention
  archive.put_lists(prefix + "jobs_closed", jobs);
}

void InterventionEffects::restore(const StateArchive& archive, const std::string& prefix) {
  const auto years = archive.get_lists<std::int32_t>(prefix + "closure_year");
  const auto jobs = archive.get_lists<double>(prefix + "jobs_closed");
  if (years.size() != jobs_closed_.size() || jobs.size() != jobs_closed_.size()) {
    throw IoError("saved state: " + prefix + "closure_year has " + std::to_string(years.size()) +
                  " interventions, the scenario " + std::to_string(jobs_closed_.size()));
  }
  for (std::size_t k = 0; k < jobs_closed_.size(); ++k) {
    if (years[k].size() != jobs[k].size()) throw IoError("saved state: " + prefix + "closure_year and jobs_closed differ");
    jobs_closed_[k].clear();
    for (std::size_t j = 0; j < years[k].size(); ++j) jobs_closed_[k].push_back({years[k][j], jobs[k][j]});
  }
}

}  // namespace pneumo
