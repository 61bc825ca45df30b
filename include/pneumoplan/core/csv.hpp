// CSV tables of a scenario: a header row, then one record per line. Fields are separated by commas
// and may be quoted ("a, b" or "say ""hi"""). Lines starting with '#' are comments (attribution,
// notes) and blank lines are skipped. Every value read through CsvRecord names the file, the line and
// the column in its error, and states what was expected.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pneumoplan/core/text_file.hpp"

namespace pneumo {

// What every record of a table shares: where it came from and its columns.
struct CsvSchema {
  std::string path;
  std::vector<std::string> header;
  int column_index(const std::string& column) const;  // -1 when absent
};

// One record, read through typed accessors that validate as they read.
class CsvRecord {
 public:
  CsvRecord(std::shared_ptr<const CsvSchema> schema, long line, std::vector<std::string> fields)
      : schema_(std::move(schema)), line_(line), fields_(std::move(fields)) {}

  long line() const { return line_; }
  bool has(const std::string& column) const;  // the column exists in this table's header

  std::string text(const std::string& column) const;           // any text, may be empty
  std::string required_text(const std::string& column) const;  // non-empty text
  double number(const std::string& column, double min, double max) const;
  std::optional<double> optional_number(const std::string& column, double min, double max) const;
  std::int64_t integer(const std::string& column, std::int64_t min, std::int64_t max) const;

  // Throws InputError at this record's line with `expectation`.
  [[noreturn]] void fail(const std::string& expectation) const;

 private:
  const std::string& raw(const std::string& column) const;
  std::shared_ptr<const CsvSchema> schema_;
  long line_;
  std::vector<std::string> fields_;
};

class CsvTable {
 public:
  // Parses a CSV file; `required` columns must be present, and any column not in `required` or
  // `optional` is refused, so a misspelt header cannot be silently ignored.
  static CsvTable read(const std::string& path, const std::vector<std::string>& required,
                       const std::vector<std::string>& optional = {});
  static CsvTable parse(const TextFile& file, const std::vector<std::string>& required,
                        const std::vector<std::string>& optional = {});

  const std::string& path() const { return schema_->path; }
  const std::vector<std::string>& header() const { return schema_->header; }
  const std::vector<CsvRecord>& records() const { return records_; }
  const std::string& contents() const { return contents_; }
  long header_line() const { return header_line_; }
  bool has_column(const std::string& column) const { return schema_->column_index(column) >= 0; }

 private:
  std::shared_ptr<const CsvSchema> schema_;
  std::string contents_;
  long header_line_ = 0;
  std::vector<CsvRecord> records_;
};

// Splits one CSV line into fields; throws InputError(path, line, ...) on an unterminated quote.
std::vector<std::string> split_csv_line(const std::string& text, const std::string& path, long line);

// Strict numeric parsing shared by the CSV and INI readers: the whole string must be a finite number.
std::optional<double> parse_finite_double(const std::string& text);
std::optional<std::int64_t> parse_int64(const std::string& text);
std::string trim(const std::string& text);

}  // namespace pneumo
