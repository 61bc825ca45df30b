// Global sensitivity of a model output to the swept parameters (docs/research.md):
//  * Sobol indices from a Saltelli design (N base rows; for row j the points A_j, B_j and AB_j^(i), A_j with
//    column i from B_j): first order S_i = mean(f_B (f_ABi − f_A)) / V (Saltelli et al. 2010) and total
//    ST_i = mean((f_A − f_ABi)²) / 2V (Jansen 1999), V the variance of f over A and B; confidence intervals by
//    bootstrap over the base rows;
//  * Morris elementary effects from trajectories: EE = Δf / Δx in unit coordinates; μ, μ* (mean |EE|) and σ
//    per parameter (Morris 1991; Campolongo et al. 2007).
// The estimators work on plain arrays, so they are tested on analytic functions (Ishigami) as well as on sweeps.
#pragma once

#include <cstdint>
#include <vector>

namespace pneumo {

struct SobolIndex {
  double first = 0.0, first_low = 0.0, first_high = 0.0;
  double total = 0.0, total_low = 0.0, total_high = 0.0;
};

struct SobolResult {
  std::vector<SobolIndex> indices;  // per parameter
  double variance = 0.0;
  std::size_t base_rows = 0;        // rows used (rows with a missing value are left out)
};

// `f` in Saltelli block order: row j holds K + 2 values (A_j, B_j, AB_j^1..K); NaN marks a missing value.
// Intervals: the central `level` of `resamples` bootstrap replicates over rows (seeded, reproducible). An
// output that does not vary over the design (variance within rounding of 0) gets NaN indices.
SobolResult sobol_indices(const std::vector<double>& f, std::size_t parameters, std::size_t resamples,
                          double level, std::uint64_t seed);

struct MorrisEffect {
  double mu = 0.0, mu_star = 0.0, sigma = 0.0;
  std::size_t effects = 0;  // elementary effects used
};

// `unit` [points][K] and `f` [points] in trajectory order (each trajectory K + 1 points, one parameter moving per
// step); trajectories with a missing value are left out.
std::vector<MorrisEffect> morris_effects(const std::vector<double>& unit, const std::vector<double>& f,
                                         std::size_t parameters);

}  // namespace pneumo
