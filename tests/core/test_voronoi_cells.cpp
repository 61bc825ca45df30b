// Voronoi cells limited to discs: each cell holds its point and no other, neighbours see each other across
// the same edge, and the cells of a square grid tile the plane between the points.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/voronoi_cells.hpp"

namespace pneumo {
namespace {

double area(const std::vector<CellEdge>& cell) {
  double twice = 0.0;
  for (const auto& e : cell) twice += e.from.x * e.to.y - e.to.x * e.from.y;
  return twice / 2.0;
}

TEST(VoronoiCells, SquareGridCellsAreUnitSquaresInside) {
  std::vector<PlanePoint> points;
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) points.push_back({static_cast<double>(i), static_cast<double>(j)});
  }
  const auto cells = voronoi_cells(points, 10.0);
  // The centre's cell is the unit square around it, with four neighbours across its edges.
  EXPECT_NEAR(area(cells[4]), 1.0, 1e-9);
  int neighbours = 0;
  for (const auto& e : cells[4]) neighbours += e.neighbour >= 0;
  EXPECT_EQ(neighbours, static_cast<int>(cells[4].size()));
  for (const auto& e : cells[4]) {
    // The neighbour's cell has the same edge, seen from its side.
    bool found = false;
    for (const auto& f : cells[static_cast<std::size_t>(e.neighbour)]) {
      found = found || (f.neighbour == 4 && std::hypot(f.from.x - e.to.x, f.from.y - e.to.y) < 1e-9);
    }
    EXPECT_TRUE(found);
  }
  // Corner cells reach the disc: some edges lie on its rim.
  int rim = 0;
  for (const auto& e : cells[0]) rim += e.neighbour < 0;
  EXPECT_GT(rim, 0);
}

TEST(VoronoiCells, DiscLimitsIsolatedPointsAndDuplicatesGetNoCell) {
  const auto cells = voronoi_cells({{0, 0}, {100, 0}, {0, 0}}, 2.0);
  EXPECT_NEAR(area(cells[0]), 32 * 0.5 * 4.0 * std::sin(2 * 3.14159265358979 / 32), 1e-9);  // the whole 32-gon
  EXPECT_TRUE(cells[2].empty());
}

}  // namespace
}  // namespace pneumo
