// Figures of a parameter sweep (research/sweep_file.hpp), one set per kept output, its value in a year or
// summed over years (each point's mean over its replicates):
//   sweep_sobol_<output>   (saltelli designs): first-order and total Sobol indices per parameter as bars with
//                          their bootstrap intervals (research/sensitivity.hpp);
//   sweep_morris_<output>  (morris designs): each parameter at (μ*, σ) of its elementary effects, with the line
//                          σ = μ* that separates mostly linear from non-linear or interacting effects;
//   sweep_response_<output> (other designs): the output against each parameter, point by point;
//   sweep_posterior        (with observations): each parameter's posterior by synthetic likelihood (the points
//                          weighted by their likelihood, histogram) against its prior (uniform or log-uniform
//                          over its range), posterior mean and central interval marked (research/calibration.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/localised_text.hpp"
#include "pneumoplan/research/calibration.hpp"
#include "pneumoplan/research/sweep_file.hpp"

namespace pneumo {

struct SweepFigureOptions {
  Language language = Language::English;
  int first_year = 0, last_year = 0;  // the output summed over these years (0: the sweep's last year)
  std::vector<std::string> outputs;   // empty: every kept output
  // Calibration: observations of `calibration_output`, and the probability of the posterior intervals.
  std::vector<Observation> observed;
  std::string calibration_output = "new_diagnoses";
  double level = 0.9;
  bool sensitivity = true, posterior = true;  // which kinds to draw
};

// Data block "indices": parameter, key, first, first_low, first_high, total, total_low, total_high.
Figure sweep_sobol_figure(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options);
// Data block "effects": parameter, key, mu, mu_star, sigma, effects.
Figure sweep_morris_figure(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options);
// Data block "points": point, value of each parameter..., output.
Figure sweep_response_figure(const SweepData& sweep, std::size_t output, const SweepFigureOptions& options);
// Data blocks "bins_K" (parameter K: low, high, density) and "posterior": parameter, prior_min, prior_max,
// log_scale, prior_density, mean, low, high (the central `level` interval).
Figure sweep_posterior_figure(const SweepData& sweep, const CalibrationResult& calibration,
                              const SweepFigureOptions& options);

// The figures `pneumoplan plot` draws for a sweep file.
std::vector<Figure> sweep_figures(const SweepData& sweep, const SweepFigureOptions& options);

}  // namespace pneumo
