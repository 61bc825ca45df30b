// The capacitated p-median: interchange in which every candidate set is scored by an exact
// transportation solve. Swaps are screened first: a set's unmet demand is max(0, demand − capacity)
// (every site can reach every demand point), and its cost has a lower bound — Lagrangian, with the
// current solution's capacity prices, when the set can serve everybody; otherwise the cost of serving as
// many patients without site capacities. Candidates are tried in order of (unmet, bound) and the first
// that improves is taken; a local optimum is reached when every candidate whose bound is below the
// current cost has been solved without improvement.
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "interchange_search.hpp"
#include "location_common.hpp"
#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/stations/location_solver.hpp"
#include "pneumoplan/stations/transportation.hpp"

namespace pneumo {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Score {
  double unmet = 0.0;
  double cost = 0.0;
};

// Total capacity kept as (finite part, number of uncapacitated sites) so sums and differences stay exact
// enough and +inf never meets −inf.
struct Capacity {
  double finite = 0.0;
  int unlimited = 0;
  void add(double c, int sign) {
    if (std::isinf(c)) unlimited += sign;
    else finite += sign * c;
  }
  double unmet(double demand) const { return unlimited > 0 ? 0.0 : std::max(0.0, demand - finite); }
};

class CapacitatedSearch {
 public:
  explicit CapacitatedSearch(const LocationProblem& problem)
      : problem_(problem),
        transport_(problem),
        fixed_(fixed_site_mask(problem)),
        open_flag_(problem.n_sites, 0),
        demand_(problem.total_demand()),
        price_(problem.n_sites, 0.0),
        no_price_(problem.n_sites, 0.0),
        loss_(problem.n_sites) {
    double longest = 0.0;
    for (const double d : problem.distance) longest = std::max(longest, d);
    tolerance_cost_ = 1e-10 * std::max(1.0, demand_ * longest);
    tolerance_unmet_ = 1e-10 * std::max(1.0, demand_);
  }

  void reset(std::vector<int> open_sites) {
    std::sort(open_sites.begin(), open_sites.end());
    open_ = std::move(open_sites);
    std::fill(open_flag_.begin(), open_flag_.end(), 0);
    for (const int site : open_) open_flag_[static_cast<std::size_t>(site)] = 1;
    score_ = solve(open_);
  }

  bool better(const Score& a, const Score& b) const {
    if (a.unmet < b.unmet - tolerance_unmet_) return true;
    if (a.unmet > b.unmet + tolerance_unmet_) return false;
    return a.cost < b.cost - tolerance_cost_;
  }

  void local_search() {
    while (improve()) {
    }
  }

  void random_swaps(int k, const RandomStream& stream, std::uint64_t round) {
    for (int step = 0; step < k; ++step) {
      std::vector<int> movable;
      std::vector<int> closed;
      for (const int site : open_) {
        if (!fixed_[static_cast<std::size_t>(site)]) movable.push_back(site);
      }
      for (std::size_t a = 0; a < problem_.n_sites; ++a) {
        if (!open_flag_[a]) closed.push_back(static_cast<int>(a));
      }
      if (movable.empty() || closed.empty()) break;
      const auto bits = stream.bits(round, kAnyYear, Purpose::LocationSearch, static_cast<std::uint64_t>(step));
      const auto pick = [](std::uint64_t b, std::size_t n) {
        return std::min(n - 1, static_cast<std::size_t>(u01_open(b) * static_cast<double>(n)));
      };
      swap_sites(movable[pick(bits[0], movable.size())], closed[pick(bits[1], closed.size())]);
    }
    score_ = solve(open_);
  }

  const std::vector<int>& open_sites() const { return open_; }
  const Score& score() const { return score_; }
  std::size_t movable() const {
    std::size_t n = 0;
    for (const int site : open_) n += fixed_[static_cast<std::size_t>(site)] ? 0 : 1;
    return n;
  }
  std::size_t closed() const { return problem_.n_sites - open_.size(); }

 private:
  struct Candidate {
    double unmet;
    double bound;  // lower bound of the capacitated cost
    int out;
    int in;
  };

  Score solve(const std::vector<int>& sorted_open) {
    transport_.solve(sorted_open);
    return {transport_.unmet(), transport_.cost()};
  }

