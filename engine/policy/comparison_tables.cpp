// CSV, Markdown and terminal tables of a package comparison, in English or Chinese, with the numbers of
// core/number_format.hpp in the units of outputs/display_unit.hpp (money in 万元, shares in per cent,
// differences of shares in percentage points). Outcomes are listed as the comparison holds them, so any new
// outcome row appears in every table without a special case.
#include <cmath>
#include <sstream>

#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/policy/comparison_economics.hpp"
#include "pneumoplan/policy/comparison_file.hpp"

namespace pneumo {
namespace {

const std::string& label(const std::vector<std::string>& en, const std::vector<std::string>& zh, std::size_t i,
                         Language language) {
  return language == Language::Chinese ? zh[i] : en[i];
}

const std::string& outcome_label(const ComparisonOutcome& o, Language language) {
  return language == Language::Chinese ? o.label_zh : o.label_en;
}

std::string city(const PackageComparison& c, Language language) {
  return language == Language::Chinese ? c.city_name_zh : c.city_name_en;
}

std::string reading(const PackageComparison& c, const ComparisonOutcome& o, Language language) {
  return reading_text(o.reading, c.period_first_year, c.period_last_year, c.target_year, language);
}

std::string period(const PackageComparison& c, Language language) {
  return reading_text(OutcomeReading::SumOverPeriod, c.period_first_year, c.period_last_year, c.target_year, language);
}

std::string interval(const Interval& i, const std::string& unit, Language language, bool difference = false,
                     bool with_label = false) {
  return format_interval(i.mean, i.p5, i.p95, unit, language, difference, with_label);
}

// "P2": a package's column in the terminal tables.
std::string package_code(std::size_t p) {
  std::string code(1, 'P');
  code += std::to_string(p);
  return code;
}

// The health gains and costs every comparison derives from its outcomes, as rows like the outcomes'.
struct DerivedRow {
  std::string name, label_en, label_zh, unit;
  const std::vector<Interval>* values;
};

std::vector<DerivedRow> derived_rows(const PackageComparison& c, std::vector<Interval>& cost_per_case) {
  cost_per_case.clear();
  for (const double v : c.cost_per_case_averted_rmb) cost_per_case.push_back({v, std::nan(""), std::nan("")});
  return {{"true_new_cases_averted", "True new cases averted", "避免的真实新发病例", "persons", &c.cases_averted},
          {"pneumoconiosis_deaths_averted", "Pneumoconiosis deaths averted", "避免的尘肺病死亡", "persons",
           &c.deaths_averted},
          {"incremental_cost_rmb", "Incremental cost", "增量费用", "RMB", &c.incremental_cost_rmb},
          {"cost_per_case_averted_rmb", "Cost per true case averted", "每避免一例真实新发病例的费用", "RMB",
           &cost_per_case}};
}

}  // namespace

std::string comparison_csv(const PackageComparison& c, Language language) {
  const bool zh = language == Language::Chinese;
  CsvWriter csv(zh ? std::vector<std::string>{"方案代码", "方案", "结果代码", "结果指标", "计算方式", "单位", "均值",
                                              "第5百分位", "第95百分位", "与基线之差均值", "与基线之差第5百分位",
                                              "与基线之差第95百分位", "差值单位"}
                   : std::vector<std::string>{"package", "package_label", "outcome", "outcome_label", "reading", "unit",
                                              "mean", "p5", "p95", "difference_mean", "difference_p5",
                                              "difference_p95", "difference_unit"});
  const auto row = [&](std::size_t p, const std::string& name, const std::string& outcome_text, const std::string& how,
                       const std::string& unit, const Interval& value, const Interval* difference) {
    csv.row({c.packages[p], label(c.labels_en, c.labels_zh, p, language), name, outcome_text, how,
             unit_label(unit, language), format_scaled(value.mean, unit), format_scaled(value.p5, unit),
             format_scaled(value.p95, unit), difference ? format_scaled(difference->mean, unit, true) : "",
             difference ? format_scaled(difference->p5, unit, true) : "",
             difference ? format_scaled(difference->p95, unit, true) : "",
             difference ? unit_label(unit, language, true) : ""});
  };
  std::vector<Interval> cost_per_case;
  const auto derived = derived_rows(c, cost_per_case);
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
      const auto& outcome = c.outcomes[o];
      row(p, outcome.name, outcome_label(outcome, language), reading(c, outcome, language), outcome.unit,
          c.value[p][o], &c.difference[p][o]);
    }
    if (p == 0) continue;  // the baseline averts nothing against itself
    for (const auto& d : derived) {
      row(p, d.name, zh ? d.label_zh : d.label_en, period(c, language), d.unit, (*d.values)[p], nullptr);
    }
  }
  if (!c.economics.empty()) economics_csv_rows(csv, c, language);
  return csv.text();
}

