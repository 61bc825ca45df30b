#include "pneumoplan/core/gcj02.hpp"

#include <cmath>

namespace pneumo {
namespace {

constexpr double kPi = 3.14159265358979323846;
// Krasovsky 1940 semi-major axis and eccentricity², as the GCJ-02 transform uses them.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;

double offset_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offset_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

// The GCJ-02 shift (degrees) of a WGS-84 point.
GeoPoint shift(GeoPoint wgs) {
  const double x = wgs.lon_deg - 105.0, y = wgs.lat_deg - 35.0;
  const double rad_lat = wgs.lat_deg / 180.0 * kPi;
  const double s = std::sin(rad_lat);
  const double magic = 1.0 - kEe * s * s;
  const double sqrt_magic = std::sqrt(magic);
  const double d_lat = offset_lat(x, y) * 180.0 / ((kA * (1.0 - kEe)) / (magic * sqrt_magic) * kPi);
  const double d_lon = offset_lon(x, y) * 180.0 / (kA / sqrt_magic * std::cos(rad_lat) * kPi);
  return {d_lon, d_lat};
}

}  // namespace

bool outside_gcj02_area(GeoPoint p) {
  return p.lon_deg < 72.004 || p.lon_deg > 137.8347 || p.lat_deg < 0.8293 || p.lat_deg > 55.8271;
}

GeoPoint wgs84_to_gcj02(GeoPoint wgs84) {
  if (outside_gcj02_area(wgs84)) return wgs84;
  const GeoPoint d = shift(wgs84);
  return {wgs84.lon_deg + d.lon_deg, wgs84.lat_deg + d.lat_deg};
}

GeoPoint gcj02_to_wgs84(GeoPoint gcj02) {
  if (outside_gcj02_area(gcj02)) return gcj02;
  GeoPoint w = gcj02;
  for (int i = 0; i < 30; ++i) {
    const GeoPoint g = wgs84_to_gcj02(w);
    const double d_lon = g.lon_deg - gcj02.lon_deg, d_lat = g.lat_deg - gcj02.lat_deg;
    w.lon_deg -= d_lon;
    w.lat_deg -= d_lat;
    if (std::fabs(d_lon) < 1e-10 && std::fabs(d_lat) < 1e-10) break;
  }
  return w;
}

}  // namespace pneumo
