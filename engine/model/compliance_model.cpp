#include "pneumoplan/model/compliance_model.hpp"

#include "pneumoplan/core/error.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>

#include "pneumoplan/core/parallel_for.hpp"

namespace pneumo {

ComplianceModel::ComplianceModel(const Scenario& scenario)
    : scenario_(scenario), backlog_(scenario.geography.counties.size()) {}

double ComplianceModel::baseline_share(ComplianceState state, SizeClass size, int year) const {
  const auto& c = scenario_.parameters.compliance;
  const double s = c.share[static_cast<std::size_t>(state)][static_cast<std::size_t>(size)];
  const double before = c.historical_factor * s;
  if (year <= c.rise_start_year) return before;
  if (year <= c.rise_end_year) {
    if (c.rise_end_year == c.rise_start_year) return s;
    const double w = static_cast<double>(year - c.rise_start_year) / static_cast<double>(c.rise_end_year - c.rise_start_year);
    return before + w * (s - before);
  }
  return 1.0 - (1.0 - s) * std::pow(1.0 - c.annual_gain, static_cast<double>(year - c.rise_end_year));
}

EnforcementTally ComplianceModel::update(const RandomStream& rng, EnterpriseTable& e, int year,
                                         const std::vector<std::uint8_t>& coordinator,
                                         const InterventionEffects& effects) {
  const auto& p = scenario_.parameters;
  const std::size_t n = e.count();
  EnforcementTally tally(scenario_.geography.counties.size());

  // This year's states.
  std::array<std::array<double, kSizeClassCount>, kComplianceStateCount> share{};
  for (std::size_t k = 0; k < kComplianceStateCount; ++k) {
    for (std::size_t z = 0; z < kSizeClassCount; ++z) {
      share[k][z] = baseline_share(static_cast<ComplianceState>(k), static_cast<SizeClass>(z), year);
    }
  }
  // Every enterprise's states and inspection depend on nothing but itself and its own draws, so both run on
  // every thread; what crosses enterprises (counts, each county's queue) is gathered after, in enterprise order.
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, n, kEnterprisesPerTask), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const auto size = e.size_class[i];
      const bool small = size == SizeClass::Small || size == SizeClass::Micro;
      e.helped[i] = small && e.help_propensity[i] < effects.help_coverage(i, p.sme_help.coverage);
      const bool compelled = e.compelled_until[i] >= year;
      std::uint8_t bits = 0;
      for (std::size_t k = 0; k < kComplianceStateCount; ++k) {
        double s = share[k][static_cast<std::size_t>(size)];
        if (e.helped[i]) s += (1.0 - s) * p.sme_help.effect;
        s += (1.0 - s) * effects.compliance_gap_closed(i, static_cast<ComplianceState>(k));
        if (compelled || e.compliance_propensity[k][i] < s) bits |= static_cast<std::uint8_t>(1u << k);
      }
      e.compliance[i] = bits;
    }
  });

  // Inspections of open enterprises; violations of the states an inspector checks, or a mean concentration
  // over the limit.
  if (waiting_.size() < n) waiting_.resize(n, 0);
  struct NewCase {
    double order;
    std::uint32_t enterprise;
  };
  enum Outcome : std::uint8_t { kNotInspected, kInspected, kCaseFound };
  std::vector<std::uint8_t> outcome(n, kNotInspected);
  std::vector<double> case_order(n, 0.0);
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, n, kEnterprisesPerTask), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      if (e.target_workers[i] == 0) continue;
      const auto u = rng.uniforms(i, year, Purpose::Inspection);
      const double rate = (p.enforcement.inspection_rate + effects.inspection_rate_added(i)) *
                          (coordinator[e.township[i]] ? p.enforcement.coordinator_inspection_factor : 1.0);
      if (u[0] >= std::min(1.0, rate)) continue;
      outcome[i] = kInspected;
      const bool violation = !e.complies(i, ComplianceState::HazardDeclared) ||
                             !e.complies(i, ComplianceState::WorkplaceMonitored) ||
                             !e.complies(i, ComplianceState::ExamsProvided) ||
                             !e.complies(i, ComplianceState::InjuryInsurance) ||
                             (e.radiation_share[i] > 0.0f &&
                              !e.complies(i, ComplianceState::RadiationDoseMonitoring)) ||
                             e.dust_mg_m3[i] > e.exposure_limit_mg_m3[i];
      if (violation && u[1] < p.enforcement.detection && !waiting_[i]) {
        outcome[i] = kCaseFound;
        case_order[i] = u[2];
      }
    }
  });
  std::vector<std::vector<NewCase>> found(scenario_.geography.counties.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (outcome[i] == kNotInspected) continue;
    tally.inspected[e.county[i]] += 1;
    if (outcome[i] != kCaseFound) continue;
    found[e.county[i]].push_back({case_order[i], static_cast<std::uint32_t>(i)});
    tally.violations_found[e.county[i]] += 1;
  }
  // Each county handles up to its capacity: the waiting cases first, oldest first, then the year's new ones in
  // their drawn order. A fractional capacity handles one more case with that probability.
  const auto years_compelled = static_cast<int>(std::lround(p.enforcement.compliance_years_after_case));
  for (std::size_t county = 0; county < found.size(); ++county) {
    auto& queue = backlog_[county];
    tally.backlog_start[county] = static_cast<std::int64_t>(queue.size());
    auto& fresh = found[county];
    std::sort(fresh.begin(), fresh.end(), [](const NewCase& a, const NewCase& b) {
      return a.order < b.order || (a.order == b.order && a.enterprise < b.enterprise);
    });
    for (const auto& c : fresh) {
      queue.push_back(c.enterprise);
      waiting_[c.enterprise] = 1;
    }
    if (queue.empty()) continue;
    const double capacity = std::max(0.0, p.enforcement.cases_per_county + effects.cases_added(county));
    double whole = std::floor(capacity);
    if (capacity > whole && rng.uniform(county, year, Purpose::CaseCapacity) < capacity - whole) whole += 1.0;
    auto handle = static_cast<std::int64_t>(std::min(whole, static_cast<double>(queue.size())));
    tally.cases_handled[county] = handle;
    for (; handle > 0; --handle) {
      const std::uint32_t i = queue.front();
      queue.pop_front();
      waiting_[i] = 0;
      e.compelled_until[i] = static_cast<std::int16_t>(year + years_compelled);
    }
    tally.backlog_end[county] = static_cast<std::int64_t>(queue.size());
  }
  return tally;
}

}  // namespace pneumo

namespace pneumo {

void ComplianceModel::save(StateArchive& archive, const std::string& prefix) const {
  archive.put_lists(prefix + "backlog_enterprise", backlog_);  // each county's waiting cases, oldest first
  archive.put(prefix + "case_waiting", waiting_);
}

void ComplianceModel::restore(const StateArchive& archive, const std::string& prefix) {
  const auto queues = archive.get_lists<std::uint32_t>(prefix + "backlog_enterprise");
  if (queues.size() != backlog_.size()) {
    throw IoError("saved state: " + prefix + "backlog_enterprise has " + std::to_string(queues.size()) +
                  " counties, the scenario " + std::to_string(backlog_.size()));
  }
  for (std::size_t c = 0; c < backlog_.size(); ++c) backlog_[c].assign(queues[c].begin(), queues[c].end());
  archive.get(prefix + "case_waiting", waiting_);
}

}  // namespace pneumo
