// pneumoplan survival: survival of diagnosed patients by stage at diagnosis — from a results file (median and
// survival at 5, 10, 20 and 30 years, mean and 90 % interval over replicates), or with --patients from the
// disease course of a scenario alone (how the mortality defaults are checked against published medians).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "command_line.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/survival_after_diagnosis.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace pneumo::cli {
namespace {

// Mean and the 5th and 95th percentiles of the finite values (nearest rank), NaN when there are none.
std::array<double, 3> mean_and_interval(std::vector<double> values) {
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  const double nan = std::nan("");
  if (values.empty()) return {nan, nan, nan};
  std::sort(values.begin(), values.end());
  const auto rank = [&](double p) {
    return values[static_cast<std::size_t>(std::clamp(std::ceil(p * static_cast<double>(values.size())) - 1.0, 0.0,
                                                      static_cast<double>(values.size() - 1)))];
  };
  return {std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size()), rank(0.05),
          rank(0.95)};
}

void print_value(double value, const char* format) {
  if (std::isfinite(value)) std::printf(format, value);
  else std::printf("%*s", 8, "-");
}

int survival_from_file(const std::string& path, const po::variables_map& values) {
  const ResultsFile results = open_results_file(path);
  int first = static_cast<int>(results.years.front()), last = static_cast<int>(results.years.back());
  if (values.count("period")) std::tie(first, last) = parse_year_span(values["period"].as<std::string>(), "--period");
  const StageSurvival survival = survival_from_results(results, first, last);
  std::printf("Survival after diagnosis by stage at diagnosis, %s, at-risk years %d-%d, %lld replicates\n",
              results.scenario_name.c_str(), first, last, static_cast<long long>(results.replicates));
  std::printf("(whole years after the year of diagnosis; mean over replicates [5th-95th percentile])\n");
  std::printf("%-6s %10s %24s %22s %22s %22s\n", "stage", "patients", "median years", "5-year", "10-year", "20-year");
  for (std::size_t s = 0; s < kStageCount; ++s) {
    const auto& reps = survival.replicates[s];
    std::vector<double> medians, s5, s10, s20, patients;
    for (const auto& c : reps) {
      medians.push_back(c.median_years());
      s5.push_back(c.at(5));
      s10.push_back(c.at(10));
      s20.push_back(c.at(20));
      patients.push_back(c.patients);
    }
    std::printf("%-6s %10.0f ", kStageNames[s].data(), mean_and_interval(patients)[0]);
    for (const auto& v : {mean_and_interval(medians), mean_and_interval(s5), mean_and_interval(s10), mean_and_interval(s20)}) {
      std::printf("  ");
      print_value(v[0], "%6.2f");
      std::printf(" [");
      print_value(v[1], "%.2f");
      std::printf("-");
      print_value(v[2], "%.2f");
      std::printf("]");
    }
    std::printf("\n");
  }
  std::printf("A median shown as '-' was not reached within the simulated years.\n");
  return 0;
}

int survival_of_patients(const std::string& directory, const po::variables_map& values) {
  std::vector<std::string> sets;
  if (values.count("set")) sets = values["set"].as<std::vector<std::string>>();
  const Scenario scenario = load_scenario(directory, sets);
  PatientCohortSpec spec;
  spec.age_mean_years = values["age-mean"].as<double>();
  spec.age_sd_years = values["age-sd"].as<double>();
  std::tie(spec.first_diagnosis_year, spec.last_diagnosis_year) =
      parse_year_span(values["diagnosed"].as<std::string>(), "--diagnosed");
  spec.patients_per_stage = values["count"].as<std::int64_t>();
  spec.female_share = values["female-share"].as<double>();
  if (spec.patients_per_stage < 100 || spec.patients_per_stage > 10'000'000) {
    throw UsageError("--count: expected a whole number in [100, 10000000]");
  }
  if (!(spec.age_mean_years >= 20 && spec.age_mean_years <= 85) || !(spec.age_sd_years >= 0 && spec.age_sd_years <= 30)) {
    throw UsageError("--age-mean: expected 20 to 85 years and --age-sd 0 to 30");
  }
  if (!(spec.female_share >= 0 && spec.female_share <= 1)) throw UsageError("--female-share: expected a share in [0, 1]");
  const PatientCohortSurvival out = simulate_patient_survival(spec, scenario.parameters, scenario.life_table.periods());
  std::printf("Survival after diagnosis of %lld patients per stage diagnosed at age %.1f +- %.1f in %d-%d (%s disease "
              "course: progression and mortality as in the scenario)\n",
              static_cast<long long>(spec.patients_per_stage), spec.age_mean_years, spec.age_sd_years,
              spec.first_diagnosis_year, spec.last_diagnosis_year, scenario.name.c_str());
  std::printf("%-6s %8s %8s %8s %8s   %s\n", "stage", "median", "10-year", "20-year", "30-year",
              "median by age at diagnosis <40 / 40-49 / 50-59 / 60+");
  for (std::size_t s = 0; s < kStageCount; ++s) {
    const auto& c = out.by_stage[s];
    std::printf("%-6s ", kStageNames[s].data());
    for (const double v : {c.median_years(), c.at(10), c.at(20), c.at(30)}) {
      print_value(v, "%8.3f");
      std::printf(" ");
    }
    std::printf("  ");
    for (std::size_t g = 0; g < 4; ++g) {
      print_value(out.median_by_age_group[s][g], "%5.1f");
      std::printf(g < 3 ? " / " : "\n");
    }
  }
  return 0;
}

}  // namespace

int survival_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("file", po::value<std::string>(), "Results file (HDF5) of pneumoplan run.")
      ("period", po::value<std::string>(), "Count at-risk years only in FIRST-LAST (default: every simulated year).")
      ("patients", po::value<std::string>(),
       "Instead of a results file: follow patients diagnosed at each stage through the disease course of this "
       "scenario folder (progression, stage mortality, its life table).")
      ("set", po::value<std::vector<std::string>>(), "With --patients: override a scenario.ini key (section.key=value).")
      ("age-mean", po::value<double>()->default_value(48.0, "48"), "With --patients: mean age at diagnosis (years).")
      ("age-sd", po::value<double>()->default_value(8.0, "8"), "With --patients: SD of the age at diagnosis.")
      ("diagnosed", po::value<std::string>()->default_value("1985-2000"), "With --patients: years of diagnosis FIRST-LAST.")
      ("female-share", po::value<double>()->default_value(0.0, "0"), "With --patients: share of women.")
      ("count", po::value<std::int64_t>()->default_value(20000), "With --patients: patients per stage.");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values,
                     "pneumoplan survival FILE.h5 [--period FIRST-LAST]\n"
                     "       pneumoplan survival --patients DIR [--age-mean Y --age-sd Y --diagnosed FIRST-LAST --count N]",
                     "Survival of diagnosed patients by stage at diagnosis: median years and survival at 5, 10 and 20 "
                     "years from a results file (mean and 90 % interval over replicates), or from the disease course "
                     "of a scenario alone (--patients).")) {
    return 0;
  }
  if (values.count("patients")) {
    if (values.count("file")) throw UsageError("give a results file or --patients DIR, not both");
    return survival_of_patients(values["patients"].as<std::string>(), values);
  }
  if (!values.count("file")) throw UsageError("expected a results file or --patients DIR");
  return survival_from_file(values["file"].as<std::string>(), values);
}

}  // namespace pneumo::cli
