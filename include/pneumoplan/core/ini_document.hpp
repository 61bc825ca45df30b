// An INI file (scenario.ini, a cohort file) parsed with Boost.Program_options' config-file grammar:
// "[section]" headers, "key = value" lines, '#' comments. Keys are known in advance; an unknown key, a
// key given twice or a line that is neither a section nor "key = value" is refused with its line.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "pneumoplan/core/text_file.hpp"

namespace pneumo {

struct IniEntry {
  std::string value;
  long line = 0;
};

// The keys a file may hold: fixed keys ("section.key"), and named sections such as [intervention.NAME]
// whose keys (NAME a lower-case identifier) are "intervention.NAME.key" with key from the given set.
struct IniSchema {
  std::set<std::string> keys;
  std::map<std::string, std::set<std::string>> named_sections;  // "intervention" -> {"type", ...}
  std::string documentation = "docs/scenario-format.md";         // where the keys are listed, for messages
};

class IniDocument {
 public:
  // `known_keys` are full names such as "disease.onset_lag_median_years".
  static IniDocument read(const std::string& path, const std::set<std::string>& known_keys);
  static IniDocument parse(const TextFile& file, const std::set<std::string>& known_keys);
  static IniDocument parse(const TextFile& file, const IniSchema& schema);
  static IniDocument read(const std::string& path, const IniSchema& schema);

  // Names of the named sections of `kind` in the file ("intervention" -> {"dust_control", ...}), in the order
  // they first appear.
  std::vector<std::string> section_names(const std::string& kind) const;

  const std::string& path() const { return path_; }
  const std::map<std::string, IniEntry>& entries() const { return entries_; }
  const IniEntry* find(const std::string& key) const;
  // The line of the header "[section]" (its first, if repeated), or 0 when the file has no such header.
  long section_line(const std::string& section) const;

 private:
  std::string path_;
  std::map<std::string, IniEntry> entries_;
  std::map<std::string, long> section_lines_;
};

}  // namespace pneumo
