// Maximal covering within a budget: any number of sites, Σ opening cost ≤ budget. Moves add, drop or
// swap one site; the objective is lexicographic (covered demand up, then cost down), so a site is only
// opened for the demand it covers and a cheaper equally covering layout is preferred.
#include <algorithm>
#include <limits>
#include <vector>

#include "location_common.hpp"
#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/stations/location_solver.hpp"

namespace pneumo {
namespace {

class BudgetCoveringSearch {
 public:
  BudgetCoveringSearch(const LocationProblem& problem, double covering_distance, double budget_rmb)
      : problem_(problem),
        budget_(budget_rmb),
        fixed_(fixed_site_mask(problem)),
        cover_(problem.n_sites),
        open_flag_(problem.n_sites, 0),
        count_(problem.n_demand, 0),
        mark_(problem.n_demand, 0) {
    for (std::size_t i = 0; i < problem.n_sites; ++i) {
      for (std::size_t j = 0; j < problem.n_demand; ++j) {
        if (problem.demand_weight[j] > 0.0 && problem.d(i, j) <= covering_distance) {
          cover_[i].push_back(static_cast<int>(j));
        }
      }
    }
    double most_expensive = 0.0;
    for (std::size_t i = 0; i < problem.n_sites; ++i) most_expensive = std::max(most_expensive, problem.opening_cost(i));
    tolerance_covered_ = 1e-10 * std::max(1.0, problem.total_demand());
    tolerance_cost_ = 1e-10 * std::max(1.0, most_expensive);
  }

  void reset(const std::vector<int>& open_sites) {
    std::fill(open_flag_.begin(), open_flag_.end(), 0);
    std::fill(count_.begin(), count_.end(), 0);
    open_.clear();
    spent_ = 0.0;
    for (const int site : open_sites) open(site);
  }

  // Adds the affordable site with the most newly covered demand per yuan (free sites first) while one
  // covers anybody new.
  void greedy_fill() {
    for (;;) {
      int best = -1;
      double best_gain = 0.0;
      double best_cost = 0.0;
      for (std::size_t a = 0; a < problem_.n_sites; ++a) {
        if (open_flag_[a] || !affordable(spent_ + cost(a))) continue;
        const double gain = newly_covered(a);
        if (gain <= tolerance_covered_) continue;
        // gain/cost > best_gain/best_cost, written without dividing by a zero cost.
        if (best < 0 || gain * best_cost > best_gain * cost(a)) {
          best = static_cast<int>(a);
          best_gain = gain;
          best_cost = cost(a);
        }
      }
      if (best < 0) return;
      open(best);
    }
  }

  void local_search() {
    for (;;) {
      // The best move by (Δ covered, −Δ cost); it must beat "no change".
      double best_gain = 0.0;
      double best_saving = 0.0;
      int best_out = -1;
      int best_in = -1;
      const auto consider = [&](double gain, double saving, int out, int in) {
        const bool improves = gain > best_gain + tolerance_covered_ ||
                              (gain >= best_gain - tolerance_covered_ && saving > best_saving + tolerance_cost_);
        if (!improves) return;
        best_gain = gain;
        best_saving = saving;
        best_out = out;
        best_in = in;
      };
      for (const int r : open_) {  // drop: loses what only r covers, saves its cost
        if (!fixed_[static_cast<std::size_t>(r)]) consider(-only_covered_by(r), cost(r), r, -1);
      }
      for (std::size_t a = 0; a < problem_.n_sites; ++a) {
        if (open_flag_[a]) continue;
        const double gain = newly_covered(a);
        if (affordable(spent_ + cost(a))) consider(gain, -cost(a), -1, static_cast<int>(a));
        for (const int j : cover_[a]) mark_[static_cast<std::size_t>(j)] = 1;
        for (const int r : open_) {
          if (fixed_[static_cast<std::size_t>(r)] || !affordable(spent_ - cost(r) + cost(a))) continue;
          double loss = 0.0;  // demand only r covers and a does not
          for (const int j : cover_[static_cast<std::size_t>(r)]) {
            if (count_[static_cast<std::size_t>(j)] == 1 && !mark_[static_cast<std::size_t>(j)]) {
              loss += problem_.demand_weight[static_cast<std::size_t>(j)];
            }
          }
          consider(gain - loss, cost(r) - cost(a), r, static_cast<int>(a));
        }
        for (const int j : cover_[a]) mark_[static_cast<std::size_t>(j)] = 0;
      }
      if (best_out < 0 && best_in < 0) return;
      if (best_out >= 0) close(best_out);
      if (best_in >= 0) open(best_in);
    }
  }

