// pneumoplan calibrate SWEEP.h5 --observed FILE.csv --output NAME: the posterior of the swept parameters given
// an observed series of counts, by synthetic likelihood over the sweep's points (docs/research.md), and with
// --coverage the leave-one-out check that its intervals hold the truth as often as they claim.
#include <cstdio>
#include <iostream>
#include <sstream>

#include "command_line.hpp"
#include "shipped_data.hpp"
#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/research/calibration.hpp"
#include "pneumoplan/research/calibration_coverage.hpp"

namespace pneumo::cli {

int calibrate_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("sweep", po::value<std::string>(),
       "Sweep result over the prior ranges: design lhs, sobol or grid (morris and saltelli are refused), run with "
       "'common_random_numbers = false' and at least 2 replicates per point (4 or more recommended).")
      ("observed", po::value<std::string>(), "CSV of observed counts: first_year,last_year,value[,source].")
      ("output", po::value<std::string>()->default_value("new_diagnoses"),
       "The sweep output the observations count (city level), e.g. new_diagnoses.")
      ("level", po::value<double>()->default_value(0.9, "0.9"), "Probability of the central posterior intervals.")
      ("coverage",
       "Also check the intervals: every point in turn is a truth, its first replicate the observed series, fitted "
       "with the other points; prints how often the intervals hold the truth against the 99 % binomial range "
       "of a calibrated method, and exits 1 when a parameter falls outside it.")
      ("out,o", po::value<std::string>(), "Also write the posterior, the fit and the coverage as CSV.");
  po::positional_options_description positional;
  positional.add("sweep", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan calibrate SWEEP.h5 --observed FILE.csv [--output NAME] [--level 0.9] [--coverage] "
                     "[--out FILE.csv]",
                     "Fits the swept parameters to observed counts by synthetic likelihood: at every point of the "
                     "sweep, the replicates give the mean and the spread (Poisson noise and the persistent variation "
                     "between replicates) of the log counts over each observation's years, and the point is weighted "
                     "by the likelihood of the observed counts; the weighted points are the posterior "
                     "(docs/research.md). The sweep must sample the prior (lhs, sobol or grid) on independent random "
                     "numbers (common_random_numbers = false).")) {
    return 0;
  }
  if (!values.count("sweep") || !values.count("observed")) throw UsageError("expected SWEEP.h5 and --observed FILE.csv");
  const double level = values["level"].as<double>();
  if (!(level > 0.0 && level < 1.0)) throw UsageError("--level: expected a probability in (0, 1)");
  const std::string sweep_path = values["sweep"].as<std::string>();
  const std::string observed_path = resolve_input_path(values["observed"].as<std::string>());
  {
    CommandPaths paths;
    paths.input(sweep_path, "the sweep file");
    paths.input(observed_path, "the observations");
    if (values.count("out")) paths.output(values["out"].as<std::string>(), "--out");
    paths.check();
  }
  const auto observed = read_observations(observed_path);
  const SweepData sweep = read_sweep_file(sweep_path);
  require_complete(sweep, sweep_path);
  const std::string output = values["output"].as<std::string>();
  const CalibrationResult c = calibrate(sweep, output, observed, level);
  const double percent = 100.0 * level;

  std::printf("Calibration of %s to %zu observations of %s: synthetic likelihood over %zu points x %zu replicates; "
              "%.1f effective points, %zu points hold 90%% of the weight (best: point %zu)\n",
              sweep.scenario_name.c_str(), observed.size(), c.output.c_str(), c.points_used, c.replicates,
              c.effective_points, c.points_holding_90, c.best_point);
  std::printf("  %-22s %-34s %16s %10s %10s %22s %10s\n", "parameter", "key", "prior", "mean", "sd", "interval", "best");
  // One table for all three kinds of row; a column a kind does not use stays empty.
  CsvWriter csv({"kind", "name", "key", "prior_min", "prior_max", "mean", "sd", "low", "median", "high", "best",
                 "observed_first_year", "observed_last_year", "observed", "level", "effective_points", "covered",
                 "truths"});
  for (const auto& p : c.parameters) {
    char prior[48], interval[48];
    std::snprintf(prior, sizeof prior, "[%g, %g]", p.prior_min, p.prior_max);
    std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", p.low, p.high);
    std::printf("  %-22s %-34s %16s %10.4g %10.4g %22s %10.4g\n", p.name.c_str(), p.key.c_str(), prior, p.mean, p.sd,
                interval, p.best);
    csv.row({"parameter", p.name, p.key, number_text(p.prior_min), number_text(p.prior_max), number_text(p.mean),
             number_text(p.sd), number_text(p.low), number_text(p.median), number_text(p.high), number_text(p.best), "",
             "", "", number_text(level), number_text(c.effective_points), "", ""});
  }
  std::printf("  (intervals: %g %%, each the central %.1f %% of the weight for %.1f effective points)\n", percent,
              100.0 * c.interval_share, c.effective_points);
  std::printf("Fit (best: mean of the best point's replicates; posterior predictive: the weighted points' replicates; "
              "shift sd: between replicates, beyond Poisson):\n");
  std::printf("  %-11s %10s %10s %10s %22s %9s\n", "years", "observed", "best", "mean", "predictive range", "shift sd");
  for (const auto& f : c.fit) {
    char years[32], range[48];
    std::snprintf(years, sizeof years, "%d-%d", f.observation.first_year, f.observation.last_year);
    std::snprintf(range, sizeof range, "[%.1f, %.1f]", f.low, f.high);
    std::printf("  %-11s %10.1f %10.1f %10.1f %22s %8.1f%%\n", years, f.observation.value, f.best, f.mean, range,
                100.0 * f.shift_sd);
    csv.row({"fit", "", "", "", "", number_text(f.mean), "", number_text(f.low), "", number_text(f.high),
             number_text(f.best), std::to_string(f.observation.first_year), std::to_string(f.observation.last_year),
             number_text(f.observation.value), number_text(level), number_text(c.effective_points), "", ""});
  }
  std::fflush(stdout);
  for (const auto& warning : c.warnings) std::cerr << "warning: " << warning << "\n";

  int status = 0;
  if (values.count("coverage")) {
    const CoverageCheck check = leave_one_out_coverage(sweep, output, observed, level);
    std::printf("Coverage (leave one out: %zu truths, each point's first replicate fitted with the other points; a "
                "calibrated method covers %zu-%zu of them, 99 %% binomial range):\n",
                check.truths, check.expected.low, check.expected.high);
    std::printf("  %-22s %10s %10s %16s\n", "parameter", "covered", "share", "mean width");
    for (const auto& p : check.parameters) {
      const bool inside = p.covered >= check.expected.low && p.covered <= check.expected.high;
      std::printf("  %-22s %10zu %9.1f%% %15.1f%% %s\n", p.name.c_str(), p.covered,
                  100.0 * static_cast<double>(p.covered) / static_cast<double>(check.truths), 100.0 * p.mean_width_share,
                  inside ? "" : "outside the range");
      csv.row({"coverage", p.name, "", "", "", "", "", "", "", "", "", "", "", "", number_text(level), "",
               std::to_string(p.covered), std::to_string(check.truths)});
    }
    std::printf("  (mean width: of the %g %% intervals, as a share of the prior range)\n", percent);
    if (!check.compatible()) {
      std::cerr << "error: the intervals do not hold the truth in a share compatible with " << percent
                << " %: they do not report the uncertainty right for this sweep\n";
      status = 1;
    }
  }
  if (values.count("out")) {
    write_text_atomically(values["out"].as<std::string>(), csv.text());
    std::cout << "Table: " << values["out"].as<std::string>() << "\n";
  }
  return status;
}

}  // namespace pneumo::cli
