#include "pneumoplan/model/enterprise_dynamics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/blocked_range.h>

#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/home_sampler.hpp"

namespace pneumo {

EnterpriseTable build_enterprises(const Scenario& scenario, const RandomStream& rng) {
  EnterpriseTable e;
  const HomeSampler locations(scenario.geography);
  std::uint32_t id = 0;
  for (std::size_t s = 0; s < scenario.strata.size(); ++s) {
    const Stratum& stratum = scenario.strata[s];
    const auto* profile = scenario.profile_of_industry[static_cast<std::size_t>(stratum.industry)];
    for (std::int64_t k = 0; k < stratum.enterprises; ++k, ++id) {
      const auto u = rng.uniforms(id, kAnyYear, Purpose::EnterpriseLevel);
      // Workers split as evenly as possible: the first (workers mod n) enterprises get one more.
      const std::int64_t workers = stratum.workers / stratum.enterprises + (k < stratum.workers % stratum.enterprises ? 1 : 0);
      e.stratum.push_back(static_cast<std::uint32_t>(s));
      e.county.push_back(stratum.county);
      e.township.push_back(locations.in_county(stratum.county, u[1]));
      e.industry.push_back(stratum.industry);
      e.size_class.push_back(stratum.size);
      e.level_dust_mg_m3.push_back(
          static_cast<float>(lognormal_from_median(u[0], stratum.dust_gm_mg_m3, stratum.dust_gsd)));
      e.silica_fraction.push_back(static_cast<float>(stratum.silica_fraction));
      e.base_workers.push_back(static_cast<std::uint32_t>(workers));
      e.metric_per_dust.push_back(profile->metric() == ExposureMetric::RespirableSilica
                                      ? static_cast<float>(stratum.silica_fraction)
                                      : 1.0f);
      e.exposure_limit_mg_m3.push_back(static_cast<float>(scenario.exposure_limit(stratum.dust_type)));
      e.noise_share.push_back(static_cast<float>(stratum.noise_share));
      e.radiation_share.push_back(static_cast<float>(stratum.radiation_share));
      const auto propensity = rng.uniforms8(id, kAnyYear, Purpose::CompliancePropensity);
      for (std::size_t k = 0; k < kComplianceStateCount; ++k) {
        e.compliance_propensity[k].push_back(static_cast<float>(propensity[k]));
      }
      e.help_propensity.push_back(static_cast<float>(propensity[kComplianceStateCount]));
    }
  }
  const std::size_t n = e.stratum.size();
  e.dust_mg_m3.assign(n, 0.0f);
  e.dust_protected_mg_m3.assign(n, 0.0f);
  e.ppe_threshold.assign(n, 0);
  e.target_workers.assign(n, 0);
  e.compliance.assign(n, 0);
  e.helped.assign(n, 0);
  e.exam_interval_years.assign(n, 1);
  e.compelled_until.assign(n, std::numeric_limits<std::int16_t>::min());
  e.knowledge_share.assign(n, static_cast<float>(scenario.parameters.knowledge.initial_share));
  e.closed_from_year.assign(n, std::numeric_limits<std::int16_t>::max());
  return e;
}

std::uint32_t enterprise_jobs(const Scenario& scenario, const EnterpriseTable& e, std::size_t i, int year) {
  if (year >= e.closed_from_year[i]) return 0;
  const double jobs = e.base_workers[i] * scenario.trends.workforce_index(e.industry[i], e.county[i], year);
  return static_cast<std::uint32_t>(std::lround(jobs));
}

void update_enterprises_for_year(const Scenario& scenario, const RandomStream& rng, EnterpriseTable& e, int year,
                                 const InterventionEffects& effects) {
  const auto& exposure = scenario.parameters.exposure;
  const double log_gsd = std::log(exposure.year_to_year_gsd);
  // Each enterprise's year depends on nothing but itself, so the loop runs on every thread (a draw per
  // enterprise keyed by its index: the same values for any thread count).
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, e.count(), kEnterprisesPerTask), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const double variation = std::exp(normal_quantile(rng.uniform(i, year, Purpose::EnterpriseYear)) * log_gsd);
      const double dust = e.level_dust_mg_m3[i] *
                          scenario.trends.concentration_index(e.industry[i], e.county[i], year) * variation *
                          effects.concentration_factor(i);
      e.dust_mg_m3[i] = static_cast<float>(dust);
      e.dust_protected_mg_m3[i] = static_cast<float>(dust * (1.0 - exposure.ppe_reduction));
      const double baseline_wearing = exposure.ppe_wearing_share[static_cast<std::size_t>(e.size_class[i])];
      const double wearing = baseline_wearing + (1.0 - baseline_wearing) * effects.respirator_gap_closed(i);
      e.ppe_threshold[i] = static_cast<std::uint16_t>(std::lround(wearing * 256.0));
      e.target_workers[i] = enterprise_jobs(scenario, e, i, year);
      // Hazard grade II or above (mean at or above high_hazard_ratio × limit) means yearly exams (GBZ 188).
      const auto& s = scenario.parameters.surveillance;
      const bool high_hazard = dust >= s.high_hazard_ratio * e.exposure_limit_mg_m3[i];
      e.exam_interval_years[i] = static_cast<std::uint8_t>(std::clamp<long>(
          std::lround(high_hazard ? s.exam_interval_high_hazard_years : s.exam_interval_low_hazard_years), 1, 10));
      // Knowledge: some aware workers forget, training reaches some of the unaware.
      const auto& k = scenario.parameters.knowledge;
      const double aware = e.knowledge_share[i] * (1.0 - k.decay_per_year);
      const double baseline_reach = k.training_reach[static_cast<std::size_t>(e.size_class[i])];
      const double reach = baseline_reach + (1.0 - baseline_reach) * effects.training_reach_added(i);
      e.knowledge_share[i] = static_cast<float>(aware + (1.0 - aware) * reach);
    }
  });
}

}  // namespace pneumo
