// Calibration by approximate Bayesian computation (rejection; Pritchard et al. 1999; Beaumont 2010). The prior
// is the sweep's design: uniform (or log-uniform) over each parameter's range, sampled by a Latin hypercube or
// Sobol design. Each point's simulated series (mean over its replicates) is compared with the observed series
// by the Poisson deviance
//     D = 2 Σ_k [ o_k log(o_k / m_k) − (o_k − m_k) ],
// o_k an observed count over a year or a span of years, m_k the simulated count over the same years; the points
// with the smallest deviance (the accepted fraction) approximate the posterior. Reported: each parameter's
// posterior mean, sd and 5/50/95 % quantiles, the best point, and the fit (observed against the accepted points'
// simulated counts).
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/research/sweep_file.hpp"

namespace pneumo {

struct Observation {
  int first_year = 0, last_year = 0;  // a count over these years (inclusive)
  double value = 0.0;
  std::string source;
  std::string path;  // the observations file, for messages
  long line = 0;
};

// CSV with columns first_year,last_year,value[,source]; '#' comment lines; errors name file:line.
std::vector<Observation> read_observations(const std::string& path);

struct ParameterPosterior {
  std::string name, key;
  double prior_min = 0.0, prior_max = 0.0;
  double mean = 0.0, sd = 0.0, p5 = 0.0, p50 = 0.0, p95 = 0.0, best = 0.0;
};

struct FitRow {
  Observation observation;
  double best = 0.0, mean = 0.0, p5 = 0.0, p95 = 0.0;  // simulated, over the accepted points
};

struct CalibrationResult {
  std::string output;
  std::size_t points_used = 0, accepted = 0, best_point = 0;
  double best_deviance = 0.0, acceptance_deviance = 0.0;
  std::vector<ParameterPosterior> parameters;
  std::vector<FitRow> fit;
  std::vector<double> deviance;  // per point (NaN where not done)
  std::vector<std::size_t> accepted_points;  // the accepted points, best first
};

// Deviance of one simulated series against the observations (infinite when the model predicts 0 where
// something was observed).
double poisson_deviance(const std::vector<Observation>& observed, const std::vector<double>& simulated);

CalibrationResult calibrate(const SweepData& sweep, const std::string& output, const std::vector<Observation>& observed,
                            double accept_fraction);

}  // namespace pneumo
