// GCJ-02 ↔ WGS-84: the forward offset reproduces the published test points of the open implementations
// (docs/references.md §12), the iterative inverse recovers their WGS-84 points, and a round trip over a grid
// spanning China comes back within a millimetre — far inside the sub-metre a GIS needs.
#include <gtest/gtest.h>

#include "pneumoplan/core/gcj02.hpp"

namespace pneumo {
namespace {

struct KnownPoint {
  GeoPoint wgs84, gcj02;
};

// eviltransform's tests (BSD-2-Clause): Shanghai, Shenzhen, Beijing.
const KnownPoint kKnown[] = {
    {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
};

TEST(Gcj02, ForwardOffsetMatchesPublishedPoints) {
  for (const auto& k : kKnown) {
    const GeoPoint g = wgs84_to_gcj02(k.wgs84);
    EXPECT_NEAR(g.lon_deg, k.gcj02.lon_deg, 1e-9);
    EXPECT_NEAR(g.lat_deg, k.gcj02.lat_deg, 1e-9);
  }
}

TEST(Gcj02, InverseRecoversTheWgs84PointsWithinACentimetre) {
  for (const auto& k : kKnown) {
    const GeoPoint w = gcj02_to_wgs84(k.gcj02);
    EXPECT_LT(great_circle_km(w, k.wgs84) * 1000.0, 0.01) << w.lon_deg << " " << w.lat_deg;
    // The offset is a few hundred metres: the conversion must move the point.
    EXPECT_GT(great_circle_km(k.gcj02, k.wgs84) * 1000.0, 100.0);
  }
}

TEST(Gcj02, RoundTripOverChinaIsSubMetre) {
  double worst_m = 0.0;
  for (double lon = 73.5; lon <= 135.0; lon += 0.73) {
    for (double lat = 18.0; lat <= 53.5; lat += 0.61) {
      const GeoPoint gcj{lon, lat};
      const GeoPoint back = wgs84_to_gcj02(gcj02_to_wgs84(gcj));
      worst_m = std::max(worst_m, great_circle_km(back, gcj) * 1000.0);
    }
  }
  EXPECT_LT(worst_m, 0.001);  // a millimetre; the requirement is sub-metre
}

TEST(Gcj02, OutsideChinaNothingMoves) {
  const GeoPoint london{-0.1276, 51.5072};
  EXPECT_TRUE(outside_gcj02_area(london));
  EXPECT_EQ(gcj02_to_wgs84(london).lon_deg, london.lon_deg);
  EXPECT_EQ(wgs84_to_gcj02(london).lat_deg, london.lat_deg);
  EXPECT_FALSE(outside_gcj02_area({117.18, 34.26}));  // Xuzhou
}

}  // namespace
}  // namespace pneumo
