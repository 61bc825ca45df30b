#include "pneumoplan/core/csv.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"

namespace pneumo {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::optional<double> parse_finite_double(const std::string& raw) {
  const std::string text = trim(raw);
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (*begin == '+') {  // from_chars refuses a leading '+', people write it
    ++begin;
    if (begin == end || *begin == '-' || *begin == '+') return std::nullopt;
  }
  const auto result = std::from_chars(begin, end, value, std::chars_format::general);
  if (result.ec != std::errc() || result.ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<std::int64_t> parse_int64(const std::string& raw) {
  const std::string text = trim(raw);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (*begin == '+') {
    ++begin;
    if (begin == end || *begin == '-' || *begin == '+') return std::nullopt;
  }
  const auto result = std::from_chars(begin, end, value);
  if (result.ec != std::errc() || result.ptr != end) return std::nullopt;
  return value;
}

std::vector<std::string> split_csv_line(const std::string& text, const std::string& path, long line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      if (!trim(field).empty()) throw InputError(path, line, "expected a quote only at the start of a field");
      field.clear();
      quoted = true;
      was_quoted = true;
    } else if (c == ',') {
      fields.push_back(was_quoted ? field : trim(field));
      field.clear();
      was_quoted = false;
    } else {
      if (was_quoted && c != ' ' && c != '\t') {
        throw InputError(path, line, "expected a comma after a closing quote");
      }
      if (!was_quoted) field += c;
    }
  }
  if (quoted) throw InputError(path, line, "expected a closing quote before the end of the line");
  fields.push_back(was_quoted ? field : trim(field));
  return fields;
}

CsvTable CsvTable::read(const std::string& path, const std::vector<std::string>& required,
                        const std::vector<std::string>& optional) {
  return parse(read_text_file(path), required, optional);
}

CsvTable CsvTable::parse(const TextFile& file, const std::vector<std::string>& required,
                         const std::vector<std::string>& optional) {
  CsvTable table;
  auto schema = std::make_shared<CsvSchema>();
  schema->path = file.path;
  table.contents_ = file.contents;
  const auto is_skipped = [](const std::string& line) {
    const std::string t = trim(line);
    return t.empty() || t[0] == '#';
  };

  std::size_t index = 0;
  while (index < file.lines.size() && is_skipped(file.lines[index])) ++index;
  if (index == file.lines.size()) {
    std::ostringstream expected;
    expected << "expected a header row with columns ";
    for (std::size_t i = 0; i < required.size(); ++i) expected << (i ? "," : "") << required[i];
    // Line 1 of an empty file is where the header belongs; after comments, the last line is where it ends.
    expected << (file.lines.empty() ? " (the file is empty)" : " (the file has only comments and blank lines)");
    throw InputError(file.path, std::max<long>(1, static_cast<long>(file.lines.size())), expected.str());
  }
  table.header_line_ = static_cast<long>(index) + 1;
  schema->header = split_csv_line(file.lines[index], file.path, table.header_line_);

  std::set<std::string> seen;
  const std::set<std::string> allowed_required(required.begin(), required.end());
  const std::set<std::string> allowed_optional(optional.begin(), optional.end());
  for (const auto& column : schema->header) {
    if (column.empty()) throw InputError(file.path, table.header_line_, "expected a name for every column");
    if (!seen.insert(column).second) {
      throw InputError(file.path, table.header_line_, "expected each column once; " + quote_value(column) + " repeats");
    }
    if (!allowed_required.count(column) && !allowed_optional.count(column)) {
      std::ostringstream expected;
      expected << "unknown column " << quote_value(column) << "; expected columns: ";
      bool first = true;
      for (const auto& c : required) { expected << (first ? "" : ",") << c; first = false; }
      for (const auto& c : optional) { expected << (first ? "" : ",") << c << " (optional)"; first = false; }
      throw InputError(file.path, table.header_line_, expected.str());
    }
  }
  for (const auto& column : required) {
    if (!seen.count(column)) {
      throw InputError(file.path, table.header_line_, "expected a column named '" + column + "'");
    }
  }

  for (++index; index < file.lines.size(); ++index) {
    if (is_skipped(file.lines[index])) continue;
    const long line = static_cast<long>(index) + 1;
    auto fields = split_csv_line(file.lines[index], file.path, line);
    if (fields.size() != schema->header.size()) {
      throw InputError(file.path, line,
                       "expected " + std::to_string(schema->header.size()) + " fields as in the header, found " +
                           std::to_string(fields.size()));
    }
    table.records_.emplace_back(schema, line, std::move(fields));
  }
  table.schema_ = std::move(schema);
  return table;
}

int CsvSchema::column_index(const std::string& column) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == column) return static_cast<int>(i);
  }
  return -1;
}

bool CsvRecord::has(const std::string& column) const { return schema_->column_index(column) >= 0; }

const std::string& CsvRecord::raw(const std::string& column) const {
  const int index = schema_->column_index(column);
  if (index < 0) fail("expected a column named '" + column + "'");
  return fields_[static_cast<std::size_t>(index)];
}

void CsvRecord::fail(const std::string& expectation) const { throw InputError(schema_->path, line_, expectation); }

std::string CsvRecord::text(const std::string& column) const { return raw(column); }

std::string CsvRecord::required_text(const std::string& column) const {
  const std::string& value = raw(column);
  if (value.empty()) fail("column '" + column + "': expected a value, found an empty field");
  return value;
}

namespace {
std::string range_text(double min, double max) {
  std::ostringstream out;
  out.precision(12);
  out << "in [" << min << ", " << max << "]";
  return out.str();
}
}  // namespace

std::optional<double> CsvRecord::optional_number(const std::string& column, double min, double max) const {
  if (!has(column) || raw(column).empty()) return std::nullopt;
  return number(column, min, max);
}

double CsvRecord::number(const std::string& column, double min, double max) const {
  const std::string& value = raw(column);
  const auto parsed = parse_finite_double(value);
  if (!parsed) {
    fail("column '" + column + "': expected a finite number " + range_text(min, max) + ", found " + quote_value(value));
  }
  if (*parsed < min || *parsed > max) {
    fail("column '" + column + "': expected a number " + range_text(min, max) + ", found " + excerpt(value));
  }
  return *parsed;
}

std::int64_t CsvRecord::integer(const std::string& column, std::int64_t min, std::int64_t max) const {
  const std::string& value = raw(column);
  const auto parsed = parse_int64(value);
  if (!parsed) {
    fail("column '" + column + "': expected a whole number in [" + std::to_string(min) + ", " +
         std::to_string(max) + "], found " + quote_value(value));
  }
  if (*parsed < min || *parsed > max) {
    fail("column '" + column + "': expected a whole number in [" + std::to_string(min) + ", " +
         std::to_string(max) + "], found " + excerpt(value));
  }
  return *parsed;
}

}  // namespace pneumo
