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
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
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
      ("second-order", "Also the second-order Sobol indices S_ij of every pair of parameters (needs a sweep "
                       "with second_order = true).")
      ("resamples", po::value<int>()->default_value(1000), "Bootstrap resamples for the intervals (Sobol: over base "
                                                             "rows; Morris mu*: over trajectories).")
      ("level", po::value<double>()->default_value(0.9, "0.9"), "Coverage of the bootstrap intervals, in (0, 1).")
      ("seed", po::value<std::int64_t>()->default_value(1), "Seed of the bootstrap.")
      ("out,o", po::value<std::string>(), "Also write the table as CSV.");
  po::positional_options_description positional;
  positional.add("sweep", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan sensitivity SWEEP.h5 --output NAME [--year Y | --period A-B] [--second-order] "
                     "[--resamples B] [--out FILE.csv]",
                     "Global sensitivity of an output to the swept parameters: first-order (centred Saltelli "
                     "estimator), total (Jansen) and, with --second-order, second-order Sobol indices with bootstrap "
                     "intervals from a saltelli design, or Morris elementary effects (mu, mu* with its bootstrap "
                     "interval, sigma) from a morris design. Each point's value is the mean over its replicates. An "
                     "output that does not vary over the points is refused; a sample too small for its intervals "
                     "is warned about.")) {
    return 0;
  }
  if (!values.count("sweep") || !values.count("output")) throw UsageError("expected SWEEP.h5 and --output NAME");
  const std::string path = values["sweep"].as<std::string>();
  {
    CommandPaths paths;
    paths.input(path, "the sweep file");
    if (values.count("out")) paths.output(values["out"].as<std::string>(), "--out");
    paths.check();
  }
  const SweepData sweep = read_sweep_file(path);
  require_complete(sweep, path);
  const std::size_t o = sweep.output_index(values["output"].as<std::string>());
  const auto [first, last] = years_of(values, sweep);
  const int resamples = values["resamples"].as<int>();
  const double level = values["level"].as<double>();
  if (resamples < 10 || resamples > 1000000) throw UsageError("--resamples: expected 10 to 10^6");
  if (!(level > 0.0 && level < 1.0)) throw UsageError("--level: expected a share in (0, 1)");
  const bool second_order = values.count("second-order") > 0;
  if (sweep.design != "saltelli" && sweep.design != "morris") {
    throw InputError(path, 0, "the sweep's design is '" + sweep.design + "': Sobol indices need design = saltelli, "
                     "elementary effects design = morris");
  }
  if (second_order && !(sweep.design == "saltelli" && sweep.saltelli_second_order)) {
    throw InputError(path, 0, "--second-order needs a saltelli sweep with 'second_order = true' in its [sweep] "
                     "section (it adds the points B with one column from A)");
  }
  std::vector<double> f(sweep.points());
  for (std::size_t n = 0; n < sweep.points(); ++n) f[n] = sweep.point_mean_over(o, n, first, last);
  const std::size_t K = sweep.parameters();
  const std::string what = sweep.outputs[o] + (first == last ? " in " + std::to_string(first)
                                                             : " summed over " + std::to_string(first) + "-" + std::to_string(last));
  // Indices of an output that does not move would be ratios of rounding noise: refused, not printed.
  if (!output_varies(f)) {
    throw InputError(path, 0, what + " does not vary over the sweep's points: no parameter explains any of it "
                     "(choose another output or years)");
  }
  const auto warn = [](const std::string& text) { std::cerr << "warning: " << text << "\n"; };
  std::ostringstream csv;
  char line[512];
  const auto& name = [&](std::size_t k) { return sweep.parameter_names[k]; };
  if (sweep.design == "saltelli") {
    SobolOptions sobol;
    sobol.resamples = static_cast<std::size_t>(resamples);
    sobol.level = level;
    sobol.seed = static_cast<std::uint64_t>(values["seed"].as<std::int64_t>());
    sobol.second_order = sweep.saltelli_second_order;
    const SobolResult r = sobol_indices(f, K, sobol);
    if (r.base_rows < 2) {
      throw InputError(path, 0, "only " + std::to_string(r.base_rows) + " complete base rows: Sobol indices need at "
                       "least 2 (rows with a failed point are left out)");
    }
    if (!r.varies) {
      throw InputError(path, 0, what + " does not vary over the complete base rows: no parameter explains any of it");
    }
    std::printf("Sobol indices of %s (%zu of %lld base rows, variance %.6g; %.0f%% bootstrap intervals, %d resamples)\n",
                what.c_str(), r.base_rows, static_cast<long long>(sweep.saltelli_base), r.variance, 100.0 * level, resamples);
    std::printf("  %-24s %-36s %26s %26s\n", "parameter", "key", "first order S1", "total ST");
    for (std::size_t k = 0; k < K; ++k) {
      const auto& s = r.indices[k];
      char first_text[64], total_text[64];
      std::snprintf(first_text, sizeof first_text, "%.3f [%.3f, %.3f]", s.first, s.first_low, s.first_high);
      std::snprintf(total_text, sizeof total_text, "%.3f [%.3f, %.3f]", s.total, s.total_low, s.total_high);
      std::snprintf(line, sizeof line, "  %-24s %-36s %26s %26s\n", name(k).c_str(), sweep.parameter_keys[k].c_str(),
                    first_text, total_text);
      std::cout << line;
      csv << csv_text(name(k)) << ',' << csv_text(sweep.parameter_keys[k]) << ',' << number_text(s.first) << ','
          << number_text(s.first_low) << ',' << number_text(s.first_high) << ',' << number_text(s.total) << ','
          << number_text(s.total_low) << ',' << number_text(s.total_high) << '\n';
    }
    if (second_order) {
      std::printf("Second-order indices S_ij (interaction of each pair beyond their first-order effects)\n");
      std::printf("  %-24s %-24s %26s\n", "parameter i", "parameter j", "S_ij");
      csv << "\nparameter_i,parameter_j,second,second_low,second_high\n";
      for (std::size_t i = 0; i < K; ++i) {
        for (std::size_t j = i + 1; j < K; ++j) {
          const auto& s = r.second[i][j];
          char text[64];
          std::snprintf(text, sizeof text, "%.3f [%.3f, %.3f]", s.value, s.low, s.high);
          std::snprintf(line, sizeof line, "  %-24s %-24s %26s\n", name(i).c_str(), name(j).c_str(), text);
          std::cout << line;
          csv << csv_text(name(i)) << ',' << csv_text(name(j)) << ',' << number_text(s.value) << ',' << number_text(s.low) << ','
              << number_text(s.high) << '\n';
        }
      }
    }
    if (r.too_few_rows) {
      warn("only " + std::to_string(r.base_rows) + " base rows: bootstrap intervals from fewer than " +
           std::to_string(kMinRowsForSobolIntervals) + " rows are unreliable; run the sweep with more points");
    }
    if (!r.wide_intervals.empty()) {
      std::string list;
      for (const auto k : r.wide_intervals) list += (list.empty() ? "" : ", ") + name(k);
      warn("the intervals of " + list + " span more than 1, the whole range of an index: " +
           std::to_string(r.base_rows) + " base rows cannot apportion the variance; intervals shrink as "
           "1/sqrt(rows)");
    }
  } else {
    MorrisOptions morris;
    morris.resamples = static_cast<std::size_t>(resamples);
    morris.level = level;
    morris.seed = static_cast<std::uint64_t>(values["seed"].as<std::int64_t>());
    const MorrisResult r = morris_effects(sweep.unit, f, K, morris);
    std::printf("Morris elementary effects of %s (%zu of %lld trajectories; effects per unit of each parameter's "
                "range; %.0f%% bootstrap intervals of mu*)\n",
                what.c_str(), r.trajectories, static_cast<long long>(sweep.morris_trajectories), 100.0 * level);
    std::printf("  %-24s %-36s %12s %12s %26s %12s %8s\n", "parameter", "key", "mu", "mu*", "mu* interval", "sigma",
                "effects");
    csv << "parameter,key,mu,mu_star,mu_star_low,mu_star_high,sigma,effects\n";
    for (std::size_t k = 0; k < K; ++k) {
      const auto& e = r.effects[k];
      char interval[64];
      std::snprintf(interval, sizeof interval, "[%.5g, %.5g]", e.mu_star_low, e.mu_star_high);
      std::snprintf(line, sizeof line, "  %-24s %-36s %12.5g %12.5g %26s %12.5g %8zu\n", name(k).c_str(),
                    sweep.parameter_keys[k].c_str(), e.mu, e.mu_star, interval, e.sigma, e.effects);
      std::cout << line;
      csv << csv_text(name(k)) << ',' << csv_text(sweep.parameter_keys[k]) << ',' << number_text(e.mu) << ',' << number_text(e.mu_star)
          << ',' << number_text(e.mu_star_low) << ',' << number_text(e.mu_star_high) << ',' << number_text(e.sigma)
          << ',' << e.effects << '\n';
    }
    if (r.too_few_trajectories) {
      warn("only " + std::to_string(r.trajectories) + " trajectories: Morris screening ranks parameters reliably from "
           "about " + std::to_string(kMinMorrisTrajectories) + "; the intervals of mu* are rough");
    }
  }
  if (values.count("out")) {
    // UTF-8 with a byte-order mark like every CSV file (csv_writer.hpp); the second-order table follows the first
    // after a blank line, so this one is written by hand, its text cells through csv_text.
    write_text_atomically(values["out"].as<std::string>(), std::string(kUtf8ByteOrderMark) + csv.str());
    std::cout << "Table: " << values["out"].as<std::string>() << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
