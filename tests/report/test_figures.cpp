// Figures and reports: the numbers each figure sends to gnuplot are the results file's (checked against
// the file with an independent computation), every figure type is drawn by the real gnuplot into a valid
// PNG, SVG or PDF of its size, gnuplot's failures surface with its message, and reports carry the
// provenance, the assumptions and the scorecard's own verdicts.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/report/comparison_figures.hpp"
#include "pneumoplan/report/comparison_report.hpp"
#include "pneumoplan/report/figure_file_check.hpp"
#include "pneumoplan/report/figure_folder.hpp"
#include "pneumoplan/report/figure_renderer.hpp"
#include "pneumoplan/report/figure_set.hpp"
#include "pneumoplan/report/figure_style.hpp"
#include "pneumoplan/report/indicator_figures.hpp"
#include "pneumoplan/report/projection_figures.hpp"
#include "pneumoplan/report/report_document.hpp"
#include "pneumoplan/report/run_report.hpp"
#include "pneumoplan/report/scenario_assumptions.hpp"
#include "pneumoplan/report/scorecard_figure.hpp"
#include "pneumoplan/report/township_map_figure.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/results/results_file_kind.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

// One results file of the small scenario (3 replicates) for the tests of this file, made once per test
// process when first asked.
class SmallResults {
 public:
  static const SmallResults& get() {
    static const SmallResults instance;
    return instance;
  }
  const ResultsFile& results() const { return results_; }
  const Scorecard& card() const { return card_; }
  const std::string& path() const { return path_; }

 private:
  SmallResults() : path_(scratch_.file("small.h5")) {
    RunRequest request;
    request.seed = 11;
    request.replicates = 3;
    write_results_file(path_, test::small_scenario(), run_replicates(test::small_scenario(), request), 11);
    results_ = open_results_file(path_);
    card_ = build_scorecard(results_, {2023, 2025});
  }
  test::ScratchFolder scratch_;
  std::string path_;
  ResultsFile results_;
  Scorecard card_;
};

FigureOptions english_options() { return default_figure_options(SmallResults::get().results(), Language::English); }

// Type-7 quantile written out again here, so the figures' numbers are checked by a second computation.
double type7(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const double h = (static_cast<double>(v.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

// The data block as gnuplot receives it, parsed back: numbers only (text cells become NaN).
std::vector<std::vector<double>> parse_block(const std::string& text) {
  std::vector<std::vector<double>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '$' || line == "EOD") continue;
    std::vector<double> row;
    std::istringstream cells(line);
    std::string cell;
    while (cells >> cell) {
      if (cell.front() == '"') {
        while (cell.size() < 2 || cell.back() != '"') {
          std::string more;
          if (!(cells >> more)) break;
          cell += " " + more;
        }
        row.push_back(std::nan(""));
      } else {
        row.push_back(cell == "NaN" ? std::nan("") : std::stod(cell));
      }
    }
    rows.push_back(row);
  }
  return rows;
}

// 10 significant digits in the data block: equal to the file's value up to that rounding.
void expect_written_value(double written, double expected, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(written)) << what;
    return;
  }
  EXPECT_NEAR(written, expected, 1e-9 * std::max(1.0, std::fabs(expected))) << what;
}

TEST(ReplicateBand, SingleStageMatchesTheFilesOwnSummary) {
  const auto& r = SmallResults::get().results();
  const YearBand band = band_over_replicates(r, r.read_output("new_cases_true"), r.city_region(), 0,
                                             {static_cast<int>(r.years.front()), static_cast<int>(r.years.back())});
  const ResultsSummary summary = r.read_summary("new_cases_true");
  const std::size_t regions = r.region_codes.size(), stages = 3;
  ASSERT_EQ(band.years.size(), r.years.size());
  for (std::size_t y = 0; y < r.years.size(); ++y) {
    const std::size_t cell = (y * regions + r.city_region()) * stages;
    EXPECT_DOUBLE_EQ(band.mean[y], summary.mean[cell]);
    EXPECT_DOUBLE_EQ(band.p5[y], summary.p5[cell]);
    EXPECT_DOUBLE_EQ(band.p95[y], summary.p95[cell]);
  }
}

TEST(ReplicateBand, SumsStagesPerReplicateBeforeThePercentiles) {
  const auto& r = SmallResults::get().results();
  const ResultsArray a = r.read_output("new_diagnoses");
  const YearBand band = band_over_replicates(r, a, r.city_region(), std::nullopt, {2010, 2030});
  ASSERT_EQ(band.years.front(), 2010);
  ASSERT_EQ(band.years.back(), 2030);
  const std::size_t years = a.shape[1], regions = a.shape[2], stages = a.shape[3];
  bool some_spread = false;
  for (std::size_t i = 0; i < band.years.size(); ++i) {
    const std::size_t y = r.year_index(band.years[i]);
    std::vector<double> sums;
    for (std::size_t rep = 0; rep < a.shape[0]; ++rep) {
      double s = 0;
      for (std::size_t k = 0; k < stages; ++k) s += a.values[((rep * years + y) * regions + r.city_region()) * stages + k];
      sums.push_back(s);
    }
    double mean = 0;
    for (const double s : sums) mean += s / static_cast<double>(sums.size());
    EXPECT_NEAR(band.mean[i], mean, 1e-9 * std::max(1.0, mean));
    EXPECT_DOUBLE_EQ(band.p5[i], type7(sums, 0.05));
    EXPECT_DOUBLE_EQ(band.p95[i], type7(sums, 0.95));
    some_spread = some_spread || band.p95[i] > band.p5[i];
  }
  EXPECT_TRUE(some_spread) << "replicates should differ somewhere, or the test shows nothing";
}

