// pneumoplan cohort FILE --out table.csv: simulate a closed cohort and write its life table by band of
// cumulative exposure.
#include <tbb/global_control.h>

#include <cstdio>
#include <iostream>
#include <optional>
#include <thread>

#include "command_line.hpp"
#include "shipped_data.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"
#include "pneumoplan/research/tolerance_fit.hpp"

namespace pneumo::cli {

int cohort_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("file", po::value<std::string>(), "Cohort file (INI; docs/cohort-format.md).")
      ("out,o", po::value<std::string>(), "Life table to write (CSV). Written atomically.")
      ("threads,t", po::value<int>(), "Worker threads (default: the CPUs this process may use: its affinity mask or cpuset, a cgroup CPU quota, "
       "SLURM_CPUS_PER_TASK). Results do not depend on it.")
      ("fit-profile", po::value<std::string>(),
       "Fit a log-logistic tolerance curve in this metric (respirable_silica or respirable_dust) to the file's "
       "published table, with the model's latency, follow-up and mortality, and print E50 and k; the table written "
       "is the cohort under the fitted curve.")
      ("fit-family", po::value<std::string>()->default_value("log_logistic"),
       "With --fit-profile: the curve fitted, log_logistic or weibull.")
      ("fail-on-mismatch", "Exit 1 when a judged band of the published table differs by more than its tolerance.");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan cohort FILE --out TABLE.csv [--threads T] [--fit-profile METRIC] [--fail-on-mismatch]",
                     "Simulates a closed cohort with the model's exposure-response, latency and mortality and writes "
                     "the life table by band of cumulative exposure: entering, cases, withdrawals, conditional and "
                     "cumulative risk (actuarial method, Greenwood standard error) and the profile's own risk. With a published "
                     "table ([validation] published_table) it compares the cumulative risk at every band's lower limit "
                     "and prints the largest difference.")) {
    return 0;
  }
  if (!values.count("file")) throw UsageError("expected a cohort file, e.g. 'pneumoplan cohort scenarios/cohorts/tin_miners_chen2001.ini --out tin.csv'");
  if (!values.count("out")) throw UsageError("expected --out TABLE.csv");
  const int threads = thread_count(values);
  const CohortSpec spec = load_cohort_spec(resolve_input_path(values["file"].as<std::string>()));
  {
    CommandPaths paths;
    paths.input(resolve_input_path(values["file"].as<std::string>()), "the cohort file");
    if (spec.life_table != "builtin_china_wpp2024") paths.input(spec.life_table, "the cohort's life table");
    paths.output(values["out"].as<std::string>(), "--out");
    paths.check();
  }
  check_output_writable(values["out"].as<std::string>());  // fail now, not after the simulation
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  if (values.count("fit-profile") && spec.published.bands.empty()) {
    throw UsageError("--fit-profile needs a published table in the cohort file ([validation] published_table)");
  }
  std::optional<ToleranceFit> fit;
  if (values.count("fit-profile")) {
    const std::string metric = values["fit-profile"].as<std::string>();
    if (metric != "respirable_silica" && metric != "respirable_dust") {
      throw UsageError("--fit-profile: expected respirable_silica or respirable_dust, found '" + metric + "'");
    }
    const std::string family = values["fit-family"].as<std::string>();
    if (family != "log_logistic" && family != "weibull") {
      throw UsageError("--fit-family: expected log_logistic or weibull, found '" + family + "'");
    }
    fit = fit_tolerance_to_published(spec,
                                     metric == "respirable_dust" ? ExposureMetric::RespirableDust : ExposureMetric::RespirableSilica,
                                     family == "weibull" ? ToleranceFamily::Weibull : ToleranceFamily::LogLogistic);
  }
  const CohortResult result = fit ? fit->result : simulate_cohort(spec);
  const std::string out = values["out"].as<std::string>();
  write_text_atomically(out, cohort_table_csv(result));

  std::printf("pneumoplan cohort %s: %lld members, profile %s\n", spec.name.c_str(),
              static_cast<long long>(result.members),
              fit ? ("fitted " + values["fit-family"].as<std::string>()).c_str() : result.profile.c_str());
  std::printf("  median career-mean intensity: %.3g mg/m3 (%s); median years employed: %.1f\n",
              result.median_member_intensity, spec.intensity_metric.c_str(), result.median_years_employed);
  std::printf("  cases of stage I+: %lld (%.1f %%)\n", static_cast<long long>(result.cases),
              100.0 * static_cast<double>(result.cases) / static_cast<double>(result.members));
  if (result.cases > 0) {
    std::printf("  onset after exposure ended: %.1f %% of cases, on average %.1f years after\n",
                100.0 * static_cast<double>(result.cases_after_exposure_ended) / static_cast<double>(result.cases),
                result.mean_years_after_exposure_ended);
    std::printf("  mean years from first exposure to onset: %.1f; mean dust years: %.1f; mean age at onset: %.1f\n",
                result.mean_years_first_exposure_to_onset, result.mean_exposure_years_of_cases,
                result.mean_age_at_onset);
  }
  if (fit) {
    std::printf("  fitted tolerance (%s): scale = %.6g mg/m3*y (%s), k = %.6g; deviance %.2f over %d bands, %d evaluations\n",
                values["fit-family"].as<std::string>().c_str(), fit->scale_mg_m3_y,
                values["fit-profile"].as<std::string>().c_str(), fit->shape, fit->deviance, fit->bands_used,
                fit->evaluations);
  }
  const auto& comparison = result.comparison;
  if (!comparison.bands.empty()) {
    std::printf("  published table %s, cumulative risk at each band's lower limit:\n", spec.published_table.c_str());
    std::printf("    %10s %9s %9s %9s %9s %9s %9s  %s\n", "lower", "at risk", "(sim.)", "published", "simulated",
                "difference", "tolerance", "");
    for (const auto& c : comparison.bands) {
      if (spec.published.has_counts) std::printf("    %10.4g %9.0f ", c.lower_mg_m3_y, c.published_at_risk);
      else std::printf("    %10.4g %9s ", c.lower_mg_m3_y, "-");
      std::printf("%9.0f %9.3f %9.3f %+9.3f ", c.simulated_at_risk,
                  c.published_risk, c.simulated_risk, c.difference);
      if (c.judged) std::printf("%9.3f  %s\n", c.tolerance, c.within ? "ok" : c.accepted ? "accepted misfit" : "OUTSIDE");
      else std::printf("%9s  (fewer than %g at risk: not judged)\n", "", spec.validation_min_at_risk);
    }
    std::printf("  validation: largest |difference| %.3f over %d judged bands; %d outside their tolerance",
                comparison.largest_abs_difference, comparison.judged, comparison.outside);
    if (comparison.accepted > 0) std::printf(" (%d accepted misfits, see the cohort file)", comparison.accepted);
    std::printf("\n");
  }
  std::printf("Life table: %s\n", out.c_str());
  return values.count("fail-on-mismatch") && comparison.outside > 0 ? 1 : 0;
}

}  // namespace pneumo::cli
