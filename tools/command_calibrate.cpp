// pneumoplan calibrate SWEEP.h5 --observed FILE.csv --output NAME: approximate Bayesian computation by
// rejection over a sweep's points against an observed series of counts.
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

namespace pneumo::cli {

int calibrate_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("sweep", po::value<std::string>(), "Sweep result over the prior ranges (an lhs or sobol design).")
      ("observed", po::value<std::string>(), "CSV of observed counts: first_year,last_year,value[,source].")
      ("output", po::value<std::string>()->default_value("new_diagnoses"),
       "The sweep output the observations count (city level), e.g. new_diagnoses.")
      ("accept", po::value<double>()->default_value(0.1, "0.1"), "Share of the points with the smallest deviance accepted.")
      ("out,o", po::value<std::string>(), "Also write the posterior and the fit as CSV.");
  po::positional_options_description positional;
  positional.add("sweep", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan calibrate SWEEP.h5 --observed FILE.csv [--output NAME] [--accept 0.1] [--out FILE.csv]",
                     "Fits the swept parameters to observed counts by approximate Bayesian computation (rejection): "
                     "the points whose simulated counts (mean over replicates) have the smallest Poisson deviance "
                     "from the observations approximate the posterior (docs/research.md).")) {
    return 0;
  }
  if (!values.count("sweep") || !values.count("observed")) throw UsageError("expected SWEEP.h5 and --observed FILE.csv");
  const double accept = values["accept"].as<double>();
  if (!(accept > 0.0 && accept <= 1.0)) throw UsageError("--accept: expected a share in (0, 1]");
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
  const CalibrationResult c = calibrate(sweep, values["output"].as<std::string>(), observed, accept);

  std::printf("Calibration of %s to %zu observations of %s: ABC rejection, %zu of %zu points accepted (deviance <= %.4g; "
              "best %.4g at point %zu)\n",
              sweep.scenario_name.c_str(), observed.size(), c.output.c_str(), c.accepted, c.points_used,
              c.acceptance_deviance, c.best_deviance, c.best_point);
  std::printf("  %-22s %-34s %16s %10s %10s %22s %10s\n", "parameter", "key", "prior", "mean", "sd", "90% interval", "best");
  CsvWriter csv({"kind", "name", "key", "prior_min", "prior_max", "mean", "sd", "p5", "p50", "p95", "best",
                 "observed_first_year", "observed_last_year", "observed"});
  for (const auto& p : c.parameters) {
    char prior[48], interval[48];
    std::snprintf(prior, sizeof prior, "[%g, %g]", p.prior_min, p.prior_max);
    std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", p.p5, p.p95);
    std::printf("  %-22s %-34s %16s %10.4g %10.4g %22s %10.4g\n", p.name.c_str(), p.key.c_str(), prior, p.mean, p.sd,
                interval, p.best);
    csv.row({"parameter", p.name, p.key, number_text(p.prior_min), number_text(p.prior_max), number_text(p.mean),
             number_text(p.sd), number_text(p.p5), number_text(p.p50), number_text(p.p95), number_text(p.best), "", "",
             ""});
  }
  std::printf("Fit (simulated mean over each point's replicates; accepted points' mean and 90%% range):\n");
  std::printf("  %-11s %10s %10s %10s %22s\n", "years", "observed", "best", "mean", "90% range");
  for (const auto& f : c.fit) {
    char years[32], range[48];
    std::snprintf(years, sizeof years, "%d-%d", f.observation.first_year, f.observation.last_year);
    std::snprintf(range, sizeof range, "[%.1f, %.1f]", f.p5, f.p95);
    std::printf("  %-11s %10.1f %10.1f %10.1f %22s\n", years, f.observation.value, f.best, f.mean, range);
    csv.row({"fit", "", "", "", "", number_text(f.mean), "", number_text(f.p5), "", number_text(f.p95),
             number_text(f.best), std::to_string(f.observation.first_year), std::to_string(f.observation.last_year),
             number_text(f.observation.value)});
  }
  if (values.count("out")) {
    write_text_atomically(values["out"].as<std::string>(), csv.text());
    std::cout << "Table: " << values["out"].as<std::string>() << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