  void swap_sites(int out, int in) {
    open_flag_[static_cast<std::size_t>(out)] = 0;
    open_flag_[static_cast<std::size_t>(in)] = 1;
    std::erase(open_, out);
    open_.insert(std::lower_bound(open_.begin(), open_.end(), in), in);
  }

  // Per demand point, the nearest and second-nearest open site by distance + price of the site.
  struct Nearest {
    std::vector<int> site;
    std::vector<double> d1, d2;
  };
  void nearest_two(const std::vector<double>& price, Nearest& out) const {
    out.site.assign(problem_.n_demand, -1);
    out.d1.assign(problem_.n_demand, kInfinity);
    out.d2.assign(problem_.n_demand, kInfinity);
    for (std::size_t j = 0; j < problem_.n_demand; ++j) {
      for (const int site : open_) {
        const double d = problem_.d(static_cast<std::size_t>(site), j) + price[static_cast<std::size_t>(site)];
        if (d < out.d1[j]) {
          out.d2[j] = out.d1[j];
          out.d1[j] = d;
          out.site[j] = site;
        } else if (d < out.d2[j]) {
          out.d2[j] = d;
        }
      }
    }
  }

  // Lower bound of the cost of serving `patients` < all demand after swapping r for the site whose
  // distances are `row`: without site capacities the cheapest way is to serve the patients nearest to an
  // open site first.
  double cheapest_patients(double patients, int r, const double* row) {
    by_distance_.clear();
    for (std::size_t j = 0; j < problem_.n_demand; ++j) {
      const double next = std::min(row[j], plain_.site[j] == r ? plain_.d2[j] : plain_.d1[j]);
      by_distance_.emplace_back(next, problem_.demand_weight[j]);
    }
    std::sort(by_distance_.begin(), by_distance_.end());
    double bound = 0.0;
    for (const auto& [d, w] : by_distance_) {
      const double take = std::min(w, patients);
      bound += take * d;
      patients -= take;
      if (patients <= 0.0) break;
    }
    return bound;
  }

  // The Lagrangian bound after swapping r for a, from the priced assignment with a at price 0; a second
  // evaluation with a at r's price (a new site is about as contested as the one it replaces) often
  // bounds tighter, and any price ≥ 0 gives a valid bound, so the larger one is kept.
  double lagrangian_bound(double assignment_a_free, double priced_capacity, int r, std::size_t a) const {
    const auto out = static_cast<std::size_t>(r);
    const double kept_capacity = priced_capacity - (price_[out] > 0.0 ? price_[out] * problem_.capacity(out) : 0.0);
    double bound = assignment_a_free - kept_capacity;
    const double v = price_[out];
    const double capacity_a = problem_.capacity(a);
    if (v > 0.0 && std::isfinite(capacity_a)) {
      const double* row = problem_.distances_from(a);
      double assignment = 0.0;
      for (std::size_t j = 0; j < problem_.n_demand; ++j) {
        const double others = priced_.site[j] == r ? priced_.d2[j] : priced_.d1[j];
        assignment += problem_.demand_weight[j] * std::min(row[j] + v, others);
      }
      bound = std::max(bound, assignment - kept_capacity - v * capacity_a);
    }
    return bound;
  }

