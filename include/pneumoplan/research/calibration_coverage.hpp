// Does calibration report real uncertainty? Coverage of its intervals (simulation-based calibration, Talts et
// al. 2018; Prangle et al. 2014): truths drawn from the prior, a synthetic observed series from the model at
// each, each fitted; a calibrated method's `level` intervals hold the truth in a share `level` of the fits, and
// the number that do is Binomial(truths, level) when the fits are independent given the reference sweep.
//
// leave_one_out_coverage is the check `pneumoplan calibrate --coverage` runs on a sweep alone: every finished
// point in turn is a truth (the design samples the prior), its first replicate the observed series (over the
// observations' years), and it is fitted with the other points (the point and its replicates left out, also of
// the pooled replicate covariance). The fits share the other points, so the count is only nearly binomial.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pneumoplan/research/calibration.hpp"

namespace pneumo {

// The central range [low, high] of Binomial(trials, p) holding at least `probability`: P(X < low) and
// P(X > high) are each at most (1 − probability) / 2.
struct BinomialRange {
  std::size_t low = 0, high = 0;
};
BinomialRange binomial_central_range(std::size_t trials, double p, double probability);

struct ParameterCoverage {
  std::string name;
  std::size_t covered = 0;
  double mean_width_share = 0.0;  // mean interval width as a share of the prior range
};

struct CoverageCheck {
  double level = 0.9;
  std::size_t truths = 0;
  BinomialRange expected;  // the 99 % central range of the covered count for a calibrated method
  std::vector<ParameterCoverage> parameters;
  bool compatible() const;  // every parameter's count within `expected`
};

CoverageCheck leave_one_out_coverage(const SweepData& sweep, const std::string& output,
                                     const std::vector<Observation>& observed, double level);

}  // namespace pneumo
