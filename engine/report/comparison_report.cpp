#include "pneumoplan/report/comparison_report.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "pneumoplan/report/comparison_figures.hpp"
#include "pneumoplan/report/figure_style.hpp"

namespace pneumo {
namespace {

std::string number_text(double value) {
  if (std::isnan(value)) return "n/a";
  char text[48];
  std::snprintf(text, sizeof text, std::fabs(value) >= 100 || value == 0 ? "%.0f" : "%.3g", value);
  return text;
}

std::string label_of(const std::string& en, const std::string& zh, const std::string& name, Language language) {
  const std::string& label = language == Language::Chinese ? zh : en;
  return label.empty() ? name : label;
}

}  // namespace

ReportDocument comparison_report(const ComparisonFile& c, Language language, const std::vector<WrittenFigure>& figures,
                                 const std::string& figure_folder, const std::vector<PackageReportLink>& package_reports) {
  const auto& text = localised_text(language);
  const std::string first = std::to_string(c.period_first_year), last = std::to_string(c.period_last_year);
  const auto figure = [&](ReportDocument& doc, const std::string& name) {
    for (const auto& f : figures) {
      if (f.name == name) doc.figure(figure_folder + "/" + f.file, f.caption);
    }
  };
  ReportDocument doc;
  doc.language = language_code(language);
  doc.title = fill(text.comparison_report_title, {c.scenario_name});
  doc.heading(1, doc.title);
  doc.paragraph(fill(text.generated_note, {code_span(std::filesystem::path(c.path).filename().string())}));
  doc.paragraph(fill(text.comparison_intro, {first, last}));

  doc.heading(2, std::string(text.provenance));
  ReportTable provenance{{std::string(text.quantity), std::string(text.value)}, {}};
  const auto row = [&](std::string_view key, std::string value) {
    provenance.rows.push_back({{std::string(key)}, {std::move(value)}});
  };
  row(text.results_file, code_span(std::filesystem::path(c.path).filename().string()));
  row(text.scenario, c.scenario_name);
  row(text.program, "pneumoplan " + c.program_version);
  row(text.commit, code_span(c.git_commit));
  row(text.seed, std::to_string(c.seed));
  row(text.replicates, std::to_string(c.replicates));
  row(fill(text.plan_period, {first, last}), first + "–" + last);
  doc.table(std::move(provenance));

  doc.heading(2, std::string(text.packages));
  const std::size_t baseline = c.baseline_index();
  ReportTable packages{{std::string(text.package), "", std::string(text.results_file), std::string(text.package_reports)}, {}};
  for (std::size_t p = 0; p < c.packages.size(); ++p) {
    const auto& pkg = c.packages[p];
    ReportCell link{"–"};
    if (p < package_reports.size()) {
      if (!package_reports[p].report.empty()) link = {std::string(text.package_reports), package_reports[p].report, ""};
      else if (!package_reports[p].problem.empty()) link = {package_reports[p].problem};
    }
    packages.rows.push_back({{code_span(pkg.name)},
                             {label_of(pkg.label_en, pkg.label_zh, pkg.name, language) +
                              (p == baseline ? std::string(text.baseline_suffix) : std::string())},
                             {code_span(pkg.results_file)},
                             link});
  }
  doc.table(std::move(packages));

  doc.heading(2, std::string(text.outcomes));
  for (std::size_t o = 0; o < c.outcomes.size(); ++o) {
    const auto& outcome = c.outcomes[o];
    doc.heading(3, label_of(outcome.label_en, outcome.label_zh, outcome.name, language) + " (" + outcome.unit + ")");
    figure(doc, "comparison_" + outcome.name);
    ReportTable t{{std::string(text.package), std::string(text.mean), std::string(text.interval_90),
                   std::string(text.difference)},
                  {}};
    for (std::size_t p = 0; p < c.packages.size(); ++p) {
      const std::size_t cell = c.cell(p, o);
      t.rows.push_back({{label_of(c.packages[p].label_en, c.packages[p].label_zh, c.packages[p].name, language)},
                        {number_text(c.value.mean[cell])},
                        {number_text(c.value.p5[cell]) + " – " + number_text(c.value.p95[cell])},
                        {p == baseline ? std::string("–")
                                       : signed_interval_text(c.difference.mean[cell], c.difference.p5[cell],
                                                              c.difference.p95[cell])}});
    }
    doc.table(std::move(t));
  }

  if (!c.verdict_columns.empty()) {
    doc.heading(2, std::string(text.verdicts_heading));
    figure(doc, "comparison_verdicts");
    ReportTable t{{std::string(text.indicator), std::string(text.year)}, {}};
    for (const auto& pkg : c.packages) t.header.push_back(label_of(pkg.label_en, pkg.label_zh, pkg.name, language));
    for (std::size_t k = 0; k < c.verdict_columns.size(); ++k) {
      std::vector<ReportCell> cells = {{std::string(indicator_name(c.verdict_columns[k].indicator, language))},
                                       {std::to_string(c.verdict_columns[k].year)}};
      for (std::size_t p = 0; p < c.packages.size(); ++p) {
        const Verdict v = c.verdict(p, k);
        cells.push_back({std::string(verdict_text(v, language)), "", figure_style::verdict_colour(v)});
      }
      t.rows.push_back(std::move(cells));
    }
    doc.table(std::move(t));
  }
  return doc;
}

}  // namespace pneumo
