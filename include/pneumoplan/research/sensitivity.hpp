// Global sensitivity of a model output to the swept parameters (docs/research.md):
//  * Sobol indices from a Saltelli design (N base rows; for row j the points A_j, B_j and AB_j^(i), A_j with
//    column i from B_j, and, for second-order indices, BA_j^(i), B_j with column i from A_j):
//      first order  S_i  = mean((f_B − f0)(f_ABi − f_A)) / V, the estimator of Saltelli et al. (2010) centred on
//                          f0, the mean of f over A and B. Centring removes f0 · mean(f_ABi − f_A), whose
//                          expectation is 0 but whose noise grows with f0², so it is tighter wherever the output
//                          sits far from 0 relative to its spread (counts of cases) and it does not change
//                          when a constant is added to the output;
//      total        ST_i = mean((f_A − f_ABi)²) / 2V (Jansen 1999);
//      second order S_ij = mean((f_BAi − f0)(f_ABj − f0) − (f_A − f0)(f_B − f0)) / V − S_i − S_j (Saltelli 2002,
//                          centred likewise);
//    V the variance of f over A and B; confidence intervals by bootstrap over the base rows;
//  * Morris elementary effects from trajectories: EE = Δf / Δx in unit coordinates; μ, μ* (mean |EE|) and σ
//    per parameter (Morris 1991; Campolongo et al. 2007), μ* with a bootstrap interval over trajectories.
// The estimators work on plain arrays, so they are tested on analytic functions (Ishigami) as well as on sweeps.
#pragma once

#include <cstdint>
#include <vector>

namespace pneumo {

// Below this many resampled units (base rows, trajectories) the percentile bootstrap's intervals are far from
// their nominal coverage: assumed, the usual "a few tens" of Efron & Tibshirani's bootstrap practice; the
// intervals are still printed, with a warning.
inline constexpr std::size_t kMinRowsForSobolIntervals = 30;
// Morris screening with fewer trajectories ranks parameters unreliably: assumed, Campolongo et al. (2007) use
// 10 and more.
inline constexpr std::size_t kMinMorrisTrajectories = 10;

enum class FirstOrderEstimator : std::uint8_t { Centred, Saltelli2010 };

struct SobolOptions {
  std::size_t resamples = 1000;  // bootstrap resamples
  double level = 0.9;            // central share of the bootstrap distribution given as the interval
  std::uint64_t seed = 1;        // of the bootstrap (reproducible)
  bool second_order = false;     // f holds 2K + 2 values per row (A, B, AB^1..K, BA^1..K)
  FirstOrderEstimator first_order = FirstOrderEstimator::Centred;
};

struct Bounded {
  double value = 0.0, low = 0.0, high = 0.0;
};

struct SobolIndex {
  double first = 0.0, first_low = 0.0, first_high = 0.0;
  double total = 0.0, total_low = 0.0, total_high = 0.0;
};

struct SobolResult {
  std::vector<SobolIndex> indices;  // per parameter
  std::vector<std::vector<Bounded>> second;  // [i][j], i < j filled (second_order only), NaN elsewhere
  double variance = 0.0;
  std::size_t base_rows = 0;        // rows used (rows with a missing value are left out)
  bool varies = false;              // false: the output is constant over the rows (indices NaN)
  // Reasons to distrust the intervals, for a warning: fewer rows than kMinRowsForSobolIntervals, and the
  // parameters whose S or ST interval spans more than 1, the whole range of an index.
  bool too_few_rows = false;
  std::vector<std::size_t> wide_intervals;
};

// `f` in Saltelli block order: row j holds K + 2 values (A_j, B_j, AB_j^1..K), or 2K + 2 with second_order
// (then BA_j^1..K); NaN marks a missing value. An output that does not vary over the design (variance within
// rounding of 0) gets NaN indices and varies = false.
SobolResult sobol_indices(const std::vector<double>& f, std::size_t parameters, const SobolOptions& options);

struct MorrisOptions {
  std::size_t resamples = 1000;  // bootstrap resamples of the trajectories, for the interval of μ*
  double level = 0.9;
  std::uint64_t seed = 1;
};

struct MorrisEffect {
  double mu = 0.0, mu_star = 0.0, sigma = 0.0;
  double mu_star_low = 0.0, mu_star_high = 0.0;  // bootstrap interval of μ* over trajectories
  std::size_t effects = 0;  // elementary effects used
};

struct MorrisResult {
  std::vector<MorrisEffect> effects;  // per parameter
  std::size_t trajectories = 0;       // complete trajectories used
  bool too_few_trajectories = false;  // fewer than kMinMorrisTrajectories
};

// `unit` [points][K] and `f` [points] in trajectory order (each trajectory K + 1 points, one parameter moving per
// step); trajectories with a missing value are left out.
MorrisResult morris_effects(const std::vector<double>& unit, const std::vector<double>& f, std::size_t parameters,
                            const MorrisOptions& options = {});

// True when the values that are not NaN differ by more than rounding (at least two of them).
bool output_varies(const std::vector<double>& values);

}  // namespace pneumo