TEST(ReplicateBand, PeriodTotalSumsYearsWithinEachReplicate) {
  const auto& r = SmallResults::get().results();
  const ResultsArray a = r.read_output("deaths_pneumoconiosis");
  const Interval90 total = period_total_over_replicates(r, a, r.city_region(), std::nullopt, {2021, 2025});
  std::vector<double> sums;
  for (std::size_t rep = 0; rep < a.shape[0]; ++rep) {
    double s = 0;
    for (int year = 2021; year <= 2025; ++year) {
      s += a.values[(rep * a.shape[1] + r.year_index(year)) * a.shape[2] + r.city_region()];
    }
    sums.push_back(s);
  }
  EXPECT_DOUBLE_EQ(total.p5, type7(sums, 0.05));
  EXPECT_DOUBLE_EQ(total.p95, type7(sums, 0.95));
}

TEST(ProjectionFigures, DataBlocksHoldTheCitysBandsOverTheShownYears) {
  const auto& r = SmallResults::get().results();
  FigureOptions options = english_options();
  options.years = {2005, 2030};
  const Figure figure = new_cases_figure(r, options);
  EXPECT_EQ(figure.name, "new_cases");
  const YearBand reported = band_over_replicates(r, r.read_output("new_diagnoses"), r.city_region(), std::nullopt, options.years);
  const YearBand onset = band_over_replicates(r, r.read_output("new_cases_true"), r.city_region(), 0, options.years);
  for (const auto& [name, band] : {std::pair{"reported", &reported}, std::pair{"true_onset", &onset}}) {
    const auto rows = parse_block(format_data_block(figure.block(name)));
    ASSERT_EQ(rows.size(), 26u) << name;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i][0], 2005 + static_cast<int>(i));
      expect_written_value(rows[i][1], band->mean[i], name);
      expect_written_value(rows[i][2], band->p5[i], name);
      expect_written_value(rows[i][3], band->p95[i], name);
    }
  }
  // The plan period (2021-2025 in the small scenario's targets) is shaded and labelled.
  EXPECT_NE(figure.commands.find("rectangle from 2020.5, graph 0 to 2025.5, graph 1"), std::string::npos);
  EXPECT_NE(figure.commands.find("Plan period 2021–2025"), std::string::npos);

  const Figure prevalence = prevalence_figure(r, options);
  for (const char* block : {"true_stage_1", "true_stage_2", "true_stage_3", "diagnosed"}) {
    EXPECT_EQ(prevalence.block(block).rows.size(), 26u) << block;
  }
  const Figure deaths = deaths_figure(r, options);
  EXPECT_EQ(deaths.block("deaths_pneumoconiosis").rows.size(), 26u);
}

TEST(IndicatorFigures, EachPlanIndicatorAgainstItsTargetLine) {
  const auto& r = SmallResults::get().results();
  const IndicatorFigures set = indicator_figures(r, &SmallResults::get().card(), english_options());
  EXPECT_EQ(set.figures.size() + set.left_out.size(), r.targets.size()) << "the plan's indicators, no others";
  std::map<std::string, const Figure*> by_name;
  for (const auto& f : set.figures) by_name[f.name] = &f;
  for (const auto& target : r.targets) {
    const std::string key(indicator_info(target.indicator).key);
    ASSERT_TRUE(by_name.count("indicator_" + key)) << key << " has values in the small scenario";
    const Figure& f = *by_name["indicator_" + key];
    if (target.comparator == Comparator::Increasing) {
      EXPECT_THROW(f.block("target"), std::out_of_range);
      EXPECT_NE(f.commands.find("rises every year"), std::string::npos);
      continue;
    }
    const auto rows = parse_block(format_data_block(f.block("target")));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_DOUBLE_EQ(rows[0][1], target.target);
    // The key reports the scorecard's verdicts for the city.
    for (const auto& row : SmallResults::get().card().rows) {
      if (row.region != r.city_region() || row.target.indicator != target.indicator) continue;
      EXPECT_NE(f.commands.find(std::to_string(row.year) + ": " + verdict_name(row.verdict)), std::string::npos) << key;
    }
  }
  // The figures follow the plan's table.
  for (std::size_t i = 0; i < set.figures.size(); ++i) {
    EXPECT_EQ(set.figures[i].name, "indicator_" + std::string(indicator_info(r.targets[i].indicator).key));
  }
  // Without a plan, every indicator that has values is drawn, without target lines.
  ResultsFile no_plan = r;
  no_plan.targets.clear();
  const IndicatorFigures all = indicator_figures(no_plan, nullptr, english_options());
  EXPECT_EQ(all.figures.size() + all.left_out.size(), kIndicatorCount);
  for (const auto& f : all.figures) EXPECT_THROW(f.block("target"), std::out_of_range);
  for (const auto id : set.left_out) {
    const ResultsArray a = r.read_output("indicator_" + std::string(indicator_info(id).key));
    for (std::size_t rep = 0; rep < a.shape[0]; ++rep) {
      for (std::size_t y = r.year_index(english_options().years.first); y < a.shape[1]; ++y) {
        EXPECT_TRUE(std::isnan(a.values[(rep * a.shape[1] + y) * a.shape[2] + r.city_region()]));
      }
    }
  }
}

