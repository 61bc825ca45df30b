#include "pneumoplan/research/tolerance_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace pneumo {
namespace {

double binomial_deviance(double cases, double at_risk, double q) {
  q = std::clamp(q, 1e-9, 1.0 - 1e-9);
  double d = 0.0;
  if (cases > 0.0) d += cases * std::log(cases / (at_risk * q));
  const double rest = at_risk - cases;
  if (rest > 0.0) d += rest * std::log(rest / (at_risk * (1.0 - q)));
  return 2.0 * d;
}

// A starting curve: least squares of logit(risk) on ln E over the published risks at band limits.
std::array<double, 2> starting_point(const PublishedLifeTable& table) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
  for (const auto& band : table.bands) {
    if (band.lower_mg_m3_y <= 0.0 || band.risk_at_lower <= 0.005 || band.risk_at_lower >= 0.995) continue;
    const double x = std::log(band.lower_mg_m3_y);
    const double y = std::log(band.risk_at_lower / (1.0 - band.risk_at_lower));
    sx += x, sy += y, sxx += x * x, sxy += x * y, n += 1;
  }
  if (n < 2) return {std::log(5.0), std::log(3.0)};
  const double slope = std::max(0.5, (n * sxy - sx * sy) / (n * sxx - sx * sx));
  const double intercept = (sy - slope * sx) / n;
  return {-intercept / slope, std::log(slope)};
}

}  // namespace

ToleranceFit fit_tolerance_to_published(const CohortSpec& spec, ExposureMetric metric, ToleranceFamily family) {
  if (spec.published.bands.empty()) throw std::invalid_argument("fit_tolerance_to_published: no published table");
  const PublishedLifeTable& table = spec.published;
  ToleranceFit fit;
  fit.metric = metric;
  fit.family = family;
  const auto profile_at = [&](const std::array<double, 2>& x) {
    const std::string source = "fitted to " + table.path;
    return family == ToleranceFamily::Weibull
               ? ExposureResponseProfile::weibull("fitted", metric, std::exp(x[0]), std::exp(x[1]), source)
               : ExposureResponseProfile::log_logistic("fitted", metric, std::exp(x[0]), std::exp(x[1]), source);
  };
  const auto objective = [&](const std::array<double, 2>& x) {
    ++fit.evaluations;
    if (std::exp(x[1]) < 0.2 || std::exp(x[1]) > 50.0) return 1e300;  // shapes outside any published curve
    const CohortResult result = simulate_cohort(spec, profile_at(x));
    double deviance = 0.0;
    if (!table.has_counts) {
      // A published model's risks: least squares on the cumulative risk at every band's lower limit (scaled so
      // the simplex's stopping rule sees differences of 0.1 % risk).
      for (std::size_t k = 1; k < table.bands.size() && k <= result.bands.size(); ++k) {
        const double d = result.bands[k - 1].cumulative_risk - table.bands[k].risk_at_lower;
        deviance += 1e4 * d * d;
      }
      return deviance;
    }
    for (std::size_t k = 0; k < table.bands.size() && k < result.bands.size(); ++k) {
      const double at_risk = table.bands[k].effective_at_risk;
      if (at_risk <= 0.0) continue;
      deviance += binomial_deviance(static_cast<double>(table.bands[k].cases), at_risk, result.bands[k].conditional_risk);
    }
    return deviance;
  };

  // Nelder–Mead on two parameters, standard coefficients; stops when the simplex is smaller than 1e-4 in
  // both log-parameters (0.01 % of E50 and k) or after 400 evaluations.
  std::array<std::array<double, 2>, 3> simplex;
  simplex[0] = starting_point(table);
  simplex[1] = {simplex[0][0] + 0.2, simplex[0][1]};
  simplex[2] = {simplex[0][0], simplex[0][1] + 0.2};
  std::array<double, 3> value{};
  for (int i = 0; i < 3; ++i) value[static_cast<std::size_t>(i)] = objective(simplex[static_cast<std::size_t>(i)]);
  while (fit.evaluations < 400) {
    std::array<int, 3> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](int a, int b) { return value[static_cast<std::size_t>(a)] < value[static_cast<std::size_t>(b)]; });
    const auto best = static_cast<std::size_t>(order[0]), middle = static_cast<std::size_t>(order[1]),
               worst = static_cast<std::size_t>(order[2]);
    const double size = std::max({std::abs(simplex[worst][0] - simplex[best][0]), std::abs(simplex[worst][1] - simplex[best][1]),
                                  std::abs(simplex[middle][0] - simplex[best][0]), std::abs(simplex[middle][1] - simplex[best][1])});
    if (size < 1e-4) break;
    const std::array<double, 2> centre{(simplex[best][0] + simplex[middle][0]) / 2, (simplex[best][1] + simplex[middle][1]) / 2};
    const auto towards = [&](double t) {
      return std::array<double, 2>{centre[0] + t * (simplex[worst][0] - centre[0]), centre[1] + t * (simplex[worst][1] - centre[1])};
    };
    const auto reflected = towards(-1.0);
    const double fr = objective(reflected);
    if (fr < value[best]) {
      const auto expanded = towards(-2.0);
      const double fe = objective(expanded);
      if (fe < fr) simplex[worst] = expanded, value[worst] = fe;
      else simplex[worst] = reflected, value[worst] = fr;
    } else if (fr < value[middle]) {
      simplex[worst] = reflected, value[worst] = fr;
    } else {
      const auto contracted = fr < value[worst] ? towards(-0.5) : towards(0.5);
      const double fc = objective(contracted);
      if (fc < std::min(fr, value[worst])) {
        simplex[worst] = contracted, value[worst] = fc;
      } else {  // shrink towards the best vertex
        for (const auto i : {middle, worst}) {
          simplex[i] = {(simplex[i][0] + simplex[best][0]) / 2, (simplex[i][1] + simplex[best][1]) / 2};
          value[i] = objective(simplex[i]);
        }
      }
    }
  }
  const auto best = static_cast<std::size_t>(std::min_element(value.begin(), value.end()) - value.begin());
  fit.scale_mg_m3_y = std::exp(simplex[best][0]);
  fit.shape = std::exp(simplex[best][1]);
  fit.deviance = value[best];
  fit.result = simulate_cohort(spec, profile_at(simplex[best]));
  for (const auto& band : table.bands) fit.bands_used += !table.has_counts || band.effective_at_risk > 0.0;
  return fit;
}

}  // namespace pneumo
