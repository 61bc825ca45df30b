// pneumoplan report FILE.h5 --out DIR: a Markdown and an HTML report of a run or of a comparison, with its
// figures in DIR/figures. For a comparison, each package whose results file is at hand gets its own run
// report in DIR/packages/NAME, linked from the comparison report.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <vector>

#include "command_line.hpp"
#include "figure_command_options.hpp"
#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/report/comparison_report.hpp"
#include "pneumoplan/report/figure_renderer.hpp"
#include "pneumoplan/report/run_report.hpp"
#include "pneumoplan/report/word_document.hpp"
#include "pneumoplan/results/results_file_kind.hpp"

namespace fs = std::filesystem;

namespace pneumo::cli {
namespace {

constexpr const char* kFigureFolder = "figures";

// Everything one run report needs, read and built before anything is drawn.
struct PreparedRun {
  ResultsFile results;
  std::unique_ptr<Scorecard> card;
  FigureOptions options;
  FigureSet set;
};

std::unique_ptr<PreparedRun> prepare_run(const std::string& path, const po::variables_map& values,
                                         const std::set<FigureKind>& wanted) {
  auto run = std::make_unique<PreparedRun>();
  run->results = open_results_file(path);
  run->options = figure_options_for(run->results, values);
  run->card = scorecard_option(run->results, values);  // points at run->results, which stays put
  run->set = run_figure_set(run->results, run->card.get(), run->options, wanted);
  return run;
}

// report.md (figures linked), report.html (figures embedded) and, where pandoc is installed, report.docx.
void write_report_files(const std::string& folder, const ReportDocument& document) {
  const std::string markdown = (fs::path(folder) / "report.md").string();
  write_text_atomically(markdown, render_markdown(document));
  write_text_atomically((fs::path(folder) / "report.html").string(), render_html(document, folder));
  const std::string pandoc = find_program_on_path("pandoc");
  if (!pandoc.empty()) write_docx_with_pandoc(pandoc, markdown, (fs::path(folder) / "report.docx").string());
}

std::string word_note(Language language) {
  const bool pandoc = !find_program_on_path("pandoc").empty();
  if (language == Language::Chinese) return pandoc ? "，以及 Word 版 report.docx" : "；未安装 pandoc，未生成 Word 版";
  return pandoc ? ", and report.docx for Word" : " (pandoc is not installed: no Word copy)";
}

void write_run_report(const FigureRenderer& renderer, const PreparedRun& run, FigureFormat format, const std::string& folder) {
  RunReportFigures figures;
  figures.folder = kFigureFolder;
  figures.written = write_figure_folder(renderer, run.set.figures, format, (fs::path(folder) / kFigureFolder).string(), false);
  figures.indicators_left_out = run.set.indicators_left_out;
  for (const auto& f : figures.written) {
    if (!f.gnuplot_messages.empty()) std::cerr << "gnuplot (" << f.name << "): " << f.gnuplot_messages << "\n";
  }
  write_report_files(folder, run_report(run.results, run.card.get(), run.options, figures));
}

// A package name as a folder name: letters, digits, '_' and '-' kept, anything else replaced.
std::string folder_name(const std::string& name) {
  std::string out;
  for (const char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    out += keep ? c : '_';
  }
  return out.empty() ? "_" : out;
}

}  // namespace

int report_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  options.add_options()
      ("results", po::value<std::string>(), "Results file of 'pneumoplan run' or comparison file of 'pneumoplan compare'.")
      ("out", po::value<std::string>(), "Folder for report.md, report.html and figures/ (created if needed).")
      ("quiet,q", "Print only the path of report.html.");
  add_figure_command_options(options, "png or svg (figures embedded in the report)");
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map values;
  if (!parse_options(args, options, positional, values, "pneumoplan report FILE.h5 --out DIR [--lang en|zh] [--format png|svg]",
                     "Writes DIR/report.md (figures linked) and DIR/report.html (one self-contained page, figures "
                     "embedded) with the figures of 'pneumoplan plot' in DIR/figures, and DIR/report.docx for Word "
                     "where pandoc is installed: for a run, the date, the provenance (version, commit, seed), the "
                     "package simulated and its interventions, the scenario's key assumptions (its "
                     "description, station layout, overrides and every parameter that differs from the defaults), "
                     "the projections and the plan period in numbers, the scorecard (figure and city table), the "
                     "indicator trajectories and the township map; for a comparison, the packages, cases and deaths "
                     "averted with the cost per case averted, each outcome as paired differences from the baseline "
                     "with its levels, and the verdicts per package, "
                     "with a run report per package in DIR/packages/NAME when its results file is present.")) {
    return 0;
  }
  if (!values.count("results")) throw UsageError("expected a results file, e.g. 'pneumoplan report output/xuzhou/xuzhou.h5 --out report'");
  if (!values.count("out")) throw UsageError("expected --out DIR, the folder for the report");
  const std::string path = values["results"].as<std::string>(), folder = values["out"].as<std::string>();
  const Language language = language_option(values);
  const FigureFormat format = format_option(values, false);
  const std::set<FigureKind> wanted = figures_option(values);
  CommandPaths paths;
  paths.input(path, "the results file");
  paths.output_folder(folder, "--out");
  paths.check();
  // The report, its figures and the packages' reports are one set of outputs (output_set.hpp).
  const auto write_set = [&](const std::function<void(const std::string& staged)>& write) {
    OutputSet outputs(folder);
    try {
      write(outputs.stage_folder(folder));
      // Without pandoc no Word copy is written: one of an earlier report would no longer belong to this one.
      if (find_program_on_path("pandoc").empty()) {
        std::vector<fs::path> stale = {fs::path(folder) / "report.docx"};
        std::error_code ec;
        for (fs::directory_iterator it(fs::path(folder) / "packages", ec), end; !ec && it != end; it.increment(ec)) {
          stale.push_back(it->path() / "report.docx");
        }
        for (const auto& docx : stale) {
          if (fs::is_regular_file(docx, ec)) outputs.remove_on_commit(docx.string());
        }
      }
      outputs.commit();
    } catch (const IoError& error) {
      throw IoError(outputs.final_names(error.what()));
    }
  };

