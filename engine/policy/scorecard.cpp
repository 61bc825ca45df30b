#include "pneumoplan/policy/scorecard.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <sstream>

#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();


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
  return format_quantity(value, kind == IndicatorKind::Share ? "share" : "persons");
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

std::string verdict_label(Verdict verdict, Language language) {
  if (language == Language::English) return verdict_name(verdict);
  switch (verdict) {
    case Verdict::Met: return "达标";
    case Verdict::NotMet: return "未达标";
    case Verdict::Uncertain: return "不确定";
    case Verdict::NotApplicable: return "不适用";
    case Verdict::Input: return "输入值";
  }
  return "?";
}

std::string indicator_unit(const PlanTarget& target) {
  return indicator_info(target.indicator).kind == IndicatorKind::Share ? "share" : target.unit;
}

std::string target_text(const PlanTarget& t, Language language, IncreasingRule rule) {
  if (t.comparator == Comparator::Increasing) {
    return rule == IncreasingRule::NetRise ? std::string(pick(language, "rises (net)", "较规划前净提高"))
                                           : std::string(pick(language, "rises every year", "逐年提高"));
  }
  const std::string value = format_quantity(t.target, indicator_unit(t));
  const bool share = display_unit(indicator_unit(t)).percent;
  std::string out(t.comparator == Comparator::AtLeast ? "≥ " : "≤ ");
  out += value;
  if (!share) {
    out += ' ';
    out += unit_label(indicator_unit(t), language);
  }
  return out;
}

std::string scorecard_csv(const Scorecard& card, Language language) {
  const auto& r = *card.results;
  const bool zh = language == Language::Chinese;
  CsvWriter csv(zh ? std::vector<std::string>{"地区代码", "地区", "规划序号", "指标代码", "指标", "规划原文", "年份",
                                              "目标", "单位", "均值", "第5百分位", "第95百分位", "有值的重复模拟次数",
                                              "逐年上升的重复模拟比例（%）", "结论"}
                   : std::vector<std::string>{"region_code", "region", "indicator_no", "indicator_key", "indicator",
                                              "plan_text_zh", "year", "target", "unit", "mean", "p5", "p95",
                                              "replicates_with_value", "share_rising (%)", "verdict"});
  for (const auto& row : card.rows) {
    const auto& info = indicator_info(row.target.indicator);
    const std::string unit = indicator_unit(row.target);
    csv.row({std::to_string(r.region_codes[row.region]), r.region_name(row.region, language),
             std::to_string(row.target.number), std::string(info.key),
             std::string(zh ? info.name_zh : info.name_en), row.target.text_zh, std::to_string(row.year),
             target_text(row.target, language, card.increasing_rule), unit_label(unit, language), format_scaled(row.mean, unit),
             format_scaled(row.p5, unit), format_scaled(row.p95, unit), std::to_string(row.replicates_with_value),
             row.target.comparator == Comparator::Increasing && !std::isnan(row.mean)
                 ? format_scaled(row.share_meeting, "share")
                 : std::string(),
             verdict_label(row.verdict, language)});
  }
  return csv.text();
}

namespace {

std::string interval_cell(const ScorecardRow& row, Language language) {
  if (std::isnan(row.mean)) return "";
  const std::string unit = indicator_unit(row.target);
  std::string interval = bracketed(format_quantity(row.p5, unit), format_quantity(row.p95, unit));
  if (row.target.comparator == Comparator::Increasing) {
    const std::string share = format_quantity(row.share_meeting, "share");
    interval += language == Language::Chinese ? "；" + share + "的重复模拟逐年上升" : "; rose every year in " + share;
  }
  return interval;
}

}  // namespace

