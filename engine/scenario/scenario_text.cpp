#include "pneumoplan/scenario/scenario_text.hpp"

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"

namespace pneumo {

std::string ScenarioText::city_name(Language language, const std::string& folder_name) const {
  const std::string& first = language == Language::Chinese ? city_name_zh : city_name_en;
  const std::string& second = language == Language::Chinese ? city_name_en : city_name_zh;
  return !first.empty() ? first : !second.empty() ? second : folder_name;
}

const std::set<std::string>& scenario_text_keys() {
  static const std::set<std::string> keys = {"city.name_zh", "city.name_en", "scenario.description_en",
                                             "scenario.description_zh"};
  return keys;
}

ScenarioText read_scenario_text(const IniDocument& file, const IniDocument& overrides) {
  ScenarioText text;
  const auto value = [&](const std::string& key) {
    const IniDocument* where = overrides.find(key) ? &overrides : &file;
    const IniEntry* entry = where->find(key);
    if (!entry) return std::string();
    const std::string v = trim(entry->value);
    if (v.empty()) throw InputError(where->path(), entry->line, "key '" + key + "': expected text, found nothing");
    return v;
  };
  text.city_name_zh = value("city.name_zh");
  text.city_name_en = value("city.name_en");
  text.description_en = value("scenario.description_en");
  text.description_zh = value("scenario.description_zh");
  return text;
}

}  // namespace pneumo