  // One first-improvement step in order of (unmet, bound); false at a local optimum. When the swap serves
  // everybody its bound is the Lagrangian one: with the current solution's capacity prices λ (λ = 0 for
  // the incoming site), Σ_j w_j min_i (d_ij + λ_i) − Σ_i λ_i cap_i over the new set. It equals the current
  // cost for the current set, so it is tight for swaps that change little.
  bool improve() {
    transport_.solve(open_);
    const std::vector<double> prices = transport_.capacity_prices();
    std::fill(price_.begin(), price_.end(), 0.0);
    double priced_capacity = 0.0;  // Σ λ_i cap_i
    for (std::size_t k = 0; k < open_.size(); ++k) {
      const auto site = static_cast<std::size_t>(open_[k]);
      if (prices[k] > 0.0) {
        price_[site] = prices[k];
        priced_capacity += prices[k] * problem_.capacity(site);
      }
    }
    nearest_two(no_price_, plain_);
    nearest_two(price_, priced_);
    const auto& w = problem_.demand_weight;
    double priced_assignment = 0.0;
    for (std::size_t j = 0; j < problem_.n_demand; ++j) priced_assignment += w[j] * priced_.d1[j];
    Capacity capacity;
    for (const int site : open_) capacity.add(problem_.capacity(static_cast<std::size_t>(site)), +1);

    std::vector<Candidate> candidates;
    for (std::size_t a = 0; a < problem_.n_sites; ++a) {
      if (open_flag_[a]) continue;
      // Whitaker's evaluation of the priced assignment after swapping each r for a.
      const double* row = problem_.distances_from(a);
      double gain = 0.0;
      for (const int r : open_) loss_[static_cast<std::size_t>(r)] = 0.0;
      for (std::size_t j = 0; j < problem_.n_demand; ++j) {
        if (row[j] < priced_.d1[j]) gain += w[j] * (priced_.d1[j] - row[j]);
        else loss_[static_cast<std::size_t>(priced_.site[j])] += w[j] * (std::min(row[j], priced_.d2[j]) - priced_.d1[j]);
      }
      for (const int r : open_) {
        const auto out = static_cast<std::size_t>(r);
        if (fixed_[out]) continue;
        Capacity after = capacity;
        after.add(problem_.capacity(out), -1);
        after.add(problem_.capacity(a), +1);
        double unmet = after.unmet(demand_);
        if (unmet <= tolerance_unmet_) unmet = 0.0;  // rounding of the capacity sums
        if (unmet > score_.unmet + tolerance_unmet_) continue;  // serves fewer: never better
        const double bound = unmet == 0.0
                                 ? lagrangian_bound(priced_assignment - gain + loss_[out], priced_capacity, r, a)
                                 : cheapest_patients(demand_ - unmet, r, row);
        candidates.push_back({unmet, bound, r, static_cast<int>(a)});
      }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& x, const Candidate& y) {
      if (x.unmet != y.unmet) return x.unmet < y.unmet;
      if (x.bound != y.bound) return x.bound < y.bound;
      if (x.in != y.in) return x.in < y.in;
      return x.out < y.out;
    });

    std::vector<int> trial;
    for (const Candidate& c : candidates) {
      if (c.unmet > score_.unmet + tolerance_unmet_) break;
      if (c.unmet >= score_.unmet - tolerance_unmet_ && c.bound >= score_.cost - tolerance_cost_) break;
      trial = open_;
      std::erase(trial, c.out);
      trial.insert(std::lower_bound(trial.begin(), trial.end(), c.in), c.in);
      const Score score = solve(trial);
      if (better(score, score_)) {
        swap_sites(c.out, c.in);
        score_ = score;
        return true;
      }
    }
    return false;
  }

  const LocationProblem& problem_;
  TransportationSolver transport_;
  std::vector<char> fixed_;
  std::vector<char> open_flag_;
  std::vector<int> open_;  // ascending
  double demand_;
  Score score_;
  Nearest plain_, priced_;
  std::vector<double> price_;     // per site: capacity price of the current solution (0 when closed)
  std::vector<double> no_price_;  // per site: 0
  std::vector<double> loss_;      // per site, scratch
  std::vector<std::pair<double, double>> by_distance_;  // scratch of cheapest_patients
  double tolerance_cost_ = 0.0;
  double tolerance_unmet_ = 0.0;
};

}  // namespace

LocationSolution solve_capacitated_pmedian(const LocationProblem& problem, int p, const HeuristicOptions& options) {
  const location_detail::Stopwatch clock;
  location_detail::check_site_count(problem, p, "capacitated p-median");
  location_detail::check_options(options);

  CapacitatedSearch search(problem);
  search.reset(location_detail::search_p_sites(problem, kInfinity, p, options));
  search.local_search();
  std::vector<int> best_open = search.open_sites();
  Score best = search.score();
  const RandomStream stream(options.seed, 1);  // replicate 0 shook the uncapacitated start
  const auto k_max = static_cast<int>(std::min<std::size_t>(
      {static_cast<std::size_t>(options.max_shake_swaps), search.movable(), search.closed()}));
  int k = 1;
  for (int round = 0; k_max > 0 && round < options.capacitated_rounds; ++round) {
    search.random_swaps(k, stream, static_cast<std::uint64_t>(round));
    search.local_search();
    if (search.better(search.score(), best)) {
      best = search.score();
      best_open = search.open_sites();
      k = 1;
    } else {
      search.reset(best_open);
      k = k % k_max + 1;
    }
  }
  LocationSolution solution = evaluate_capacitated(problem, best_open);
  solution.wall_seconds = clock.seconds();
  return solution;
}

}  // namespace pneumo
