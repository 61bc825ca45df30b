// The p-median and the maximal covering with p sites: greedy, interchange, shake and interchange again.
#include "pneumoplan/stations/location_solver.hpp"

#include <limits>

#include "interchange_search.hpp"
#include "location_common.hpp"

namespace pneumo {

using location_detail::check_options;
using location_detail::search_p_sites;

LocationSolution solve_pmedian(const LocationProblem& problem, int p, const HeuristicOptions& options) {
  const location_detail::Stopwatch clock;
  location_detail::check_site_count(problem, p, "p-median");
  check_options(options);
  const auto open = search_p_sites(problem, std::numeric_limits<double>::infinity(), p, options);
  LocationSolution solution = evaluate_pmedian(problem, open);
  solution.wall_seconds = clock.seconds();
  return solution;
}

LocationSolution solve_max_covering(const LocationProblem& problem, double covering_distance, int p,
                                    const HeuristicOptions& options) {
  const location_detail::Stopwatch clock;
  location_detail::check_site_count(problem, p, "maximal covering");
  location_detail::check_covering_distance(covering_distance);
  check_options(options);
  const auto open = search_p_sites(problem, covering_distance, p, options);
  LocationSolution solution = evaluate_covering(problem, open, covering_distance);
  solution.wall_seconds = clock.seconds();
  return solution;
}

}  // namespace pneumo