  const ResultsFileKind kind = detect_results_file_kind(path);
  if (kind == ResultsFileKind::Sweep) {
    throw UsageError(path + ": " + file_kind_words(kSweepFormat) + ", not " + file_kind_words(kResultsFormat) + " or " +
                     file_kind_words(kComparisonFormat) + ": 'pneumoplan plot' draws its figures; reports are "
                     "written for runs and comparisons");
  }
  if (kind == ResultsFileKind::Run) {
    const auto run = prepare_run(path, values, wanted);
    const FigureRenderer renderer;
    if (language == Language::Chinese) check_figure_font_installed();
    write_set([&](const std::string& staged) { write_run_report(renderer, *run, format, staged); });
    if (values.count("quiet")) {
      std::cout << (fs::path(folder) / "report.html").string() << "\n";
      return 0;
    }
    if (language == Language::Chinese) {
      std::cout << "报告：" << (fs::path(folder) / "report.md").string() << " 和 " << (fs::path(folder) / "report.html").string()
                << "（" << run->set.figures.size() << "幅图，保存在 " << (fs::path(folder) / kFigureFolder).string() << "）"
                << word_note(language) << "\n";
    } else {
      std::cout << "Report: " << (fs::path(folder) / "report.md").string() << " and "
                << (fs::path(folder) / "report.html").string() << " (" << run->set.figures.size() << " figures in "
                << (fs::path(folder) / kFigureFolder).string() << ")" << word_note(language) << "\n";
    }
    return 0;
  }

  const ComparisonFile comparison = open_comparison_file(path);
  const FigureSet set = comparison_figure_set(comparison, language, wanted);
  // Every package's results are read and checked before anything is drawn.
  std::vector<std::unique_ptr<PreparedRun>> runs(comparison.packages.size());
  std::vector<PackageReportLink> links(comparison.packages.size());
  for (std::size_t p = 0; p < comparison.packages.size(); ++p) {
    const std::string results_path = comparison.results_path(p);
    if (!fs::is_regular_file(results_path)) {
      links[p].problem = fill(localised_text(language).results_missing, {comparison.packages[p].results_file});
      std::cerr << "warning: " << path << ": package " << comparison.packages[p].name << ": results file " << results_path
                << " not found; its run report is left out\n";
      continue;
    }
    if (detect_results_file_kind(results_path) != ResultsFileKind::Run) {
      throw InputError(path, 0, "/packages/results_file of " + comparison.packages[p].name + ": " + results_path +
                                    " is not the results file of a run");
    }
    paths.input(results_path, "the results of package " + comparison.packages[p].name);
    runs[p] = prepare_run(results_path, values, wanted);
    links[p].report = "packages/" + folder_name(comparison.packages[p].name) + "/report.md";
  }
  paths.check();
  const FigureRenderer renderer;
  if (language == Language::Chinese) check_figure_font_installed();
  std::vector<WrittenFigure> written;
  write_set([&](const std::string& staged) {
    for (std::size_t p = 0; p < runs.size(); ++p) {
      if (runs[p]) write_run_report(renderer, *runs[p], format, (fs::path(staged) / "packages" / folder_name(comparison.packages[p].name)).string());
    }
    written = write_figure_folder(renderer, set.figures, format, (fs::path(staged) / kFigureFolder).string(), false);
    write_report_files(staged, comparison_report(comparison, language, written, kFigureFolder, links));
  });
  if (values.count("quiet")) {
    std::cout << (fs::path(folder) / "report.html").string() << "\n";
    return 0;
  }
  const auto reports = std::count_if(runs.begin(), runs.end(), [](const auto& r) { return r != nullptr; });
  if (language == Language::Chinese) {
    std::cout << "报告：" << (fs::path(folder) / "report.md").string() << " 和 " << (fs::path(folder) / "report.html").string()
              << "（" << written.size() << "幅图；" << reports << "个方案的运行报告保存在 "
              << (fs::path(folder) / "packages").string() << "）" << word_note(language) << "\n";
  } else {
    std::cout << "Report: " << (fs::path(folder) / "report.md").string() << " and "
              << (fs::path(folder) / "report.html").string() << " (" << written.size() << " figures; run reports of "
              << reports << " packages in " << (fs::path(folder) / "packages").string() << ")" << word_note(language)
              << "\n";
  }
  return 0;
}

}  // namespace pneumo::cli
