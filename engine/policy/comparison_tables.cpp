// CSV, Markdown and terminal tables of a package comparison.
#include <cmath>
#include <cstdio>
#include <sstream>

#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/policy/comparison_economics.hpp"
#include "pneumoplan/policy/comparison_file.hpp"

namespace pneumo {
namespace {

// A value in the outcome's unit, readable: shares in per cent, RMB in millions, counts whole.
std::string readable(double value, const std::string& unit, bool signed_value = false) {
  if (std::isnan(value)) return "n/a";
  char buffer[64];
  if (unit == "share") {
    std::snprintf(buffer, sizeof buffer, signed_value ? "%+.1f%%" : "%.1f%%", 100.0 * value);
  } else if (unit == "RMB") {
    std::snprintf(buffer, sizeof buffer, signed_value ? "%+.2f M" : "%.2f M", value / 1e6);
  } else {
    std::snprintf(buffer, sizeof buffer, signed_value ? "%+.0f" : "%.0f", value);
  }
  return buffer;
}

std::string interval_text(const Interval& i, const std::string& unit, bool signed_value = false) {
  if (std::isnan(i.mean)) return "n/a";
  return readable(i.mean, unit, signed_value) + " [" + readable(i.p5, unit, signed_value) + ", " +
         readable(i.p95, unit, signed_value) + "]";
}

std::string target_text(const PlanTarget& t) {
  if (t.comparator == Comparator::Increasing) return "rises every year";
  const std::string unit = indicator_info(t.indicator).kind == IndicatorKind::Share ? "share" : "";
  return std::string(t.comparator == Comparator::AtLeast ? ">= " : "<= ") + readable(t.target, unit);
}

std::string period_text(const PackageComparison& c) {
  return std::to_string(c.period_first_year) + "-" + std::to_string(c.period_last_year);
}

}  // namespace

std::string comparison_csv(const PackageComparison& c) {
  std::ostringstream out;
  out << "package,package_en,package_zh,outcome,outcome_en,outcome_zh,unit,reading,mean,p5,p95,"
         "difference_mean,difference_p5,difference_p95\n";
  const auto row = [&](std::size_t p, const std::string& name, const std::string& en, const std::string& zh,
                       const std::string& unit, const std::string& reading, const Interval& value,
                       const Interval* difference) {
    // Names and labels are text cells, neutralised against formula injection (csv_text); numbers stay numbers.
    out << csv_text(c.packages[p]) << ',' << csv_text(c.labels_en[p]) << ',' << csv_text(c.labels_zh[p]) << ','
        << csv_text(name) << ',' << csv_text(en) << ',' << csv_text(zh) << ',' << csv_text(unit) << ','
        << csv_text(reading) << ','
        << number_text(value.mean) << ',' << number_text(value.p5) << ',' << number_text(value.p95) << ',';
    if (difference) {
      out << number_text(difference->mean) << ',' << number_text(difference->p5) << ','
          << number_text(difference->p95);
    } else {
      out << ",,";
    }
    out << '\n';
  };
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
      const auto& outcome = c.outcomes[o];
      const std::string reading = outcome.reading == OutcomeReading::SumOverPeriod ? "sum " + period_text(c)
                                  : outcome.reading == OutcomeReading::AtPeriodEnd
                                      ? "in " + std::to_string(c.period_last_year)
                                      : "in " + std::to_string(c.target_year);
      row(p, outcome.name, outcome.label_en, outcome.label_zh, outcome.unit, reading, c.value[p][o],
          &c.difference[p][o]);
    }
    const std::string sum = "sum " + period_text(c);
    row(p, "true_new_cases_averted", "True new cases averted", "避免的真实新发病例", "persons", sum, c.cases_averted[p],
        nullptr);
    row(p, "pneumoconiosis_deaths_averted", "Pneumoconiosis deaths averted", "避免的尘肺病死亡", "persons", sum,
        c.deaths_averted[p], nullptr);
    row(p, "cost_per_case_averted_rmb", "Cost per true case averted", "每避免一例的费用", "RMB", sum,
        {c.cost_per_case_averted_rmb[p], std::nan(""), std::nan("")}, nullptr);
  }
  out << economics_csv_rows(c);
  return out.str();
}

