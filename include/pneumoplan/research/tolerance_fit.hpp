// Fits a cohort's tolerance curve to a published life table: the log-logistic F(E) = 1/(1 + (E/E50)^-k) (or the
// Weibull F(E) = 1 − exp(−(E/a)^k)) whose
// members, run through the cohort with the model's own latency, follow-up and mortality, reproduce the
// published cases band by band. Tolerance and latency together then reproduce the published curve: the
// latency is not stacked on top of a curve that already contains it.
#pragma once

#include <string>

#include "pneumoplan/research/cohort.hpp"

namespace pneumo {

struct ToleranceFit {
  double scale_mg_m3_y = 0.0;  // E50 (log-logistic) or the Weibull scale
  double shape = 0.0;          // k
  ExposureMetric metric = ExposureMetric::RespirableSilica;
  ToleranceFamily family = ToleranceFamily::LogLogistic;
  double deviance = 0.0;        // binomial deviance of the published cases under the fitted cohort
  int bands_used = 0;
  int evaluations = 0;
  CohortResult result;          // the cohort simulated with the fitted curve
};

// The spec must name a published table. Starts from the curve through the published risks and minimises the
// binomial deviance with Nelder–Mead on (ln E50, ln k); every evaluation reuses the same random numbers, so the
// objective is deterministic.
ToleranceFit fit_tolerance_to_published(const CohortSpec& spec, ExposureMetric metric,
                                        ToleranceFamily family = ToleranceFamily::LogLogistic);

}  // namespace pneumo
