#include "pneumoplan/core/language.hpp"

namespace pneumo {

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::English;
  if (code == "zh") return Language::Chinese;
  return std::nullopt;
}

std::string language_code(Language language) { return language == Language::Chinese ? "zh" : "en"; }

}  // namespace pneumo
