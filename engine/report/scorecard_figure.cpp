#include "pneumoplan/report/scorecard_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pneumoplan/report/figure_style.hpp"

namespace pneumo {
namespace {

// UTF-8 characters of `text`, one string each.
std::vector<std::string> characters(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 && !out.empty()) {
      out.back() += text[i];
    } else {
      out.emplace_back(1, text[i]);
    }
  }
  return out;
}

bool is_wide(const std::string& character) { return static_cast<unsigned char>(character[0]) >= 0xE0; }

}  // namespace

std::string shorten_label(const std::string& text, std::size_t max_characters) {
  const auto chars = characters(text);
  if (chars.size() <= max_characters) return text;
  std::string out;
  for (std::size_t i = 0; i < max_characters; ++i) out += chars[i];
  return out + "…";
}

std::string wrap_label(const std::string& text, std::size_t width, std::size_t max_lines) {
  const auto chars = characters(text);
  std::vector<std::string> lines(1);
  std::size_t length = 0;  // characters on the current line
  std::size_t i = 0;
  while (i < chars.size()) {
    // The next unit: a word of narrow characters (with the spaces after it), or one wide character.
    std::vector<std::string> unit;
    if (is_wide(chars[i])) {
      unit.push_back(chars[i++]);
    } else {
      while (i < chars.size() && !is_wide(chars[i]) && chars[i] != " ") unit.push_back(chars[i++]);
      while (i < chars.size() && chars[i] == " ") unit.push_back(chars[i++]);
    }
    std::size_t visible = unit.size();
    while (visible > 0 && unit[visible - 1] == " ") --visible;
    if (length > 0 && length + visible > width) {
      while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
      lines.emplace_back();
      length = 0;
    }
    for (const auto& c : unit) lines.back() += c;
    length += unit.size();
  }
  while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() = shorten_label(lines.back(), width > 1 ? width - 1 : 1);
    if (lines.back().size() < 3 || lines.back().compare(lines.back().size() - 3, 3, "…") != 0) lines.back() += "…";
  }
  std::string out;
  for (std::size_t k = 0; k < lines.size(); ++k) out += (k ? "\n" : "") + lines[k];
  return out;
}

std::string verdict_cell_text(const std::string& value, Verdict verdict) {
  switch (verdict) {
    case Verdict::Met: return value + " ✓";
    case Verdict::NotMet: return value + " ×";
    case Verdict::Uncertain: return value + " ?";
    case Verdict::NotApplicable: return value;
    case Verdict::Input: return value + " i";
  }
  return value;
}

std::string verdict_grid_commands(const VerdictGrid& g) {
  std::string out = "set title " + gnuplot_quote(g.title) + "\n";
  const int text_columns = static_cast<int>(g.text_column_labels.size());
  char range[160];
  std::snprintf(range, sizeof range, "set xrange [%g:%g]\nset yrange [%g:-0.5]\n", -text_columns - 0.5,
                g.column_labels.size() - 0.5, g.row_labels.size() - 0.5);
  out += range;
  out += "set border 0\nunset grid\nset tics scale 0\n";
  out += "set xtics (";
  for (int k = 0; k < text_columns; ++k) {
    out += (k ? ", " : "") + gnuplot_quote(g.text_column_labels[static_cast<std::size_t>(k)]) + " " +
           std::to_string(k - text_columns);
  }
  for (std::size_t c = 0; c < g.column_labels.size(); ++c) {
    out += (c || text_columns ? ", " : "") + gnuplot_quote(g.column_labels[c]) + " " + std::to_string(c);
  }
  out += std::string(") nomirror") + (g.rotate_columns ? " rotate by 30 right" : "") + "\n";
  out += "set ytics (";
  for (std::size_t r = 0; r < g.row_labels.size(); ++r) {
    out += (r ? ", " : "") + gnuplot_quote(g.row_labels[r]) + " " + std::to_string(r);
  }
  out += ") nomirror\n";
  // Room under the grid for the column labels (wrapped labels take several lines) and the key.
  std::size_t lines = 1;
  for (const auto& label : g.column_labels) {
    lines = std::max<std::size_t>(lines, 1 + static_cast<std::size_t>(std::count(label.begin(), label.end(), '\n')));
  }
  out += "set bmargin " + std::to_string(static_cast<int>(lines) + (g.rotate_columns ? 5 : 3)) + "\n";
  out += "set key outside bottom center horizontal samplen 1.5\n";
  // The text columns as labels: a data block's text cannot hold a line break, a label's can.
  int label = 100;
  for (std::size_t r = 0; r < g.text_cells.size(); ++r) {
    for (std::size_t k = 0; k < g.text_cells[r].size(); ++k) {
      char at[96];
      std::snprintf(at, sizeof at, "set label %d at %d, %zu center ", label++, static_cast<int>(k) - text_columns, r);
      out += at + gnuplot_quote(g.text_cells[r][k]) + "\n";
    }
  }
  out += "plot $cells using 1:2:(0.48):(0.46):3 with boxxyerror fillcolor rgb variable fillstyle solid 1.0 noborder "
         "notitle, \\\n  $cells using 1:2:8:9 with labels textcolor rgb variable notitle";
  for (const Verdict v : {Verdict::Met, Verdict::Uncertain, Verdict::NotMet, Verdict::NotApplicable, Verdict::Input}) {
    out += ", \\\n  keyentry with boxes fillcolor rgb \"" + figure_style::verdict_colour(v) +
           "\" fillstyle solid 1.0 title " +
           gnuplot_quote(verdict_cell_text(std::string(verdict_text(v, g.language)), v));
  }
  return out + "\n";
}

