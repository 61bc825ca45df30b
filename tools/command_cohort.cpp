// pneumoplan cohort FILE --out table.csv: simulate a closed cohort and write its life table by band of
// cumulative exposure.
#include <tbb/global_control.h>

#include <cstdio>
#include <iostream>
#include <thread>

#include "command_line.hpp"
#include "shipped_data.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"

namespace pneumo::cli {

int cohort_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("file", po::value<std::string>(), "Cohort file (INI; docs/cohort-format.md).")
      ("out,o", po::value<std::string>(), "Life table to write (CSV). Written atomically.")
      ("threads,t", po::value<int>(), "Worker threads (default: the CPUs this process may use: its affinity mask or cpuset, a cgroup CPU quota, "
       "SLURM_CPUS_PER_TASK). Results do not depend on it.");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan cohort FILE --out TABLE.csv [--threads T]",
                     "Simulates a closed cohort with the model's exposure-response, latency and mortality and writes "
                     "the life table by band of cumulative exposure: entering, cases, withdrawals, conditional and "
                     "cumulative risk (actuarial method, Greenwood standard error) and the profile's own risk.")) {
    return 0;
  }
  if (!values.count("file")) throw UsageError("expected a cohort file, e.g. 'pneumoplan cohort scenarios/cohorts/tin_miners_chen2001.ini --out tin.csv'");
  if (!values.count("out")) throw UsageError("expected --out TABLE.csv");
  const int threads = thread_count(values);
  const CohortSpec spec = load_cohort_spec(resolve_input_path(values["file"].as<std::string>()));
  check_output_writable(values["out"].as<std::string>());  // fail now, not after the simulation
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads));
  const CohortResult result = simulate_cohort(spec);
  const std::string out = values["out"].as<std::string>();
  write_text_atomically(out, cohort_table_csv(result));

  std::printf("pneumoplan cohort %s: %lld members, profile %s\n", spec.name.c_str(),
              static_cast<long long>(result.members), result.profile.c_str());
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
  std::printf("Life table: %s\n", out.c_str());
  return 0;
}

}  // namespace pneumo::cli
