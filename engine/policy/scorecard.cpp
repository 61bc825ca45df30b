#include "pneumoplan/policy/scorecard.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <sstream>

#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string comparator_text(Comparator c) {
  return c == Comparator::AtLeast ? ">=" : c == Comparator::AtMost ? "<=" : "increasing";
}

std::string target_text(const PlanTarget& t, IncreasingRule rule) {
  if (t.comparator == Comparator::Increasing) return rule == IncreasingRule::NetRise ? "rises (net)" : "rises every year";
  return comparator_text(t.comparator) + " " + format_indicator_value(t.target, indicator_info(t.indicator).kind);
}

}  // namespace

bool rose(const PlanTarget& target, IncreasingRule rule, int year, int first_simulated_year,
          const std::function<double(int year)>& value) {
  if (rule == IncreasingRule::NetRise) {
    const int before = std::max(target.plan_first_year - 1, first_simulated_year);
    return year > before && value(year) > value(before);
  }
  for (int y = std::max(target.plan_first_year, first_simulated_year + 1); y <= year; ++y) {
    if (!(value(y) > value(y - 1))) return false;
  }
  return true;
}

bool replicate_meets(const PlanTarget& target, IncreasingRule rule, int year, int first_simulated_year,
                     const std::function<double(int year)>& value) {
  const double v = value(year);
  if (std::isnan(v)) return false;
  switch (target.comparator) {
    case Comparator::AtLeast: return v >= target.target;
    case Comparator::AtMost: return v <= target.target;
    case Comparator::Increasing: return rose(target, rule, year, first_simulated_year, value);
  }
  return false;
}

IncreasingRule increasing_rule_of(const ResultsFile& results) {
  const std::string text = results.resolved_parameter("scorecard.increasing_rule");
  for (std::size_t k = 0; k < kIncreasingRuleNames.size(); ++k) {
    if (kIncreasingRuleNames[k] == text) return static_cast<IncreasingRule>(k);
  }
  return IncreasingRule::EveryYear;  // the default when the parameter is absent
}

std::string format_indicator_value(double value, IndicatorKind kind) {
  if (std::isnan(value)) return "n/a";
  char buffer[64];
  if (kind == IndicatorKind::Share) {
    std::snprintf(buffer, sizeof buffer, "%.1f%%", 100.0 * value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  }
  return buffer;
}

std::optional<Verdict> parse_verdict(const std::string& name) {
  for (const Verdict v : {Verdict::Met, Verdict::NotMet, Verdict::Uncertain, Verdict::NotApplicable, Verdict::Input}) {
    if (verdict_name(v) == name) return v;
  }
  return std::nullopt;
}

std::string verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::Met: return "met";
    case Verdict::NotMet: return "not met";
    case Verdict::Uncertain: return "uncertain";
    case Verdict::NotApplicable: return "n/a";
    case Verdict::Input: return "input";
  }
  return "?";
}