  // Shakes by closing k random non-fixed open sites, opening up to k random affordable sites that cover
  // somebody new, then refilling greedily: random openings let the search trade several cheap sites for
  // one dear one, which single add, drop and swap moves cannot.
  void shake(int k, const RandomStream& stream, std::uint64_t round) {
    const auto pick = [](std::uint64_t bits, std::size_t n) {
      return std::min(n - 1, static_cast<std::size_t>(u01_open(bits) * static_cast<double>(n)));
    };
    std::vector<int> choices;
    for (int step = 0; step < k; ++step) {
      choices.clear();
      for (const int site : open_) {
        if (!fixed_[static_cast<std::size_t>(site)]) choices.push_back(site);
      }
      if (choices.empty()) break;
      const auto bits = stream.bits(round, kAnyYear, Purpose::LocationSearch, static_cast<std::uint64_t>(step));
      close(choices[pick(bits[0], choices.size())]);
    }
    for (int step = 0; step < k; ++step) {
      choices.clear();
      for (std::size_t a = 0; a < problem_.n_sites; ++a) {
        if (!open_flag_[a] && affordable(spent_ + cost(a)) && newly_covered(a) > tolerance_covered_) {
          choices.push_back(static_cast<int>(a));
        }
      }
      if (choices.empty()) break;
      const auto bits = stream.bits(round, kAnyYear, Purpose::LocationSearch, static_cast<std::uint64_t>(step));
      open(choices[pick(bits[1], choices.size())]);
    }
    greedy_fill();
  }

  double covered() const {
    double total = 0.0;
    for (std::size_t j = 0; j < problem_.n_demand; ++j) total += count_[j] > 0 ? problem_.demand_weight[j] : 0.0;
    return total;
  }
  double spent() const { return spent_; }
  bool better(double covered_a, double spent_a, double covered_b, double spent_b) const {
    if (covered_a > covered_b + tolerance_covered_) return true;
    if (covered_a < covered_b - tolerance_covered_) return false;
    return spent_a < spent_b - tolerance_cost_;
  }
  const std::vector<int>& open_sites() const { return open_; }
  std::size_t movable() const {
    std::size_t n = 0;
    for (const int site : open_) n += fixed_[static_cast<std::size_t>(site)] ? 0 : 1;
    return n;
  }

 private:
  double cost(std::size_t site) const { return problem_.opening_cost(site); }
  double cost(int site) const { return cost(static_cast<std::size_t>(site)); }
  bool affordable(double total) const { return total <= budget_ + tolerance_cost_; }

  double newly_covered(std::size_t site) const {
    double gain = 0.0;
    for (const int j : cover_[site]) {
      if (count_[static_cast<std::size_t>(j)] == 0) gain += problem_.demand_weight[static_cast<std::size_t>(j)];
    }
    return gain;
  }
  double only_covered_by(int site) const {
    double loss = 0.0;
    for (const int j : cover_[static_cast<std::size_t>(site)]) {
      if (count_[static_cast<std::size_t>(j)] == 1) loss += problem_.demand_weight[static_cast<std::size_t>(j)];
    }
    return loss;
  }
  void open(int site) {
    open_flag_[static_cast<std::size_t>(site)] = 1;
    open_.push_back(site);
    spent_ += cost(site);
    for (const int j : cover_[static_cast<std::size_t>(site)]) ++count_[static_cast<std::size_t>(j)];
  }
  void close(int site) {
    open_flag_[static_cast<std::size_t>(site)] = 0;
    std::erase(open_, site);
    spent_ -= cost(site);
    for (const int j : cover_[static_cast<std::size_t>(site)]) --count_[static_cast<std::size_t>(j)];
  }

  const LocationProblem& problem_;
  double budget_;
  std::vector<char> fixed_;
  std::vector<std::vector<int>> cover_;  // per site: demand points with patients within the distance
  std::vector<char> open_flag_;
  std::vector<int> open_;
  std::vector<int> count_;  // per demand point: open sites covering it
  std::vector<char> mark_;  // scratch: covered by the site being considered
  double spent_ = 0.0;
  double tolerance_covered_ = 0.0;
  double tolerance_cost_ = 0.0;
};

}  // namespace

LocationSolution solve_max_covering_within_budget(const LocationProblem& problem, double covering_distance,
                                                  double budget_rmb, const HeuristicOptions& options) {
  const location_detail::Stopwatch clock;
  validate(problem);
  location_detail::check_covering_distance(covering_distance);
  location_detail::check_options(options);
  location_detail::check_budget(problem, budget_rmb);

  BudgetCoveringSearch search(problem, covering_distance, budget_rmb);
  search.reset(problem.fixed_sites);
  search.greedy_fill();
  search.local_search();
  std::vector<int> best_open = search.open_sites();
  double best_covered = search.covered();
  double best_spent = search.spent();
  const RandomStream stream(options.seed, 0);
  int k = 1;
  for (int round = 0; round < options.perturbation_rounds && search.movable() > 0; ++round) {
    const int k_max = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(options.max_shake_swaps),
                                                             search.movable()));
    k = std::min(k, k_max);
    search.shake(k, stream, static_cast<std::uint64_t>(round));
    search.local_search();
    if (search.better(search.covered(), search.spent(), best_covered, best_spent)) {
      best_open = search.open_sites();
      best_covered = search.covered();
      best_spent = search.spent();
      k = 1;
    } else {
      search.reset(best_open);
      k = k % k_max + 1;
    }
  }
  LocationSolution solution = evaluate_covering(problem, best_open, covering_distance);
  solution.wall_seconds = clock.seconds();
  return solution;
}

}  // namespace pneumo
