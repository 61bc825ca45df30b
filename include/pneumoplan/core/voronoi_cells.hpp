// Voronoi (Thiessen) cells of points in the plane, each limited to a disc around its point, with every edge
// knowing the neighbour across it. The figures use them to draw approximate county outlines where no
// licensed boundary data exists: cells of the township points merged by county (docs/references.md §11).
// Each cell is the disc (a 32-gon) clipped by the half-planes nearer its point than each other point; an
// O(n²) construction, fine for the few hundred townships of a city.
#pragma once

#include <vector>

namespace pneumo {

struct PlanePoint {
  double x = 0.0, y = 0.0;
};

struct CellEdge {
  PlanePoint from, to;
  int neighbour = -1;  // the point across this edge, or -1 on the disc's rim (the outline of all cells)
};

// Edges of each point's cell, in order around the cell. Points closer than 1e-9 to an earlier one share its
// cell's place and get an empty cell.
std::vector<std::vector<CellEdge>> voronoi_cells(const std::vector<PlanePoint>& points, double radius);

}  // namespace pneumo
