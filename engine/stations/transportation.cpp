#include "pneumoplan/stations/transportation.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <utility>

namespace pneumo {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The relaxation of the arcs from one demand point to every open site, as arrays: candidate[k] is the distance
// through the demand point (the expression relax() computes, term for term), closer[k] whether it improves on
// an unsettled site's distance. Compiled twice, for AVX2 where the processor has it (four distances an
// instruction) and for any x86-64; only additions, subtractions and comparisons, so both give the same bits.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__((target_clones("avx2", "default")))
#endif
void mark_closer_sites(std::size_t q, const double* __restrict distances, const double* __restrict site_potential,
                       const double* __restrict site_dist, const char* __restrict site_done, double from_dist,
                       double from_potential, double* __restrict candidate, unsigned char* __restrict closer) {
  for (std::size_t k = 0; k < q; ++k) {
    const double c = from_dist + std::max(0.0, distances[k] + from_potential - site_potential[k]);
    candidate[k] = c;
    closer[k] = static_cast<unsigned char>((site_done[k] == 0) & (c < site_dist[k]));
  }
}

}  // namespace

TransportationSolver::TransportationSolver(const LocationProblem& problem) : problem_(problem) {}

double TransportationSolver::solve(const std::vector<int>& open_sites) {
  open_ = open_sites;
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  const double total_demand = problem_.total_demand();
  epsilon_ = 1e-12 * std::max(1.0, total_demand);
  candidate_.resize(q);
  closer_.assign((q + 7) / 8 * 8, 0);  // zero padding: an earlier solve with more open sites may have set it

  capacity_.resize(q);
  double total_capacity = 0.0;
  for (std::size_t k = 0; k < q; ++k) {
    capacity_[k] = problem_.capacity(static_cast<std::size_t>(open_[k]));
    total_capacity += capacity_[k];
  }
  const double target = std::min(total_demand, total_capacity);
  start_from_nearest();
  double kept = 0.0;
  for (std::size_t k = 0; k < q; ++k) kept += to_sink_[k];
  sink_short_ = target - kept;
  source_short_ = total_demand - target;

  for (;;) {
    std::size_t from = q;  // the open site with the most overflow (the first of equals)
    double most = epsilon_;
    for (std::size_t k = 0; k < q; ++k) {
      if (excess(k) > most) {
        most = excess(k);
        from = k;
      }
    }
    if (from == q || !shortest_path(m + from)) break;
    augment(m + from);
  }

  // Sums in a fixed order (demand point, then site) so the result does not depend on the path order.
  cost_ = 0.0;
  served_total_ = 0.0;
  for (std::size_t j = 0; j < m; ++j) {
    const double* distances = open_distance_.data() + j * q;
    for (const SiteFlow& f : flows_by_demand_[j]) {
      cost_ += f.patients * distances[f.site];
      served_total_ += f.patients;
    }
  }
  // What the capacities cannot hold: exactly total demand − target.
  unmet_ = std::max(0.0, total_demand - target);
  return cost_;
}

// The open sites' distances by demand point: the problem keeps them by site, so a demand point's arcs to the q
// open sites lie a row apart, one cache miss each, where Dijkstra relaxes them all from every demand point it
// settles. Copied in tiles so that both sides of the copy stay in cache.
void TransportationSolver::copy_open_distances() {
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  open_distance_.resize(q * m);
  constexpr std::size_t kTile = 32;
  for (std::size_t k0 = 0; k0 < q; k0 += kTile) {
    const std::size_t k1 = std::min(q, k0 + kTile);
    for (std::size_t j0 = 0; j0 < m; j0 += kTile) {
      const std::size_t j1 = std::min(m, j0 + kTile);
      for (std::size_t k = k0; k < k1; ++k) {
        const double* row = problem_.distances_from(static_cast<std::size_t>(open_[k]));
        for (std::size_t j = j0; j < j1; ++j) open_distance_[j * q + k] = row[j];
      }
    }
  }
}