TEST(ScorecardFigure, EveryCellCarriesTheScorecardsVerdict) {
  const Scorecard& card = SmallResults::get().card();
  const auto& r = SmallResults::get().results();
  const Figure figure = scorecard_figure(card, english_options());
  const DataBlock& cells = figure.block("cells");
  ASSERT_EQ(cells.rows.size(), card.rows.size());
  std::set<std::pair<double, double>> positions;
  for (std::size_t i = 0; i < card.rows.size(); ++i) {
    const auto& row = card.rows[i];
    const auto& cell = cells.rows[i];
    positions.insert({std::get<double>(cell[0]), std::get<double>(cell[1])});
    EXPECT_EQ(std::get<double>(cell[2]), figure_style::verdict_rgb(row.verdict));
    EXPECT_EQ(std::get<double>(cell[3]), static_cast<double>(r.region_codes[row.region]));
    EXPECT_EQ(std::get<std::string>(cell[4]), indicator_info(row.target.indicator).key);
    EXPECT_EQ(std::get<double>(cell[5]), row.year);
    EXPECT_EQ(std::get<std::string>(cell[6]), verdict_name(row.verdict));
    // The city is the first column.
    EXPECT_EQ(std::get<double>(cell[0]) == 0.0, row.region == r.city_region());
  }
  EXPECT_EQ(positions.size(), card.rows.size()) << "two cells in one place";
}

TEST(TownshipMap, PointsPatientsAndStationsComeFromTheFile) {
  const auto& r = SmallResults::get().results();
  FigureOptions options = english_options();
  options.map_year = 2028;
  const Figure figure = township_map_figure(r, options);
  // Read straight from the file, not through ResultsFile.
  auto file = h5::open_file_read_only(SmallResults::get().path());
  auto axes = h5::open_group(file.id(), "axes");
  const auto lon = h5::read_doubles(axes.id(), "township_lon");
  const auto lat = h5::read_doubles(axes.id(), "township_lat");
  auto summary = h5::open_group(file.id(), "summary");
  auto patients_group = h5::open_group(summary.id(), "patients_diagnosed_by_township");  // patients_counted = diagnosed
  auto station_group = h5::open_group(summary.id(), "rehab_station_open");
  const auto patients = h5::read_doubles(patients_group.id(), "mean");
  const auto stations = h5::read_doubles(station_group.id(), "mean");
  const std::size_t townships = lon.size(), y = r.year_index(2028);
  const auto rows = parse_block(format_data_block(figure.block("townships")));
  ASSERT_EQ(rows.size(), townships - 1) << "every township but 'outside the city'";
  double patients_drawn = 0;
  for (std::size_t t = 0; t + 1 < townships; ++t) {
    expect_written_value(rows[t][1], lon[t], "lon");
    expect_written_value(rows[t][2], lat[t], "lat");
    expect_written_value(rows[t][3], patients[y * townships + t], "patients");
    expect_written_value(rows[t][6], stations[y * townships + t], "station share");
    patients_drawn += rows[t][3];
  }
  EXPECT_GT(patients_drawn, 0.0) << "the small scenario has patients in 2028";
  EXPECT_NE(figure.caption.find("2028"), std::string::npos);
}

TEST(TownshipMap, StationsByShareCountiesNamedAndOutlinesApproximate) {
  const auto& r = SmallResults::get().results();
  FigureOptions options = english_options();
  options.map_year = 2028;
  const Figure figure = township_map_figure(r, options);
  // Every station is in the class of its share of replicates, and only stations have a class.
  for (const auto& row : figure.block("townships").rows) {
    const double share = std::get<double>(row[6]);
    const int cls = static_cast<int>(std::get<double>(row[11]));
    if (share <= 0) {
      EXPECT_EQ(cls, 0);
    } else {
      ASSERT_GE(cls, 1);
      EXPECT_GE(share, kStationShareClasses[cls - 1]);
      if (cls > 1) {
        EXPECT_LT(share, kStationShareClasses[cls - 2]);
      }
    }
  }
  // Each county is named once, in its own words; the outlines exist and the note says they are approximate.
  std::map<std::string, int> named;
  for (const auto& row : figure.block("labels").rows) {
    if (std::get<double>(row[5]) == 1.0) ++named[std::get<std::string>(row[3])];
  }
  for (std::size_t c = 0; c + 1 < r.region_codes.size(); ++c) EXPECT_EQ(named[r.region_names_en[c]], 1) << c;
  EXPECT_FALSE(figure.block("outlines").rows.empty());
  EXPECT_NE(figure.commands.find("not official boundaries"), std::string::npos);
  EXPECT_NE(figure.commands.find(" km\""), std::string::npos) << "a scale bar";
}

