#include "pneumoplan/evidence/exposure_response.hpp"

#include <cmath>
#include <stdexcept>

namespace pneumo {
namespace {

double logit(double p) { return std::log(p / (1.0 - p)); }

}  // namespace

ExposureResponseProfile ExposureResponseProfile::log_logistic(std::string name, ExposureMetric metric,
                                                              double median_mg_m3_y, double shape,
                                                              std::string source) {
  if (!(median_mg_m3_y > 0.0) || !(shape > 0.0)) throw std::invalid_argument("log-logistic needs E50 > 0, k > 0");
  ExposureResponseProfile p;
  p.name_ = std::move(name);
  p.metric_ = metric;
  p.family_ = ToleranceFamily::LogLogistic;
  p.a_ = median_mg_m3_y;
  p.b_ = shape;
  p.source_ = std::move(source);
  return p;
}

ExposureResponseProfile ExposureResponseProfile::log_logistic_through(std::string name, ExposureMetric metric,
                                                                      const ExposureResponseAnchor& low,
                                                                      const ExposureResponseAnchor& high,
                                                                      std::string source) {
  // logit F = k (ln E − ln E50): a straight line through the two points in (ln E, logit F).
  const double shape = (logit(high.risk) - logit(low.risk)) /
                       (std::log(high.exposure_mg_m3_y) - std::log(low.exposure_mg_m3_y));
  const double log_median = std::log(high.exposure_mg_m3_y) - logit(high.risk) / shape;
  auto p = log_logistic(std::move(name), metric, std::exp(log_median), shape, std::move(source));
  p.anchors_ = {low, high};
  return p;
}

ExposureResponseProfile ExposureResponseProfile::log_logistic_through(std::string name, ExposureMetric metric,
                                                                      const ExposureResponseAnchor& point,
                                                                      double shape, std::string source) {
  const double log_median = std::log(point.exposure_mg_m3_y) - logit(point.risk) / shape;
  auto p = log_logistic(std::move(name), metric, std::exp(log_median), shape, std::move(source));
  p.anchors_ = {point};
  return p;
}

ExposureResponseProfile ExposureResponseProfile::exponential_relative_risk(std::string name, ExposureMetric metric,
                                                                           double hazard_ratio_per_mg_m3_y,
                                                                           const ExposureResponseAnchor& point,
                                                                           std::string source) {
  if (!(hazard_ratio_per_mg_m3_y > 1.0)) throw std::invalid_argument("relative-risk profile needs HR > 1");
  ExposureResponseProfile p;
  p.name_ = std::move(name);
  p.metric_ = metric;
  p.family_ = ToleranceFamily::ExponentialRelativeRisk;
  p.a_ = std::log(hazard_ratio_per_mg_m3_y);
  // F(E) = 1 − exp(−H0 (e^{βE} − 1))  ⇒  H0 = −ln(1 − F) / (e^{βE} − 1)
  p.b_ = -std::log1p(-point.risk) / std::expm1(p.a_ * point.exposure_mg_m3_y);
  p.source_ = std::move(source);
  p.anchors_ = {point};
  return p;
}

double ExposureResponseProfile::cumulative_risk(double exposure_mg_m3_y) const {
  if (exposure_mg_m3_y <= 0.0) return 0.0;
  if (family_ == ToleranceFamily::LogLogistic) {
    return 1.0 / (1.0 + std::pow(exposure_mg_m3_y / a_, -b_));
  }
  return -std::expm1(-b_ * std::expm1(a_ * exposure_mg_m3_y));
}

double ExposureResponseProfile::tolerance_mg_m3_y(double u) const {
  if (family_ == ToleranceFamily::LogLogistic) {
    return a_ * std::exp(std::log(u / (1.0 - u)) / b_);
  }
  // std::log rather than std::log1p: the same value to ~1e-16 here, and several times faster in glibc.
  return std::log(1.0 - std::log(1.0 - u) / b_) / a_;
}

const std::vector<ExposureResponseProfile>& exposure_response_library() {
  // Built once; every number below is quoted in docs/references.md §1 and in
  // docs/model.md with its derivation.
  static const std::vector<ExposureResponseProfile> library = [] {
    std::vector<ExposureResponseProfile> profiles;
    using M = ExposureMetric;

    // Hnizdo & Sluis-Cremer 1993 (SA gold miners): log-logistic in cumulative respirable dust with
    // ln E50 = 2.439 and scale 0.2199 (shape 1/0.2199); expressed in respirable silica through the
    // cohort's 30 % quartz, E_silica = 0.3 E_dust.
    profiles.push_back(
        ExposureResponseProfile::log_logistic(
            "silica_gold_hnizdo1993", M::RespirableSilica, 0.3 * std::exp(2.439), 1.0 / 0.2199,
            "Hnizdo E, Sluis-Cremer GK. Am J Ind Med 1993;24:447 (log-logistic, 30 % quartz)")
            .with_anchor({0.3 * 15.0, 0.77, "77 % at 15 mg/m3·y respirable dust (4.5 mg/m3·y silica at 30 % quartz)"}));

    // Chen W et al. 2001 (tin miners): predicted 36 % after 45 y at 2 mg/m3 total dust and 55 % after
    // 45 y at 0.1 mg/m3 respirable silica, with respirable silica ≈ 0.036 × total dust in these mines.
    profiles.push_back(ExposureResponseProfile::log_logistic_through(
        "silica_tin_chen2001", M::RespirableSilica,
        {0.036 * 2.0 * 45.0, 0.36, "36 % after 45 y at 2 mg/m3 total dust (3.24 mg/m3·y silica)"},
        {0.1 * 45.0, 0.55, "55 % after 45 y at 0.1 mg/m3 respirable silica"},
        "Chen W et al. Occup Environ Med 2001;58:31 (predicted risks; RCS = 0.036 × total dust)"));

    // Wang D et al. 2020 (Chinese metal mines and potteries, 39,808 workers): hazard ratio per
    // mg/m3·y of respirable silica and cumulative risk after 45 y at 0.05 mg/m3 (2.25 mg/m3·y).
    const auto wang = [&](const char* name, double hazard_ratio, double risk_45y, const char* what) {
      profiles.push_back(ExposureResponseProfile::exponential_relative_risk(
          name, M::RespirableSilica, hazard_ratio, {0.05 * 45.0, risk_45y, what},
          "Wang D et al. Chest 2020;158:1050 (HR per mg/m3·y and 45-year risk at 0.05 mg/m3)"));
    };
    wang("silica_tungsten_wang2020", 1.08, 0.023, "2.3 % after 45 y at 0.05 mg/m3 (tungsten)");
    wang("silica_iron_copper_wang2020", 1.41, 0.099, "9.9 % after 45 y at 0.05 mg/m3 (iron/copper)");
    wang("silica_tin_wang2020", 1.14, 0.015, "1.5 % after 45 y at 0.05 mg/m3 (tin)");
    wang("silica_pottery_wang2020", 1.03, 0.006, "0.6 % after 45 y at 0.05 mg/m3 (pottery)");

    // Attfield & Seixas 1995 (US coal miners): category 1+ in 14 % after 40 y at 2 mg/m3 coal mine dust
    // (80 mg/m3·y). The paper's slope is not in our reference, so the shape is taken from the Chen 2001
    // fit (an assumption, stated in docs/model.md).
    const double chen_shape = profiles[1].parameter_b();
    profiles.push_back(ExposureResponseProfile::log_logistic_through(
        "cwp_attfield_seixas1995", M::RespirableDust,
        {2.0 * 40.0, 0.14, "14 % category 1+ after 40 y at 2 mg/m3 coal mine dust"}, chen_shape,
        "Attfield MD, Seixas NS. Am J Ind Med 1995;27:137 (point); shape assumed from Chen 2001"));
    return profiles;
  }();
  return library;
}

const ExposureResponseProfile* find_exposure_response_profile(std::string_view name) {
  for (const auto& profile : exposure_response_library()) {
    if (profile.name() == name) return &profile;
  }
  return nullptr;
}

std::vector<std::string> exposure_response_profile_names() {
  std::vector<std::string> names;
  for (const auto& profile : exposure_response_library()) names.push_back(profile.name());
  return names;
}

}  // namespace pneumo