std::string comparison_markdown(const PackageComparison& c) {
  std::ostringstream out;
  out << "# Policy packages compared: " << c.scenario_name << "\n\n"
      << c.replicates << " replicates, seed " << c.seed
      << ", common random numbers (replicate r of every package has the same workers and the same draws). "
         "Values are means with 90 % intervals over replicates; differences are paired against `"
      << c.baseline << "` replicate by replicate. Counts are summed over " << period_text(c)
      << "; indicators are read in " << c.target_year << ".\n\n";
  out << "## Packages\n\n| package | 名称 | label |\n|---|---|---|\n";
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    out << "| `" << c.packages[p] << "` | " << c.labels_zh[p] << " | " << c.labels_en[p] << " |\n";
  }
  out << "\n## Outcomes\n\n| outcome | 指标 |";
  for (const auto& name : c.packages) out << ' ' << name << " |";
  out << "\n|---|---|";
  for (std::size_t p = 0; p < c.packages.size(); ++p) out << "---|";
  out << '\n';
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    const auto& outcome = c.outcomes[o];
    out << "| " << outcome.label_en << " | " << outcome.label_zh << " |";
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      out << ' ' << interval_text(c.value[p][o], outcome.unit);
      if (p > 0) out << "<br>Δ " << interval_text(c.difference[p][o], outcome.unit, true);
      out << " |";
    }
    out << '\n';
  }
  out << "\n## Health gain and cost, " << period_text(c) << "\n\n"
      << "| package | true cases averted | deaths averted | incremental cost | cost per case averted |\n"
         "|---|---|---|---|---|\n";
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "| `" << c.packages[p] << "` | " << interval_text(c.cases_averted[p], "persons") << " | "
        << interval_text(c.deaths_averted[p], "persons") << " | " << interval_text(c.incremental_cost_rmb[p], "RMB")
        << " | " << readable(c.cost_per_case_averted_rmb[p], "RMB") << " |\n";
  }
  out << economics_markdown(c);
  if (!c.targets.empty()) {
    out << "\n## " << c.target_year << " targets (city; met / not met / uncertain from the 90 % interval)\n\n"
        << "| no. | indicator | 指标 | target |";
    for (const auto& name : c.packages) out << ' ' << name << " |";
    out << "\n|---|---|---|---|";
    for (std::size_t p = 0; p < c.packages.size(); ++p) out << "---|";
    out << '\n';
    for (std::size_t k = 0; k < c.targets.size(); ++k) {
      const auto& t = c.targets[k];
      const auto& info = indicator_info(t.indicator);
      out << "| " << t.number << " | " << info.name_en << " | " << info.name_zh << " | " << target_text(t) << " |";
      for (std::size_t p = 0; p < c.packages.size(); ++p) out << ' ' << verdict_name(c.verdicts[p][k]) << " |";
      out << '\n';
    }
  }
  return out.str();
}

std::string comparison_terminal(const PackageComparison& c) {
  std::ostringstream out;
  char line[512];
  out << "Packages of " << c.scenario_name << " on common random numbers (" << c.replicates
      << " replicates; counts summed over " << period_text(c) << ", mean [90% interval], difference vs "
      << c.baseline << "):\n";
  std::snprintf(line, sizeof line, "  %-44s", "outcome");
  out << line;
  for (const auto& name : c.packages) {
    std::snprintf(line, sizeof line, " %30s", name.c_str());
    out << line;
  }
  out << '\n';
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    const auto& outcome = c.outcomes[o];
    std::snprintf(line, sizeof line, "  %-44.44s", outcome.label_en.c_str());
    out << line;
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      const std::string cell = p == 0 ? interval_text(c.value[p][o], outcome.unit)
                                      : readable(c.value[p][o].mean, outcome.unit) + " (" +
                                            interval_text(c.difference[p][o], outcome.unit, true) + ")";
      std::snprintf(line, sizeof line, " %30s", cell.c_str());
      out << line;
    }
    out << '\n';
  }
  for (std::size_t p = 1; p < c.packages.size(); ++p) {
    out << "  " << c.packages[p] << ": " << interval_text(c.cases_averted[p], "persons") << " true cases and "
        << interval_text(c.deaths_averted[p], "persons") << " deaths averted, cost "
        << interval_text(c.incremental_cost_rmb[p], "RMB") << ", "
        << readable(c.cost_per_case_averted_rmb[p], "RMB") << " per case averted\n";
  }
  out << economics_terminal(c);
  if (!c.targets.empty()) {
    out << "  " << c.target_year << " targets met (city):\n";
    for (std::size_t k = 0; k < c.targets.size(); ++k) {
      const auto& info = indicator_info(c.targets[k].indicator);
      std::snprintf(line, sizeof line, "    %-42.42s %-18s", std::string(info.name_en).c_str(),
                    target_text(c.targets[k]).c_str());
      out << line;
      for (std::size_t p = 0; p < c.packages.size(); ++p) {
        std::snprintf(line, sizeof line, " %12s", verdict_name(c.verdicts[p][k]).c_str());
        out << line;
      }
      out << '\n';
    }
  }
  return out.str();
}

}  // namespace pneumo
