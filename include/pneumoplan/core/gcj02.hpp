// China's GCJ-02 datum ("Mars coordinates", 国测局坐标), in which Chinese map services and the packs'
// township points give longitude and latitude, and its conversion to WGS-84 (EPSG:4326), which GIS software
// and GeoJSON (RFC 7946) expect. GCJ-02 is WGS-84 shifted by a published, deliberately irregular offset of a
// few hundred metres (the transform of Krasovsky-ellipsoid constants a = 6378245 m, e² = 0.00669342162296594323
// in the open implementations, e.g. googollee/eviltransform, BSD-2-Clause). Forward, WGS-84 → GCJ-02, is that
// formula; back, the offset is evaluated at the unknown WGS-84 point, so it is inverted by fixed-point
// iteration: w ← w − (gcj02(w) − g), which converges because the offset changes by less than 10⁻³ of a degree
// per degree (docs/references.md §11). Outside China's bounding box the datum is WGS-84 itself.
#pragma once

#include "pneumoplan/core/geo_distance.hpp"

namespace pneumo {

// The rectangle in which GCJ-02 differs from WGS-84 (the open implementations' outOfChina test).
bool outside_gcj02_area(GeoPoint point);

GeoPoint wgs84_to_gcj02(GeoPoint wgs84);

// Iterates until a step is below 10⁻¹⁰ degrees (about 10 µm), at most 30 times; the result maps back to
// `gcj02` within millimetres.
GeoPoint gcj02_to_wgs84(GeoPoint gcj02);

}  // namespace pneumo
