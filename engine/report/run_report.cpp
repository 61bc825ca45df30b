#include "pneumoplan/report/run_report.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/outputs/display_unit.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/report/scenario_assumptions.hpp"
#include "pneumoplan/results/replicate_band.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"

namespace pneumo {
namespace {

std::string count_text(double value) { return readable_number(value); }

void add_figure(ReportDocument& doc, const RunReportFigures& figures, const std::string& name) {
  for (const auto& f : figures.written) {
    if (f.name == name) doc.figure(figures.folder + "/" + f.file, f.caption);
  }
}

void add_provenance(ReportDocument& doc, const ResultsFile& r, const ScenarioAssumptions& a, const LocalisedText& text,
                    Language language) {
  doc.heading(2, std::string(text.provenance));
  ReportTable t{{std::string(text.quantity), std::string(text.value)}, {}};
  const auto row = [&](std::string_view key, std::string value) { t.rows.push_back({{std::string(key)}, {std::move(value)}}); };
  row(text.report_date, report_date_text());
  row(text.results_file, code_span(std::filesystem::path(r.path).filename().string()));
  row(text.scenario, r.city_name(language) + parenthesised(code_span(r.scenario_name), language));
  row(text.package_simulated,
      (language == Language::Chinese ? a.package_label_zh : a.package_label_en) + parenthesised(code_span(a.package), language));
  row(text.program, "pneumoplan " + r.program_version);
  row(text.commit, code_span(r.git_commit));
  row(text.seed, std::to_string(r.seed));
  row(text.replicates, std::to_string(r.replicates));
  row(text.simulated_years, std::to_string(r.years.front()) + "–" + std::to_string(r.years.back()));
  doc.table(std::move(t));
}

std::string intensity_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", value);
  return text;
}

void add_interventions(ReportDocument& doc, const ScenarioAssumptions& a, const LocalisedText& text, Language language) {
  const bool zh = language == Language::Chinese;
  doc.heading(3, std::string(text.active_interventions) + (zh ? "：" : ": ") +
                     (zh ? a.package_label_zh : a.package_label_en));
  if (!a.stored_problem.empty()) {
    doc.paragraph(fill(text.stored_problem, {a.stored_problem}));
    return;
  }
  if (a.active.empty()) {
    doc.paragraph(std::string(text.no_interventions));
    return;
  }
  ReportTable t{{std::string(text.intervention_name), std::string(text.intervention_type), std::string(text.intervention_where),
                 std::string(text.intervention_years), std::string(text.intensity), std::string(text.cost_per_unit)},
                {}};
  for (const auto& i : a.active) {
    std::string years = std::to_string(i.start_year) + "–" + std::to_string(i.end_year);
    if (i.ramp_years > 0) {
      years += zh ? "（" + intensity_text(i.ramp_years) + "年逐步达到）" : " (reached over " + intensity_text(i.ramp_years) + " years)";
    }
    t.rows.push_back({{(zh ? i.description_zh : i.description_en) + parenthesised(code_span(i.name), language)},
                      {zh ? i.kind_zh : i.kind_en},
                      {zh ? i.counties_zh : i.counties_en},
                      {years},
                      {intensity_text(i.intensity)},
                      {grouped_number(i.cost_per_unit_rmb, i.cost_per_unit_rmb == std::floor(i.cost_per_unit_rmb) ? 0 : 2)}});
  }
  doc.table(std::move(t));
}

void add_assumptions(ReportDocument& doc, const ScenarioAssumptions& a, const LocalisedText& text, Language language) {
  doc.heading(2, std::string(text.assumptions));
  doc.paragraph(std::string(text.assumptions_intro));
  std::vector<ReportCell> items;
  const auto item = [&](std::string_view key, const std::string& value) {
    items.push_back({std::string(key) + (language == Language::Chinese ? "：" : ": ") + value});
  };
  const std::string& description = language == Language::Chinese ? a.description_zh : a.description;
  if (!description.empty()) item(text.scenario_description, description);
  item(text.counties_townships, std::to_string(a.counties) + " / " + std::to_string(a.townships));
  const auto layout = parse_named<StationLayout>(kStationLayoutNames, a.station_layout);
  std::string layout_text = code_span(a.station_layout);
  if (layout == StationLayout::Rule) layout_text = fill(text.layout_rule, {a.station_threshold, a.rule_start_year});
  if (layout == StationLayout::Optimised) layout_text = fill(text.layout_optimised, {code_span(a.optimise_model)});
  if (layout == StationLayout::Given) layout_text = std::string(text.layout_given);
  item(text.station_layout, layout_text + parenthesised(code_span("rehab.layout = " + a.station_layout), language));
  item(text.patients_counted, std::string(a.patients_counted == "true" ? text.counted_true : text.counted_diagnosed) +
                                  parenthesised(code_span("rehab.patients_counted = " + a.patients_counted), language));
  std::string overrides;
  for (char c : a.overrides) overrides += c == '\n' ? std::string("`, `") : std::string(1, c);
  item(text.overrides, a.overrides.empty() ? std::string(text.none) : code_span(overrides));
  doc.list(std::move(items));
  add_interventions(doc, a, text, language);
  doc.heading(3, std::string(text.non_default_parameters));
  ReportTable t{{std::string(text.parameter), std::string(text.value), std::string(text.default_value), std::string(text.unit)}, {}};
  for (const auto& d : a.non_default) {
    // Parameters hold shares as fractions (0.3), not per cent: their unit is named, never rescaled.
    const std::string unit = d.unit == "share" ? std::string(pick(language, "share (0–1)", "比例（0–1）"))
                                               : unit_label(d.unit, language);
    t.rows.push_back({{code_span(d.key)}, {d.value}, {d.default_value}, {unit}});
  }
  if (t.rows.empty()) {
    doc.paragraph(std::string(text.none));
  } else {
    doc.table(std::move(t));
  }
}

void add_plan_numbers(ReportDocument& doc, const ResultsFile& r, const LocalisedText& text) {
  const auto plan = r.plan_period();
  if (!plan || plan->first < r.years.front() || plan->last > r.years.back()) return;
  const std::string first = std::to_string(plan->first), last = std::to_string(plan->last);
  doc.heading(3, fill(text.plan_period_numbers, {first, last}));
  ReportTable t{{std::string(text.quantity), std::string(text.mean), std::string(text.interval_90)}, {}};
  const std::size_t city = r.city_region();
  const auto add = [&](const std::string& label, const char* output, std::optional<std::size_t> stage, YearSpan span) {
    const Interval90 v = period_total_over_replicates(r, r.read_output(output), city, stage, span);
    t.rows.push_back({{label}, {count_text(v.mean)}, {bracketed(count_text(v.p5), count_text(v.p95))}});
  };
  add(fill(text.sum_over_plan, {std::string(text.reported_short), first, last}), "new_diagnoses", std::nullopt, *plan);
  add(fill(text.sum_over_plan, {std::string(text.true_short), first, last}), "new_cases_true", 0, *plan);
  add(fill(text.sum_over_plan, {std::string(text.deaths_pneumoconiosis), first, last}), "deaths_pneumoconiosis",
      std::nullopt, *plan);
  add(fill(text.at_end_of_plan, {std::string(text.living_true), last}), "prevalent_true", std::nullopt,
      {plan->last, plan->last});
  add(fill(text.at_end_of_plan, {std::string(text.diagnosed_short), last}), "prevalent_diagnosed", std::nullopt,
      {plan->last, plan->last});
  doc.table(std::move(t));
}


void add_scorecard(ReportDocument& doc, const ResultsFile& r, const Scorecard& card, const RunReportFigures& figures,
                   const LocalisedText& text, Language language) {
  doc.heading(2, std::string(text.scorecard));
  doc.paragraph(std::string(text.scorecard_intro));
  add_figure(doc, figures, "scorecard");
  ReportTable t{{"#", std::string(text.indicator), std::string(text.year), std::string(text.target), std::string(text.mean),
                 std::string(text.interval_90), std::string(text.verdict)},
                {}};
  for (const auto& row : card.rows) {
    if (row.region != r.city_region()) continue;
    const std::string unit = indicator_unit(row.target);
    std::string interval = std::isnan(row.mean) ? "" : bracketed(format_quantity(row.p5, unit), format_quantity(row.p95, unit));
    if (row.target.comparator == Comparator::Increasing && !std::isnan(row.mean)) {
      interval += (language == Language::Chinese ? "；" : "; ") + fill(text.rose_share, {format_quantity(row.share_meeting, "share")});
    }
    t.rows.push_back({{std::to_string(row.target.number)},
                      {std::string(indicator_name(row.target.indicator, language))},
                      {std::to_string(row.year)},
                      {target_text(row.target, language, card.increasing_rule)},
                      {format_quantity(row.mean, unit)},
                      {interval},
                      {std::string(verdict_text(row.verdict, language)), "", figure_style::verdict_colour(row.verdict),
                       figure_style::verdict_text_colour(row.verdict)}});
  }
  doc.table(std::move(t));
  if (r.region_codes.size() > 2) doc.paragraph(std::string(text.counties_verdicts));
}

}  // namespace

