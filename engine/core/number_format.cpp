#include "pneumoplan/core/number_format.hpp"

#include <cmath>
#include <cstdio>

namespace pneumo {

int readable_decimals(double value) {
  const double magnitude = std::fabs(value);
  if (!(magnitude > 0.0) || magnitude >= 99.95) return 0;  // 99.96 would print as 100.0
  if (magnitude >= 0.995) return 1;
  return 2;
}

std::string grouped_number(double value, int decimals, bool with_sign) {
  if (std::isnan(value)) return std::string(kMissingNumber);
  if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
  char digits[64];
  std::snprintf(digits, sizeof digits, "%.*f", decimals, std::fabs(value));
  const std::string text = digits;
  // A value that rounds to zero carries no sign ("0", never "-0" or "+0").
  bool zero = true;
  for (const char c : text) zero = zero && (c == '0' || c == '.');
  const std::size_t point = text.find('.');
  const std::string whole = text.substr(0, point), fraction = point == std::string::npos ? "" : text.substr(point);
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  const std::string sign = zero ? "" : value < 0 ? "-" : with_sign ? "+" : "";
  return sign + grouped + fraction;
}

std::string bracketed(const std::string& low, const std::string& high) {
  std::string out(1, '[');  // appended: GCC 12 warns falsely (-Wrestrict) about "[" + std::string
  out += low;
  out += ", ";
  out += high;
  out += ']';
  return out;
}

std::string readable_number(double value, bool with_sign) {
  return grouped_number(value, readable_decimals(value), with_sign);
}

}  // namespace pneumo
