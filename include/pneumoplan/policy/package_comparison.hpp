// Policy packages side by side on common random numbers. Every package runs the same replicates with the
// same seed, so replicate r of each package has the same workers drawing the same numbers for the same
// purposes; the difference between two packages in replicate r shows the policy, not the noise. For each
// package and outcome (city level): the value over replicates (mean, 90 % interval), the paired difference
// against the baseline package (mean and 90 % interval of the replicate-by-replicate differences), cases
// and deaths averted, the cost per case averted, and the cost-effectiveness and budget impact of each package.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/policy/cost_effectiveness.hpp"
#include "pneumoplan/policy/replicate_interval.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// How an outcome is read from a replicate's outputs (city level).
enum class OutcomeReading : std::uint8_t {
  SumOverPeriod,  // summed over the period's years (and over stages, where the output has them)
  AtPeriodEnd,    // the value in the period's last year
  AtTargetYear,   // the value in the plan's final year (indicators)
};

struct ComparisonOutcome {
  std::string name, label_en, label_zh, unit;
  OutputId output;
  OutcomeReading reading;
  bool stage_one_only = false;  // new_cases_true: onsets (entries into stage I) only
  std::vector<OutputId> plus = {};  // outputs added to `output` (the coverage groups of one measure)
  // Indicators: the plan's target and how it is judged (">=", "<=", "increasing"); NaN and "" otherwise.
  double target = std::numeric_limits<double>::quiet_NaN();
  std::string comparator = {};
};

// How `reading` reads over `first`-`last` (target year `target_year`): "sum 2021-2035" / "2021–2035年合计",
// "at the end of 2035" / "2035年末", "in 2025" / "2025年".
std::string reading_text(OutcomeReading reading, int first, int last, int target_year, Language language);

// The outcomes every comparison reports, then one per indicator of the plan's table.
std::vector<ComparisonOutcome> comparison_outcomes(const Scenario& scenario);


struct PackageComparison {
  std::string scenario_name, baseline;
  std::string city_name_zh, city_name_en;  // display names (scenario.ini [city])
  std::uint64_t seed = 0;
  std::int64_t replicates = 0;
  int period_first_year = 0, period_last_year = 0, target_year = 0;
  std::vector<std::string> packages, labels_en, labels_zh;
  std::vector<ComparisonOutcome> outcomes;
  std::vector<std::vector<std::vector<double>>> per_replicate;  // [package][outcome][replicate]
  std::vector<std::vector<Interval>> value, difference;         // [package][outcome]
  std::vector<Interval> cases_averted, deaths_averted, incremental_cost_rmb;  // [package], paired
  std::vector<double> cost_per_case_averted_rmb;  // mean incremental cost ÷ mean cases averted; NaN if none averted
  // DALYs, QALYs, costs by payer, ICERs, net monetary benefit and budget impact (cost_effectiveness.hpp)
  CostEffectiveness economics;

  // Which of the plan's targets each package meets in the target year (city level; the scorecard's verdicts,
  // filled in by whoever scored each package's results file).
  std::vector<PlanTarget> targets;
  std::vector<std::vector<Verdict>> verdicts;  // [package][target]
  std::vector<std::string> results_files;      // [package]: its results file, beside the comparison file
};

// Reads outcome `o` of one replicate.
double read_outcome(const ComparisonOutcome& o, const ReplicateResults& r, int first_year, int period_first_year,
                    int period_last_year, int target_year);

// `runs[p]` holds package p's replicates (same seed, same replicate numbers); packages[0] is the baseline.
// `wtp`: the willingness-to-pay thresholds of the cost-effectiveness analysis (empty: 1 and 3 × GDP per capita).
PackageComparison compare_packages(const Scenario& scenario, const std::vector<std::string>& packages,
                                   const std::vector<std::vector<ReplicateResults>>& runs, std::uint64_t seed,
                                   int period_first_year, int period_last_year, int target_year,
                                   const WillingnessToPay& wtp = {});

}  // namespace pneumo
