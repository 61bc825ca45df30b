// pneumoplan locate --orlib FILE [--exact] [--time-limit S]: solve an OR-Library p-median instance with
// the station-location heuristic (and optionally exactly with CBC) and compare with the published optimum.
#include <cmath>
#include <cstdio>
#include <iostream>

#include "command_line.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/stations/location_exact.hpp"
#include "pneumoplan/stations/location_solver.hpp"
#include "pneumoplan/stations/orlib.hpp"

namespace pneumo::cli {
namespace {

std::string percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f %%", 100.0 * fraction);
  return text;
}

}  // namespace

int locate_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("orlib", po::value<std::string>(),
       "OR-Library p-median file (first line 'n m p', then 'i j cost' per edge; Beasley 1985). The published "
       "optimum is shown for pmed1 … pmed40 when the file is named after the instance (pmed1.txt).")
      ("exact", "Also solve exactly with CBC (the p-median as a MIP, started from the heuristic's sites) and "
                "report its objective, bound, time and the heuristic's gap to it.")
      ("time-limit", po::value<double>()->default_value(60.0, "60"),
       "Seconds CBC may run with --exact; when reached, the best solution and bound so far are reported.")
      ("rounds", po::value<int>()->default_value(HeuristicOptions{}.perturbation_rounds),
       "Shake-and-interchange rounds of the heuristic after its first local optimum (0: greedy + interchange "
       "only).")
      ("seed", po::value<std::uint64_t>()->default_value(HeuristicOptions{}.seed),
       "Random seed of the heuristic's shakes. The same seed gives the same result.");
  po::positional_options_description positional;
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan locate --orlib FILE [--exact] [--time-limit S] [--rounds N] [--seed S]",
                     "Solves an uncapacitated p-median instance of the OR-Library with the heuristic used for "
                     "station location (greedy, vertex interchange, variable neighbourhood search) and prints n, p, "
                     "the objective, the time and the gap to the published optimum; --exact adds CBC.")) {
    return 0;
  }
  if (!values.count("orlib")) throw UsageError("expected --orlib FILE, e.g. 'pneumoplan locate --orlib pmed1.txt'");
  const double time_limit = values["time-limit"].as<double>();
  if (!(time_limit > 0.0) || !std::isfinite(time_limit)) throw UsageError("--time-limit: expected seconds > 0");
  HeuristicOptions heuristic_options;
  heuristic_options.perturbation_rounds = values["rounds"].as<int>();
  heuristic_options.seed = values["seed"].as<std::uint64_t>();
  if (heuristic_options.perturbation_rounds < 0) throw UsageError("--rounds: expected a whole number ≥ 0");

  const OrlibInstance instance = read_orlib_pmedian(values["orlib"].as<std::string>());
  const LocationSolution heuristic = solve_pmedian(instance.problem, instance.p, heuristic_options);
  std::printf("pneumoplan locate %s: n = %zu, p = %d\n", instance.name.c_str(), instance.problem.n_sites, instance.p);
  std::printf("  heuristic:         objective %.10g in %.3f s\n", heuristic.objective, heuristic.wall_seconds);
  if (const auto optimum = published_pmedian_optimum(instance.name)) {
    std::printf("  published optimum: %.10g (Beasley 1990); heuristic gap %s\n", *optimum,
                percent((heuristic.objective - *optimum) / *optimum).c_str());
  } else {
    std::printf("  published optimum: unknown for '%s'\n", instance.name.c_str());
  }
  if (values.count("exact")) {
    ExactOptions exact_options;
    exact_options.time_limit_seconds = time_limit;
    exact_options.start_open_sites = heuristic.open_sites;
    const LocationSolution exact = solve_pmedian_exact(instance.problem, instance.p, exact_options);
    std::printf("  exact (CBC):       objective %.10g, bound %.10g, %s in %.3f s; heuristic gap %s\n", exact.objective,
                exact.best_bound, exact.proven_optimal ? "proven optimal" : "not proven optimal (time limit)",
                exact.wall_seconds, percent(relative_gap(heuristic, exact)).c_str());
  }
  return 0;
}

}  // namespace pneumo::cli