Scorecard build_scorecard(const ResultsFile& results, const std::vector<int>& years) {
  Scorecard card;
  card.results = &results;
  card.increasing_rule = increasing_rule_of(results);
  for (const int year : years) {
    if (year >= results.years.front() && year <= results.years.back()) card.years.push_back(year);
  }
  const std::size_t regions = results.region_codes.size();
  const auto year_index = [&](int year) { return static_cast<std::size_t>(year - results.years.front()); };
  // Regions in scorecard order: the city (last region) first.
  std::vector<std::size_t> order = {regions - 1};
  for (std::size_t r = 0; r + 1 < regions; ++r) order.push_back(r);

  std::map<IndicatorId, ResultsArray> arrays;
  for (const auto& target : results.targets) {
    const std::string name = "indicator_" + std::string(indicator_info(target.indicator).key);
    arrays.emplace(target.indicator, results.read_output(name));
  }
  for (const std::size_t region : order) {
    for (const auto& target : results.targets) {
      const ResultsArray& a = arrays.at(target.indicator);
      const std::size_t replicates = a.shape[0], year_count = a.shape[1];
      const auto value = [&](std::size_t r, int year) {
        return a.values[(r * year_count + year_index(year)) * regions + region];
      };
      for (const int year : card.years) {
        ScorecardRow row;
        row.region = region;
        row.target = target;
        row.year = year;
        std::vector<double> values;
        int rising = 0;
        for (std::size_t r = 0; r < replicates; ++r) {
          const double v = value(r, year);
          if (std::isnan(v)) continue;
          values.push_back(v);
          if (target.comparator == Comparator::Increasing) {
            rising += rose(target, card.increasing_rule, year, static_cast<int>(results.years.front()),
                           [&](int y) { return value(r, y); });
          }
        }
        row.replicates_with_value = static_cast<int>(values.size());
        row.from_inputs = results.from_inputs(target.indicator, region);
        if (values.empty()) {
          row.mean = row.p5 = row.p95 = kNaN;
          row.verdict = Verdict::NotApplicable;
          card.rows.push_back(row);
          continue;
        }
        double sum = 0.0;
        for (const double v : values) sum += v;
        row.mean = sum / static_cast<double>(values.size());
        row.p5 = quantile_type7(values, 0.05);
        row.p95 = quantile_type7(values, 0.95);
        switch (target.comparator) {
          case Comparator::AtLeast:
            row.verdict = row.p5 >= target.target ? Verdict::Met : row.p95 < target.target ? Verdict::NotMet : Verdict::Uncertain;
            break;
          case Comparator::AtMost:
            row.verdict = row.p95 <= target.target ? Verdict::Met : row.p5 > target.target ? Verdict::NotMet : Verdict::Uncertain;
            break;
          case Comparator::Increasing:
            row.share_meeting = static_cast<double>(rising) / static_cast<double>(values.size());
            row.verdict = row.share_meeting >= 0.95 ? Verdict::Met
                          : row.share_meeting <= 0.05 ? Verdict::NotMet
                                                      : Verdict::Uncertain;
            break;
        }
        // A value the run took from its inputs is shown, not judged: meeting a target by an input is no
        // result of the model.
        if (row.from_inputs) row.verdict = Verdict::Input;
        card.rows.push_back(row);
      }
    }
  }
  return card;
}

std::string scorecard_csv(const Scorecard& card) {
  const auto& r = *card.results;
  std::ostringstream out;
  out << "region_code,region_zh,region_en,indicator_no,indicator_key,indicator_zh,indicator_en,plan_text_zh,year,"
         "comparator,target,mean,p5,p95,replicates_with_value,share_rising,verdict\n";
  for (const auto& row : card.rows) {
    const auto& info = indicator_info(row.target.indicator);
    // Names are text cells, neutralised against formula injection (csv_text); numbers stay numbers.
    out << r.region_codes[row.region] << ',' << csv_text(r.region_names_zh[row.region]) << ','
        << csv_text(r.region_names_en[row.region]) << ',' << row.target.number << ',' << info.key << ','
        << csv_text(std::string(info.name_zh)) << ',' << csv_text(std::string(info.name_en)) << ','
        << csv_text(row.target.text_zh) << ',' << row.year << ',' << comparator_text(row.target.comparator) << ','
        << number_text(row.target.comparator == Comparator::Increasing ? kNaN : row.target.target) << ','
        << number_text(row.mean) << ',' << number_text(row.p5) << ',' << number_text(row.p95) << ','
        << row.replicates_with_value << ','
        << (row.target.comparator == Comparator::Increasing ? number_text(row.share_meeting) : std::string()) << ','
        << verdict_name(row.verdict) << '\n';
  }
  return out.str();
}

