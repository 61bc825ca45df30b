#include "pneumoplan/stations/transportation.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace pneumo {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

TransportationSolver::TransportationSolver(const LocationProblem& problem) : problem_(problem) {}

double TransportationSolver::solve(const std::vector<int>& open_sites) {
  open_ = open_sites;
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  const double total_demand = problem_.total_demand();
  epsilon_ = 1e-12 * std::max(1.0, total_demand);

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
    for (std::size_t k = 0; k < q; ++k) {
      const double x = flow_[k * m + j];
      if (x > 0.0) {
        cost_ += x * problem_.d(static_cast<std::size_t>(open_[k]), j);
        served_total_ += x;
      }
    }
  }
  // What the capacities cannot hold: exactly total demand − target.
  unmet_ = std::max(0.0, total_demand - target);
  return cost_;
}

// Every patient at the nearest open site; each site keeps up to its capacity and the rest is overflow.
// Potentials π_j = −d(j, nearest), π_site = π_sink = 0, π_source ≤ every π_j make every residual arc's
// reduced cost ≥ 0, so this pseudo-flow is optimal for its own node balances.
void TransportationSolver::start_from_nearest() {
  const std::size_t m = problem_.n_demand;
  const std::size_t q = open_.size();
  flow_.assign(q * m, 0.0);
  users_.assign(q, {});
  load_.assign(q, 0.0);
  to_sink_.assign(q, 0.0);
  served_ = problem_.demand_weight;
  potential_.assign(m + q + 2, 0.0);
  double lowest = 0.0;
  for (std::size_t j = 0; j < m; ++j) {
    double best = kInfinity;
    std::size_t nearest = 0;
    for (std::size_t k = 0; k < q; ++k) {
      const double d = problem_.d(static_cast<std::size_t>(open_[k]), j);
      if (d < best) {
        best = d;
        nearest = k;
      }
    }
    potential_[j] = -best;
    lowest = std::min(lowest, -best);
    const double w = problem_.demand_weight[j];
    if (w > 0.0) {
      flow_[nearest * m + j] = w;
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
  using Label = std::pair<double, std::size_t>;
  std::priority_queue<Label, std::vector<Label>, std::greater<>> heap;
  dist_[from] = 0.0;
  heap.push({0.0, from});
  const auto relax = [&](std::size_t u, std::size_t v, double cost) {
    if (done_[v]) return;
    // Reduced costs are ≥ 0 in exact arithmetic; clamping keeps rounding from making Dijkstra unsound.
    const double candidate = dist_[u] + std::max(0.0, cost + potential_[u] - potential_[v]);
    if (candidate < dist_[v]) {
      dist_[v] = candidate;
      pred_[v] = static_cast<int>(u);
      heap.push({candidate, v});
    }
  };
  target_ = from;
  bool found = false;
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (done_[u] || d > dist_[u]) continue;
    done_[u] = 1;
    if ((u == sink && sink_short_ > epsilon_) || (u == source && source_short_ > epsilon_)) {
      target_ = u;
      found = true;
      break;
    }
    if (u < m) {
      for (std::size_t k = 0; k < q; ++k) relax(u, m + k, problem_.d(static_cast<std::size_t>(open_[k]), u));
      if (served_[u] > 0.0) relax(u, source, 0.0);
    } else if (u < sink) {
      const std::size_t k = u - m;
      for (const int j : users_[k]) {
        relax(u, static_cast<std::size_t>(j), -problem_.d(static_cast<std::size_t>(open_[k]), static_cast<std::size_t>(j)));
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
    if (is_site(u) && v < m) amount = std::min(amount, flow_[(u - m) * m + v]);
    else if (is_site(u) && v == sink) amount = std::min(amount, capacity_[u - m] - to_sink_[u - m]);
    else if (u == sink) amount = std::min(amount, to_sink_[v - m]);
    else if (u < m && v == source) amount = std::min(amount, served_[u]);
    else if (u == source) amount = std::min(amount, problem_.demand_weight[v] - served_[v]);
    v = u;
  }

  const auto clean = [&](double x) { return x > epsilon_ ? x : 0.0; };
  const auto set_flow = [&](std::size_t k, std::size_t j, double value) {
    double& x = flow_[k * m + j];
    const bool had = x > 0.0;
    load_[k] += clean(value) - x;
    x = clean(value);
    if (!had && x > 0.0) users_[k].push_back(static_cast<int>(j));
    if (had && x == 0.0) std::erase(users_[k], static_cast<int>(j));
  };
  for (std::size_t v = target_; v != from;) {
    const auto u = static_cast<std::size_t>(pred_[v]);
    if (u < m && is_site(v)) set_flow(v - m, u, flow_[(v - m) * m + u] + amount);
    else if (is_site(u) && v < m) set_flow(u - m, v, flow_[(u - m) * m + v] - amount);
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
    for (std::size_t k = 0; k < open_.size(); ++k) {
      const double x = flow_[k * m + j];
      if (x > 0.0) result.push_back({open_[k], static_cast<int>(j), x});
    }
  }
  return result;
}

}  // namespace pneumo
