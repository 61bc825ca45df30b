#include "pneumoplan/core/csv_writer.hpp"

#include <cctype>
#include <stdexcept>
#include <string_view>

#include "pneumoplan/core/table_text.hpp"

namespace pneumo {
namespace {

// A number as number_format.hpp or number_text writes it ("-0.126", "+1,234", "12.5%", "1e-05"): left as it is,
// so a spreadsheet reads it as a number. A lone sign or anything after the digits makes it text.
bool is_number_literal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const std::size_t digits_from = i;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == ',')) ++i;
  if (i == digits_from || !std::isdigit(static_cast<unsigned char>(text[digits_from]))) return false;
  if (i < text.size() && text[i] == '.') {
    const std::size_t decimals_from = ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == decimals_from) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponent_from = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == exponent_from) return false;
  }
  if (i < text.size() && text[i] == '%') ++i;
  return i == text.size();
}

// Every cell but a number literal is a text cell, neutralised against formula injection (csv_text): a county
// named =HYPERLINK(...) stays a name, while "-0.126" and "+1,234" stay numbers.
std::string line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += is_number_literal(cells[i]) ? csv_field(cells[i]) : csv_text(cells[i]);
  }
  return out + "\n";
}

}  // namespace

CsvWriter::CsvWriter(std::vector<std::string> header) : columns_(header.size()), body_(line(header)) {}

void CsvWriter::row(const std::vector<std::string>& cells) {
  if (cells.size() != columns_) {
    throw std::invalid_argument("CSV row of " + std::to_string(cells.size()) + " cells under a header of " +
                                std::to_string(columns_));
  }
  body_ += line(cells);
  ++rows_;
}

std::string CsvWriter::text() const { return std::string(kUtf8ByteOrderMark) + body_; }

}  // namespace pneumo
