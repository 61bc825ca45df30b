// A report as a list of blocks (headings, paragraphs, tables, figures, lists), written out as Markdown (figures
// linked) or as a self-contained HTML page (figures embedded as data: URIs, so the one file can be mailed or
// archived). Text is plain; `code` in backticks becomes code in both. In the HTML page, relative links to
// another report's .md file point to its .html twin.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pneumo {

struct ReportCell {
  ReportCell(std::string cell_text = "", std::string cell_link = "", std::string cell_background = "",
             std::string cell_colour = "")
      : text(std::move(cell_text)),
        link(std::move(cell_link)),
        background(std::move(cell_background)),
        colour(std::move(cell_colour)) {}
  ReportCell(const char* cell_text) : text(cell_text) {}

  std::string text;
  std::string link;        // a relative path or URL; empty for none
  std::string background;  // an HTML colour ("#0072B2") for verdict cells; Markdown ignores it
  std::string colour;      // the text's colour on that background
};

struct ReportHeading {
  int level = 1;
  std::string text;
};
struct ReportParagraph {
  std::string text;
};
struct ReportTable {
  std::vector<std::string> header;
  std::vector<std::vector<ReportCell>> rows;
};
struct ReportFigure {
  std::string path;  // relative to the report
  std::string caption;
};
struct ReportList {
  std::vector<ReportCell> items;
};

using ReportBlock = std::variant<ReportHeading, ReportParagraph, ReportTable, ReportFigure, ReportList>;

struct ReportDocument {
  std::string title;
  std::string language = "en";  // HTML lang attribute
  std::vector<ReportBlock> blocks;

  void heading(int level, std::string text) { blocks.emplace_back(ReportHeading{level, std::move(text)}); }
  void paragraph(std::string text) { blocks.emplace_back(ReportParagraph{std::move(text)}); }
  void table(ReportTable t) { blocks.emplace_back(std::move(t)); }
  void figure(std::string path, std::string caption) { blocks.emplace_back(ReportFigure{std::move(path), std::move(caption)}); }
  void list(std::vector<ReportCell> items) { blocks.emplace_back(ReportList{std::move(items)}); }
};

// `text` as a code span.
std::string code_span(std::string_view text);

std::string render_markdown(const ReportDocument& document);
// Figures are read from `folder` (the report's folder; their paths are relative to it) and embedded; a figure
// that cannot be read is linked instead.
std::string render_html(const ReportDocument& document, const std::string& folder = "");

// The date a report is written, YYYY-MM-DD in UTC: from SOURCE_DATE_EPOCH when set (reproducible builds:
// the same date for the same inputs), else today.
std::string report_date_text();

}  // namespace pneumo
