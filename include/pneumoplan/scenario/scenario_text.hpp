// What a scenario calls itself for people: the city's display names (徐州市 / Xuzhou) for titles, tables and
// reports instead of the folder's name, and a description of the scenario in each language. Text keys of
// scenario.ini, outside the parameter table since they change no number:
//   [city]      name_zh, name_en
//   [scenario]  description_en, description_zh
#pragma once

#include <set>
#include <string>

#include "pneumoplan/core/ini_document.hpp"
#include "pneumoplan/core/language.hpp"

namespace pneumo {

struct ScenarioText {
  std::string city_name_zh, city_name_en;            // empty when scenario.ini names none
  std::string description_en, description_zh;        // empty when none

  // The city's name in `language`, falling back to the other language, then to `folder_name`.
  std::string city_name(Language language, const std::string& folder_name) const;
};

// The full keys ("city.name_zh", ...), for the scenario.ini schema.
const std::set<std::string>& scenario_text_keys();

// `overrides` win over `file`; a key given but empty is refused with its file and line.
ScenarioText read_scenario_text(const IniDocument& file, const IniDocument& overrides);

}  // namespace pneumo
