#include "pneumoplan/core/ini_document.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <sstream>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"

namespace po = boost::program_options;

namespace pneumo {
namespace {

// Closest known key by edit distance, to suggest a correction for a misspelt key.
std::string closest_key(const std::string& key, const std::set<std::string>& known) {
  std::string best;
  std::size_t best_distance = 4;  // suggest only near misses
  for (const auto& candidate : known) {
    std::vector<std::size_t> row(candidate.size() + 1);
    for (std::size_t j = 0; j <= candidate.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= key.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= candidate.size(); ++j) {
        const std::size_t above = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (key[i - 1] == candidate[j - 1] ? 0 : 1)});
        diagonal = above;
      }
    }
    if (row[candidate.size()] < best_distance) {
      best_distance = row[candidate.size()];
      best = candidate;
    }
  }
  return best;
}

std::string strip_comment(const std::string& line) {
  const auto hash = line.find('#');
  return trim(hash == std::string::npos ? line : line.substr(0, hash));
}

}  // namespace

long IniDocument::section_line(const std::string& section) const {
  const auto it = section_lines_.find(section);
  return it == section_lines_.end() ? 0 : it->second;
}

const IniEntry* IniDocument::find(const std::string& key) const {
  const auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

IniDocument IniDocument::read(const std::string& path, const std::set<std::string>& known_keys) {
  return parse(read_text_file(path), known_keys);
}

IniDocument IniDocument::parse(const TextFile& file, const std::set<std::string>& known_keys) {
  return parse(file, IniSchema{known_keys, {}});
}

IniDocument IniDocument::read(const std::string& path, const IniSchema& schema) {
  return parse(read_text_file(path), schema);
}

std::vector<std::string> IniDocument::section_names(const std::string& kind) const {
  std::map<std::string, long> first_line;
  const std::string prefix = kind + ".";
  for (const auto& [key, entry] : entries_) {
    if (key.rfind(prefix, 0) != 0) continue;
    const auto dot = key.find('.', prefix.size());
    if (dot == std::string::npos) continue;
    const auto [it, added] = first_line.emplace(key.substr(prefix.size(), dot - prefix.size()), entry.line);
    if (!added) it->second = std::min(it->second, entry.line);
  }
  std::vector<std::pair<long, std::string>> ordered;
  for (const auto& [name, line] : first_line) ordered.emplace_back(line, name);
  std::sort(ordered.begin(), ordered.end());
  std::vector<std::string> names;
  for (const auto& [line, name] : ordered) names.push_back(name);
  return names;
}

IniDocument IniDocument::parse(const TextFile& file, const IniSchema& schema) {
  const std::set<std::string>& known_keys = schema.keys;
  std::set<std::string> dynamic_keys;  // keys of named sections found in this file
  IniDocument document;
  document.path_ = file.path;

  // First pass: our own line scan, so every complaint can name its line (Program_options reports
  // neither the line of a bad value nor of an unknown key).
  std::string section;
  std::map<std::string, long> line_of_key;
  for (std::size_t index = 0; index < file.lines.size(); ++index) {
    const long line = static_cast<long>(index) + 1;
    const std::string text = strip_comment(file.lines[index]);
    if (text.empty()) continue;
    if (text.front() == '[') {
      if (text.back() != ']' || text.size() < 3) {
        throw InputError(file.path, line, "expected a section header such as [simulation], found " + quote_value(text));
      }
      section = text.substr(1, text.size() - 2);
      if (section != trim(section) || section.find_first_of(" \t") != std::string::npos) {
        throw InputError(file.path, line, "expected a section name without spaces, such as [simulation], found " + quote_value(text));
      }
      document.section_lines_.emplace(section, line);
      continue;
    }
    const auto equals = text.find('=');
    if (equals == std::string::npos) {
      throw InputError(file.path, line, "expected 'key = value' or '[section]', found " + quote_value(text));
    }
    const std::string name = trim(text.substr(0, equals));
    if (name.empty()) throw InputError(file.path, line, "expected a key name before '='");
    if (name.find_first_of(" \t") != std::string::npos) {
      throw InputError(file.path, line, "expected a key name without spaces, found " + quote_value(name));
    }
    const std::string key = section.empty() ? name : section + "." + name;
    // A named section [kind.NAME]: its keys come from the kind's set. Outside any section (as in --set
    // overrides) the key carries its section: "intervention.NAME.key".
    const auto last_dot = key.rfind('.');
    const std::string key_section = last_dot == std::string::npos ? std::string() : key.substr(0, last_dot);
    const std::string key_name = key.substr(last_dot == std::string::npos ? 0 : last_dot + 1);
    const auto dot = key_section.find('.');
    const auto named = dot == std::string::npos ? schema.named_sections.end()
                                                : schema.named_sections.find(key_section.substr(0, dot));
    if (named != schema.named_sections.end()) {
      const std::string section_name = key_section.substr(dot + 1);
      if (section_name.empty() ||
          section_name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
        throw InputError(file.path, line, "expected a section name of lower-case letters, digits and '_' after '" +
                                              named->first + ".', found " + quote_value(section_name));
      }
      if (!named->second.count(key_name)) {
        std::string allowed;
        for (const auto& k : named->second) allowed += (allowed.empty() ? "" : ", ") + k;
        throw InputError(file.path, line,
                         "unknown key " + quote_value(key_name) + " in [" + excerpt(key_section) + "]; expected one of " + allowed);
      }
      if (!line_of_key.emplace(key, line).second) {
        throw InputError(file.path, line,
                         "expected each key once; '" + key + "' was already set on line " +
                             std::to_string(line_of_key[key]));
      }
      dynamic_keys.insert(key);
      continue;
    }
    if (!known_keys.count(key)) {
      const std::string suggestion = closest_key(key, known_keys);
      throw InputError(file.path, line,
                       "unknown key " + quote_value(key) +
                           (suggestion.empty() ? " (see " + schema.documentation + " for the keys)"
                                               : "; did you mean '" + suggestion + "'?"));
    }
    if (!line_of_key.emplace(key, line).second) {
      throw InputError(file.path, line,
                       "expected each key once; '" + key + "' was already set on line " +
                           std::to_string(line_of_key[key]));
    }
  }

  // Second pass: the official parse through Boost.Program_options, which also gives us its
  // handling of whitespace and comments.
  po::options_description description;
  for (const auto& key : known_keys) description.add_options()(key.c_str(), po::value<std::string>());
  for (const auto& key : dynamic_keys) description.add_options()(key.c_str(), po::value<std::string>());
  std::istringstream stream(file.contents);
  po::parsed_options parsed(&description);
  try {
    parsed = po::parse_config_file(stream, description, /*allow_unregistered=*/false);
  } catch (const po::error& error) {
    throw InputError(file.path, 0, std::string("expected a valid INI file: ") + error.what());
  }
  for (const auto& option : parsed.options) {
    if (option.value.empty()) continue;
    const auto line = line_of_key.find(option.string_key);
    document.entries_[option.string_key] = IniEntry{trim(option.value.front()),
                                                    line == line_of_key.end() ? 0 : line->second};
  }
  return document;
}

}  // namespace pneumo
