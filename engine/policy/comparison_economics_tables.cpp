// CSV rows, Markdown sections and terminal lines of a comparison's cost-effectiveness and budget impact, in
// English or Chinese, in the units and number format of every other comparison table (outputs/display_unit.hpp:
// money in 万元, shares in per cent).
#include <cmath>
#include <sstream>

#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/policy/comparison_economics.hpp"

namespace pneumo {
namespace {

struct Words {
  bool zh;
  const char* pick(const char* en, const char* chinese) const { return zh ? chinese : en; }
};

std::string package_label(const PackageComparison& c, std::size_t p, Language language) {
  return language == Language::Chinese ? c.labels_zh[p] : c.labels_en[p];
}

// The payers, in budget-payer order, then the total.
std::string payer_label(std::size_t k, Language language) {
  static const char* const en[] = {"programme",        "work-injury insurance", "employers",     "basic medical insurance",
                                   "medical aid",      "out of pocket",         "total"};
  static const char* const zh[] = {"项目", "工伤保险", "用人单位", "基本医疗保险", "医疗救助", "个人自付", "合计"};
  return language == Language::Chinese ? zh[k] : en[k];
}

std::string status_label(IcerStatus status, Language language) {
  if (language != Language::Chinese) return std::string(icer_status_name(status));
  switch (status) {
    case IcerStatus::Ratio: return "比值";
    case IcerStatus::Dominant: return "占优（效果更好且费用不高）";
    case IcerStatus::Dominated: return "劣势（效果更差且费用不低）";
    case IcerStatus::LessCostlyLessEffective: return "费用更低、效果更差";
    case IcerStatus::NoHealthEffect: return "无健康效果";
  }
  return "?";
}

std::string period_label(const CostEffectiveness& e, Language language) {
  const std::string years = std::to_string(e.first_year) + "–" + std::to_string(e.last_year);
  return language == Language::Chinese ? years + "年贴现合计" : "discounted sum " + years;
}

std::string discounting(const CostEffectiveness& e, Language language) {
  const std::string rate = readable_number(100.0 * e.discount_rate_per_year);
  return language == Language::Chinese ? "每年" + rate + "%，贴现至" + std::to_string(e.reference_year) + "年"
                                       : rate + " % a year to " + std::to_string(e.reference_year);
}

std::string interval(const Interval& i, const std::string& unit, Language language, bool with_label = false) {
  return format_interval(i.mean, i.p5, i.p95, unit, language, false, with_label);
}

// "1.23 [0.80, 2.00] 万元/伤残调整寿命年", or the status where there is no ratio.
std::string icer_text(const Icer& icer, const std::string& unit, Language language) {
  if (icer.status != IcerStatus::Ratio && icer.status != IcerStatus::LessCostlyLessEffective) {
    return status_label(icer.status, language);
  }
  const bool zh = language == Language::Chinese;
  std::string text = format_quantity(icer.ratio, unit);
  if (std::isnan(icer.p5)) {
    text += zh ? "（区间无定义：部分重复模拟无健康收益）" : " (interval undefined: some replicates gain no health)";
  } else {
    text += ' ';
    text += bracketed(format_quantity(icer.p5, unit), format_quantity(icer.p95, unit));
  }
  text += ' ';
  text += unit_label(unit, language);
  if (icer.status == IcerStatus::LessCostlyLessEffective) text += zh ? "（每放弃一个单位健康所节省）" : " saved per unit forgone";
  return text;
}

}  // namespace

void economics_csv_rows(CsvWriter& csv, const PackageComparison& c, Language language) {
  const CostEffectiveness& e = c.economics;
  const Words w{language == Language::Chinese};
  const auto row = [&](std::size_t p, const std::string& name, const std::string& label, const std::string& reading,
                       const std::string& unit, double mean, double p5, double p95) {
    csv.row({c.packages[p], package_label(c, p, language), name, label, reading, unit_label(unit, language),
             format_scaled(mean, unit), format_scaled(p5, unit), format_scaled(p95, unit), "", "", "", ""});
  };
  const auto interval_row = [&](std::size_t p, const std::string& name, const std::string& label,
                                const std::string& reading, const std::string& unit, const Interval& i) {
    row(p, name, label, reading, unit, i.mean, i.p5, i.p95);
  };
  const std::string discounted = period_label(e, language);
  for (std::size_t p = 1; p < c.packages.size(); ++p) {  // the reference gains nothing against itself
    interval_row(p, "dalys_averted", w.pick("DALYs averted", "避免的伤残调整寿命年"), discounted, "DALYs",
                 e.dalys_averted_summary[p]);
    interval_row(p, "qalys_gained", w.pick("QALYs gained", "获得的质量调整寿命年"), discounted, "QALYs",
                 e.qalys_gained_summary[p]);
    interval_row(p, "incremental_cost_discounted_rmb",
                 w.pick("Incremental cost, every payer (discounted)", "增量费用（全部支付方，贴现）"), discounted, "RMB",
                 e.incremental_cost_summary[p]);
    for (std::size_t k = 0; k < kBudgetPayerCount; ++k) {
      interval_row(p, "incremental_cost_" + std::string(budget_payer_name(k)) + "_rmb",
                   w.pick("Incremental cost: ", "增量费用：") + payer_label(k, language), discounted, "RMB",
                   e.incremental_cost_by_payer[p][k]);
    }
    interval_row(p, "lost_income_averted_rmb", w.pick("Lost income averted", "避免的收入损失"), discounted, "RMB",
                 e.lost_income_averted_rmb[p]);
    const auto icer_row = [&](const std::string& name, const std::string& label, const std::string& unit,
                              const Icer& icer) {
      row(p, name, label, status_label(icer.status, language) + (w.zh ? "；" : "; ") + discounted, unit, icer.ratio,
          icer.p5, icer.p95);
    };
    icer_row("icer_rmb_per_daly_averted", w.pick("Incremental cost per DALY averted", "每避免一个伤残调整寿命年的增量费用"),
             "RMB/DALY", e.icer_per_daly[p]);
    icer_row("icer_rmb_per_qaly_gained", w.pick("Incremental cost per QALY gained", "每获得一个质量调整寿命年的增量费用"),
             "RMB/QALY", e.icer_per_qaly[p]);
    const auto benefit_rows = [&](const std::vector<double>& thresholds, const std::vector<Interval>& nmb,
                                  const std::vector<double>& probability, const std::vector<std::int64_t>& rank,
                                  const std::string& per, const char* per_zh) {
      for (std::size_t t = 0; t < thresholds.size(); ++t) {
        const std::string at = grouped_number(thresholds[t], 0);
        const std::string code_at = std::to_string(static_cast<long long>(std::llround(thresholds[t])));
        const std::string reading = w.zh ? std::string("阈值每") + per_zh + at + "元；排序" + std::to_string(rank[t])
                                         : "at " + at + " RMB per " + per + "; rank " + std::to_string(rank[t]);
        interval_row(p, "net_monetary_benefit_" + per + "_rmb_at_" + code_at, w.pick("Net monetary benefit", "净货币效益"),
                     reading, "RMB", nmb[t]);
        row(p, "probability_cost_effective_" + per + "_at_" + code_at,
            w.pick("Probability cost-effective", "具有成本效果的概率"), reading, "share", probability[t], std::nan(""),
            std::nan(""));
      }
    };
    benefit_rows(e.wtp.rmb_per_daly, e.nmb_daly[p], e.probability_cost_effective_daly[p], e.rank_daly[p], "daly",
                 "伤残调整寿命年");
    benefit_rows(e.wtp.rmb_per_qaly, e.nmb_qaly[p], e.probability_cost_effective_qaly[p], e.rank_qaly[p], "qaly",
                 "质量调整寿命年");
    for (std::size_t y = 0; y < e.budget_years.size(); ++y) {
      const std::string year = std::to_string(e.budget_years[y]);
      for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) {
        const std::string payer = k < kBudgetPayerCount ? std::string(budget_payer_name(k)) : "total";
        interval_row(p, "budget_impact_" + year + "_" + payer + "_rmb",
                     w.pick("Budget impact: ", "预算影响：") + payer_label(k, language),
                     w.zh ? year + "年，未贴现" : "in " + year + ", undiscounted", "RMB", e.budget_impact_rmb[p][y][k]);
      }
    }
  }
}

