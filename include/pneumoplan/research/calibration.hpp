// Calibration of swept parameters to observed counts by synthetic likelihood (Wood 2010; docs/research.md,
// "Calibration"). The prior is the sweep's design — uniform (or log-uniform) over each parameter's range,
// sampled by a Latin hypercube, a Sobol sequence or a grid; Morris and Saltelli designs are refused, their
// points are not a sample of the prior. The sweep must run its points on independent random numbers
// (`common_random_numbers = false`) with at least 2 replicates, because the observed series is one
// realisation of the model, persistent replicate-level variation included, and each point's replicates are
// what measures that variation (synthetic_likelihood.hpp). Each point is weighted by its estimated likelihood;
// the weighted points are the posterior. Reported: each parameter's posterior mean, sd and central interval,
// the effective number of points behind them, the best point, and the fit (observed against the posterior
// predictive range of the weighted points' replicates).
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/synthetic_likelihood.hpp"

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

// Fewer effective points than this and each 5 % tail of a 90 % interval rests on about one point: warned.
inline constexpr double kMinimumEffectivePoints = 20.0;

struct ParameterPosterior {
  std::string name, key;
  double prior_min = 0.0, prior_max = 0.0;
  double mean = 0.0, sd = 0.0, low = 0.0, median = 0.0, high = 0.0, best = 0.0;  // low/high: the `level` interval
};

struct FitRow {
  Observation observation;
  double best = 0.0;                         // mean over the best point's replicates
  double mean = 0.0, low = 0.0, high = 0.0;  // posterior predictive: the weighted points' replicates
  double low99 = 0.0, high99 = 0.0;          // its central 99 % (an observation outside is warned about)
  double shift_sd = 0.0;                     // sd of log counts between replicates beyond Poisson (best point)
};

struct CalibrationResult {
  std::string output;
  double level = 0.9;
  std::size_t points_used = 0, replicates = 0, best_point = 0;
  double effective_points = 0.0;     // Kish's (Σw)² / Σw²
  double interval_share = 0.0;       // the weight inside each interval (weighted_posterior)
  std::size_t points_holding_90 = 0;  // the fewest points that hold 90 % of the weight
  std::vector<ParameterPosterior> parameters;
  std::vector<FitRow> fit;
  std::vector<double> weight;        // per point, normalised (0 where not usable)
  std::vector<std::string> warnings;
};

// Refuses (UsageError) a sweep calibration cannot use: a Morris or Saltelli design, common random numbers,
// fewer than 2 replicates; and (InputError) observations outside the sweep's years.
void check_calibration_sweep(const SweepData& sweep, const std::vector<Observation>& observed);

// The synthetic likelihood of `output` summed over each observation's years, from every finished point.
SyntheticLikelihood span_likelihood(const SweepData& sweep, std::size_t output, const std::vector<Observation>& observed);

CalibrationResult calibrate(const SweepData& sweep, const std::string& output, const std::vector<Observation>& observed,
                            double level = 0.9);
// The same with the likelihood already built by span_likelihood for these observations' years (many observed
// series against one sweep: the coverage checks). Does not check the sweep.
CalibrationResult calibrate(const SweepData& sweep, const SyntheticLikelihood& likelihood,
                            const std::vector<Observation>& observed, double level = 0.9);

// The posterior from per-point log-likelihoods (-inf: no weight): the points' normalised weights, Kish's
// effective number of points n = (Σw)² / Σw², and every parameter's weighted mean, sd, median and central
// interval. The interval takes the central level·(n + 1)/n of the weight: between
// two quantiles of n draws a further draw falls with probability n/(n + 1) of their distance, and the unknown
// parameter is such a draw from the posterior; without this, intervals from 50 effective points hold the truth
// 1-3 % less often than they claim (docs/research.md). Below 18 effective points (at level 0.9) the share stops
// at (1 + level)/2: half of each tail is kept. Shared by calibrate and the coverage checks.
struct WeightedPosterior {
  std::vector<ParameterPosterior> parameters;
  std::vector<double> weight;       // per point, summing to 1
  double effective_points = 0.0;
  double interval_share = 0.0;      // the weight inside each interval: min((1 + level) / 2, level (n + 1) / n)
};
WeightedPosterior weighted_posterior(const SweepData& sweep, const std::vector<double>& log_likelihood, double level);

// Quantile p of values with weights (not necessarily normalised): each value stands at the midpoint of its
// cumulative weight, linear between, the smallest or largest value beyond (ties in value order by index).
double interpolated_weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights, double p);
std::vector<double> interpolated_weighted_quantiles(const std::vector<double>& values, const std::vector<double>& weights,
                                                    const std::vector<double>& p);  // several p, one sort

}  // namespace pneumo
