// Pieces of JSON text (RFC 8259) for the small documents pneumoplan writes, such as GeoJSON site tables.
#pragma once

#include <string>
#include <string_view>

namespace pneumo {

// A JSON string literal: quotes, backslashes and control characters escaped; UTF-8 kept as it is.
std::string json_string(std::string_view text);

// A JSON number with `significant` significant digits; null for NaN and infinities (JSON has neither).
std::string json_number(double value, int significant = 10);

// A JSON number with a fixed number of decimals (coordinates: 7 decimals ≈ 1 cm); null for NaN.
std::string json_fixed(double value, int decimals);

}  // namespace pneumo
