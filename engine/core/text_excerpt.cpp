#include "pneumoplan/core/text_excerpt.hpp"

#include <cstdio>

namespace pneumo {
namespace {

// Appends the character starting at text[i] to `out`, escaped when it is a control byte; returns its length.
std::size_t append_character(const std::string& text, std::size_t i, std::string& out) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c == '\n') { out += "\\n"; return 1; }
  if (c == '\r') { out += "\\r"; return 1; }
  if (c == '\t') { out += "\\t"; return 1; }
  if (c < 0x20 || c == 0x7f) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(c));
    out += hex;
    return 1;
  }
  std::size_t n = 1;
  if ((c & 0xE0) == 0xC0) n = 2;
  else if ((c & 0xF0) == 0xE0) n = 3;
  else if ((c & 0xF8) == 0xF0) n = 4;
  // A continuation byte missing (bad UTF-8): the byte alone, escaped.
  for (std::size_t k = 1; k < n; ++k) {
    if (i + k >= text.size() || (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) n = 0;
  }
  if (n == 0 || c >= 0xF8 || (c >= 0x80 && c < 0xC0)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(c));
    out += hex;
    return 1;
  }
  out.append(text, i, n);
  return n;
}

}  // namespace

std::string excerpt(const std::string& text, std::size_t max_chars) {
  std::string out;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size() && characters < max_chars; ++characters) i += append_character(text, i, out);
  return out;
}

std::string quote_value(const std::string& text, std::size_t max_chars) {
  std::string out = "'";
  std::size_t i = 0, characters = 0;
  while (i < text.size() && characters < max_chars) {
    i += append_character(text, i, out);
    ++characters;
  }
  if (i < text.size()) return out + "…' (" + std::to_string(text.size()) + " bytes)";
  return out + "'";
}

}  // namespace pneumo
