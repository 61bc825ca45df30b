#include "interchange_search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pneumo::location_detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Index in [0, count) from one 64-bit draw.
std::size_t pick(std::uint64_t bits, std::size_t count) {
  const auto k = static_cast<std::size_t>(u01_open(bits) * static_cast<double>(count));
  return std::min(k, count - 1);
}

}  // namespace

InterchangeSearch::InterchangeSearch(const LocationProblem& problem, double covering_distance)
    : problem_(problem),
      covering_distance_(covering_distance),
      covering_(std::isfinite(covering_distance)),
      fixed_(fixed_site_mask(problem)),
      position_(problem.n_sites, -1),
      nearest_(problem.n_demand, -1),
      second_(problem.n_demand, -1),
      d1_(problem.n_demand, kInfinity),
      d2_(problem.n_demand, kInfinity),
      loss_distance_(problem.n_sites, 0.0),
      loss_uncovered_(problem.n_sites, 0.0) {
  const double total = problem.total_demand();
  double longest = 0.0;
  for (const double d : problem.distance) longest = std::max(longest, d);
  // Real improvements are far larger than the rounding of sums of w·d; this keeps the search from
  // cycling on changes that are only rounding.
  tolerance_distance_ = 1e-10 * std::max(1.0, total * longest);
  tolerance_uncovered_ = 1e-10 * std::max(1.0, total);
}

void InterchangeSearch::reset(const std::vector<int>& open_sites) {
  for (const int site : open_) position_[static_cast<std::size_t>(site)] = -1;
  open_.clear();
  std::fill(nearest_.begin(), nearest_.end(), -1);
  std::fill(second_.begin(), second_.end(), -1);
  std::fill(d1_.begin(), d1_.end(), kInfinity);
  std::fill(d2_.begin(), d2_.end(), kInfinity);
  for (const int site : open_sites) add(site);
}

void InterchangeSearch::add(int site) {
  position_[static_cast<std::size_t>(site)] = static_cast<int>(open_.size());
  open_.push_back(site);
  const double* row = problem_.distances_from(static_cast<std::size_t>(site));
  for (std::size_t j = 0; j < problem_.n_demand; ++j) {
    const double d = row[j];
    if (d < d1_[j]) {
      second_[j] = nearest_[j];
      d2_[j] = d1_[j];
      nearest_[j] = site;
      d1_[j] = d;
    } else if (d < d2_[j]) {
      second_[j] = site;
      d2_[j] = d;
    }
  }
}

void InterchangeSearch::recompute_nearest(std::size_t j) {
  nearest_[j] = second_[j] = -1;
  d1_[j] = d2_[j] = kInfinity;
  for (const int site : open_) {
    const double d = problem_.d(static_cast<std::size_t>(site), j);
    if (d < d1_[j]) {
      second_[j] = nearest_[j];
      d2_[j] = d1_[j];
      nearest_[j] = site;
      d1_[j] = d;
    } else if (d < d2_[j]) {
      second_[j] = site;
      d2_[j] = d;
    }
  }
}

void InterchangeSearch::swap(int out, int in) {
  const auto slot = static_cast<std::size_t>(position_[static_cast<std::size_t>(out)]);
  position_[static_cast<std::size_t>(out)] = -1;
  position_[static_cast<std::size_t>(in)] = static_cast<int>(slot);
  open_[slot] = in;
  const double* row = problem_.distances_from(static_cast<std::size_t>(in));
  for (std::size_t j = 0; j < problem_.n_demand; ++j) {
    if (nearest_[j] == out || second_[j] == out) {
      recompute_nearest(j);
      continue;
    }
    const double d = row[j];
    if (d < d1_[j]) {
      second_[j] = nearest_[j];
      d2_[j] = d1_[j];
      nearest_[j] = in;
      d1_[j] = d;
    } else if (d < d2_[j]) {
      second_[j] = in;
      d2_[j] = d;
    }
  }
}

void InterchangeSearch::greedy_fill(std::size_t p) {
  const std::size_t m = problem_.n_demand;
  const auto& w = problem_.demand_weight;
  while (open_.size() < p) {
    int best_site = -1;
    SearchCost best{kInfinity, kInfinity};
    for (std::size_t a = 0; a < problem_.n_sites; ++a) {
      if (position_[a] >= 0) continue;
      const double* row = problem_.distances_from(a);
      SearchCost after;
      for (std::size_t j = 0; j < m; ++j) {
        const double d = std::min(d1_[j], row[j]);
        after.distance += w[j] * d;
        if (covering_) after.uncovered += uncovered_weight(j, d);
      }
      if (best_site < 0 || better(after, best)) {
        best = after;
        best_site = static_cast<int>(a);
      }
    }
    add(best_site);
  }
}