// Every patient at the nearest open site; each site keeps up to its capacity and the rest is overflow.
// Potentials π_j = −d(j, nearest), π_site = π_sink = 0, π_source ≤ every π_j make every residual arc's
// reduced cost ≥ 0, so this pseudo-flow is optimal for its own node balances.
void TransportationSolver::start_from_nearest() {
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  copy_open_distances();
  flows_by_demand_.resize(m);
  for (auto& flows : flows_by_demand_) flows.clear();  // keeps their room for the next solve
  users_.assign(q, {});
  load_.assign(q, 0.0);
  to_sink_.assign(q, 0.0);
  served_ = problem_.demand_weight;
  potential_.assign(m + q + 2, 0.0);
  double lowest = 0.0;
  for (std::size_t j = 0; j < m; ++j) {
    double best = kInfinity;
    std::size_t nearest = 0;
    const double* distances = open_distance_.data() + j * q;
    for (std::size_t k = 0; k < q; ++k) {
      const double d = distances[k];
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    potential_[j] = -best;
    lowest = std::min(lowest, -best);
    const double w = problem_.demand_weight[j];
    if (w > 0.0) {
      flows_by_demand_[j].push_back({static_cast<std::uint32_t>(nearest), w});
      users_[nearest].push_back(static_cast<int>(j));
      load_[nearest] += w;
    }
  }
  potential_[m + q + 1] = lowest;
  for (std::size_t k = 0; k < q; ++k) to_sink_[k] = std::min(load_[k], capacity_[k]);
}

// Residual arcs (cost): demand point → site (d, unlimited); site → demand point (−d, its flow); site →
// sink (0, room left); sink → site (0, what the site keeps); demand point → source (0, its served
// patients: leaving them unmet); source → demand point (0, its unmet patients). Stops at the first node
// short of flow: the sink, or the source while demand must still be left unmet.
bool TransportationSolver::shortest_path(std::size_t from) {
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  const std::size_t sink = m + q;
  const std::size_t source = m + q + 1;
  dist_.assign(m + q + 2, kInfinity);
  pred_.assign(m + q + 2, -1);
  done_.assign(m + q + 2, 0);
  heap_.reset(m + q + 2);
  dist_[from] = 0.0;
  heap_.lowered(from, dist_);
  const auto relax = [&](std::size_t u, std::size_t v, double cost) {
    if (done_[v]) return;
    // Reduced costs are ≥ 0 in exact arithmetic; clamping keeps rounding from making Dijkstra unsound.
    const double candidate = dist_[u] + std::max(0.0, cost + potential_[u] - potential_[v]);
    if (candidate < dist_[v]) {
      dist_[v] = candidate;
      pred_[v] = static_cast<int>(u);
      heap_.lowered(v, dist_);
    }
  };
  target_ = from;
  bool found = false;
  while (!heap_.empty()) {
    const std::size_t u = heap_.pop(dist_);
    done_[u] = 1;
    if ((u == sink && sink_short_ > epsilon_) || (u == source && source_short_ > epsilon_)) {
      target_ = u;
      found = true;
      break;
    }
    if (u < m) {
      relax_sites_from(u);
      if (served_[u] > 0.0) relax(u, source, 0.0);
    } else if (u < sink) {
      const std::size_t k = u - m;
      for (const int j : users_[k]) {
        relax(u, static_cast<std::size_t>(j), -open_distance_[static_cast<std::size_t>(j) * q + k]);
      }
      if (to_sink_[k] < capacity_[k]) relax(u, sink, 0.0);
    } else if (u == sink) {
      for (std::size_t k = 0; k < q; ++k) {
        if (to_sink_[k] > 0.0) relax(u, m + k, 0.0);
      }
    } else {
      for (std::size_t j = 0; j < m; ++j) {
        if (served_[j] < problem_.demand_weight[j]) relax(u, j, 0.0);
      }
    }
  }
  if (!found) return false;
  // Nodes not settled keep reduced costs ≥ 0 when their potential moves by the target's distance.
  const double reach = dist_[target_];
  for (std::size_t v = 0; v < potential_.size(); ++v) potential_[v] += done_[v] ? dist_[v] : reach;
  return true;
}

// relax(u, site, d(site, u)) for every open site, in two passes: the first, over arrays alone, is one the compiler
// turns into vector instructions; the second visits only the sites it brought closer. The order in which sites are
// relaxed from u cannot change the result: each relaxation touches its own site, and the heap orders nodes by
// (distance, node).
void TransportationSolver::relax_sites_from(std::size_t u) {
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  mark_closer_sites(q, open_distance_.data() + u * q, potential_.data() + m, dist_.data() + m, done_.data() + m,
                    dist_[u], potential_[u], candidate_.data(), closer_.data());
  for (std::size_t k0 = 0; k0 < q; k0 += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, closer_.data() + k0, sizeof word);
    if (word == 0) continue;
    for (std::size_t k = k0; k < k0 + 8; ++k) {
      if (!closer_[k]) continue;
      dist_[m + k] = candidate_[k];
      pred_[m + k] = static_cast<int>(u);
      heap_.lowered(m + k, dist_);
    }
  }
}

