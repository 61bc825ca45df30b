#include "pneumoplan/evidence/period_life_expectancy.hpp"

#include <algorithm>
#include <cmath>

namespace pneumo {

double period_life_expectancy(const LifeTable& table, int age, bool female, int year, double discount_rate) {
  const double delta = std::log1p(discount_rate);
  double survival = 1.0;    // alive at the start of the year of age
  double discount = 1.0;    // (1 + rate)^−k at its start
  double years = 0.0;
  for (int a = std::clamp(age, 0, LifeTable::kMaxAge); a <= LifeTable::kMaxAge; ++a) {
    const double mu = table.hazard(a, female, year);
    const double force = mu + delta;
    // ∫₀¹ e^−(μ+δ)s ds, and 1 when both are 0.
    const double within = force > 0.0 ? -std::expm1(-force) / force : 1.0;
    years += survival * discount * within;
    survival *= std::exp(-mu);
    discount *= std::exp(-delta);
  }
  return years;
}

}  // namespace pneumo