ReportDocument run_report(const ResultsFile& results, const Scorecard* card, const FigureOptions& options,
                          const RunReportFigures& figures) {
  const Language language = options.language;
  const auto& text = localised_text(language);
  const ScenarioAssumptions assumptions = scenario_assumptions(results);
  ReportDocument doc;
  doc.language = language_code(language);
  doc.title = fill(text.report_title, {results.city_name(language), language == Language::Chinese
                                                                        ? assumptions.package_label_zh
                                                                        : assumptions.package_label_en});
  doc.heading(1, doc.title);
  doc.paragraph(fill(text.generated_note, {code_span(std::filesystem::path(results.path).filename().string())}));
  add_provenance(doc, results, assumptions, text, language);
  add_assumptions(doc, assumptions, text, language);

  doc.heading(2, std::string(text.projections));
  doc.paragraph(std::string(text.projections_intro));
  for (const char* name : {"new_cases", "prevalence", "deaths"}) add_figure(doc, figures, name);
  add_plan_numbers(doc, results, text);

  if (card && !card->rows.empty()) add_scorecard(doc, results, *card, figures, text, language);

  bool any_indicator = false;
  for (const auto& f : figures.written) any_indicator = any_indicator || f.name.rfind("indicator_", 0) == 0;
  if (any_indicator) {
    doc.heading(2, std::string(text.indicators));
    doc.paragraph(std::string(text.indicators_intro));
    for (const auto& f : figures.written) {
      if (f.name.rfind("indicator_", 0) == 0) doc.figure(figures.folder + "/" + f.file, f.caption);
    }
    if (!figures.indicators_left_out.empty()) {
      std::string names;
      for (const auto id : figures.indicators_left_out) {
        names += (names.empty() ? "" : language == Language::Chinese ? "、" : "; ") +
                 std::string(indicator_name(id, language));
      }
      doc.paragraph(fill(text.skipped_indicators, {names}));
    }
  }
  for (const auto& f : figures.written) {
    if (f.name != "township_map") continue;
    doc.heading(2, std::string(text.map));
    doc.paragraph(fill(text.map_intro, {std::to_string(options.map_year)}));
    doc.figure(figures.folder + "/" + f.file, f.caption);
  }
  return doc;
}

}  // namespace pneumo