ComparisonFile two_package_comparison() {
  ComparisonFile c;
  c.path = "/tmp/comparison.h5";
  c.scenario_name = "small";
  c.program_version = "0.1.0";
  c.git_commit = "abc";
  c.baseline = "baseline";
  c.seed = 3;
  c.replicates = 20;
  c.period_first_year = 2021;
  c.period_last_year = 2025;
  c.target_year = 2025;
  c.city_name_zh = "小市";
  c.city_name_en = "Small City";
  c.packages = {{"stronger", "Stronger enforcement", "加强执法", "stronger.h5"}, {"baseline", "Baseline", "基线", "baseline.h5"}};
  c.outcomes.resize(2);
  c.outcomes[0].name = "reported_cases";
  c.outcomes[0].label_en = "Reported cases";
  c.outcomes[0].label_zh = "报告病例";
  c.outcomes[0].unit = "persons";
  c.outcomes[1].name = "deaths";
  c.outcomes[1].label_en = "Deaths";
  c.outcomes[1].label_zh = "死亡";
  c.outcomes[1].unit = "persons";
  c.value = {{80, 9, 100, 12}, {70, 6, 90, 10}, {90, 12, 110, 14}};
  c.difference = {{-20, -3, 0, 0}, {-28, -5, 0, 0}, {-12, -1, 0, 0}};
  c.cases_averted = {{20, 0}, {12, 0}, {28, 0}};
  c.deaths_averted = {{3, 0}, {1, 0}, {5, 0}};
  c.incremental_cost_rmb = {{2e6, 0}, {1.9e6, 0}, {2.1e6, 0}};
  c.cost_per_case_averted_rmb = {1e5, std::nan("")};
  c.discount_rate_per_year = 0.03;
  c.discount_reference_year = 2021;
  c.price_year = 2023;
  c.dalys_averted = {{10, 0}, {5, 0}, {15, 0}};
  c.qalys_gained = {{20, 0}, {12, 0}, {30, 0}};
  c.incremental_cost_discounted_rmb = {{1.5e6, 0}, {1.4e6, 0}, {1.6e6, 0}};
  c.icer_rmb_per_daly_averted = {{150000, std::nan("")}, {93000, std::nan("")}, {320000, std::nan("")}};
  c.icer_rmb_per_qaly_gained = {{75000, std::nan("")}, {std::nan(""), std::nan("")}, {std::nan(""), std::nan("")}};
  c.icer_daly_status = {"ratio", "no health effect"};
  c.icer_qaly_status = {"ratio", "no health effect"};
  c.verdict_columns = {{IndicatorId::HazardDeclarationRate, 2025}};
  c.verdicts = {Verdict::Met, Verdict::NotMet};
  return c;
}

TEST(ComparisonFigures, BarsShowEachPackagesValueAndPairedDifference) {
  const ComparisonFile c = two_package_comparison();
  const Figure bars = comparison_outcome_figure(c, 0, Language::English);
  EXPECT_EQ(bars.name, "comparison_reported_cases");
  const DataBlock& block = bars.block("packages");
  ASSERT_EQ(block.rows.size(), 2u);
  // The baseline comes first, whatever its place in the file.
  EXPECT_EQ(std::get<std::string>(block.rows[0][1]), "baseline");
  EXPECT_EQ(std::get<double>(block.rows[0][3]), 100.0);
  EXPECT_EQ(std::get<double>(block.rows[0][9]), 1.0);
  EXPECT_EQ(std::get<std::string>(block.rows[1][1]), "stronger");
  EXPECT_EQ(std::get<double>(block.rows[1][3]), 80.0);
  EXPECT_EQ(std::get<double>(block.rows[1][4]), 70.0);
  EXPECT_EQ(std::get<double>(block.rows[1][5]), 90.0);
  EXPECT_EQ(std::get<double>(block.rows[1][6]), -20.0);
  EXPECT_EQ(std::get<std::string>(block.rows[1][10]), "-20.0 [-28.0, -12.0]");
  EXPECT_EQ(bars.caption, "Small City: Reported cases, sum 2021–2025");
  const auto verdicts = comparison_verdict_figure(c, Language::Chinese);
  ASSERT_TRUE(verdicts);
  const DataBlock& cells = verdicts->block("cells");
  ASSERT_EQ(cells.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(cells.rows[0][6]), "met");
  EXPECT_EQ(std::get<std::string>(cells.rows[0][7]), "达标 ✓");
  EXPECT_EQ(std::get<std::string>(cells.rows[1][6]), "not met");
}