void TransportationSolver::augment(std::size_t from) {
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  const std::size_t sink = m + q;
  const std::size_t source = m + q + 1;
  const auto is_site = [&](std::size_t v) { return v >= m && v < sink; };

  // Bottleneck over the path's residual capacities, the overflow at the start and the shortage at the end.
  double amount = std::min(excess(from - m), target_ == sink ? sink_short_ : source_short_);
  for (std::size_t v = target_; v != from;) {
    const auto u = static_cast<std::size_t>(pred_[v]);
    if (is_site(u) && v < m) amount = std::min(amount, flow(u - m, v));
    else if (is_site(u) && v == sink) amount = std::min(amount, capacity_[u - m] - to_sink_[u - m]);
    else if (u == sink) amount = std::min(amount, to_sink_[v - m]);
    else if (u < m && v == source) amount = std::min(amount, served_[u]);
    else if (u == source) amount = std::min(amount, problem_.demand_weight[v] - served_[v]);
    v = u;
  }

  const auto clean = [&](double x) { return x > epsilon_ ? x : 0.0; };
  // The flow from open site k to demand point j changed by delta (a path's amount, either way).
  const auto add_flow = [&](std::size_t k, std::size_t j, double delta) {
    auto& flows = flows_by_demand_[j];
    const std::size_t at = flow_slot(k, j);
    const bool had = at < flows.size() && flows[at].site == k;
    const double x = had ? flows[at].patients : 0.0;
    const double now = clean(x + delta);
    load_[k] += now - x;
    if (had && now > 0.0) flows[at].patients = now;
    if (!had && now > 0.0) {
      flows.insert(flows.begin() + static_cast<std::ptrdiff_t>(at), {static_cast<std::uint32_t>(k), now});
      users_[k].push_back(static_cast<int>(j));
    }
    if (had && now == 0.0) {
      flows.erase(flows.begin() + static_cast<std::ptrdiff_t>(at));
      std::erase(users_[k], static_cast<int>(j));
    }
  };
  for (std::size_t v = target_; v != from;) {
    const auto u = static_cast<std::size_t>(pred_[v]);
    if (u < m && is_site(v)) add_flow(v - m, u, amount);
    else if (is_site(u) && v < m) add_flow(u - m, v, -amount);
    else if (is_site(u) && v == sink) to_sink_[u - m] = std::min(capacity_[u - m], to_sink_[u - m] + amount);
    else if (u == sink) to_sink_[v - m] = clean(to_sink_[v - m] - amount);
    else if (u < m && v == source) served_[u] = clean(served_[u] - amount);
    else if (u == source) served_[v] = std::min(problem_.demand_weight[v], served_[v] + amount);
    v = u;
  }
  if (target_ == sink) sink_short_ = clean(sink_short_ - amount);
  else source_short_ = clean(source_short_ - amount);
  // Loads move by whole path amounts, but rounding of non-integer amounts must not leave a sliver of
  // overflow that no path can carry.
  for (std::size_t k = 0; k < q; ++k) {
    if (std::abs(load_[k] - to_sink_[k]) <= epsilon_) load_[k] = to_sink_[k];
  }
}

std::size_t TransportationSolver::flow_slot(std::size_t k, std::size_t j) const {
  const auto& flows = flows_by_demand_[j];
  const auto it =
      std::lower_bound(flows.begin(), flows.end(), k, [](const SiteFlow& f, std::size_t site) { return f.site < site; });
  return static_cast<std::size_t>(it - flows.begin());
}

double TransportationSolver::flow(std::size_t k, std::size_t j) const {
  const auto& flows = flows_by_demand_[j];
  const std::size_t at = flow_slot(k, j);
  return at < flows.size() && flows[at].site == k ? flows[at].patients : 0.0;
}

std::vector<double> TransportationSolver::capacity_prices() const {
  // The sink → site arc of a full site has reduced cost π_sink − π_site ≥ 0: that is the price.
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  std::vector<double> prices(q, 0.0);
  for (std::size_t k = 0; k < q; ++k) {
    if (std::isfinite(capacity_[k])) prices[k] = std::max(0.0, potential_[m + q] - potential_[m + k]);
  }
  return prices;
}

std::vector<ServedFlow> TransportationSolver::flows() const {
  std::vector<ServedFlow> result;
  const std::size_t m = problem_.n_demand;
  for (std::size_t j = 0; j < m; ++j) {
    for (const SiteFlow& f : flows_by_demand_[j]) result.push_back({open_[f.site], static_cast<int>(j), f.patients});
  }
  return result;
}

}  // namespace pneumo