std::string comparison_markdown(const PackageComparison& c, Language language) {
  const bool zh = language == Language::Chinese;
  std::ostringstream out;
  if (zh) {
    out << "# 政策方案比较：" << city(c, language) << "\n\n"
        << c.replicates << "次重复模拟，随机种子" << c.seed
        << "，共同随机数（各方案第r次重复模拟的工人及随机抽样相同）。数值为重复模拟均值及90%区间；差值与"
        << c.labels_zh[0] << "逐次配对计算。计数为" << period(c, language) << "；指标为" << c.target_year
        << "年值。金额单位为万元，比例为百分比，比例之差为百分点。\n\n";
    out << "## 方案\n\n| 代码 | 方案 |\n|---|---|\n";
  } else {
    out << "# Policy packages compared: " << city(c, language) << "\n\n"
        << c.replicates << " replicates, seed " << c.seed
        << ", common random numbers (replicate r of every package has the same workers and the same draws). "
           "Values are means with 90 % intervals over replicates; differences are paired against "
        << c.labels_en[0] << " replicate by replicate. Counts are the " << period(c, language)
        << "; indicators are read in " << c.target_year
        << ". Money in 10,000 RMB (万元), shares in per cent, differences of shares in percentage points.\n\n";
    out << "## Packages\n\n| name | package |\n|---|---|\n";
  }
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    out << "| `" << c.packages[p] << "` | " << label(c.labels_en, c.labels_zh, p, language) << " |\n";
  }
  out << (zh ? "\n## 结果指标\n" : "\n## Outcomes\n");
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    const auto& outcome = c.outcomes[o];
    out << "\n### " << outcome_label(outcome, language) << (zh ? "（" : " (") << reading(c, outcome, language)
        << (zh ? "，" : ", ") << unit_label(outcome.unit, language) << (zh ? "）" : ")") << "\n\n"
        << (zh ? "| 方案 | 均值 [90%区间] | 与基线之差 [90%区间] |\n" : "| package | mean [90 % interval] | difference from the baseline [90 % interval] |\n")
        << "|---|---|---|\n";
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      out << "| " << label(c.labels_en, c.labels_zh, p, language) << " | " << interval(c.value[p][o], outcome.unit, language)
          << " | "
          << (p == 0 ? std::string(kMissingNumber)
                     : interval(c.difference[p][o], outcome.unit, language, true, display_unit(outcome.unit).percent))
          << " |\n";
    }
  }
  std::vector<Interval> cost_per_case;
  const auto derived = derived_rows(c, cost_per_case);
  out << "\n## " << (zh ? "健康收益与费用，" : "Health gain and cost, ") << period(c, language) << "\n\n|"
      << (zh ? " 方案 |" : " package |");
  for (const auto& d : derived) {
    out << ' ' << (zh ? d.label_zh : d.label_en) << (zh ? "（" : " (") << unit_label(d.unit, language) << (zh ? "）" : ")") << " |";
  }
  out << "\n|---|";
  for (std::size_t k = 0; k < derived.size(); ++k) out << "---|";
  out << '\n';
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "| " << label(c.labels_en, c.labels_zh, p, language) << " |";
    for (const auto& d : derived) out << ' ' << interval((*d.values)[p], d.unit, language) << " |";
    out << '\n';
  }
  if (!c.economics.empty()) out << economics_markdown(c, language);
  if (!c.targets.empty()) {
    out << "\n## " << (zh ? std::to_string(c.target_year) + "年目标（全市；依据90%区间判断）"
                          : std::to_string(c.target_year) + " targets (city; verdicts from the 90 % interval)")
        << "\n\n" << (zh ? "| 序号 | 指标 | 目标 |" : "| no. | indicator | target |");
    for (std::size_t p = 0; p < c.packages.size(); ++p) out << ' ' << label(c.labels_en, c.labels_zh, p, language) << " |";
    out << "\n|---|---|---|";
    for (std::size_t p = 0; p < c.packages.size(); ++p) out << "---|";
    out << '\n';
    for (std::size_t k = 0; k < c.targets.size(); ++k) {
      const auto& t = c.targets[k];
      const auto& info = indicator_info(t.indicator);
      out << "| " << t.number << " | " << (zh ? info.name_zh : info.name_en) << " | " << target_text(t, language) << " |";
      for (std::size_t p = 0; p < c.packages.size(); ++p) out << ' ' << verdict_label(c.verdicts[p][k], language) << " |";
      out << '\n';
    }
  }
  return out.str();
}