// Writes the comparison layout with the project's HDF5 helpers; `skip` leaves one dataset out.
void write_comparison(const std::string& path, const ComparisonFile& c, const std::string& skip = "",
                      const std::string& verdict_text = "met") {
  // Written and sealed as pneumoplan writes it: the reader checks the seal before anything else.
  h5::write_sealed_file(path, [&](hid_t root) {
  h5::write_attribute(root, "format", std::string("pneumoplan-comparison"));
  h5::write_attribute(root, "format_version", kComparisonFormatVersion);
  h5::write_attribute(root, "scenario_name", c.scenario_name);
  h5::write_attribute(root, "city_name_zh", c.city_name_zh);
  h5::write_attribute(root, "city_name_en", c.city_name_en);
  h5::write_attribute(root, "target_year", std::int64_t{c.target_year});
  h5::write_attribute(root, "program_version", c.program_version);
  h5::write_attribute(root, "git_commit", c.git_commit);
  h5::write_attribute(root, "seed", c.seed);
  h5::write_attribute(root, "replicates", c.replicates);
  h5::write_attribute(root, "baseline", c.baseline);
  h5::write_attribute(root, "period_first_year", std::int64_t{c.period_first_year});
  h5::write_attribute(root, "period_last_year", std::int64_t{c.period_last_year});
  const hsize_t P = c.packages.size(), O = c.outcomes.size(), K = c.verdict_columns.size();
  {
    auto g = h5::create_group(root, "packages");
    std::vector<std::string> names, en, zh, files;
    for (const auto& p : c.packages) {
      names.push_back(p.name);
      en.push_back(p.label_en);
      zh.push_back(p.label_zh);
      files.push_back(p.results_file);
    }
    h5::write_strings(g.id(), "name", names);
    h5::write_strings(g.id(), "label_en", en);
    h5::write_strings(g.id(), "label_zh", zh);
    h5::write_strings(g.id(), "results_file", files);
  }
  {
    auto g = h5::create_group(root, "outcomes");
    std::vector<std::string> names, en, zh, units, readings, comparators;
    std::vector<double> targets;
    for (const auto& o : c.outcomes) {
      names.push_back(o.name);
      en.push_back(o.label_en);
      zh.push_back(o.label_zh);
      units.push_back(o.unit);
      readings.emplace_back("sum over period");
      comparators.push_back(o.comparator);
      targets.push_back(o.target);
    }
    h5::write_strings(g.id(), "name", names);
    h5::write_strings(g.id(), "label_en", en);
    h5::write_strings(g.id(), "label_zh", zh);
    h5::write_strings(g.id(), "unit", units);
    h5::write_strings(g.id(), "reading", readings);
    h5::write_strings(g.id(), "comparator", comparators);
    h5::write_dataset(g.id(), "target", {O}, targets);
  }
  {
    auto averted = h5::create_group(root, "averted");
    for (const auto& [name, table] : {std::pair{"true_new_cases", &c.cases_averted},
                                      std::pair{"pneumoconiosis_deaths", &c.deaths_averted},
                                      std::pair{"incremental_cost_rmb", &c.incremental_cost_rmb}}) {
      auto g = h5::create_group(averted.id(), name);
      h5::write_dataset(g.id(), "mean", {P}, table->mean);
      h5::write_dataset(g.id(), "p5", {P}, table->p5);
      h5::write_dataset(g.id(), "p95", {P}, table->p95);
    }
    h5::write_dataset(averted.id(), "cost_per_case_averted_rmb", {P}, c.cost_per_case_averted_rmb);
  }
  {
    auto economics = h5::create_group(root, "economics");
    h5::write_attribute(economics.id(), "discount_rate_per_year", c.discount_rate_per_year);
    h5::write_attribute(economics.id(), "reference_year", std::int64_t{c.discount_reference_year});
    h5::write_attribute(economics.id(), "price_year", std::int64_t{c.price_year});
    for (const auto& [name, table] : {std::pair{"dalys_averted", &c.dalys_averted},
                                      std::pair{"qalys_gained", &c.qalys_gained},
                                      std::pair{"incremental_cost_rmb", &c.incremental_cost_discounted_rmb}}) {
      auto g = h5::create_group(economics.id(), name);
      h5::write_dataset(g.id(), "mean", {P}, table->mean);
      h5::write_dataset(g.id(), "p5", {P}, table->p5);
      h5::write_dataset(g.id(), "p95", {P}, table->p95);
    }
    for (const auto& [name, table, status] :
         {std::tuple{"icer_rmb_per_daly_averted", &c.icer_rmb_per_daly_averted, &c.icer_daly_status},
          std::tuple{"icer_rmb_per_qaly_gained", &c.icer_rmb_per_qaly_gained, &c.icer_qaly_status}}) {
      if (skip == std::string("economics/") + name) continue;
      auto g = h5::create_group(economics.id(), name);
      h5::write_dataset(g.id(), "ratio", {P}, table->mean);
      h5::write_dataset(g.id(), "p5", {P}, table->p5);
      h5::write_dataset(g.id(), "p95", {P}, table->p95);
      h5::write_strings(g.id(), "status", *status);
    }
  }
  for (const auto& [name, table] : {std::pair{"value", &c.value}, std::pair{"difference", &c.difference}}) {
    auto g = h5::create_group(root, name);
    const bool flat = skip == std::string(name) + "/mean:flat";
    h5::write_dataset(g.id(), "mean", flat ? std::vector<hsize_t>{P * O} : std::vector<hsize_t>{P, O}, table->mean);
    h5::write_dataset(g.id(), "p5", {P, O}, table->p5);
    if (skip != std::string(name) + "/p95") h5::write_dataset(g.id(), "p95", {P, O}, table->p95);
  }
  auto g = h5::create_group(root, "verdicts");
  std::vector<std::string> keys;
  std::vector<std::int64_t> years;
  for (const auto& v : c.verdict_columns) {
    keys.emplace_back(indicator_info(v.indicator).key);
    years.push_back(v.year);
  }
  h5::write_strings(g.id(), "indicator_key", keys);
  h5::write_dataset(g.id(), "year", {K}, years);
  // [P][K] strings need a two-dimensional dataset, which the helpers do not write: the C API does. The
  // first verdict is `verdict_text`, to test unknown verdicts.
  std::vector<std::string> flat;
  for (std::size_t i = 0; i < c.verdicts.size(); ++i) flat.push_back(i == 0 ? verdict_text : verdict_name(c.verdicts[i]));
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, H5T_VARIABLE);
  H5Tset_cset(type, H5T_CSET_UTF8);
  const hsize_t dims[2] = {P, K};
  hid_t space = H5Screate_simple(2, dims, nullptr);
  hid_t set = H5Dcreate2(g.id(), "verdict", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  std::vector<const char*> pointers;
  for (const auto& s : flat) pointers.push_back(s.c_str());
  H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, pointers.data());
  H5Dclose(set);
  H5Sclose(space);
  H5Tclose(type);
  });
}