std::string scorecard_markdown(const Scorecard& card, Language language) {
  const auto& r = *card.results;
  const bool zh = language == Language::Chinese;
  std::ostringstream out;
  const bool net = card.increasing_rule == IncreasingRule::NetRise;
  if (zh) {
    out << "# 规划指标评估：" << r.city_name(language) << "\n\n"
        << "各项指标与本市规划目标比较：" << r.replicates << "次重复模拟的均值及90%区间（随机种子" << r.seed
        << "，pneumoplan " << r.program_version << "，提交 `" << r.git_commit << "`"
        << "）。达标：整个区间满足目标；未达标：区间完全不满足；不确定：区间跨越目标；"
        << (net ? "“提高”类指标按较规划前一年净提高的重复模拟比例判断（≥95%为达标）。"
                : "“逐年提高”类指标按规划期内逐年上升的重复模拟比例判断（≥95%为达标）。")
        << "**输入值**：该值来自情景自身的文件（institutions.csv），并非模型结果，仅列出、不作评判。\n";
  } else {
    out << "# Scorecard: " << r.city_name(language) << "\n\n"
        << "Plan indicators against the city's own targets: mean and 90 % interval over " << r.replicates
        << " replicates (seed " << r.seed << ", pneumoplan " << r.program_version << ", commit `" << r.git_commit << "`"
        << "). Verdicts: met when the whole interval meets the target, not met when none of it does, uncertain when "
           "it straddles the target; for \"rises every year\", the share of replicates that rose ("
        << (net ? "a net rise over the year before the plan period" : "in every year of the plan period")
        << "; met at 95 % or more). **input**: the value comes from the scenario's own files (institutions.csv), not "
           "from the model; it is shown, not judged.\n";
  }
  std::size_t current_region = static_cast<std::size_t>(-1);
  for (const auto& row : card.rows) {
    if (row.region != current_region) {
      current_region = row.region;
      out << "\n## " << r.region_name(row.region, language) << "\n\n"
          << (zh ? "| 序号 | 指标 | 年份 | 目标 | 均值 | 90%区间 | 结论 |\n"
                 : "| no. | indicator | year | target | mean | 90 % interval | verdict |\n")
          << "|---|---|---|---|---|---|---|\n";
    }
    const auto& info = indicator_info(row.target.indicator);
    out << "| " << row.target.number << " | " << (zh ? info.name_zh : info.name_en) << " | " << row.year << " | "
        << target_text(row.target, language, card.increasing_rule) << " | "
        << format_quantity(row.mean, indicator_unit(row.target)) << " | " << interval_cell(row, language) << " | **"
        << verdict_label(row.verdict, language) << "** |\n";
  }
  return out.str();
}

std::string scorecard_terminal(const Scorecard& card, Language language) {
  const auto& r = *card.results;
  const bool zh = language == Language::Chinese;
  const std::size_t city = r.region_codes.size() - 1;
  std::ostringstream out;
  if (zh) {
    out << r.city_name(language) << "规划指标评估（" << r.replicates
        << "次重复模拟；结论依据90%区间；输入值：取自情景文件，不作评判）：\n";
  } else {
    out << "Scorecard of " << r.city_name(language) << " against its plan (" << r.replicates
        << " replicates; verdict from the 90 % interval; input: taken from the scenario's files, not judged):\n";
  }
  using A = TextTable::Align;
  TextTable table({{zh ? "序号" : "no."},
                   {zh ? "指标（全市）" : "indicator (city)", A::Left, 44},
                   {zh ? "年份" : "year"},
                   {zh ? "目标" : "target", A::Left},
                   {zh ? "均值" : "mean"},
                   {zh ? "90%区间" : "90% interval", A::Left},
                   {zh ? "结论" : "verdict", A::Left}});
  for (const auto& row : card.rows) {
    if (row.region != city) continue;
    const auto& info = indicator_info(row.target.indicator);
    table.row({std::to_string(row.target.number), std::string(zh ? info.name_zh : info.name_en),
               std::to_string(row.year), target_text(row.target, language, card.increasing_rule),
               format_quantity(row.mean, indicator_unit(row.target)), interval_cell(row, language),
               verdict_label(row.verdict, language)});
  }
  out << table.render();
  if (city == 0) return out.str();
  // Counties: one line per indicator and year, one column per county, a verdict symbol per cell.
  out << (zh ? "\n各区县结论（+ 达标，- 未达标，? 不确定，. 不适用，i 输入值）：\n"
             : "\nCounties (+ met, - not met, ? uncertain, . n/a, i input):\n");
  std::vector<TextTable::Column> columns = {{zh ? "序号" : "no."},
                                            {zh ? "指标" : "indicator", A::Left, 30},
                                            {zh ? "年份" : "year"}};
  for (std::size_t c = 0; c < city; ++c) columns.push_back({r.region_name(c, language), A::Left, 12});
  TextTable counties(columns);
  for (const auto& target : r.targets) {
    for (const int year : card.years) {
      const auto& info = indicator_info(target.indicator);
      std::vector<std::string> cells = {std::to_string(target.number), std::string(zh ? info.name_zh : info.name_en),
                                        std::to_string(year)};
      for (std::size_t c = 0; c < city; ++c) {
        char symbol = '.';
        for (const auto& row : card.rows) {
          if (row.region != c || row.year != year || row.target.indicator != target.indicator) continue;
          symbol = row.verdict == Verdict::Met         ? '+'
                   : row.verdict == Verdict::NotMet    ? '-'
                   : row.verdict == Verdict::Uncertain ? '?'
                   : row.verdict == Verdict::Input     ? 'i'
                                                       : '.';
        }
        cells.emplace_back(1, symbol);
      }
      counties.row(cells);
    }
  }
  out << counties.render();
  return out.str();
}

}  // namespace pneumo
