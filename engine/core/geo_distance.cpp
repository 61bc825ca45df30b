#include "pneumoplan/core/geo_distance.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace pneumo {
namespace {

double radians(double degrees) { return degrees * (std::numbers::pi / 180.0); }

}  // namespace

double great_circle_km(GeoPoint a, GeoPoint b) {
  const double phi1 = radians(a.lat_deg);
  const double phi2 = radians(b.lat_deg);
  const double sin_dphi = std::sin(0.5 * (phi2 - phi1));
  const double sin_dlambda = std::sin(0.5 * radians(b.lon_deg - a.lon_deg));
  const double h = sin_dphi * sin_dphi + std::cos(phi1) * std::cos(phi2) * sin_dlambda * sin_dlambda;
  // Rounding can push h a hair above 1 for antipodal points; asin would then return NaN.
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

double road_km(GeoPoint a, GeoPoint b, double road_factor) { return road_factor * great_circle_km(a, b); }

}  // namespace pneumo
