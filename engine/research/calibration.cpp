#include "pneumoplan/research/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"

namespace pneumo {
namespace {

std::string years_text(const Observation& o) {
  return o.first_year == o.last_year ? std::to_string(o.first_year)
                                     : std::to_string(o.first_year) + "-" + std::to_string(o.last_year);
}

std::string number(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", x);
  return text;
}

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

void check_calibration_sweep(const SweepData& sweep, const std::vector<Observation>& observed) {
  if (sweep.design == "morris" || sweep.design == "saltelli") {
    throw UsageError("calibrate needs a sweep whose points sample the prior (design lhs, sobol or grid); this sweep's "
                     "design is '" + sweep.design + "', whose points are built for sensitivity indices, not drawn "
                     "from the prior: run a sweep with design = lhs for calibration");
  }
  if (sweep.common_random_numbers) {
    throw UsageError("calibrate needs a sweep run with 'common_random_numbers = false': with common random numbers "
                     "every point shares its replicates' random variation, so every point's mean is off by the same "
                     "amount and the posterior with it (docs/research.md, \"Calibration\")");
  }
  if (sweep.replicates < 2) {
    throw UsageError("calibrate needs at least 2 replicates per point (4 or more recommended) to measure the model's "
                     "variation between replicates; this sweep has " + std::to_string(sweep.replicates));
  }
  for (const auto& obs : observed) {
    if (obs.first_year < sweep.years.front() || obs.last_year > sweep.years.back()) {
      throw InputError(obs.path, obs.line,
                       "expected years within the sweep's " + std::to_string(sweep.years.front()) + "-" +
                           std::to_string(sweep.years.back()) + ", found " + std::to_string(obs.first_year) + "-" +
                           std::to_string(obs.last_year));
    }
  }
}

SyntheticLikelihood span_likelihood(const SweepData& sweep, std::size_t output, const std::vector<Observation>& observed) {
  const std::size_t N = sweep.points(), R = static_cast<std::size_t>(sweep.replicates), K = observed.size();
  const std::size_t Y = sweep.year_count();
  const auto& v = sweep.output_values.at(output);
  std::vector<double> counts(N * R * K, std::numeric_limits<double>::quiet_NaN());
  std::vector<bool> usable(N, false);
  for (std::size_t n = 0; n < N; ++n) {
    if (sweep.status[n] != 1) continue;
    usable[n] = true;
    for (std::size_t r = 0; r < R; ++r) {
      for (std::size_t k = 0; k < K; ++k) {
        double sum = 0.0;
        for (int year = observed[k].first_year; year <= observed[k].last_year; ++year) {
          sum += v[(n * R + r) * Y + static_cast<std::size_t>(year - sweep.years.front())];
        }
        counts[(n * R + r) * K + k] = sum;
      }
    }
  }
  return SyntheticLikelihood(std::move(counts), N, R, K, std::move(usable), sweep.unit, sweep.parameters());
}

std::vector<double> interpolated_weighted_quantiles(const std::vector<double>& values, const std::vector<double>& weights,
                                                    const std::vector<double>& p) {
  std::vector<std::size_t> order;
  double total = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (weights[i] > 0.0) {
      order.push_back(i);
      total += weights[i];
    }
  }
  std::vector<double> out(p.size(), std::numeric_limits<double>::quiet_NaN());
  if (order.empty()) return out;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return values[a] < values[b] || (values[a] == values[b] && a < b); });
  std::vector<double> mid(order.size());
  double below = 0.0;
  for (std::size_t j = 0; j < order.size(); ++j) {
    const double w = weights[order[j]] / total;
    mid[j] = below + w / 2.0;
    below += w;
  }
  for (std::size_t i = 0; i < p.size(); ++i) {
    const std::size_t j = static_cast<std::size_t>(std::lower_bound(mid.begin(), mid.end(), p[i]) - mid.begin());
    if (j == 0) {
      out[i] = values[order.front()];
    } else if (j == order.size()) {
      out[i] = values[order.back()];
    } else {
      const double a = values[order[j - 1]], b = values[order[j]];
      out[i] = a + (b - a) * (p[i] - mid[j - 1]) / (mid[j] - mid[j - 1]);
    }
  }
  return out;
}

double interpolated_weighted_quantile(const std::vector<double>& values, const std::vector<double>& weights, double p) {
  return interpolated_weighted_quantiles(values, weights, {p}).front();
}

WeightedPosterior weighted_posterior(const SweepData& sweep, const std::vector<double>& log_likelihood, double level) {
  const std::size_t N = sweep.points(), K = sweep.parameters();
  double top = -std::numeric_limits<double>::infinity();
  for (const double l : log_likelihood) top = std::max(top, l);
  WeightedPosterior out;
  std::vector<double>& w = out.weight;
  w.assign(N, 0.0);
  double total = 0.0;
  for (std::size_t n = 0; n < N; ++n) {
    // A likelihood under 10^-15 of the best is 0: such a point moves no quantile, and sorting it costs.
    if (std::isfinite(log_likelihood[n]) && log_likelihood[n] - top > -34.5) w[n] = std::exp(log_likelihood[n] - top);
    total += w[n];
  }
  if (!(total > 0.0)) throw UsageError("no finished point of the sweep can be compared with the observations");
  double sum_sq = 0.0;
  for (double& x : w) {
    x /= total;
    sum_sq += x * x;
  }
  out.effective_points = 1.0 / sum_sq;
  // At most half of each tail is given up: beyond, the points are too few for any interval (and warned about).
  out.interval_share = std::min((1.0 + level) / 2.0, level * (out.effective_points + 1.0) / out.effective_points);
  const std::vector<double> p = {(1.0 - out.interval_share) / 2.0, 0.5, (1.0 + out.interval_share) / 2.0};
  for (std::size_t k = 0; k < K; ++k) {
    ParameterPosterior post;
    post.name = sweep.parameter_names[k];
    post.key = sweep.parameter_keys[k];
    post.prior_min = sweep.parameter_min[k];
    post.prior_max = sweep.parameter_max[k];
    std::vector<double> values(N);
    for (std::size_t n = 0; n < N; ++n) {
      values[n] = sweep.value[n * K + k];
      post.mean += w[n] * values[n];
    }
    double ss = 0.0;
    for (std::size_t n = 0; n < N; ++n) ss += w[n] * (values[n] - post.mean) * (values[n] - post.mean);
    post.sd = std::sqrt(ss);
    const auto q = interpolated_weighted_quantiles(values, w, p);
    post.low = q[0];
    post.median = q[1];
    post.high = q[2];
    out.parameters.push_back(post);
  }
  return out;
}

