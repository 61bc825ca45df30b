// Small helpers for the tables the commands write (CSV and Markdown): quoting and number formatting.
#pragma once

#include <string>

namespace pneumo {

// A CSV field, quoted (RFC 4180) where it holds a comma, quote or newline.
std::string csv_field(const std::string& text);

// A text cell of a CSV table (a name, a label, a path; never a number): as csv_field, and neutralised
// against formula injection by the OWASP rule — a cell that begins with '=', '+', '-', '@', a tab or a
// carriage return gets a leading "'" and quotes, so a spreadsheet shows it as text instead of evaluating it
// (a county named =HYPERLINK(...) stays a name).
std::string csv_text(const std::string& text);

// A number with 10 significant digits; empty for NaN (not applicable).
std::string number_text(double value);

}  // namespace pneumo