std::string economics_markdown(const PackageComparison& c, Language language) {
  const CostEffectiveness& e = c.economics;
  const Words w{language == Language::Chinese};
  std::ostringstream out;
  const std::string money = unit_label("RMB", language);
  if (w.zh) {
    out << "\n## 成本效果，" << e.first_year << "–" << e.last_year << "年\n\n"
        << "与" << c.labels_zh[0] << "逐次配对比较；费用为全部支付方（项目费用及由各方支付的医疗费用），费用与健康均"
        << discounting(e, language) << "，价格为" << e.price_year << "年价格。数值为重复模拟均值及90%区间。\n\n"
        << "| 方案 | 避免的伤残调整寿命年 | 获得的质量调整寿命年 | 增量费用（万元） | 每避免一个伤残调整寿命年的增量费用 | "
           "每获得一个质量调整寿命年的增量费用 |\n|---|---|---|---|---|---|\n";
  } else {
    out << "\n## Cost-effectiveness, " << e.first_year << "–" << e.last_year << "\n\n"
        << "Against " << c.labels_en[0] << ", replicate by replicate; costs to every payer (the programme and medical "
        << "care by whoever pays it), costs and health discounted at " << discounting(e, language) << ", RMB at "
        << e.price_year << " prices. Means with 90 % intervals over replicates.\n\n"
        << "| package | DALYs averted | QALYs gained | incremental cost (10,000 RMB) | cost per DALY averted | cost per "
           "QALY gained |\n|---|---|---|---|---|---|\n";
  }
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "| " << package_label(c, p, language) << " | " << interval(e.dalys_averted_summary[p], "DALYs", language)
        << " | " << interval(e.qalys_gained_summary[p], "QALYs", language) << " | "
        << interval(e.incremental_cost_summary[p], "RMB", language) << " | "
        << icer_text(e.icer_per_daly[p], "RMB/DALY", language) << " | "
        << icer_text(e.icer_per_qaly[p], "RMB/QALY", language) << " |\n";
  }
  const auto benefit_table = [&](const std::vector<double>& thresholds, const std::vector<std::vector<Interval>>& nmb,
                                 const std::vector<std::vector<double>>& probability,
                                 const std::vector<std::vector<std::int64_t>>& rank, const char* per_en,
                                 const char* per_zh) {
    if (w.zh) {
      out << "\n### 每" << per_zh << "的净货币效益（万元；阈值来源见 comparison.h5 的 `wtp_basis`）\n\n| 方案 |";
      for (const double t : thresholds) out << " 阈值" << grouped_number(t, 0) << "元：净货币效益、具有成本效果的概率、排序 |";
    } else {
      out << "\n### Net monetary benefit per " << per_en << " (10,000 RMB; " << e.wtp.basis << ")\n\n| package |";
      for (const double t : thresholds) out << " at " << grouped_number(t, 0) << " RMB: NMB, P(cost-effective), rank |";
    }
    out << "\n|---|";
    for (std::size_t t = 0; t < thresholds.size(); ++t) out << "---|";
    out << '\n';
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      out << "| " << package_label(c, p, language) << " |";
      for (std::size_t t = 0; t < thresholds.size(); ++t) {
        out << ' ' << interval(nmb[p][t], "RMB", language) << ", " << format_quantity(probability[p][t], "share") << ", "
            << rank[p][t] << " |";
      }
      out << '\n';
    }
  };
  benefit_table(e.wtp.rmb_per_daly, e.nmb_daly, e.probability_cost_effective_daly, e.rank_daly, "DALY averted",
                "避免伤残调整寿命年");
  benefit_table(e.wtp.rmb_per_qaly, e.nmb_qaly, e.probability_cost_effective_qaly, e.rank_qaly, "QALY gained",
                "获得质量调整寿命年");

  out << w.pick("\n### Incremental cost by payer (discounted, 10,000 RMB)\n\n| package |",
                "\n### 各支付方的增量费用（贴现，万元）\n\n| 方案 |");
  for (std::size_t k = 0; k < kBudgetPayerCount; ++k) out << ' ' << payer_label(k, language) << " |";
  out << w.pick(" lost income averted |\n|---|", " 避免的收入损失 |\n|---|");
  for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) out << "---|";
  out << '\n';
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "| " << package_label(c, p, language) << " |";
    for (std::size_t k = 0; k < kBudgetPayerCount; ++k) {
      out << ' ' << interval(e.incremental_cost_by_payer[p][k], "RMB", language) << " |";
    }
    out << ' ' << interval(e.lost_income_averted_rmb[p], "RMB", language) << " |\n";
  }

  if (w.zh) {
    out << "\n## 各年度、各支付方的预算影响（方案减" << c.labels_zh[0] << "，未贴现，" << money << "）\n";
  } else {
    out << "\n## Budget impact by year and payer (package minus " << c.labels_en[0] << ", undiscounted, " << money
        << ")\n";
  }
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "\n### " << package_label(c, p, language) << "\n\n" << w.pick("| year |", "| 年份 |");
    for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) out << ' ' << payer_label(k, language) << " |";
    out << "\n|---|";
    for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) out << "---|";
    out << '\n';
    for (std::size_t y = 0; y < e.budget_years.size(); ++y) {
      out << "| " << e.budget_years[y] << " |";
      for (std::size_t k = 0; k < kBudgetPayerCount; ++k) {
        out << ' ' << format_quantity(e.budget_impact_rmb[p][y][k].mean, "RMB") << " |";
      }
      out << ' ' << interval(e.budget_impact_rmb[p][y][kBudgetPayerCount], "RMB", language) << " |\n";
    }
  }
  if (w.zh) {
    out << "\n增量成本效果比为平均增量费用除以平均健康收益。“占优”：健康收益更多且费用不增加；“劣势”：健康收益更少且费用"
           "不减少；比值的区间为各次重复模拟自身比值的第5至第95百分位，仅当每次重复模拟的健康收益与均值同号时给出。"
        << e.last_year << "年以后的费用与效果不计入（见 docs/interventions.md）。\n";
  } else {
    out << "\nICERs are the mean incremental cost over the mean health gain. \"dominant\": more health for no more "
           "money; \"dominated\": less health for no less money; a ratio's interval is the 5th-95th percentile of the "
           "replicates' own ratios and is given only when every replicate's gain has the sign of the mean gain. Costs "
           "and effects after "
        << e.last_year << " are not counted (docs/interventions.md).\n";
  }
  return out.str();
}