TEST(ComparisonReader, ReadsTheLayoutOfPneumoplanCompare) {
  test::ScratchFolder scratch;
  const ComparisonFile written = two_package_comparison();
  write_comparison(scratch.file("comparison.h5"), written);
  EXPECT_EQ(detect_results_file_kind(scratch.file("comparison.h5")), ResultsFileKind::Comparison);
  EXPECT_EQ(detect_results_file_kind(SmallResults::get().path()), ResultsFileKind::Run);
  const ComparisonFile c = open_comparison_file(scratch.file("comparison.h5"));
  EXPECT_EQ(c.baseline_index(), 1u);
  EXPECT_EQ(c.packages[0].label_zh, "加强执法");
  EXPECT_EQ(c.outcomes[1].name, "deaths");
  EXPECT_EQ(c.value.mean, written.value.mean);
  EXPECT_EQ(c.difference.p95, written.difference.p95);
  EXPECT_EQ(c.verdict(0, 0), Verdict::Met);
  EXPECT_EQ(c.verdict(1, 0), Verdict::NotMet);
  EXPECT_EQ(c.verdict_columns[0].year, 2025);
  EXPECT_EQ(c.results_path(0), scratch.file("stronger.h5"));
  EXPECT_EQ(c.city_name(Language::Chinese), "小市");
  EXPECT_EQ(c.cases_averted.mean, written.cases_averted.mean);
  EXPECT_EQ(c.outcomes[0].reading, OutcomeReading::SumOverPeriod);
  EXPECT_EQ(c.dalys_averted.mean, written.dalys_averted.mean);
  EXPECT_EQ(c.qalys_gained.p95, written.qalys_gained.p95);
  EXPECT_EQ(c.incremental_cost_discounted_rmb.mean, written.incremental_cost_discounted_rmb.mean);
  EXPECT_EQ(c.icer_rmb_per_daly_averted.mean[0], 150000.0);
  EXPECT_EQ(c.icer_daly_status, written.icer_daly_status);
  EXPECT_EQ(c.discount_reference_year, 2021);
  EXPECT_EQ(c.price_year, 2023);
}

TEST(ComparisonReader, RefusesIncompleteOrWrongFilesNamingWhat) {
  test::ScratchFolder scratch;
  const ComparisonFile c = two_package_comparison();
  const auto message = [](const std::string& path) {
    try {
      open_comparison_file(path);
    } catch (const InputError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  write_comparison(scratch.file("a.h5"), c, "difference/p95");
  EXPECT_NE(message(scratch.file("a.h5")).find("/difference/p95"), std::string::npos) << message(scratch.file("a.h5"));
  write_comparison(scratch.file("b.h5"), c, "", "passed");
  EXPECT_NE(message(scratch.file("b.h5")).find("'passed'"), std::string::npos);
  ComparisonFile no_baseline = c;
  no_baseline.baseline = "nothing";
  write_comparison(scratch.file("c.h5"), no_baseline);
  EXPECT_NE(message(scratch.file("c.h5")).find("baseline package 'nothing'"), std::string::npos);
  write_comparison(scratch.file("e.h5"), c, "economics/icer_rmb_per_qaly_gained");
  EXPECT_NE(message(scratch.file("e.h5")).find("/economics/icer_rmb_per_qaly_gained"), std::string::npos)
      << message(scratch.file("e.h5"));
  write_comparison(scratch.file("d.h5"), c, "value/mean:flat");
  EXPECT_NE(message(scratch.file("d.h5")).find("/value/mean: expected shape [2,2], found [4]"), std::string::npos)
      << message(scratch.file("d.h5"));
  // A text file and an HDF5 file of another kind are refused like every damaged results file (IoError, exit
  // code 1), naming the file.
  test::write_file(scratch.file("text.h5"), "not hdf5");
  EXPECT_THROW(detect_results_file_kind(scratch.file("text.h5")), IoError);
  // Unsealed, it is refused before the HDF5 library reads it; sealed, by its format attribute.
  {
    auto other = h5::create_file(scratch.file("unsealed.h5"));
    h5::write_attribute(other.id(), "format", std::string("pneumoplan-comparison"));
  }
  try {
    detect_results_file_kind(scratch.file("unsealed.h5"));
    ADD_FAILURE() << "accepted an unsealed file";
  } catch (const IoError& error) {
    EXPECT_NE(std::string(error.what()).find("without pneumoplan's seal"), std::string::npos) << error.what();
  }
  h5::write_sealed_file(scratch.file("other.h5"), [](hid_t root) {
    h5::write_attribute(root, "format", std::string("something-else"));
  });
  try {
    detect_results_file_kind(scratch.file("other.h5"));
    ADD_FAILURE() << "accepted a file of another format";
  } catch (const IoError& error) {
    EXPECT_NE(std::string(error.what()).find("'something-else'"), std::string::npos);
    EXPECT_EQ(std::string(error.what()).rfind(scratch.file("other.h5"), 0), 0u) << error.what();
  }
  EXPECT_THROW(detect_results_file_kind(scratch.file("missing.h5")), IoError);
}

std::string png_bytes(std::uint32_t width, std::uint32_t height, bool complete) {
  std::string b("\x89PNG\r\n\x1a\n", 8);
  const auto u32 = [&](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) b += static_cast<char>((v >> s) & 0xff);
  };
  u32(13);
  b += "IHDR";
  u32(width);
  u32(height);
  b += std::string("\x08\x02\x00\x00\x00", 5);
  u32(0);  // CRC, not checked
  if (complete) b += std::string("\0\0\0\0IEND\xae\x42\x60\x82", 12);
  return b;
}

TEST(FigureFileCheck, ReadsSizesAndRefusesBrokenFiles) {
  const FigureFileInfo png = inspect_figure_bytes(png_bytes(640, 480, true), "a.png");
  EXPECT_EQ(png.format, FigureFormat::Png);
  EXPECT_EQ(png.width, 640);
  EXPECT_EQ(png.height, 480);
  EXPECT_THROW(inspect_figure_bytes(png_bytes(640, 480, false), "b.png"), IoError);
  const FigureFileInfo svg = inspect_figure_bytes(
      "<?xml version=\"1.0\"?>\n<svg \n width=\"1200\" height=\"750\"\n viewBox=\"0 0 1200 750\">\n</svg>\n", "a.svg");
  EXPECT_EQ(svg.format, FigureFormat::Svg);
  EXPECT_EQ(svg.width, 1200);
  EXPECT_EQ(svg.height, 750);
  EXPECT_THROW(inspect_figure_bytes("<svg width=\"10\" height=\"10\">\n<g>", "cut.svg"), IoError);
  const FigureFileInfo pdf = inspect_figure_bytes("%PDF-1.5\n1 0 obj << /MediaBox [ 0 0 864 540 ] >>\n%%EOF\n", "a.pdf");
  EXPECT_EQ(pdf.format, FigureFormat::Pdf);
  EXPECT_EQ(pdf.width, 864);
  EXPECT_EQ(pdf.height, 540);
  EXPECT_THROW(inspect_figure_bytes("%PDF-1.5\n1 0 obj << /MediaBox [ 0 0 864 540 ] >>\n", "cut.pdf"), IoError);
  EXPECT_THROW(inspect_figure_bytes("GIF89a", "a.gif"), IoError);
  EXPECT_THROW(inspect_figure_bytes("", "empty.png"), IoError);
}

TEST(FigureRenderer, DrawsEveryFigureTypeIntoAValidFileOfItsSize) {
  const auto& r = SmallResults::get().results();
  FigureOptions options = english_options();
  options.language = Language::Chinese;  // Chinese labels exercise the CJK font
  FigureSet set = run_figure_set(r, &SmallResults::get().card(), options,
                                 {FigureKind::NewCases, FigureKind::Scorecard, FigureKind::Map});
  const ComparisonFile c = two_package_comparison();
  set.figures.push_back(comparison_outcome_figure(c, 0, Language::English));
  set.figures.push_back(*comparison_verdict_figure(c, Language::English));
  set.figures.push_back(indicator_figures(r, &SmallResults::get().card(), english_options()).figures.at(1));
  ASSERT_EQ(set.figures.size(), 6u);
  test::ScratchFolder scratch;
  const FigureRenderer renderer;
  const auto written = write_figure_folder(renderer, set.figures, FigureFormat::Png, scratch.path(), true);
  ASSERT_EQ(written.size(), set.figures.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    const FigureFileInfo info = inspect_figure_file(scratch.file(written[i].file));
    EXPECT_EQ(info.format, FigureFormat::Png) << written[i].file;
    EXPECT_EQ(info.width, set.figures[i].width_px) << written[i].file;
    EXPECT_EQ(info.height, set.figures[i].height_px) << written[i].file;
    EXPECT_EQ(written[i].gnuplot_messages, "") << written[i].file;
    // The kept script is exactly what gnuplot was sent, with the final file name.
    EXPECT_EQ(test::read_file(scratch.file(set.figures[i].name + ".gp")),
              gnuplot_script(set.figures[i], FigureFormat::Png, written[i].file));
  }
  // Nothing but the figures and their scripts: no temporaries left behind.
  EXPECT_EQ(static_cast<std::size_t>(std::distance(fs::directory_iterator(scratch.path()), fs::directory_iterator())),
            2 * written.size());
}

TEST(FigureRenderer, SvgAndPdfHaveTheFiguresSizeAndPdfIsReproducible) {
  const Figure figure = deaths_figure(SmallResults::get().results(), english_options());
  test::ScratchFolder scratch;
  const FigureRenderer renderer;
  for (const FigureFormat format : {FigureFormat::Svg, FigureFormat::Pdf}) {
    const std::string path = scratch.file("deaths." + figure_extension(format));
    renderer.render(figure, format, path).output->commit();
    const FigureFileInfo info = inspect_figure_file(path);
    EXPECT_EQ(info.format, format);
    EXPECT_NEAR(info.width, figure.width_px, 0.5);
    EXPECT_NEAR(info.height, figure.height_px, 0.5);
  }
  const std::string again = scratch.file("again.pdf");
  renderer.render(figure, FigureFormat::Pdf, again).output->commit();
  EXPECT_EQ(test::read_file(again), test::read_file(scratch.file("deaths.pdf"))) << "PDF carries a timestamp";
}

TEST(FigureRenderer, GnuplotsErrorSurfacesWithItsMessageAndLeavesNoFile) {
  Figure broken;
  broken.name = "broken";
  broken.commands = "plot no_such_function(x)\n";
  test::ScratchFolder scratch;
  const FigureRenderer renderer;
  try {
    renderer.render(broken, FigureFormat::Png, scratch.file("broken.png"));
    ADD_FAILURE() << "a gnuplot error was not reported";
  } catch (const IoError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("gnuplot failed on figure broken"), std::string::npos) << message;
    EXPECT_NE(message.find("undefined function: no_such_function"), std::string::npos) << message;
  }
  EXPECT_TRUE(fs::is_empty(scratch.path()));
}

