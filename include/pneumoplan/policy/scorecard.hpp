// The scorecard: for every row of the plan's indicator table, every region (the city, then each county)
// and each evaluation year (mid-term 2023 and final 2025 by default), the indicator's mean and 90 %
// interval over replicates, the target and a verdict:
//   ">=" target: met when the 5th percentile reaches the target, not met when the 95th percentile is below
//                it, uncertain when the interval straddles it ("<=" mirrored);
//   "increasing": the share of replicates in which the value rose every year from the plan's first year
//                (against the year before it) to the evaluation year — met at ≥ 95 %, not met at ≤ 5 %,
//                uncertain between;
//   not applicable when no replicate has a value (e.g. no township reaches the station threshold);
//   input when the run computed the value from the scenario's inputs alone (institutions.csv; the results
//   file's /indicators/from_inputs): shown, not judged.
// How a replicate "rises every year" is the run's scorecard.increasing_rule: every year from the plan's first
// year (the default), or a net rise over the year before the plan's first year.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {

enum class Verdict { Met, NotMet, Uncertain, NotApplicable, Input };

struct ScorecardRow {
  std::size_t region = 0;  // index into the file's regions (the last is the city)
  PlanTarget target;
  int year = 0;
  double mean = 0.0, p5 = 0.0, p95 = 0.0;  // NaN when not applicable
  int replicates_with_value = 0;
  double share_meeting = 0.0;  // "increasing": share of replicates that rose (by the increasing rule)
  bool from_inputs = false;    // the value comes from inputs alone: verdict Input
  Verdict verdict = Verdict::NotApplicable;
};

struct Scorecard {
  const ResultsFile* results = nullptr;
  std::vector<int> years;
  IncreasingRule increasing_rule = IncreasingRule::EveryYear;
  std::vector<ScorecardRow> rows;  // city rows first, then county by county
};

Scorecard build_scorecard(const ResultsFile& results, const std::vector<int>& years);

// One replicate's series, `value(year)` for simulated years: whether it rose by `rule` — every year from the
// plan's first year (against the year before) to `year`, or in `year` above the year before the plan's first
// year — and whether it meets `target` in `year` (NaN never meets).
bool rose(const PlanTarget& target, IncreasingRule rule, int year, int first_simulated_year,
          const std::function<double(int year)>& value);
bool replicate_meets(const PlanTarget& target, IncreasingRule rule, int year, int first_simulated_year,
                     const std::function<double(int year)>& value);
// The run's scorecard.increasing_rule, from its resolved parameters.
IncreasingRule increasing_rule_of(const ResultsFile& results);

std::string verdict_name(Verdict verdict);                          // "met", "not met", "uncertain", "n/a", "input"
std::optional<Verdict> parse_verdict(const std::string& name);     // the inverse of verdict_name
std::string verdict_label(Verdict verdict, Language language);  // verdict_name, or 达标 / 未达标 / 不确定 / 不适用 / 输入值
std::string format_indicator_value(double value, IndicatorKind kind);  // "95.0%", "1,234" or "–"
// The unit an indicator's values are shown in: "share" for shares, else the plan's unit.
std::string indicator_unit(const PlanTarget& target);
// "≥ 95.0%", "≤ 10 persons", "rises every year" / "逐年提高".
// "rises every year" / "rises (net)" follow the run's scorecard.increasing_rule.
std::string target_text(const PlanTarget& target, Language language,
                        IncreasingRule rule = IncreasingRule::EveryYear);
// The scorecard as CSV (UTF-8 with byte-order mark, for Excel), Markdown and a terminal table, in `language`:
// headers, region and indicator names, targets, units and verdicts; shares in per cent, the plan's row numbers.
std::string scorecard_csv(const Scorecard& scorecard, Language language = Language::English);
std::string scorecard_markdown(const Scorecard& scorecard, Language language = Language::English);
std::string scorecard_terminal(const Scorecard& scorecard, Language language = Language::English);

}  // namespace pneumo
