// Distances between points on the map, given in degrees of longitude and latitude. Shared by the scenario
// (township distance tables) and the station solvers (geographic location problems).
#pragma once

namespace pneumo {

// Mean Earth radius (IUGG), km: the radius for which a sphere has the Earth's mean distances.
inline constexpr double kEarthRadiusKm = 6371.0088;

struct GeoPoint {
  double lon_deg = 0.0;
  double lat_deg = 0.0;
};

// Great-circle distance (haversine) on a sphere of radius kEarthRadiusKm, in km. The haversine form stays
// accurate for the short distances within a city, where the spherical law of cosines loses digits.
double great_circle_km(GeoPoint a, GeoPoint b);

// Travel distance estimated as the great-circle distance times a road (detour) factor ≥ 1; about 1.2–1.4
// for road networks.
double road_km(GeoPoint a, GeoPoint b, double road_factor);

}  // namespace pneumo
