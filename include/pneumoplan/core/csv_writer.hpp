// Tables written for people to open in Excel or a GIS: UTF-8 with a byte-order mark, since Excel on Chinese
// Windows reads a CSV file without one in the ANSI code page (GBK) and garbles every Chinese character; one
// header row; fields quoted as RFC 4180 asks (csv_field); every cell that is not a number literal is a text cell,
// neutralised against formula injection (csv_text, table_text.hpp). Every CSV file pneumoplan writes goes through here,
// so what a cell may hold is decided in one place.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pneumo {

inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

class CsvWriter {
 public:
  explicit CsvWriter(std::vector<std::string> header);

  // One record; throws std::invalid_argument when it has not as many cells as the header.
  void row(const std::vector<std::string>& cells);

  std::size_t rows() const { return rows_; }
  // The byte-order mark, the header and the records, each line ended by "\n".
  std::string text() const;

 private:
  std::size_t columns_ = 0, rows_ = 0;
  std::string body_;
};

}  // namespace pneumo
