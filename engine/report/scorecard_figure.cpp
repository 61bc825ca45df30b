#include "pneumoplan/report/scorecard_figure.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pneumoplan/report/figure_style.hpp"

namespace pneumo {

std::string shorten_label(const std::string& text, std::size_t max_characters) {
  std::size_t characters = 0, i = 0;
  for (; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte & 0xC0) == 0x80) continue;  // continuation byte of a UTF-8 character
    if (characters == max_characters) return text.substr(0, i) + "…";
    ++characters;
  }
  return text;
}

std::string verdict_grid_commands(const std::string& title, const std::vector<std::string>& column_labels,
                                  const std::vector<std::string>& row_labels, Language language, bool rotate_columns) {
  std::string out = "set title " + gnuplot_quote(title) + "\n";
  char range[128];
  std::snprintf(range, sizeof range, "set xrange [-0.5:%g]\nset yrange [%g:-0.5]\n", column_labels.size() - 0.5,
                row_labels.size() - 0.5);
  out += range;
  out += "set border 0\nunset grid\nset tics scale 0\n";
  out += "set xtics (";
  for (std::size_t c = 0; c < column_labels.size(); ++c) {
    out += (c ? ", " : "") + gnuplot_quote(column_labels[c]) + " " + std::to_string(c);
  }
  out += std::string(") nomirror") + (rotate_columns ? " rotate by 30 right" : "") + "\n";
  out += "set ytics (";
  for (std::size_t r = 0; r < row_labels.size(); ++r) {
    out += (r ? ", " : "") + gnuplot_quote(row_labels[r]) + " " + std::to_string(r);
  }
  out += ") nomirror\n";
  out += "set key outside bottom center horizontal samplen 1.5\n";
  out += "plot $cells using 1:2:(0.48):(0.47):3 with boxxyerror fillcolor rgb variable fillstyle solid 1.0 noborder "
         "notitle, \\\n  $cells using 1:2:8 with labels notitle";
  for (const Verdict v : {Verdict::Met, Verdict::Uncertain, Verdict::NotMet, Verdict::NotApplicable, Verdict::Input}) {
    out += ", \\\n  keyentry with boxes fillcolor rgb \"" + figure_style::verdict_colour(v) +
           "\" fillstyle solid 1.0 title " + gnuplot_quote(verdict_text(v, language));
  }
  return out + "\n";
}

Figure scorecard_figure(const Scorecard& card, const FigureOptions& options) {
  const ResultsFile& results = *card.results;
  const auto& text = localised_text(options.language);
  const bool zh = options.language == Language::Chinese;
  Figure figure;
  figure.name = "scorecard";
  figure.caption = fill(text.scorecard_title, {results.scenario_name, std::to_string(results.replicates)});
  figure.font_size_pt = 12;

  // Columns: regions in scorecard order (the city first); rows: indicator and year in the plan's order.
  std::vector<std::size_t> columns;
  std::vector<std::pair<IndicatorId, int>> rows;
  for (const auto& row : card.rows) {
    if (std::find(columns.begin(), columns.end(), row.region) == columns.end()) columns.push_back(row.region);
    const std::pair key{row.target.indicator, row.year};
    if (std::find(rows.begin(), rows.end(), key) == rows.end()) rows.push_back(key);
  }
  DataBlock cells{"cells", {"column", "row", "colour", "region_code", "indicator_key", "year", "verdict", "text"}, {}};
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
                          verdict_name(row.verdict), value});
  }
  figure.data.push_back(std::move(cells));

  std::vector<std::string> column_labels, row_labels;
  for (const auto region : columns) column_labels.push_back(zh ? results.region_names_zh[region] : results.region_names_en[region]);
  for (const auto& [id, year] : rows) {
    const std::string name = shorten_label(std::string(indicator_name(id, options.language)), zh ? 24 : 48);
    row_labels.push_back(name + "  " + std::to_string(year));
  }
  // Width: room for the row labels plus about 95 px per region; height: about 34 px per row.
  const int label_px = zh ? 430 : 520;
  figure.width_px = std::max(900, label_px + 95 * static_cast<int>(columns.size()) + 60);
  figure.height_px = std::max(420, 34 * static_cast<int>(rows.size()) + 260);
  char margin[96];
  std::snprintf(margin, sizeof margin, "set lmargin at screen %.4f\nset rmargin at screen 0.98\n",
                static_cast<double>(label_px) / figure.width_px);
  figure.commands = margin + verdict_grid_commands(figure.caption, column_labels, row_labels, options.language, true);
  return figure;
}

}  // namespace pneumo