Figure scorecard_figure(const Scorecard& card, const FigureOptions& options) {
  const ResultsFile& results = *card.results;
  const auto& text = localised_text(options.language);
  const bool zh = options.language == Language::Chinese;
  Figure figure;
  figure.name = "scorecard";
  figure.caption = fill(text.scorecard_title, {results.city_name(options.language), std::to_string(results.replicates)});
  figure.font_size_pt = 12;

  // Columns: regions in scorecard order (the city first); rows: indicator and year in the plan's order.
  std::vector<std::size_t> columns;
  std::vector<std::pair<IndicatorId, int>> rows;
  std::vector<const PlanTarget*> row_targets;
  for (const auto& row : card.rows) {
    if (std::find(columns.begin(), columns.end(), row.region) == columns.end()) columns.push_back(row.region);
    const std::pair key{row.target.indicator, row.year};
    if (std::find(rows.begin(), rows.end(), key) == rows.end()) {
      rows.push_back(key);
      row_targets.push_back(&row.target);
    }
  }
  DataBlock cells{"cells",
                  {"column", "row", "colour", "region_code", "indicator_key", "year", "verdict", "text", "text_colour"},
                  {}};
  for (const auto& row : card.rows) {
    const auto column = std::find(columns.begin(), columns.end(), row.region) - columns.begin();
    const auto line = std::find(rows.begin(), rows.end(), std::pair{row.target.indicator, row.year}) - rows.begin();
    const IndicatorKind kind = indicator_info(row.target.indicator).kind;
    const std::string value = std::isnan(row.mean) ? "–"
                              : kind == IndicatorKind::Share
                                  ? [&] {
                                      char t[32];
                                      std::snprintf(t, sizeof t, "%.0f%%", 100.0 * row.mean);
                                      return std::string(t);
                                    }()
                                  : format_indicator_value(row.mean, kind);
    cells.rows.push_back({static_cast<double>(column), static_cast<double>(line),
                          figure_style::verdict_rgb(row.verdict), static_cast<double>(results.region_codes[row.region]),
                          std::string(indicator_info(row.target.indicator).key), static_cast<double>(row.year),
                          verdict_name(row.verdict), verdict_cell_text(value, row.verdict),
                          figure_style::verdict_text_rgb(row.verdict)});
  }
  figure.data.push_back(std::move(cells));
  DataBlock row_text{"rows", {"row", "year", "target"}, {}};
  std::vector<std::string> column_labels, row_labels;
  std::vector<std::vector<std::string>> text_cells;
  for (const auto region : columns) column_labels.push_back(results.region_name(region, options.language));
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto& [id, year] = rows[r];
    // The plan's own row number and the whole name, wrapped rather than cut.
    const std::string name = std::to_string(row_targets[r]->number) + ". " + std::string(indicator_name(id, options.language));
    row_labels.push_back(wrap_label(name, zh ? 17 : 40, 2));
    row_text.rows.push_back({static_cast<double>(r), std::to_string(year), target_text(*row_targets[r], options.language, card.increasing_rule)});
    text_cells.push_back({std::to_string(year), wrap_label(target_text(*row_targets[r], options.language, card.increasing_rule), zh ? 10 : 11, 2)});
  }
  figure.data.push_back(std::move(row_text));
  // Width: the row labels, two text columns and about 95 px per region; height: about 44 px per row (two
  // lines of a wrapped name).
  const int label_px = zh ? 300 : 350;
  figure.width_px = std::max(900, label_px + 2 * 95 + 95 * static_cast<int>(columns.size()) + 60);
  figure.height_px = std::max(460, 48 * static_cast<int>(rows.size()) + 330);
  char margin[96];
  std::snprintf(margin, sizeof margin, "set lmargin at screen %.4f\nset rmargin at screen 0.98\n",
                static_cast<double>(label_px) / figure.width_px);
  figure.commands = margin + verdict_grid_commands({figure.caption, column_labels, row_labels,
                                                    {std::string(text.year), std::string(text.target)}, text_cells,
                                                    options.language, true});
  return figure;
}

}  // namespace pneumo