std::string scorecard_markdown(const Scorecard& card) {
  const auto& r = *card.results;
  std::ostringstream out;
  out << "# Scorecard: " << r.scenario_name << "\n\n"
      << "Plan indicators against the city's own targets: mean and 90 % interval over " << r.replicates
      << " replicates (seed " << r.seed << ", pneumoplan " << r.program_version << ", commit " << r.git_commit
      << "). Verdicts: met when the whole interval meets the target, not met when none of it does, uncertain when "
         "it straddles the target; for \"rises every year\", the share of replicates that rose ("
      << (card.increasing_rule == IncreasingRule::NetRise ? "a net rise over the year before the plan period"
                                                          : "in every year of the plan period")
      << "). **input**: the value comes from the scenario's own files (institutions.csv), not from the model; it is "
         "shown, not judged.\n";
  std::size_t current_region = static_cast<std::size_t>(-1);
  for (const auto& row : card.rows) {
    if (row.region != current_region) {
      current_region = row.region;
      out << "\n## " << r.region_names_zh[row.region] << " " << r.region_names_en[row.region] << "\n\n"
          << "| # | indicator | 指标 | year | target | mean | 90 % interval | verdict |\n"
          << "|---|---|---|---|---|---|---|---|\n";
    }
    const auto& info = indicator_info(row.target.indicator);
    std::string interval = std::isnan(row.mean) ? "" : format_indicator_value(row.p5, info.kind) + " – " + format_indicator_value(row.p95, info.kind);
    if (row.target.comparator == Comparator::Increasing && !std::isnan(row.mean)) {
      char share[64];
      std::snprintf(share, sizeof share, " (rose in %.0f%%)", 100.0 * row.share_meeting);
      interval += share;
    }
    out << "| " << row.target.number << " | " << info.name_en << " | " << info.name_zh << " | " << row.year << " | "
        << target_text(row.target, card.increasing_rule) << " | " << format_indicator_value(row.mean, info.kind) << " | " << interval << " | **"
        << verdict_name(row.verdict) << "** |\n";
  }
  return out.str();
}

std::string scorecard_terminal(const Scorecard& card) {
  const auto& r = *card.results;
  const std::size_t city = r.region_codes.size() - 1;
  std::ostringstream out;
  char line[512];
  out << "Scorecard of " << r.scenario_name << " against its plan (" << r.replicates
      << " replicates; verdict from the 90 % interval; input: taken from the scenario's files, not judged):\n";
  std::snprintf(line, sizeof line, "  %-48s %5s %-18s %9s  %-19s %s\n", "indicator (city)", "year", "target", "mean",
                "90% interval", "verdict");
  out << line;
  for (const auto& row : card.rows) {
    if (row.region != city) continue;
    const auto& info = indicator_info(row.target.indicator);
    const std::string interval = std::isnan(row.mean) ? "" : format_indicator_value(row.p5, info.kind) + " - " + format_indicator_value(row.p95, info.kind);
    std::snprintf(line, sizeof line, "  %-48.48s %5d %-18s %9s  %-19s %s\n", std::string(info.name_en).c_str(),
                  row.year, target_text(row.target, card.increasing_rule).c_str(), format_indicator_value(row.mean, info.kind).c_str(),
                  interval.c_str(), verdict_name(row.verdict).c_str());
    out << line;
  }
  // Counties: one line per indicator and year, with a verdict symbol per county.
  out << "  counties (" ;
  for (std::size_t c = 0; c < city; ++c) out << (c ? " " : "") << r.region_names_en[c];
  out << "): + met, - not met, ? uncertain, . n/a, i input\n";
  for (const auto& target : r.targets) {
    for (const int year : card.years) {
      std::string symbols;
      for (const auto& row : card.rows) {
        if (row.region == city || row.year != year || row.target.indicator != target.indicator) continue;
        symbols += row.verdict == Verdict::Met         ? '+'
                   : row.verdict == Verdict::NotMet    ? '-'
                   : row.verdict == Verdict::Uncertain ? '?'
                   : row.verdict == Verdict::Input     ? 'i'
                                                       : '.';
      }
      std::snprintf(line, sizeof line, "  %-48.48s %5d %s\n", std::string(indicator_info(target.indicator).name_en).c_str(),
                    year, symbols.c_str());
      out << line;
    }
  }
  return out.str();
}

}  // namespace pneumo
