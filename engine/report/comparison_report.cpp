#include "pneumoplan/report/comparison_report.hpp"

#include <cmath>
#include <filesystem>

#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/report/comparison_figures.hpp"
#include "pneumoplan/report/figure_style.hpp"

namespace pneumo {
namespace {

// "[90, 110]": the interval alone, decimals by its larger end.
std::string interval_only(double p5, double p95, const std::string& unit, Language language) {
  const std::string text = format_interval(p95, p5, p95, unit, language);
  const auto bracket = text.find('[');
  return bracket == std::string::npos ? text : text.substr(bracket);
}

}  // namespace

ReportDocument comparison_report(const ComparisonFile& c, Language language, const std::vector<WrittenFigure>& figures,
                                 const std::string& figure_folder, const std::vector<PackageReportLink>& package_reports) {
  const auto& text = localised_text(language);
  const bool zh = language == Language::Chinese;
  const std::string first = std::to_string(c.period_first_year), last = std::to_string(c.period_last_year);
  const auto figure = [&](ReportDocument& doc, const std::string& name) {
    for (const auto& f : figures) {
      if (f.name == name) doc.figure(figure_folder + "/" + f.file, f.caption);
    }
  };
  const std::size_t baseline = c.baseline_index();
  const std::string baseline_label = comparison_package_label(c.packages[baseline], language);
  ReportDocument doc;
  doc.language = language_code(language);
  doc.title = fill(text.comparison_report_title, {c.city_name(language)});
  doc.heading(1, doc.title);
  doc.paragraph(fill(text.generated_note, {code_span(std::filesystem::path(c.path).filename().string())}));
  doc.paragraph(fill(text.comparison_intro, {first, last, std::to_string(c.target_year)}));

  doc.heading(2, std::string(text.provenance));
  ReportTable provenance{{std::string(text.quantity), std::string(text.value)}, {}};
  const auto row = [&](std::string_view key, std::string value) {
    provenance.rows.push_back({{std::string(key)}, {std::move(value)}});
  };
  row(text.report_date, report_date_text());
  row(text.results_file, code_span(std::filesystem::path(c.path).filename().string()));
  row(text.scenario, c.city_name(language) + parenthesised(code_span(c.scenario_name), language));
  row(text.program, "pneumoplan " + c.program_version);
  row(text.commit, code_span(c.git_commit));
  row(text.seed, std::to_string(c.seed));
  row(text.replicates, std::to_string(c.replicates));
  row(text.period_summed, first + "–" + last);
  row(text.indicators_read_in, std::to_string(c.target_year));
  doc.table(std::move(provenance));

  doc.heading(2, std::string(text.packages));
  doc.paragraph(fill(text.reference_package, {baseline_label}));
  ReportTable packages{{std::string(text.package), "", std::string(text.results_file), std::string(text.package_reports)}, {}};
  packages.header[1] = zh ? "代码" : "name";
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    const auto& pkg = c.packages[p];
    ReportCell link{std::string(kMissingNumber)};
    if (p < package_reports.size()) {
      if (!package_reports[p].report.empty()) link = {std::string(text.package_reports), package_reports[p].report, ""};
      else if (!package_reports[p].problem.empty()) link = {package_reports[p].problem};
    }
    packages.rows.push_back({{comparison_package_label(pkg, language)}, {code_span(pkg.name)}, {code_span(pkg.results_file)}, link});
  }
  doc.table(std::move(packages));