TEST(FigureRenderer, MissingGnuplotIsAnErrorNotAWarning) {
  try {
    FigureRenderer renderer{""};
    ADD_FAILURE() << "no gnuplot accepted";
  } catch (const IoError& error) {
    EXPECT_NE(std::string(error.what()).find("gnuplot-nox"), std::string::npos);
  }
  EXPECT_THROW(FigureRenderer{"/nonexistent/gnuplot"}, IoError);
}

TEST(ReportDocument, MarkdownAndHtmlCarryTheSameContent) {
  ReportDocument doc;
  doc.title = "R <1>";
  doc.heading(1, "R <1>");
  doc.paragraph("Commit `abc` & more");
  doc.table({{"a", "b|c"}, {{ReportCell("x|y"), ReportCell("met", "", "#1a9850")}}});
  doc.figure("figures/new_cases.png", "New cases");
  doc.list({ReportCell("Run report", "packages/a/report.md")});
  const std::string md = render_markdown(doc);
  EXPECT_NE(md.find("# R <1>\n"), std::string::npos);
  EXPECT_NE(md.find("| a | b\\|c |\n|---|---|\n| x\\|y | met |"), std::string::npos) << md;
  EXPECT_NE(md.find("![New cases](figures/new_cases.png)"), std::string::npos);
  EXPECT_NE(md.find("- [Run report](packages/a/report.md)"), std::string::npos);
  const std::string html = render_html(doc);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("<h1>R &lt;1&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p>Commit <code>abc</code> &amp; more</p>"), std::string::npos);
  EXPECT_NE(html.find("<td style=\"background: #1a9850\">met</td>"), std::string::npos);
  EXPECT_NE(html.find("<img src=\"figures/new_cases.png\""), std::string::npos);
  EXPECT_NE(html.find("<a href=\"packages/a/report.html\">"), std::string::npos) << "HTML links the HTML twin";
}