std::string economics_terminal(const PackageComparison& c, Language language) {
  const CostEffectiveness& e = c.economics;
  const bool zh = language == Language::Chinese;
  using A = TextTable::Align;
  TextTable table({{zh ? "方案" : "package", A::Left},
                   {zh ? "避免的伤残调整寿命年" : "DALYs averted"},
                   {zh ? "增量费用（万元）" : "incremental cost (10,000 RMB)"},
                   {zh ? "每避免一个伤残调整寿命年的增量费用" : "cost per DALY averted", A::Left}});
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    std::string code(1, 'P');  // appended: GCC 12 warns falsely (-Wrestrict) about "P" + std::string
    code += std::to_string(p);
    table.row({code, interval(e.dalys_averted_summary[p], "DALYs", language),
               interval(e.incremental_cost_summary[p], "RMB", language),
               icer_text(e.icer_per_daly[p], "RMB/DALY", language)});
  }
  std::ostringstream out;
  out << '\n'
      << (zh ? "成本效果，" : "Cost-effectiveness, ") << e.first_year << "–" << e.last_year
      << (zh ? "年（全部支付方，" : " (every payer, discounted at ") << discounting(e, language)
      << (zh ? "）：\n" : "):\n") << table.render();
  return out.str();
}

}  // namespace pneumo
