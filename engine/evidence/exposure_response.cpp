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

ExposureResponseProfile ExposureResponseProfile::weibull(std::string name, ExposureMetric metric, double scale_mg_m3_y,
                                                         double shape, std::string source) {
  if (!(scale_mg_m3_y > 0.0) || !(shape > 0.0)) throw std::invalid_argument("Weibull needs scale > 0, shape > 0");
  ExposureResponseProfile p;
  p.name_ = std::move(name);
  p.metric_ = metric;
  p.family_ = ToleranceFamily::Weibull;
  p.a_ = scale_mg_m3_y;
  p.b_ = shape;
  p.source_ = std::move(source);
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
  if (family_ == ToleranceFamily::Weibull) return -std::expm1(-std::pow(exposure_mg_m3_y / a_, b_));
  return -std::expm1(-b_ * std::expm1(a_ * exposure_mg_m3_y));
}

double ExposureResponseProfile::tolerance_mg_m3_y(double u) const {
  if (family_ == ToleranceFamily::LogLogistic) {
    return a_ * std::exp(std::log(u / (1.0 - u)) / b_);
  }
  if (family_ == ToleranceFamily::Weibull) return a_ * std::pow(-std::log(1.0 - u), 1.0 / b_);
  // std::log rather than std::log1p: the same value to ~1e-16 here, and several times faster in glibc.
  return std::log(1.0 - std::log(1.0 - u) / b_) / a_;
}

const std::vector<ExposureResponseProfile>& exposure_response_library() {
  // Built once. Every profile is the tolerance curve that, run through `pneumoplan cohort` with the model's own
  // latency, follow-up and background mortality, reproduces a published table: a cohort life table, or a
  // published fitted model where only the model was published. Its validation cohort file (scenarios/cohorts/)
  // describes that cohort from its paper, and `pneumoplan cohort FILE --fit-profile METRIC --fit-family FAMILY`
  // refits the numbers below (docs/validation.md; a test reruns every validation).
  static const std::vector<ExposureResponseProfile> library = [] {
    std::vector<ExposureResponseProfile> profiles;
    using M = ExposureMetric;
    // Chen W et al. Am J Ind Med 2005;48:1 — Chinese tin miners, tungsten miners and pottery workers hired
    // 1950-74, followed to 1994; life tables by cumulative respirable silica (references.md §1.1). Weibull
    // fitted the metal mines better than the log-logistic (binomial deviance 63 vs 74 for tin, 31 vs 135 for
    // tungsten); the log-logistic fitted the potteries better (31 vs 49).
    profiles.push_back(ExposureResponseProfile::weibull(
                           "silica_tin_chen2005", M::RespirableSilica, 6.05315, 1.7119,
                           "Chen W et al. Am J Ind Med 2005;48:1 (tin miners' life table), fitted through "
                           "scenarios/cohorts/tin_miners_chen2005.ini")
                           .with_validation("tin_miners_chen2005.ini"));
    profiles.push_back(ExposureResponseProfile::weibull(
                           "silica_tungsten_chen2005", M::RespirableSilica, 8.37523, 1.89126,
                           "Chen W et al. Am J Ind Med 2005;48:1 (tungsten miners' life table), fitted through "
                           "scenarios/cohorts/tungsten_miners_chen2005.ini")
                           .with_validation("tungsten_miners_chen2005.ini"));
    profiles.push_back(ExposureResponseProfile::log_logistic(
                           "silica_pottery_chen2005", M::RespirableSilica, 20.3447, 1.15277,
                           "Chen W et al. Am J Ind Med 2005;48:1 (pottery workers' life table), fitted through "
                           "scenarios/cohorts/pottery_workers_chen2005.ini")
                           .with_validation("pottery_workers_chen2005.ini"));
    // Hnizdo & Sluis-Cremer 1993, white South African gold miners: the published log-logistic model in
    // cumulative respirable dust (ln E50 = 2.439, scale 0.2199), reproduced through the described cohort.
    profiles.push_back(ExposureResponseProfile::log_logistic(
                           "silica_gold_hnizdo1993", M::RespirableDust, 9.57239, 3.77885,
                           "Hnizdo E, Sluis-Cremer GK. Am J Ind Med 1993;24:447 (published log-logistic model), fitted "
                           "through scenarios/cohorts/gold_miners_hnizdo1993.ini")
                           .with_validation("gold_miners_hnizdo1993.ini"));
    // Wang XT & Zhang G 2020, nine Chinese state-owned coal mines: the published fitted model of cumulative
    // prevalence in bituminous mines, logit P = 5.679 lg D − 16.837, D cumulative respirable coal mine dust.
    profiles.push_back(ExposureResponseProfile::log_logistic(
                           "cwp_bituminous_wang_zhang2020", M::RespirableDust, 1054.01, 1.69266,
                           "Wang XT, Zhang G. Zhonghua Liu Xing Bing Xue Za Zhi 2020;41:1068 (bituminous coal mines' "
                           "fitted model), fitted through scenarios/cohorts/coal_miners_wang_zhang2020.ini")
                           .with_validation("coal_miners_wang_zhang2020.ini"));
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
