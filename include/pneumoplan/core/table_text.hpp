// Small helpers for the tables the commands write (CSV and Markdown): quoting and number formatting.
#pragma once

#include <string>

namespace pneumo {

// A CSV field, quoted (RFC 4180) where it holds a comma, quote or newline.
std::string csv_field(const std::string& text);

// A number with 10 significant digits; empty for NaN (not applicable).
std::string number_text(double value);

}  // namespace pneumo