void InterchangeSearch::local_search() {
  const std::size_t m = problem_.n_demand;
  const auto& w = problem_.demand_weight;
  for (;;) {
    int best_out = -1;
    int best_in = -1;
    SearchCost best_delta{0.0, 0.0};  // a move must beat "no change"
    for (std::size_t a = 0; a < problem_.n_sites; ++a) {
      if (position_[a] >= 0) continue;
      for (const int r : open_) {
        loss_distance_[static_cast<std::size_t>(r)] = 0.0;
        loss_uncovered_[static_cast<std::size_t>(r)] = 0.0;
      }
      // gain: demand points that move to a whatever leaves; loss[r]: what the points of r lose if r leaves
      // and a does not win them (they go to a or to their second site, whichever is nearer).
      double gain_distance = 0.0;
      double gain_uncovered = 0.0;
      const double* row = problem_.distances_from(a);
      if (covering_) {
        for (std::size_t j = 0; j < m; ++j) {
          const double d = row[j];
          if (d < d1_[j]) {
            gain_distance += w[j] * (d1_[j] - d);
            gain_uncovered += uncovered_weight(j, d1_[j]) - uncovered_weight(j, d);
          } else {
            const double next = std::min(d, d2_[j]);
            const auto r = static_cast<std::size_t>(nearest_[j]);
            loss_distance_[r] += w[j] * (next - d1_[j]);
            loss_uncovered_[r] += uncovered_weight(j, next) - uncovered_weight(j, d1_[j]);
          }
        }
      } else {
        for (std::size_t j = 0; j < m; ++j) {
          const double d = row[j];
          if (d < d1_[j]) {
            gain_distance += w[j] * (d1_[j] - d);
          } else {
            loss_distance_[static_cast<std::size_t>(nearest_[j])] += w[j] * (std::min(d, d2_[j]) - d1_[j]);
          }
        }
      }
      for (const int r : open_) {
        if (fixed_[static_cast<std::size_t>(r)]) continue;
        const SearchCost delta{loss_uncovered_[static_cast<std::size_t>(r)] - gain_uncovered,
                               loss_distance_[static_cast<std::size_t>(r)] - gain_distance};
        if (better(delta, best_delta)) {
          best_delta = delta;
          best_out = r;
          best_in = static_cast<int>(a);
        }
      }
    }
    if (best_out < 0) return;
    swap(best_out, best_in);
  }
}

void InterchangeSearch::random_swaps(int k, const RandomStream& stream, std::uint64_t round) {
  std::vector<int> closed_sites;
  std::vector<int> movable;
  for (int step = 0; step < k; ++step) {
    movable.clear();
    for (const int site : open_) {
      if (!fixed_[static_cast<std::size_t>(site)]) movable.push_back(site);
    }
    closed_sites.clear();
    for (std::size_t a = 0; a < problem_.n_sites; ++a) {
      if (position_[a] < 0) closed_sites.push_back(static_cast<int>(a));
    }
    if (movable.empty() || closed_sites.empty()) return;
    const auto bits = stream.bits(round, kAnyYear, Purpose::LocationSearch, static_cast<std::uint64_t>(step));
    swap(movable[pick(bits[0], movable.size())], closed_sites[pick(bits[1], closed_sites.size())]);
  }
}

SearchCost InterchangeSearch::cost() const {
  SearchCost total;
  for (std::size_t j = 0; j < problem_.n_demand; ++j) {
    total.distance += problem_.demand_weight[j] * d1_[j];
    if (covering_) total.uncovered += uncovered_weight(j, d1_[j]);
  }
  return total;
}

bool InterchangeSearch::better(const SearchCost& a, const SearchCost& b) const {
  if (a.uncovered < b.uncovered - tolerance_uncovered_) return true;
  if (a.uncovered > b.uncovered + tolerance_uncovered_) return false;
  return a.distance < b.distance - tolerance_distance_;
}

std::size_t InterchangeSearch::swappable_open() const {
  std::size_t count = 0;
  for (const int site : open_) count += fixed_[static_cast<std::size_t>(site)] ? 0 : 1;
  return count;
}

// Greedy from the fixed sites, interchange, then variable neighbourhood search around the best solution.
std::vector<int> search_p_sites(const LocationProblem& problem, double covering_distance, int p,
                                const HeuristicOptions& options) {
  InterchangeSearch search(problem, covering_distance);
  search.reset(problem.fixed_sites);
  search.greedy_fill(static_cast<std::size_t>(p));
  search.local_search();
  std::vector<int> best_open = search.open();
  SearchCost best = search.cost();

  const auto k_max = static_cast<int>(std::min<std::size_t>(
      {static_cast<std::size_t>(options.max_shake_swaps), search.swappable_open(), search.closed()}));
  if (k_max == 0) return best_open;
  const RandomStream stream(options.seed, 0);
  int k = 1;
  for (int round = 0; round < options.perturbation_rounds; ++round) {
    search.random_swaps(k, stream, static_cast<std::uint64_t>(round));
    search.local_search();
    const SearchCost cost = search.cost();
    if (search.better(cost, best)) {
      best = cost;
      best_open = search.open();
      k = 1;
    } else {
      search.reset(best_open);
      k = k % k_max + 1;
    }
  }
  return best_open;
}

}  // namespace pneumo::location_detail