TEST(RunReport, HasProvenanceAssumptionsPlanNumbersAndTheScorecardsVerdicts) {
  const auto& r = SmallResults::get().results();
  const Scorecard& card = SmallResults::get().card();
  RunReportFigures figures;
  figures.folder = "figures";
  figures.written = {{"new_cases", "new_cases.png", "New cases", ""}, {"scorecard", "scorecard.png", "Scorecard", ""}};
  const std::string md = render_markdown(run_report(r, &card, english_options(), figures));
  EXPECT_NE(md.find(r.git_commit), std::string::npos);
  EXPECT_NE(md.find("| Seed | 11 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| Replicates | 3 |"), std::string::npos);
  EXPECT_NE(md.find("![New cases](figures/new_cases.png)"), std::string::npos);
  EXPECT_NE(md.find("![Scorecard](figures/scorecard.png)"), std::string::npos);
  // The small scenario's own settings differ from the defaults and are listed.
  EXPECT_NE(md.find("| `simulation.start_year` | 1990 | 1970 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| `surveillance.followup_years_after_exit` | 3 | 5 |"), std::string::npos);
  EXPECT_NE(md.find("A small two-county scenario for the test suite"), std::string::npos);
  EXPECT_NE(md.find("The plan period in numbers, 2021–2025"), std::string::npos);
  for (const auto& row : card.rows) {
    if (row.region != r.city_region()) continue;
    const std::string name(indicator_info(row.target.indicator).name_en);
    EXPECT_NE(md.find("| " + name + " | " + std::to_string(row.year) + " |"), std::string::npos) << name;
  }
  std::size_t verdict_cells = 0;
  for (const auto& row : card.rows) verdict_cells += row.region == r.city_region();
  std::size_t found = 0;
  for (std::size_t at = md.find(" | 2023 | "); at != std::string::npos; at = md.find(" | 2023 | ", at + 1)) ++found;
  for (std::size_t at = md.find(" | 2025 | "); at != std::string::npos; at = md.find(" | 2025 | ", at + 1)) ++found;
  EXPECT_EQ(found, verdict_cells);
}

TEST(ScenarioAssumptions, ComeFromTheRecordedScenario) {
  const ScenarioAssumptions a = scenario_assumptions(SmallResults::get().results());
  EXPECT_EQ(a.counties, 2u);
  EXPECT_EQ(a.townships, 6u);
  EXPECT_EQ(a.station_layout, "rule");
  EXPECT_EQ(a.patients_counted, "diagnosed");
  EXPECT_EQ(a.overrides, "");
  bool seed_listed = false;
  for (const auto& d : a.non_default) seed_listed = seed_listed || (d.key == "simulation.seed" && d.value == "7");
  EXPECT_TRUE(seed_listed);
}

TEST(ComparisonReport, ListsPackagesOutcomesDifferencesAndVerdicts) {
  const ComparisonFile c = two_package_comparison();
  const std::vector<WrittenFigure> figures = {{"comparison_deaths", "comparison_deaths.png", "Deaths", ""}};
  const std::string md = render_markdown(comparison_report(
      c, Language::English, figures, "figures", {{"packages/stronger/report.md", ""}, {"", "results file baseline.h5 not found"}}));
  EXPECT_NE(md.find("[Run report](packages/stronger/report.md)"), std::string::npos) << md;
  EXPECT_NE(md.find("results file baseline.h5 not found"), std::string::npos);
  EXPECT_NE(md.find("| Stronger enforcement | 80.0 | [70.0, 90.0] | -20.0 [-28.0, -12.0] |"), std::string::npos) << md;
  EXPECT_NE(md.find("| Baseline | 100 | [90, 110] | reference |"), std::string::npos);
  // Health gain and cost: cases and deaths averted, incremental cost and cost per case averted, in 万元.
  EXPECT_NE(md.find("| Stronger enforcement | 20.0 [12.0, 28.0] | 3.0 [1.0, 5.0] | 200 [190, 210] | 10.0 |"),
            std::string::npos) << md;
  // One label per package: no "(baseline)" after the baseline's own label.
  // Cost-effectiveness: DALYs, QALYs, discounted cost to every payer and the ratios, with "no health effect" where
  // there is no ratio.
  EXPECT_NE(md.find("## Cost-effectiveness, sum 2021–2025"), std::string::npos) << md;
  EXPECT_NE(md.find("| Stronger enforcement | 10.0 [5.0, 15.0] | 20.0 [12.0, 30.0] | 150 [140, 160] | 15.0 [9.3, 32.0] | "
                    "7.5 (interval undefined) |"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("Baseline (baseline)"), std::string::npos);
  EXPECT_NE(md.find("![Deaths](figures/comparison_deaths.png)"), std::string::npos);
  EXPECT_NE(md.find("| Hazard declaration rate of industrial enterprises | 2025 | met | not met |"), std::string::npos);
}

}  // namespace
}  // namespace pneumo