  // Health gain and cost against the baseline, from the comparison's own paired intervals.
  doc.heading(2, fill(text.gains_heading, {reading_text(OutcomeReading::SumOverPeriod, c.period_first_year,
                                                       c.period_last_year, c.target_year, language)}));
  doc.paragraph(fill(text.gains_intro, {baseline_label}));
  ReportTable gains{{std::string(text.package), std::string(text.cases_averted), std::string(text.deaths_averted),
                     std::string(text.incremental_cost), std::string(text.cost_per_case_averted)},
                    {}};
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    if (p == baseline) continue;
    const auto interval = [&](const PackageIntervals& i, const char* unit) {
      return format_interval(i.mean[p], i.p5[p], i.p95[p], unit, language);
    };
    gains.rows.push_back({{comparison_package_label(c.packages[p], language)},
                          {interval(c.cases_averted, "persons")},
                          {interval(c.deaths_averted, "persons")},
                          {interval(c.incremental_cost_rmb, "RMB")},
                          {std::isnan(c.cost_per_case_averted_rmb[p]) ? std::string(text.nothing_averted)
                                                                      : format_quantity(c.cost_per_case_averted_rmb[p], "RMB")}});
  }
  doc.table(std::move(gains));

  // Cost-effectiveness against the baseline (/economics).
  doc.heading(2, fill(text.economics_heading, {reading_text(OutcomeReading::SumOverPeriod, c.period_first_year,
                                                           c.period_last_year, c.target_year, language)}));
  doc.paragraph(fill(text.economics_intro, {baseline_label, readable_number(100.0 * c.discount_rate_per_year),
                                            std::to_string(c.discount_reference_year), std::to_string(c.price_year)}));
  ReportTable economics{{std::string(text.package), std::string(text.dalys_averted), std::string(text.qalys_gained),
                         std::string(text.incremental_cost_discounted), std::string(text.cost_per_daly_averted),
                         std::string(text.cost_per_qaly_gained)},
                        {}};
  const auto icer = [&](const PackageIntervals& ratio, const std::vector<std::string>& status, std::size_t p) {
    if (status[p] == "dominant") return std::string(text.icer_dominant);
    if (status[p] == "dominated") return std::string(text.icer_dominated);
    if (status[p] == "no health effect" || std::isnan(ratio.mean[p])) return std::string(text.icer_no_health_effect);
    std::string cell = std::isnan(ratio.p5[p])
                           ? format_quantity(ratio.mean[p], "RMB") + (zh ? "（" : " (") +
                                 std::string(text.interval_undefined) + (zh ? "）" : ")")
                           : format_interval(ratio.mean[p], ratio.p5[p], ratio.p95[p], "RMB", language);
    if (status[p] == "less costly, less effective") {
      cell += zh ? "，" : ", ";
      cell += text.icer_less_costly_less_effective;
    }
    return cell;
  };
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    if (p == baseline) continue;
    const auto interval = [&](const PackageIntervals& i, const char* unit) {
      return format_interval(i.mean[p], i.p5[p], i.p95[p], unit, language);
    };
    economics.rows.push_back({{comparison_package_label(c.packages[p], language)},
                              {interval(c.dalys_averted, "DALYs")},
                              {interval(c.qalys_gained, "QALYs")},
                              {interval(c.incremental_cost_discounted_rmb, "RMB")},
                              {icer(c.icer_rmb_per_daly_averted, c.icer_daly_status, p)},
                              {icer(c.icer_rmb_per_qaly_gained, c.icer_qaly_status, p)}});
  }
  doc.table(std::move(economics));

  // Every outcome the file holds, in its order: new outcome rows appear without any code here.
  doc.heading(2, std::string(text.outcomes));
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    const auto& outcome = c.outcomes[o];
    const std::string unit = unit_label(outcome.unit, language);
    doc.heading(3, comparison_outcome_label(c, o, language) + (zh ? "（" : " (") + comparison_reading(c, o, language) +
                       (zh ? "，" : ", ") + unit + (zh ? "）" : ")"));
    figure(doc, "comparison_" + outcome.name);
    ReportTable t{{std::string(text.package), std::string(text.mean), std::string(text.interval_90),
                   std::string(text.difference) + parenthesised(unit_label(outcome.unit, language, true), language)},
                  {}};
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      const std::size_t cell = c.cell(p, o);
      t.rows.push_back({{comparison_package_label(c.packages[p], language)},
                        {format_quantity(c.value.mean[cell], outcome.unit)},
                        {interval_only(c.value.p5[cell], c.value.p95[cell], outcome.unit, language)},
                        {p == baseline ? std::string(text.reference)
                                       : format_interval(c.difference.mean[cell], c.difference.p5[cell],
                                                         c.difference.p95[cell], outcome.unit, language, true)}});
    }
    doc.table(std::move(t));
  }

  if (!c.verdict_columns.empty()) {
    doc.heading(2, std::string(text.verdicts_heading));
    figure(doc, "comparison_verdicts");
    ReportTable t{{std::string(text.indicator), std::string(text.year)}, {}};
    for (const auto& pkg : c.packages) t.header.push_back(comparison_package_label(pkg, language));
    for (std::size_t k = 0; k < c.verdict_columns.size(); ++k) {
      std::vector<ReportCell> cells = {{std::string(indicator_name(c.verdict_columns[k].indicator, language))},
                                       {std::to_string(c.verdict_columns[k].year)}};
      for (std::size_t p = 0; p < c.packages.size(); ++p) {
        const Verdict v = c.verdict(p, k);
        cells.push_back({std::string(verdict_text(v, language)), "", figure_style::verdict_colour(v),
                         figure_style::verdict_text_colour(v)});
      }
      t.rows.push_back(std::move(cells));
    }
    doc.table(std::move(t));
  }
  return doc;
}

}  // namespace pneumo
