// CSV rows, Markdown sections and terminal lines of a comparison's cost-effectiveness and budget impact.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/policy/comparison_economics.hpp"

namespace pneumo {
namespace {

std::string fixed(double value, int digits) {
  if (std::isnan(value)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

// Whole numbers with thousands separators.
std::string grouped(double value) {
  if (std::isnan(value)) return "n/a";
  const std::string digits = fixed(value, 0);
  std::string out;
  const std::size_t start = digits[0] == '-' ? 1 : 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string millions(double rmb) { return std::isnan(rmb) ? "n/a" : fixed(rmb / 1e6, 2) + " M"; }

std::string interval(const Interval& i, std::string (*format)(double)) {
  if (std::isnan(i.mean)) return "n/a";
  return format(i.mean) + " [" + format(i.p5) + ", " + format(i.p95) + "]";
}

std::string years_text(double v) { return fixed(v, 1); }

// The payers' names in Chinese, in budget-payer order, then the total.
std::string payer_zh(std::size_t k) {
  static const char* const names[] = {"项目", "工伤保险", "用人单位", "基本医疗保险", "医疗救助", "个人自付", "合计"};
  return names[k];
}

// "12,345 RMB/DALY [8,000, 20,000]", or the status where there is no ratio.
std::string icer_text(const Icer& icer, const std::string& unit) {
  if (icer.status != IcerStatus::Ratio && icer.status != IcerStatus::LessCostlyLessEffective) {
    return std::string(icer_status_name(icer.status));
  }
  std::string text = grouped(icer.ratio) + " " + unit;
  text += std::isnan(icer.p5) ? " (interval undefined: some replicates gain no health)"
                              : " [" + grouped(icer.p5) + ", " + grouped(icer.p95) + "]";
  if (icer.status == IcerStatus::LessCostlyLessEffective) text += " saved per unit forgone";
  return text;
}

std::string period(const CostEffectiveness& e) {
  return std::to_string(e.first_year) + "-" + std::to_string(e.last_year);
}

std::string discounting(const CostEffectiveness& e) {
  return fixed(100.0 * e.discount_rate_per_year, 1) + " % a year to " + std::to_string(e.reference_year);
}

}  // namespace

std::string economics_csv_rows(const PackageComparison& c) {
  const CostEffectiveness& e = c.economics;
  std::ostringstream out;
  const auto row = [&](std::size_t p, const std::string& name, const std::string& en, const std::string& zh,
                       const std::string& unit, const std::string& reading, double mean, double p5, double p95) {
    out << csv_text(c.packages[p]) << ',' << csv_text(c.labels_en[p]) << ',' << csv_text(c.labels_zh[p]) << ','
        << csv_text(name) << ',' << csv_text(en) << ',' << csv_text(zh) << ',' << csv_text(unit) << ','
        << csv_text(reading) << ',' << number_text(mean) << ',' << number_text(p5) << ',' << number_text(p95)
        << ",,,\n";
  };
  const auto interval_row = [&](std::size_t p, const std::string& name, const std::string& en, const std::string& zh,
                                const std::string& unit, const std::string& reading, const Interval& i) {
    row(p, name, en, zh, unit, reading, i.mean, i.p5, i.p95);
  };
  const std::string discounted = "discounted sum " + period(e);
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    interval_row(p, "dalys_averted", "DALYs averted", "避免的伤残调整寿命年", "years", discounted,
                 e.dalys_averted_summary[p]);
    interval_row(p, "qalys_gained", "QALYs gained", "获得的质量调整寿命年", "QALYs", discounted,
                 e.qalys_gained_summary[p]);
    interval_row(p, "incremental_cost_rmb", "Incremental cost, every payer", "增量费用（全部支付方）", "RMB",
                 discounted, e.incremental_cost_summary[p]);
    for (std::size_t k = 0; k < kBudgetPayerCount; ++k) {
      const std::string payer(budget_payer_name(k));
      interval_row(p, "incremental_cost_" + payer + "_rmb", "Incremental cost: " + payer, "增量费用：" + payer_zh(k), "RMB",
                   discounted, e.incremental_cost_by_payer[p][k]);
    }
    interval_row(p, "lost_income_averted_rmb", "Lost income averted", "避免的收入损失", "RMB", discounted,
                 e.lost_income_averted_rmb[p]);
    const auto icer_row = [&](const std::string& name, const std::string& en, const std::string& zh,
                              const std::string& unit, const Icer& icer) {
      row(p, name, en, zh, unit, std::string(icer_status_name(icer.status)) + "; " + discounted, icer.ratio, icer.p5,
          icer.p95);
    };
    icer_row("icer_rmb_per_daly_averted", "Incremental cost per DALY averted", "每避免一个伤残调整寿命年的增量费用",
             "RMB/DALY", e.icer_per_daly[p]);
    icer_row("icer_rmb_per_qaly_gained", "Incremental cost per QALY gained", "每获得一个质量调整寿命年的增量费用",
             "RMB/QALY", e.icer_per_qaly[p]);
    const auto benefit_rows = [&](const std::vector<double>& thresholds, const std::vector<Interval>& nmb,
                                  const std::vector<double>& probability, const std::vector<std::int64_t>& rank,
                                  const std::string& per) {
      for (std::size_t w = 0; w < thresholds.size(); ++w) {
        const std::string at = fixed(thresholds[w], 0);
        const std::string reading = "at " + at + " RMB per " + per + "; rank " + std::to_string(rank[w]);
        interval_row(p, "net_monetary_benefit_" + per + "_rmb_at_" + at, "Net monetary benefit", "净货币效益", "RMB",
                     reading, nmb[w]);
        row(p, "probability_cost_effective_" + per + "_at_" + at, "Probability cost-effective", "具有成本效果的概率",
            "share", reading, probability[w], std::nan(""), std::nan(""));
      }
    };
    benefit_rows(e.wtp.rmb_per_daly, e.nmb_daly[p], e.probability_cost_effective_daly[p], e.rank_daly[p], "daly");
    benefit_rows(e.wtp.rmb_per_qaly, e.nmb_qaly[p], e.probability_cost_effective_qaly[p], e.rank_qaly[p], "qaly");
    for (std::size_t y = 0; y < e.budget_years.size(); ++y) {
      const std::string year = std::to_string(e.budget_years[y]);
      for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) {
        const std::string payer = k < kBudgetPayerCount ? std::string(budget_payer_name(k)) : "total";
        interval_row(p, "budget_impact_" + year + "_" + payer + "_rmb", "Budget impact: " + payer,
                     "预算影响：" + payer_zh(k), "RMB", "in " + year + ", undiscounted", e.budget_impact_rmb[p][y][k]);
      }
    }
  }
  return out.str();
}

std::string economics_markdown(const PackageComparison& c) {
  const CostEffectiveness& e = c.economics;
  std::ostringstream out;
  out << "\n## Cost-effectiveness, " << period(e) << "\n\n"
      << "Against `" << c.baseline << "`, replicate by replicate; costs to every payer (the programme and medical care "
      << "by whoever pays it), costs and health discounted at " << discounting(e) << ", RMB at " << e.price_year
      << " prices. Means with 90 % intervals over replicates.\n\n"
      << "| package | DALYs averted | QALYs gained | incremental cost | cost per DALY averted | cost per QALY gained |\n"
         "|---|---|---|---|---|---|\n";
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "| `" << c.packages[p] << "` | " << interval(e.dalys_averted_summary[p], years_text) << " | "
        << interval(e.qalys_gained_summary[p], years_text) << " | " << interval(e.incremental_cost_summary[p], millions)
        << " | " << icer_text(e.icer_per_daly[p], "RMB/DALY") << " | " << icer_text(e.icer_per_qaly[p], "RMB/QALY")
        << " |\n";
  }
  const auto benefit_table = [&](const std::vector<double>& thresholds, const std::vector<std::vector<Interval>>& nmb,
                                 const std::vector<std::vector<double>>& probability,
                                 const std::vector<std::vector<std::int64_t>>& rank, const std::string& per) {
    out << "\n### Net monetary benefit per " << per << " (" << e.wtp.basis << ")\n\n| package |";
    for (const double w : thresholds) out << " at " << grouped(w) << " RMB: NMB, P(cost-effective), rank |";
    out << "\n|---|";
    for (std::size_t w = 0; w < thresholds.size(); ++w) out << "---|";
    out << '\n';
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      out << "| `" << c.packages[p] << "` |";
      for (std::size_t w = 0; w < thresholds.size(); ++w) {
        out << ' ' << interval(nmb[p][w], millions) << ", " << fixed(100.0 * probability[p][w], 0) << " %, "
            << rank[p][w] << " |";
      }
      out << '\n';
    }
  };
  benefit_table(e.wtp.rmb_per_daly, e.nmb_daly, e.probability_cost_effective_daly, e.rank_daly, "DALY averted");
  benefit_table(e.wtp.rmb_per_qaly, e.nmb_qaly, e.probability_cost_effective_qaly, e.rank_qaly, "QALY gained");

