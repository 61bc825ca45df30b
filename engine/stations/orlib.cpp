#include "pneumoplan/stations/orlib.hpp"

#include <algorithm>
#include <array>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string_view>
#include <vector>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/text_file.hpp"

namespace pneumo {
namespace {

std::vector<std::string> whitespace_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream stream(line);
  std::string field;
  while (stream >> field) fields.push_back(field);
  return fields;
}

bool blank(const std::string& line) { return line.find_first_not_of(" \t") == std::string::npos; }

// All pairs shortest paths in place on a dense n×n matrix; +inf marks "no edge". The row form lets the
// compiler vectorise the inner loop; distances are sums of the file's costs, so integer costs stay exact.
void floyd_warshall(std::vector<double>& d, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k) {
    const double* row_k = d.data() + k * n;
    for (std::size_t i = 0; i < n; ++i) {
      double* row_i = d.data() + i * n;
      const double d_ik = row_i[k];
      if (d_ik == std::numeric_limits<double>::infinity()) continue;
      for (std::size_t j = 0; j < n; ++j) row_i[j] = std::min(row_i[j], d_ik + row_k[j]);
    }
  }
}

// Published optima of Beasley's p-median instances: OR-Library file pmedinfo (Beasley 1990), as listed in
// tests/data/orlib/README.md.
struct PublishedOptimum {
  std::string_view name;
  double objective;
};
constexpr std::array<PublishedOptimum, 13> kPublishedOptima{{
    {"pmed1", 5819}, {"pmed2", 4093}, {"pmed3", 4250}, {"pmed4", 3034}, {"pmed5", 1355},
    {"pmed10", 1255}, {"pmed20", 1789}, {"pmed30", 1989}, {"pmed34", 3013}, {"pmed35", 10400},
    {"pmed36", 9934}, {"pmed37", 5057}, {"pmed40", 5128},
}};

OrlibInstance parse_lines(const TextFile& file) {
  const std::string& path = file.path;
  const auto& lines = file.lines;
  std::size_t at = 0;  // index of the next line to read
  while (at < lines.size() && blank(lines[at])) ++at;
  if (at == lines.size()) throw InputError(path, 0, "expected a header line 'n m p', found an empty file");

  const long header_line = static_cast<long>(at) + 1;
  const auto header = whitespace_fields(lines[at++]);
  const auto n = header.size() == 3 ? parse_int64(header[0]) : std::nullopt;
  const auto m = header.size() == 3 ? parse_int64(header[1]) : std::nullopt;
  const auto p = header.size() == 3 ? parse_int64(header[2]) : std::nullopt;
  if (!n || !m || !p) {
    throw InputError(path, header_line,
                     "expected a header 'n m p' of three whole numbers (vertices, edges, medians), found " +
                         quote_value(trim(lines[at - 1])));
  }
  // 20000 vertices would already need 3.2 GB for the distance matrix.
  if (*n < 1 || *n > 20000) throw InputError(path, header_line, "expected a vertex count n in [1, 20000]");
  if (*m < 0) throw InputError(path, header_line, "expected an edge count m ≥ 0");
  if (*p < 1 || *p > *n) throw InputError(path, header_line, "expected a median count p in [1, n]");

  const auto vertices = static_cast<std::size_t>(*n);
  // The edges are read and the graph's connectivity checked before the n x n table is made: a damaged header
  // ("20000 3 1") is refused at once, not after 3 GB and hours of shortest paths.
  struct Edge {
    std::size_t a, b;
    double cost;
  };
  std::vector<Edge> edge_list;

  std::int64_t edges = 0;
  for (; at < lines.size() && edges < *m; ++at) {
    if (blank(lines[at])) continue;
    const long line = static_cast<long>(at) + 1;
    const auto fields = whitespace_fields(lines[at]);
    const auto i = fields.size() == 3 ? parse_int64(fields[0]) : std::nullopt;
    const auto j = fields.size() == 3 ? parse_int64(fields[1]) : std::nullopt;
    const auto cost = fields.size() == 3 ? parse_finite_double(fields[2]) : std::nullopt;
    if (!i || !j || !cost) {
      throw InputError(path, line, "expected an edge 'i j cost' (two vertex numbers and a number), found " +
                                       quote_value(trim(lines[at])));
    }
    if (*i < 1 || *i > *n || *j < 1 || *j > *n) {
      throw InputError(path, line, "expected vertices in [1, " + std::to_string(*n) + "], found " +
                                       quote_value(trim(lines[at])));
    }
    if (*cost < 0.0) throw InputError(path, line, "expected a cost ≥ 0, found " + excerpt(fields[2]));
    ++edges;
    if (*i == *j) continue;
    edge_list.push_back({static_cast<std::size_t>(*i - 1), static_cast<std::size_t>(*j - 1), *cost});
  }
  if (edges < *m) {
    throw InputError(path, header_line, "the header announces " + std::to_string(*m) + " edges, the file has " +
                                            std::to_string(edges));
  }
  for (; at < lines.size(); ++at) {
    if (!blank(lines[at])) {
      throw InputError(path, static_cast<long>(at) + 1,
                       "expected the end of the file after the " + std::to_string(*m) + " edges of the header");
    }
  }

  {
    // Union-find over the edges: every vertex must be reachable from vertex 1.
    std::vector<std::size_t> parent(vertices);
    for (std::size_t v = 0; v < vertices; ++v) parent[v] = v;
    const auto root = [&](std::size_t v) {
      while (parent[v] != v) v = parent[v] = parent[parent[v]];
      return v;
    };
    for (const auto& e : edge_list) parent[root(e.a)] = root(e.b);
    for (std::size_t v = 1; v < vertices; ++v) {
      if (root(v) != root(0)) {
        throw InputError(path, 0, "vertex " + std::to_string(v + 1) +
                                      " cannot be reached from vertex 1; expected a connected graph");
      }
    }
  }
  std::vector<double> d(vertices * vertices, std::numeric_limits<double>::infinity());
  for (std::size_t i = 0; i < vertices; ++i) d[i * vertices + i] = 0.0;
  for (const auto& e : edge_list) {
    d[e.a * vertices + e.b] = e.cost;  // a later duplicate overwrites an earlier one
    d[e.b * vertices + e.a] = e.cost;
  }
  floyd_warshall(d, vertices);

  OrlibInstance instance;
  instance.name = std::filesystem::path(path).stem().string();
  instance.p = static_cast<int>(*p);
  instance.problem.n_sites = vertices;
  instance.problem.n_demand = vertices;
  instance.problem.demand_weight.assign(vertices, 1.0);
  instance.problem.distance = std::move(d);
  validate(instance.problem);
  return instance;
}

}  // namespace

OrlibInstance parse_orlib_pmedian(const std::string& path, const std::string& text) {
  return parse_lines(parse_text(path, text));
}

OrlibInstance read_orlib_pmedian(const std::string& path) { return parse_lines(read_text_file(path)); }

std::optional<double> published_pmedian_optimum(const std::string& name) {
  for (const auto& known : kPublishedOptima) {
    if (known.name == name) return known.objective;
  }
  return std::nullopt;
}

}  // namespace pneumo
