// OR-Library p-median instances (Beasley 1985, EJOR 21:270–273; OR-Library, JORS 41 (1990) 1069–1072):
// a graph whose shortest-path distances define an uncapacitated p-median problem in which every vertex is
// both a candidate site and a demand point of weight 1. The published optima make them the standard check
// of a p-median solver.
#pragma once

#include <optional>
#include <string>

#include "pneumoplan/stations/location_problem.hpp"

namespace pneumo {

struct OrlibInstance {
  std::string name;  // the file name without folder and extension, e.g. "pmed1"
  int p = 0;         // medians to open
  LocationProblem problem;
};

// Reads the format: a header line `n m p` (vertices, edges, medians), then m lines `i j cost` with 1-based
// vertices. c(i,i) = 0 and c(i,j) = c(j,i) = cost, the LAST of duplicate edges winning (as in Beasley's
// own reader, which the published optima assume; an edge from a vertex to itself is ignored), then all
// pairs shortest paths (Floyd–Warshall). Throws InputError(path, line, what was expected) on malformed
// text, and InputError(path, 0, ...) when the graph is not connected.
OrlibInstance read_orlib_pmedian(const std::string& path);

// Same, from text already in memory; `path` is only used in messages and for the name.
OrlibInstance parse_orlib_pmedian(const std::string& path, const std::string& text);

// The published optimal objective of OR-Library instance `name` (pmed1 … pmed40), when known.
std::optional<double> published_pmedian_optimum(const std::string& name);

}  // namespace pneumo