CalibrationResult calibrate(const SweepData& sweep, const std::string& output, const std::vector<Observation>& observed,
                            double level) {
  check_calibration_sweep(sweep, observed);
  const std::size_t o = sweep.output_index(output);
  CalibrationResult c = calibrate(sweep, span_likelihood(sweep, o, observed), observed, level);
  c.output = output;
  return c;
}

CalibrationResult calibrate(const SweepData& sweep, const SyntheticLikelihood& likelihood,
                            const std::vector<Observation>& observed, double level) {
  std::vector<double> values;
  for (const auto& obs : observed) values.push_back(obs.value);
  const std::vector<double> log_likelihood = likelihood.log_likelihood(values);

  CalibrationResult c;
  c.level = level;
  c.points_used = likelihood.usable_points();
  c.replicates = likelihood.replicates();
  WeightedPosterior posterior = weighted_posterior(sweep, log_likelihood, level);
  c.parameters = std::move(posterior.parameters);
  c.weight = std::move(posterior.weight);
  c.effective_points = posterior.effective_points;
  c.interval_share = posterior.interval_share;
  const std::size_t N = sweep.points(), K = sweep.parameters(), R = c.replicates;
  std::vector<double> sorted = c.weight;
  std::sort(sorted.begin(), sorted.end(), std::greater<double>());
  for (double held = 0.0; c.points_holding_90 < sorted.size() && held < 0.9; ++c.points_holding_90) {
    held += sorted[c.points_holding_90];
  }
  // The best point: the highest estimated likelihood (the lowest index among equals).
  c.best_point = static_cast<std::size_t>(std::max_element(log_likelihood.begin(), log_likelihood.end()) - log_likelihood.begin());
  for (std::size_t k = 0; k < K; ++k) c.parameters[k].best = sweep.value[c.best_point * K + k];

  for (std::size_t j = 0; j < observed.size(); ++j) {
    FitRow row;
    row.observation = observed[j];
    row.best = likelihood.mean_count(c.best_point, j);
    row.shift_sd = likelihood.shift_sd(c.best_point, j);
    std::vector<double> counts, weights;
    for (std::size_t n = 0; n < N; ++n) {
      if (c.weight[n] <= 0.0) continue;
      for (std::size_t r = 0; r < R; ++r) {
        counts.push_back(likelihood.count(n, r, j));
        weights.push_back(c.weight[n] / static_cast<double>(R));
        row.mean += weights.back() * counts.back();
      }
    }
    const auto q = interpolated_weighted_quantiles(counts, weights, {(1.0 - c.interval_share) / 2.0,
                                                                     (1.0 + c.interval_share) / 2.0, 0.005, 0.995});
    row.low = q[0];
    row.high = q[1];
    row.low99 = q[2];
    row.high99 = q[3];
    c.fit.push_back(row);
  }

  // Warnings a reader of the intervals must see.
  if (c.effective_points < kMinimumEffectivePoints) {
    c.warnings.push_back("the posterior rests on " + number(c.effective_points) + " effective points (fewer than " +
                         number(kMinimumEffectivePoints) + "): its intervals are unstable; run a sweep with more "
                         "points or replicates, or narrow the prior");
  }
  for (const auto& p : c.parameters) {
    const double edge = 0.02 * (p.prior_max - p.prior_min);
    if (p.low - p.prior_min < edge || p.prior_max - p.high < edge) {
      const bool lower = p.low - p.prior_min < edge;
      char text[160];
      std::snprintf(text, sizeof text, "the %g %% interval of %s reaches the prior's %s bound (%g): the data may favour "
                    "values outside the prior", 100.0 * level, p.name.c_str(), lower ? "lower" : "upper",
                    lower ? p.prior_min : p.prior_max);
      // A posterior as wide as the prior touches both bounds without telling anything; only a narrowed one warns.
      if (p.high - p.low < 0.8 * level * (p.prior_max - p.prior_min)) c.warnings.push_back(text);
    }
  }
  // Outside the 90 % range happens to one observation in ten by chance; outside the 99 % range is a misfit.
  for (const auto& f : c.fit) {
    if (f.observation.value < f.low99 || f.observation.value > f.high99) {
      c.warnings.push_back("the observed " + number(f.observation.value) + " in " + years_text(f.observation) +
                           " lies outside the posterior predictive 99 % range [" + number(f.low99) + ", " +
                           number(f.high99) + "]: the model with these parameters does not reproduce it");
    }
  }
  return c;
}

}  // namespace pneumo