std::string comparison_terminal(const PackageComparison& c, Language language) {
  const bool zh = language == Language::Chinese;
  std::ostringstream out;
  if (zh) {
    out << city(c, language) << "各方案共同随机数比较（" << c.replicates << "次重复模拟；均值 [90%区间]；差值与"
        << c.labels_zh[0] << "逐次配对）：\n";
  } else {
    out << "Packages of " << city(c, language) << " on common random numbers (" << c.replicates
        << " replicates; mean [90% interval]; differences paired against " << c.labels_en[0] << "):\n";
  }
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    out << "  " << package_code(p) << " = " << label(c.labels_en, c.labels_zh, p, language) << "\n";
  }
  using A = TextTable::Align;
  std::vector<TextTable::Column> level_columns = {{zh ? "结果指标" : "outcome", A::Left, 36},
                                                  {zh ? "计算方式" : "reading", A::Left},
                                                  {zh ? "单位" : "unit", A::Left}};
  for (std::size_t p = 0; p < c.packages.size(); ++p) level_columns.push_back({package_code(p)});
  TextTable levels(level_columns);
  std::vector<TextTable::Column> difference_columns = {{zh ? "结果指标" : "outcome", A::Left, 36},
                                                       {zh ? "单位" : "unit", A::Left}};
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    std::string header(1, 'P');  // appended: GCC 12 warns falsely (-Wrestrict) about "P" + std::string
    header += std::to_string(p);
    header += zh ? " − P0" : " - P0";
    difference_columns.push_back({header});
  }
  TextTable differences(difference_columns);
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    const auto& outcome = c.outcomes[o];
    std::vector<std::string> level = {outcome_label(outcome, language), reading(c, outcome, language),
                                      unit_label(outcome.unit, language)};
    std::vector<std::string> difference = {outcome_label(outcome, language), unit_label(outcome.unit, language, true)};
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      level.push_back(format_quantity(c.value[p][o].mean, outcome.unit));
      if (p > 0) difference.push_back(interval(c.difference[p][o], outcome.unit, language, true));
    }
    levels.row(level);
    differences.row(difference);
  }
  out << (zh ? "\n各方案均值：\n" : "\nMeans:\n") << levels.render();
  out << (zh ? "\n与基线之差（配对）[90%区间]：\n" : "\nPaired differences from the baseline [90% interval]:\n")
      << differences.render();

  std::vector<Interval> cost_per_case;
  const auto derived = derived_rows(c, cost_per_case);
  std::vector<TextTable::Column> gain_columns = {{zh ? "方案" : "package", A::Left}};
  for (const auto& d : derived) {
    gain_columns.push_back({(zh ? d.label_zh : d.label_en) + (zh ? "（" : " (") + unit_label(d.unit, language) + (zh ? "）" : ")")});
  }
  TextTable gains(gain_columns);
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    std::vector<std::string> cells = {package_code(p)};
    for (const auto& d : derived) cells.push_back(interval((*d.values)[p], d.unit, language));
    gains.row(cells);
  }
  out << "\n" << (zh ? "健康收益与费用，" : "Health gain and cost, ") << period(c, language) << (zh ? "：\n" : ":\n")
      << gains.render();
  if (!c.economics.empty()) out << economics_terminal(c, language);
  if (!c.targets.empty()) {
    std::vector<TextTable::Column> target_columns = {{zh ? "序号" : "no."},
                                                     {zh ? "指标（全市）" : "indicator (city)", A::Left, 36},
                                                     {zh ? "目标" : "target", A::Left}};
    for (std::size_t p = 0; p < c.packages.size(); ++p) target_columns.push_back({package_code(p), A::Left});
    TextTable targets(target_columns);
    for (std::size_t k = 0; k < c.targets.size(); ++k) {
      const auto& info = indicator_info(c.targets[k].indicator);
      std::vector<std::string> cells = {std::to_string(c.targets[k].number),
                                        std::string(zh ? info.name_zh : info.name_en),
                                        target_text(c.targets[k], language)};
      for (std::size_t p = 0; p < c.packages.size(); ++p) cells.push_back(verdict_label(c.verdicts[p][k], language));
      targets.row(cells);
    }
    out << "\n" << (zh ? std::to_string(c.target_year) + "年目标（全市）：" : std::to_string(c.target_year) + " targets (city):")
        << "\n" << targets.render();
  }
  return out.str();
}

}  // namespace pneumo
