// pneumoplan sensitivity SWEEP.h5 --output NAME: Sobol indices (Saltelli design) or Morris elementary effects
// (Morris design) of one output of a sweep, in a year or summed over years.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <tuple>

#include "command_line.hpp"
#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/research/sensitivity.hpp"
#include "pneumoplan/research/sweep_file.hpp"

namespace pneumo::cli {
namespace {

std::pair<int, int> years_of(const po::variables_map& values, const SweepData& sweep) {
  int first = static_cast<int>(sweep.years.back()), last = first;
  if (values.count("year")) first = last = values["year"].as<int>();
  if (values.count("period")) std::tie(first, last) = parse_year_span(values["period"].as<std::string>(), "--period");
  if (first < sweep.years.front() || last > sweep.years.back()) {
    throw UsageError("--year/--period: expected years within the sweep's " + std::to_string(sweep.years.front()) + "-" +
                     std::to_string(sweep.years.back()));
  }
  return {first, last};
}

}  // namespace

int sensitivity_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("sweep", po::value<std::string>(), "Sweep result of a saltelli or morris design.")
      ("output", po::value<std::string>(), "One of the outputs the sweep kept (city level), e.g. new_diagnoses.")
      ("year", po::value<int>(), "The output in this year (default: the last simulated year).")
      ("period", po::value<std::string>(), "Instead: the output summed over FIRST-LAST.")
      ("resamples", po::value<int>()->default_value(1000), "Bootstrap resamples for the Sobol intervals.")
      ("level", po::value<double>()->default_value(0.9), "Coverage of the bootstrap intervals, in (0, 1).")
      ("seed", po::value<std::int64_t>()->default_value(1), "Seed of the bootstrap.")
      ("out,o", po::value<std::string>(), "Also write the table as CSV.");
  po::positional_options_description positional;
  positional.add("sweep", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan sensitivity SWEEP.h5 --output NAME [--year Y | --period A-B] [--resamples B] [--out FILE.csv]",
                     "Global sensitivity of an output to the swept parameters: first-order and total Sobol indices "
                     "(Saltelli and Jansen estimators, bootstrap intervals) from a saltelli design, or Morris "
                     "elementary effects (mu, mu*, sigma) from a morris design. Each point's value is the mean over "
                     "its replicates.")) {
    return 0;
  }
  if (!values.count("sweep") || !values.count("output")) throw UsageError("expected SWEEP.h5 and --output NAME");
  const SweepData sweep = read_sweep_file(values["sweep"].as<std::string>());
  const std::size_t o = sweep.output_index(values["output"].as<std::string>());
  const auto [first, last] = years_of(values, sweep);
  const int resamples = values["resamples"].as<int>();
  const double level = values["level"].as<double>();
  if (resamples < 10 || resamples > 1000000) throw UsageError("--resamples: expected 10 to 10^6");
  if (!(level > 0.0 && level < 1.0)) throw UsageError("--level: expected a share in (0, 1)");
  std::vector<double> f(sweep.points());
  for (std::size_t n = 0; n < sweep.points(); ++n) f[n] = sweep.point_mean_over(o, n, first, last);
  const std::size_t K = sweep.parameters();
  CsvWriter csv(sweep.design == "morris"
                    ? std::vector<std::string>{"parameter", "key", "mu", "mu_star", "sigma", "effects"}
                    : std::vector<std::string>{"parameter", "key", "first", "first_low", "first_high", "total",
                                               "total_low", "total_high"});
  char line[256];
  const std::string what = sweep.outputs[o] + (first == last ? " in " + std::to_string(first)
                                                             : " summed over " + std::to_string(first) + "-" + std::to_string(last));
  if (sweep.design == "saltelli") {
    const SobolResult r = sobol_indices(f, K, static_cast<std::size_t>(resamples), level,
                                        static_cast<std::uint64_t>(values["seed"].as<std::int64_t>()));
    std::printf("Sobol indices of %s (%zu of %lld base rows, variance %.6g; %.0f%% bootstrap intervals, %d resamples)\n",
                what.c_str(), r.base_rows, static_cast<long long>(sweep.saltelli_base), r.variance, 100.0 * level, resamples);
    if (std::isnan(r.indices.front().first)) {
      std::printf("  %s does not vary over the sweep's points: no parameter explains any of it\n", what.c_str());
    }
    std::printf("  %-24s %-36s %26s %26s\n", "parameter", "key", "first order S1", "total ST");
    for (std::size_t k = 0; k < K; ++k) {
      const auto& s = r.indices[k];
      char first_text[64], total_text[64];
      std::snprintf(first_text, sizeof first_text, "%.3f [%.3f, %.3f]", s.first, s.first_low, s.first_high);
      std::snprintf(total_text, sizeof total_text, "%.3f [%.3f, %.3f]", s.total, s.total_low, s.total_high);
      std::snprintf(line, sizeof line, "  %-24s %-36s %26s %26s\n", sweep.parameter_names[k].c_str(),
                    sweep.parameter_keys[k].c_str(), first_text, total_text);
      std::cout << line;
      csv.row({sweep.parameter_names[k], sweep.parameter_keys[k], number_text(s.first), number_text(s.first_low),
               number_text(s.first_high), number_text(s.total), number_text(s.total_low), number_text(s.total_high)});
    }
  } else if (sweep.design == "morris") {
    const auto effects = morris_effects(sweep.unit, f, K);
    std::printf("Morris elementary effects of %s (%lld trajectories; effects per unit of each parameter's range)\n",
                what.c_str(), static_cast<long long>(sweep.morris_trajectories));
    std::printf("  %-24s %-36s %12s %12s %12s %8s\n", "parameter", "key", "mu", "mu*", "sigma", "effects");
    for (std::size_t k = 0; k < K; ++k) {
      const auto& e = effects[k];
      std::snprintf(line, sizeof line, "  %-24s %-36s %12.5g %12.5g %12.5g %8zu\n", sweep.parameter_names[k].c_str(),
                    sweep.parameter_keys[k].c_str(), e.mu, e.mu_star, e.sigma, e.effects);
      std::cout << line;
      csv.row({sweep.parameter_names[k], sweep.parameter_keys[k], number_text(e.mu), number_text(e.mu_star),
               number_text(e.sigma), std::to_string(e.effects)});
    }
  } else {
    throw UsageError("the sweep's design is '" + sweep.design + "': Sobol indices need design = saltelli, elementary "
                     "effects design = morris");
  }
  if (values.count("out")) {
    write_text_atomically(values["out"].as<std::string>(), csv.text());
    std::cout << "Table: " << values["out"].as<std::string>() << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
