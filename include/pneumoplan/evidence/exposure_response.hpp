// Exposure–response profiles: the cumulative risk of stage I+ pneumoconiosis as a function of cumulative
// exposure, F(E). The model reads F as the distribution of each worker's tolerance: a worker whose
// cumulative exposure reaches his tolerance E* = F⁻¹(U) develops stage I after a latency, so the share of
// a cohort that ever crosses E equals F(E), as the published life-table curves state.
//
// Families (docs/references.md §1, docs/validation.md):
//  * log-logistic  F(E) = 1 / (1 + (E/E50)^-k);
//  * Weibull  F(E) = 1 − exp(−(E/a)^k), the form Chen et al. 2001 fitted to Chinese tin miners;
//  * exponential relative risk  F(E) = 1 − exp(−H0·(e^{βE} − 1)), a proportional-hazards form for curves
//    built from a hazard ratio (not used by the shipped profiles: a relative measure and one anchor do not
//    define an absolute curve).
// A profile is not the published curve itself: a published curve already contains the delay from exposure to
// radiographic onset, so the shipped profiles are the tolerance curves that, with the model's latency, reproduce
// the published tables through `pneumoplan cohort`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pneumo {

enum class ExposureMetric { RespirableDust, RespirableSilica };

enum class ToleranceFamily { LogLogistic, ExponentialRelativeRisk, Weibull };

// A published point the profile must reproduce: cumulative risk `risk` at cumulative exposure
// `exposure_mg_m3_y` (in the profile's metric).
struct ExposureResponseAnchor {
  double exposure_mg_m3_y;
  double risk;
  std::string what;  // the published statement, e.g. "77 % at 15 mg/m3·y respirable dust"
};

class ExposureResponseProfile {
 public:
  static ExposureResponseProfile log_logistic(std::string name, ExposureMetric metric, double median_mg_m3_y,
                                              double shape, std::string source);
  // Fits E50 and k so that F passes exactly through two points.
  static ExposureResponseProfile log_logistic_through(std::string name, ExposureMetric metric,
                                                      const ExposureResponseAnchor& low,
                                                      const ExposureResponseAnchor& high, std::string source);
  // Fits E50 through one point with a given shape k.
  static ExposureResponseProfile log_logistic_through(std::string name, ExposureMetric metric,
                                                      const ExposureResponseAnchor& point, double shape,
                                                      std::string source);
  // Weibull F(E) = 1 − exp(−(E/scale)^shape), the form Chen et al. 2001 fitted to the tin miners.
  static ExposureResponseProfile weibull(std::string name, ExposureMetric metric, double scale_mg_m3_y, double shape,
                                         std::string source);
  // β = ln(hazard ratio per mg/m3·y); H0 chosen so that F(point.exposure) = point.risk.
  static ExposureResponseProfile exponential_relative_risk(std::string name, ExposureMetric metric,
                                                           double hazard_ratio_per_mg_m3_y,
                                                           const ExposureResponseAnchor& point, std::string source);

  const std::string& name() const { return name_; }
  ExposureMetric metric() const { return metric_; }
  ToleranceFamily family() const { return family_; }
  const std::string& source() const { return source_; }
  const std::vector<ExposureResponseAnchor>& anchors() const { return anchors_; }
  ExposureResponseProfile& with_anchor(ExposureResponseAnchor anchor) {
    anchors_.push_back(std::move(anchor));
    return *this;
  }
  // The cohort file (in scenarios/cohorts/) whose published table this profile reproduces.
  ExposureResponseProfile& with_validation(std::string cohort_file) {
    validation_cohort_ = std::move(cohort_file);
    return *this;
  }
  const std::string& validation_cohort() const { return validation_cohort_; }

  double cumulative_risk(double exposure_mg_m3_y) const;
  // F⁻¹(u) for u in (0,1): the cumulative exposure at which this worker's disease is triggered.
  double tolerance_mg_m3_y(double u) const;

  // Parameters, for documentation and output.
  double parameter_a() const { return a_; }  // E50 (log-logistic), scale (Weibull) or β per mg/m3·y (relative risk)
  double parameter_b() const { return b_; }  // shape k (log-logistic, Weibull) or H0 (relative risk)

 private:
  std::string name_;
  ExposureMetric metric_ = ExposureMetric::RespirableSilica;
  ToleranceFamily family_ = ToleranceFamily::LogLogistic;
  double a_ = 0.0;
  double b_ = 0.0;
  std::string source_;
  std::vector<ExposureResponseAnchor> anchors_;
  std::string validation_cohort_;
};

// The built-in library, each profile with its source and the anchors it reproduces.
const std::vector<ExposureResponseProfile>& exposure_response_library();
const ExposureResponseProfile* find_exposure_response_profile(std::string_view name);
std::vector<std::string> exposure_response_profile_names();

}  // namespace pneumo
