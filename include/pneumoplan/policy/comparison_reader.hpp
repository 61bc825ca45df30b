// Reads comparison.h5, written by `pneumoplan compare`: policy packages of one scenario run on common
// random numbers, side by side. Layout (format "pneumoplan-comparison", version 3, sealed as in file_seal.hpp):
//   root attributes: format, format_version, scenario_name, city_name_zh, city_name_en, program_version,
//     git_commit, seed, replicates, baseline (the baseline package's name), period_first_year,
//     period_last_year (the period over which counts are summed), target_year (indicators read);
//   /packages/{name,label_en,label_zh,results_file} [P] strings (results_file relative to the comparison's folder);
//   /outcomes/{name,label_en,label_zh,unit,reading,comparator} [O] strings, /outcomes/target [O] float64
//     (reading: "sum over period", "at period end", "in target year"; target NaN and comparator "" where none);
//   /averted/{true_new_cases,pneumoconiosis_deaths,incremental_cost_rmb}/{mean,p5,p95} [P] float64 and
//     /averted/cost_per_case_averted_rmb [P] float64: against the baseline, paired by replicate;
//   /value/{mean,p5,p95} [P][O] float64: each package's outcome over replicates;
//   /difference/{mean,p5,p95} [P][O] float64: package minus baseline, paired by replicate;
//   /verdicts/indicator_key [K], /verdicts/year [K] int64, /verdicts/verdict [P][K] strings
//     ("met", "not met", "uncertain", "n/a").
// Anything else is refused with InputError naming the file and the dataset.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "pneumoplan/policy/comparison_file.hpp"  // kComparisonFormatVersion, defined once
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/scenario/indicator.hpp"

namespace pneumo {


struct ComparisonPackage {
  std::string name, label_en, label_zh;
  std::string results_file;  // as stored: relative to the comparison file's folder
};

// An outcome as a comparison file lists it (package_comparison.hpp has the one compare computes).
struct ComparisonFileOutcome {
  std::string name, label_en, label_zh, unit;
  OutcomeReading reading = OutcomeReading::SumOverPeriod;
  double target = std::numeric_limits<double>::quiet_NaN();  // indicators: the plan's target
  std::string comparator = {};                                // ">=", "<=", "increasing" or ""
};

// An interval per package.
struct PackageIntervals {
  std::vector<double> mean, p5, p95;
};

// An [package][outcome] table of means and 90 % intervals.
struct PackageOutcomeTable {
  std::vector<double> mean, p5, p95;  // row-major, package by package
};

struct ComparisonVerdictColumn {
  IndicatorId indicator;
  int year = 0;
};

struct ComparisonFile {
  std::string path;
  std::string scenario_name, program_version, git_commit, baseline;
  std::string city_name_zh, city_name_en;
  std::int64_t seed = 0, replicates = 0;
  int period_first_year = 0, period_last_year = 0, target_year = 0;
  std::vector<ComparisonPackage> packages;
  std::vector<ComparisonFileOutcome> outcomes;
  PackageOutcomeTable value, difference;
  // Against the baseline, paired by replicate, summed over the period (/averted).
  PackageIntervals cases_averted, deaths_averted, incremental_cost_rmb;
  std::vector<double> cost_per_case_averted_rmb;  // [P]; NaN where nothing was averted
  // The cost-effectiveness analysis (/economics): discounted health and cost to every payer against the baseline.
  double discount_rate_per_year = 0.0;
  int discount_reference_year = 0, price_year = 0;
  PackageIntervals dalys_averted, qalys_gained, incremental_cost_discounted_rmb;
  PackageIntervals icer_rmb_per_daly_averted, icer_rmb_per_qaly_gained;  // mean = the ratio; NaN without one
  std::vector<std::string> icer_daly_status, icer_qaly_status;            // [P] "ratio", "dominant", ...
  std::vector<ComparisonVerdictColumn> verdict_columns;
  std::vector<Verdict> verdicts;  // [package][verdict column]

  std::size_t baseline_index() const;  // the package named `baseline`
  const std::string& city_name(Language language) const {
    return language == Language::Chinese ? city_name_zh : city_name_en;
  }
  std::size_t cell(std::size_t package, std::size_t outcome) const { return package * outcomes.size() + outcome; }
  Verdict verdict(std::size_t package, std::size_t column) const {
    return verdicts[package * verdict_columns.size() + column];
  }
  // The package's results file as a path usable from here (joined to the comparison file's folder).
  std::string results_path(std::size_t package) const;
};

ComparisonFile open_comparison_file(const std::string& path);

}  // namespace pneumo
