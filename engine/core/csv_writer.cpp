#include "pneumoplan/core/csv_writer.hpp"

#include <stdexcept>

#include "pneumoplan/core/table_text.hpp"

namespace pneumo {
namespace {

std::string line(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out += ',';
    out += csv_field(cells[i]);
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
