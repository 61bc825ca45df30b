#include "pneumoplan/core/voronoi_cells.hpp"

#include <algorithm>
#include <cmath>

namespace pneumo {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kRimVertices = 32;

struct Vertex {
  PlanePoint p;
  int edge = -1;  // label of the edge from this vertex to the next
};

// Keeps the part of the convex polygon where a·p ≤ b; the new edge along the line is labelled `label`.
std::vector<Vertex> clip(const std::vector<Vertex>& polygon, double ax, double ay, double b, int label) {
  std::vector<Vertex> out;
  const std::size_t n = polygon.size();
  const auto side = [&](const PlanePoint& p) { return ax * p.x + ay * p.y - b; };
  for (std::size_t k = 0; k < n; ++k) {
    const Vertex& v = polygon[k];
    const Vertex& w = polygon[(k + 1) % n];
    const double sv = side(v.p), sw = side(w.p);
    if (sv <= 0) out.push_back(v);
    if ((sv <= 0) != (sw <= 0)) {
      const double t = sv / (sv - sw);
      const PlanePoint cross{v.p.x + t * (w.p.x - v.p.x), v.p.y + t * (w.p.y - v.p.y)};
      // Leaving the kept side: the crossing starts the edge along the line; entering: it continues v's edge.
      out.push_back({cross, sv <= 0 ? label : v.edge});
    }
  }
  return out;
}

}  // namespace

std::vector<std::vector<CellEdge>> voronoi_cells(const std::vector<PlanePoint>& points, double radius) {
  std::vector<std::vector<CellEdge>> cells(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const PlanePoint& pi = points[i];
    bool duplicate = false;
    for (std::size_t j = 0; j < i && !duplicate; ++j) {
      duplicate = std::hypot(points[j].x - pi.x, points[j].y - pi.y) < 1e-9;
    }
    if (duplicate) continue;
    std::vector<Vertex> polygon;
    for (int k = 0; k < kRimVertices; ++k) {
      const double angle = 2.0 * kPi * k / kRimVertices;
      polygon.push_back({{pi.x + radius * std::cos(angle), pi.y + radius * std::sin(angle)}, -1});
    }
    for (std::size_t j = 0; j < points.size() && polygon.size() >= 3; ++j) {
      const PlanePoint& pj = points[j];
      if (j == i || std::hypot(pj.x - pi.x, pj.y - pi.y) < 1e-9) continue;
      if (std::hypot(pj.x - pi.x, pj.y - pi.y) > 2.0 * radius) continue;  // its bisector misses the disc
      // Nearer p_i than p_j: (p_j − p_i)·x ≤ (|p_j|² − |p_i|²) / 2.
      polygon = clip(polygon, pj.x - pi.x, pj.y - pi.y, (pj.x * pj.x + pj.y * pj.y - pi.x * pi.x - pi.y * pi.y) / 2.0,
                     static_cast<int>(j));
    }
    // A bisector through a corner leaves an edge of no length (a diagonal neighbour on a grid): drop it, so
    // every edge left has a neighbour that sees it too.
    std::vector<Vertex> kept;
    for (std::size_t k = 0; k < polygon.size(); ++k) {
      const PlanePoint& next = polygon[(k + 1) % polygon.size()].p;
      if (std::hypot(next.x - polygon[k].p.x, next.y - polygon[k].p.y) > 1e-9 * std::max(1.0, radius)) kept.push_back(polygon[k]);
    }
    for (std::size_t k = 0; k < kept.size() && kept.size() >= 3; ++k) {
      cells[i].push_back({kept[k].p, kept[(k + 1) % kept.size()].p, kept[k].edge});
    }
  }
  return cells;
}

}  // namespace pneumo