  out << "\n### Incremental cost by payer (discounted)\n\n| package |";
  for (std::size_t k = 0; k < kBudgetPayerCount; ++k) out << ' ' << budget_payer_name(k) << " |";
  out << " lost income averted |\n|---|";
  for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) out << "---|";
  out << '\n';
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "| `" << c.packages[p] << "` |";
    for (std::size_t k = 0; k < kBudgetPayerCount; ++k) out << ' ' << interval(e.incremental_cost_by_payer[p][k], millions) << " |";
    out << ' ' << interval(e.lost_income_averted_rmb[p], millions) << " |\n";
  }

  out << "\n## Budget impact by year and payer (package minus `" << c.baseline << "`, undiscounted, M RMB)\n";
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "\n### `" << c.packages[p] << "`\n\n| year |";
    for (std::size_t k = 0; k < kBudgetPayerCount; ++k) out << ' ' << budget_payer_name(k) << " |";
    out << " total |\n|---|";
    for (std::size_t k = 0; k <= kBudgetPayerCount; ++k) out << "---|";
    out << '\n';
    for (std::size_t y = 0; y < e.budget_years.size(); ++y) {
      out << "| " << e.budget_years[y] << " |";
      for (std::size_t k = 0; k < kBudgetPayerCount; ++k) out << ' ' << fixed(e.budget_impact_rmb[p][y][k].mean / 1e6, 2) << " |";
      out << ' ' << interval(e.budget_impact_rmb[p][y][kBudgetPayerCount], millions) << " |\n";
    }
  }
  out << "\nICERs are the mean incremental cost over the mean health gain. \"dominant\": more health for no more "
         "money; \"dominated\": less health for no less money; a ratio's interval is the 5th-95th percentile of the "
         "replicates' own ratios and is given only when every replicate's gain has the sign of the mean gain. Costs "
         "and effects after "
      << e.last_year << " are not counted (docs/interventions.md).\n";
  return out.str();
}

std::string economics_terminal(const PackageComparison& c) {
  const CostEffectiveness& e = c.economics;
  std::ostringstream out;
  out << "  Cost-effectiveness " << period(e) << " (discounted " << discounting(e) << "; every payer):\n";
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "    " << c.packages[p] << ": " << interval(e.dalys_averted_summary[p], years_text) << " DALYs averted, "
        << interval(e.incremental_cost_summary[p], millions) << ", " << icer_text(e.icer_per_daly[p], "RMB/DALY")
        << "\n";
  }
  return out.str();
}

}  // namespace pneumo
