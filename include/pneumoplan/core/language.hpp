// The language of everything a person reads — terminal tables, CSV tables, figures and reports. Every
// command that prints or writes text takes --lang en|zh; this is the one place that names the choice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pneumo {

enum class Language { English, Chinese };

std::optional<Language> parse_language(std::string_view code);  // "en", "zh"
std::string language_code(Language language);                   // the same words

// The text of `language` out of a pair: pick(language, "English", "中文").
inline std::string_view pick(Language language, std::string_view english, std::string_view chinese) {
  return language == Language::Chinese ? chinese : english;
}

}  // namespace pneumo
