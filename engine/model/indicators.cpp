#include "pneumoplan/model/indicators.hpp"

#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>

#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/model/distributions.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Numerator and denominator per region; the city region sums the counties.
struct Ratio {
  std::vector<double> numerator, denominator;
  explicit Ratio(std::size_t counties) : numerator(counties + 1, 0.0), denominator(counties + 1, 0.0) {}
  void add(std::size_t county, double num, double den) {
    numerator[county] += num;
    denominator[county] += den;
    numerator.back() += num;
    denominator.back() += den;
  }
  std::vector<double> shares() const {
    std::vector<double> out(numerator.size());
    for (std::size_t r = 0; r < out.size(); ++r) out[r] = denominator[r] > 0.0 ? numerator[r] / denominator[r] : kNaN;
    return out;
  }
  std::vector<double> counts() const { return numerator; }
};

}  // namespace

double post_pass_share(double mean_mg_m3, double limit_mg_m3, double post_gsd) {
  if (mean_mg_m3 <= 0.0) return 1.0;
  if (post_gsd <= 1.0) return mean_mg_m3 <= limit_mg_m3 ? 1.0 : 0.0;
  return normal_cdf((std::log(limit_mg_m3) - std::log(mean_mg_m3)) / std::log(post_gsd));
}

IndicatorYear compute_indicators(const IndicatorInputs& in, int year) {
  const auto& scenario = in.scenario;
  const auto& e = in.enterprises;
  const auto& p = scenario.parameters;
  const std::size_t counties = scenario.geography.counties.size();
  IndicatorYear out;
  const auto set = [&](IndicatorId id, std::vector<double> values) { out.values[static_cast<std::size_t>(id)] = std::move(values); };

  // The pass share of monitored posts (two logarithms and a normal CDF per enterprise) on every thread; the sums
  // below stay in enterprise order, so every total is the same for any thread count.
  std::vector<double> pass_share(e.count(), 0.0);
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, e.count(), kEnterprisesPerTask), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      if (e.target_workers[i] == 0 || !e.complies(i, ComplianceState::WorkplaceMonitored)) continue;
      pass_share[i] = post_pass_share(e.dust_mg_m3[i], e.exposure_limit_mg_m3[i], p.compliance.post_gsd);
    }
  });
  Ratio declaration(counties), monitoring(counties), radiation(counties), knowledge(counties), hearing(counties);
  for (std::size_t i = 0; i < e.count(); ++i) {
    if (e.target_workers[i] == 0) continue;  // closed this year
    const auto c = e.county[i];
    const double employed = static_cast<double>(in.tally.employed_by_enterprise[i]);
    declaration.add(c, e.complies(i, ComplianceState::HazardDeclared) ? 1.0 : 0.0, 1.0);
    if (e.complies(i, ComplianceState::WorkplaceMonitored)) {
      const double posts = p.compliance.monitored_posts[static_cast<std::size_t>(e.size_class[i])];
      monitoring.add(c, posts * pass_share[i], posts);
    }
    const double radiation_workers = employed * e.radiation_share[i];
    radiation.add(c, e.complies(i, ComplianceState::RadiationDoseMonitoring) ? radiation_workers : 0.0, radiation_workers);
    knowledge.add(c, employed * e.knowledge_share[i], employed);
    const double noise_workers = employed * e.noise_share[i];
    const double wearing = e.complies(i, ComplianceState::HearingProtectionProgramme)
                               ? p.compliance.hearing_wearing_with_programme
                               : p.compliance.hearing_wearing_without_programme;
    hearing.add(c, noise_workers * wearing, noise_workers);
  }
  set(IndicatorId::HazardDeclarationRate, declaration.shares());
  set(IndicatorId::WorkplaceMonitoringPassRate, monitoring.shares());
  set(IndicatorId::RadiationDoseMonitoringRate, radiation.shares());
  set(IndicatorId::KnowledgeAwarenessRate, knowledge.shares());
  set(IndicatorId::HearingProtectionWearingRate, hearing.shares());

  // Insurance enrolment: every employee of an insured enterprise — its dust workers as enrolled in the annual
  // pass (migrant workers partly), and its other employees (compliance.employees_per_exposed_worker − 1 per
  // dust worker), whom the employer must enrol; the dust workers' own share is a sub-indicator.
  Ratio insured(counties), dust_share(counties), violations(counties);
  const double others_per_worker = p.compliance.employees_per_exposed_worker - 1.0;
  for (std::size_t i = 0; i < e.count(); ++i) {
    if (e.target_workers[i] == 0 || !e.complies(i, ComplianceState::InjuryInsurance)) continue;
    insured.add(e.county[i], static_cast<double>(in.tally.employed_by_enterprise[i]) * others_per_worker, 0.0);
  }
  out.insured_dust_workers.assign(counties + 1, 0);
  for (std::size_t c = 0; c < counties; ++c) {
    insured.add(c, static_cast<double>(in.tally.insured[c]), 0.0);
    dust_share.add(c, static_cast<double>(in.tally.insured[c]), static_cast<double>(in.tally.employed[c]));
    out.insured_dust_workers[c] = in.tally.insured[c];
    out.insured_dust_workers[counties] += in.tally.insured[c];
    // Cases handled ÷ cases to handle: the year's new ones and those carried from earlier years.
    violations.add(c, static_cast<double>(in.enforcement.cases_handled[c]),
                   static_cast<double>(in.enforcement.violations_found[c] + in.enforcement.backlog_start[c]));
  }
  set(IndicatorId::InjuryInsuranceEnrolled, insured.counts());
  set(IndicatorId::InjuryInsuranceDustWorkerShare, dust_share.shares());
  set(IndicatorId::ViolationCaseHandlingRate, violations.shares());

  Ratio rehab(counties), supervision(counties);
  out.stations_open.assign(counties + 1, 0);
  out.concentrated_townships.assign(counties + 1, 0);
  const auto& townships = scenario.geography.townships;
  for (std::size_t t = 0; t < townships.size(); ++t) {
    const auto c = townships[t].county;
    supervision.add(c, in.township_coordinator[t] ? 1.0 : 0.0, 1.0);
    const bool open = in.stations.open(t);
    const bool concentrated = in.stations.concentrated(in.rehab_patients_by_township[t]);
    // Covered: a functioning station (open, staffed, funded) within reach serves the township's patients.
    if (concentrated) rehab.add(c, in.rehab_covered[t] ? 1.0 : 0.0, 1.0);
    for (const std::size_t r : {static_cast<std::size_t>(c), counties}) {
      out.stations_open[r] += open;
      out.concentrated_townships[r] += concentrated;
    }
  }
  set(IndicatorId::RehabTownshipCoverage, rehab.shares());
  set(IndicatorId::TownshipSupervisionCoverage, supervision.shares());

  // Institutions: counts by where they are (city-level ones count for the city only), and the share of
  // counties with a public exam institution of their own — those of institutions.csv and those the plan's
  // investments created through the model (opened after certification, or not yet, or never).
  Ratio prevention(counties), diagnosis(counties), radiation_exam(counties), exam_coverage(counties);
  std::vector<bool> county_has_exam(counties, false);
  for (std::size_t c = 0; c < counties; ++c) county_has_exam[c] = in.investments.county_has_exam_institution(c, year);
  diagnosis.numerator.back() += in.investments.diagnosis_institutions(year);
  for (const auto& i : scenario.institutions) {
    if (!i.open_in(year)) continue;
    const auto add_count = [&](Ratio& r) {
      if (i.county >= 0) {
        r.add(static_cast<std::size_t>(i.county), 1.0, 0.0);
      } else {
        r.numerator.back() += 1.0;
      }
    };
    if (i.prevention_institute) add_count(prevention);
    if (i.diagnosis) add_count(diagnosis);
    if (i.radiation_exam) add_count(radiation_exam);
    if (i.exam && i.is_public && i.county >= 0) county_has_exam[static_cast<std::size_t>(i.county)] = true;
  }
  for (std::size_t c = 0; c < counties; ++c) exam_coverage.add(c, county_has_exam[c] ? 1.0 : 0.0, 1.0);
  if (scenario.has_institutions) {
    set(IndicatorId::CityPreventionInstitute, prevention.counts());
    set(IndicatorId::CityDiagnosisInstitutions, diagnosis.counts());
    set(IndicatorId::CityRadiationExamInstitutions, radiation_exam.counts());
    set(IndicatorId::CountyExamInstitutionCoverage, exam_coverage.shares());
  } else {
    for (const auto id : {IndicatorId::CityPreventionInstitute, IndicatorId::CityDiagnosisInstitutions,
                          IndicatorId::CityRadiationExamInstitutions, IndicatorId::CountyExamInstitutionCoverage}) {
      set(id, std::vector<double>(counties + 1, kNaN));
    }
  }
  return out;
}

}  // namespace pneumo
