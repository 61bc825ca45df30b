#include "pneumoplan/core/text_table.hpp"

#include <algorithm>
#include <stdexcept>

namespace pneumo {
namespace {

// Decodes one UTF-8 character at `i` (advancing it); malformed bytes count as one character each.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  const int length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 1;
  if (length == 1 || i + static_cast<std::size_t>(length) > text.size()) {
    ++i;
    return byte;
  }
  char32_t c = byte & (0x7F >> length);
  for (int k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
  i += static_cast<std::size_t>(length);
  return c;
}

int code_point_width(char32_t c) {
  if (c == 0 || (c >= 0x0300 && c <= 0x036F) || c == 0x200B) return 0;  // combining marks, zero width space
  // East Asian Wide and Fullwidth ranges (UAX #11) that Chinese text uses.
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

}  // namespace

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) width += static_cast<std::size_t>(code_point_width(next_code_point(text, i)));
  return width;
}

std::string fit_width(std::string_view text, std::size_t width) {
  if (display_width(text) <= width) return std::string(text);
  if (width == 0) return "";
  std::size_t used = 0, i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    const int w = code_point_width(next_code_point(text, next));
    if (used + static_cast<std::size_t>(w) + 1 > width) break;  // room for "…"
    used += static_cast<std::size_t>(w);
    i = next;
  }
  return std::string(text.substr(0, i)) + "…";
}

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

void TextTable::row(std::vector<std::string> cells) {
  if (cells.size() != columns_.size()) throw std::invalid_argument("text table row of the wrong length");
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (columns_[c].max_width) cells[c] = fit_width(cells[c], columns_[c].max_width);
  }
  rows_.push_back(std::move(cells));
}

std::string TextTable::render(std::string_view indent) const {
  std::vector<std::size_t> widths;
  for (const auto& column : columns_) {
    const std::string header = column.max_width ? fit_width(column.header, column.max_width) : column.header;
    widths.push_back(display_width(header));
  }
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string out(indent);
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string pad(widths[c] - display_width(cells[c]), ' ');
      if (c) out += "  ";
      const bool last = c + 1 == cells.size();
      out += columns_[c].align == Align::Right ? pad + cells[c] : cells[c] + (last ? "" : pad);
    }
    return out + "\n";
  };
  std::vector<std::string> header;
  for (const auto& column : columns_) header.push_back(column.max_width ? fit_width(column.header, column.max_width) : column.header);
  std::string out = line(header);
  std::size_t total = 0;
  for (const auto w : widths) total += w;
  out += std::string(indent) + std::string(total + 2 * (widths.empty() ? 0 : widths.size() - 1), '-') + "\n";
  for (const auto& row : rows_) out += line(row);
  return out;
}

}  // namespace pneumo
