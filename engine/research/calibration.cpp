#include "pneumoplan/research/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::vector<Observation> read_observations(const std::string& path) {
  const CsvTable table = CsvTable::read(path, {"first_year", "last_year", "value"}, {"source"});
  std::vector<Observation> observed;
  for (const auto& record : table.records()) {
    Observation o;
    o.first_year = static_cast<int>(record.integer("first_year", 1900, 2200));
    o.last_year = static_cast<int>(record.integer("last_year", 1900, 2200));
    if (o.last_year < o.first_year) record.fail("column 'last_year': expected a year not before first_year");
    o.value = record.number("value", 0.0, 1e12);
    if (record.has("source")) o.source = record.text("source");
    o.line = record.line();
    o.path = path;
    // The same period twice would count its evidence twice in the deviance.
    for (const auto& earlier : observed) {
      if (earlier.first_year == o.first_year && earlier.last_year == o.last_year) {
        record.fail("expected each period once; " + std::to_string(o.first_year) + "-" + std::to_string(o.last_year) +
                    " repeats line " + std::to_string(earlier.line));
      }
    }
    observed.push_back(std::move(o));
  }
  if (observed.empty()) throw InputError(path, table.header_line(), "expected at least one observation after the header");
  return observed;
}

double poisson_deviance(const std::vector<Observation>& observed, const std::vector<double>& simulated) {
  double d = 0.0;
  for (std::size_t k = 0; k < observed.size(); ++k) {
    const double o = observed[k].value, m = simulated[k];
    if (std::isnan(m)) return kNaN;
    if (m <= 0.0) {
      if (o > 0.0) return std::numeric_limits<double>::infinity();
      continue;
    }
    d += 2.0 * ((o > 0.0 ? o * std::log(o / m) : 0.0) - (o - m));
  }
  return d;
}

CalibrationResult calibrate(const SweepData& sweep, const std::string& output, const std::vector<Observation>& observed,
                            double accept_fraction) {
  const std::size_t o = sweep.output_index(output);
  for (const auto& obs : observed) {
    if (obs.first_year < sweep.years.front() || obs.last_year > sweep.years.back()) {
      throw InputError(obs.path, obs.line,
                       "expected years within the sweep's " + std::to_string(sweep.years.front()) + "-" +
                           std::to_string(sweep.years.back()) + ", found " + std::to_string(obs.first_year) + "-" +
                           std::to_string(obs.last_year));
    }
  }
  CalibrationResult c;
  c.output = output;
  const std::size_t N = sweep.points(), K = sweep.parameters();
  std::vector<std::vector<double>> series(N);
  c.deviance.assign(N, kNaN);
  std::vector<std::size_t> usable;
  for (std::size_t n = 0; n < N; ++n) {
    if (sweep.status[n] != 1) continue;
    for (const auto& obs : observed) series[n].push_back(sweep.point_mean_over(o, n, obs.first_year, obs.last_year));
    c.deviance[n] = poisson_deviance(observed, series[n]);
    if (!std::isnan(c.deviance[n])) usable.push_back(n);
  }
  c.points_used = usable.size();
  if (usable.empty()) throw UsageError("no finished point of the sweep can be compared with the observations");
  // Ties broken by point number, so the accepted set is the same on every machine.
  std::sort(usable.begin(), usable.end(), [&](std::size_t a, std::size_t b) {
    return c.deviance[a] < c.deviance[b] || (c.deviance[a] == c.deviance[b] && a < b);
  });
  c.accepted = std::max<std::size_t>(2, static_cast<std::size_t>(std::ceil(accept_fraction * static_cast<double>(usable.size()))));
  c.accepted = std::min(c.accepted, usable.size());
  const std::vector<std::size_t> accepted(usable.begin(), usable.begin() + static_cast<std::ptrdiff_t>(c.accepted));
  c.accepted_points = accepted;
  c.best_point = accepted.front();
  c.best_deviance = c.deviance[c.best_point];
  c.acceptance_deviance = c.deviance[accepted.back()];
  for (std::size_t k = 0; k < K; ++k) {
    ParameterPosterior p;
    p.name = sweep.parameter_names[k];
    p.key = sweep.parameter_keys[k];
    p.prior_min = sweep.parameter_min[k];
    p.prior_max = sweep.parameter_max[k];
    std::vector<double> values;
    for (const std::size_t n : accepted) values.push_back(sweep.value[n * K + k]);
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    double ss = 0.0;
    for (const double v : values) ss += (v - mean) * (v - mean);
    p.mean = mean;
    p.sd = std::sqrt(ss / static_cast<double>(values.size() - 1));
    p.best = sweep.value[c.best_point * K + k];
    p.p5 = quantile_type7(values, 0.05);
    p.p50 = quantile_type7(values, 0.5);
    p.p95 = quantile_type7(values, 0.95);
    c.parameters.push_back(p);
  }
  for (std::size_t j = 0; j < observed.size(); ++j) {
    FitRow row;
    row.observation = observed[j];
    row.best = series[c.best_point][j];
    std::vector<double> values;
    for (const std::size_t n : accepted) values.push_back(series[n][j]);
    row.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    row.p5 = quantile_type7(values, 0.05);
    row.p95 = quantile_type7(values, 0.95);
    c.fit.push_back(row);
  }
  return c;
}

}  // namespace pneumo
