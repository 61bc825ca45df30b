// Discounting of yearly costs and health effects to a reference year (docs/model.md, "Health economics").
// A flow in calendar year y is worth (1 + r)^−(y − reference) of the same flow in the reference year (years
// before the reference are compounded forward by the same formula), and a stream of L years of life starting
// now is worth ∫₀ᴸ (1 + r)^−t dt years: continuous discounting of a continuous stream, the convention of the
// GBD's and WHO-CHOICE's discounted YLL. Plain arithmetic, kept apart so that the model and `compare` discount
// identically.
#pragma once

#include <cmath>

namespace pneumo {

// (1 + rate)^−(year − reference_year).
inline double discount_factor(double rate, int year, int reference_year) {
  return std::pow(1.0 + rate, -static_cast<double>(year - reference_year));
}

// Present value, at the start of the stream, of `years` years (may be fractional) of one unit a year:
// (1 − (1 + r)^−L) ÷ ln(1 + r), and L itself when r = 0.
inline double discounted_years(double years, double rate) {
  if (years <= 0.0) return 0.0;
  if (rate == 0.0) return years;
  const double log_growth = std::log1p(rate);
  return -std::expm1(-log_growth * years) / log_growth;
}

}  // namespace pneumo
