// Tables for the terminal, aligned by how wide text looks in a monospaced font rather than by its bytes:
// a Chinese character (East Asian Wide or Fullwidth, UAX #11) takes two columns, most others one, so
// Chinese and English tables line up alike. Cut text ends in "…".
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pneumo {

// Columns `text` takes in a monospaced terminal (UTF-8; wide characters 2, combining marks 0).
std::size_t display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "…" when cut.
std::string fit_width(std::string_view text, std::size_t width);

class TextTable {
 public:
  enum class Align { Left, Right };
  struct Column {
    std::string header;
    Align align = Align::Right;
    std::size_t max_width = 0;  // 0: no limit; longer cells are cut with "…"
  };

  explicit TextTable(std::vector<Column> columns);
  void row(std::vector<std::string> cells);  // as many as columns

  // Every line starts with `indent`; columns two spaces apart; a line under the header.
  std::string render(std::string_view indent = "  ") const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace pneumo
