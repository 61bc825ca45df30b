#include "pneumoplan/scenario/parameter_table.hpp"

#include <cmath>
#include <limits>
#include <sstream>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"

namespace pneumo {

std::string format_parameter_number(double value) {
  std::ostringstream out;
  out.precision(15);
  out << value;
  return out.str();
}

void throw_parameter_error(const std::string& path, long line, const std::string& key,
                           const std::string& expectation, const std::string& found) {
  const std::string message = "key '" + key + "': expected " + expectation + ", found " + quote_value(found);
  if (line == 0 && path == "built-in defaults") throw std::logic_error(path + ": " + message);
  throw InputError(path, line, message);
}

std::string describe_range(double min, double max, const std::string& unit, bool integer) {
  std::ostringstream out;
  out.precision(12);
  const bool unbounded_above = max >= std::numeric_limits<double>::max() / 2;
  if (integer) {
    out << "in [" << static_cast<long long>(min) << ", ";
    if (unbounded_above) out << "∞)"; else out << static_cast<long long>(max) << "]";
  } else {
    out << "in [" << min << ", ";
    if (unbounded_above) out << "∞)"; else out << max << "]";
  }
  if (!unit.empty()) out << " " << unit;
  return out.str();
}

bool parse_parameter_real(const std::string& text, double& value) {
  const auto parsed = parse_finite_double(text);
  if (!parsed) return false;
  value = *parsed;
  return true;
}

bool parse_parameter_integer(const std::string& text, std::int64_t& value) {
  const auto parsed = parse_int64(text);
  if (!parsed) return false;
  value = *parsed;
  return true;
}

}  // namespace pneumo
