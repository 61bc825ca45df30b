// An INI file (scenario.ini, a cohort file) parsed with Boost.Program_options' config-file grammar:
// "[section]" headers, "key = value" lines, '#' comments. Keys are known in advance; an unknown key, a
// key given twice or a line that is neither a section nor "key = value" is refused with its line.
#pragma once

#include <map>
#include <set>
#include <string>

#include "pneumoplan/text_file.hpp"

namespace pneumo {

struct IniEntry {
  std::string value;
  long line = 0;
};

class IniDocument {
 public:
  // `known_keys` are full names such as "disease.onset_lag_median_years".
  static IniDocument read(const std::string& path, const std::set<std::string>& known_keys);
  static IniDocument parse(const TextFile& file, const std::set<std::string>& known_keys);

  const std::string& path() const { return path_; }
  const std::map<std::string, IniEntry>& entries() const { return entries_; }
  const IniEntry* find(const std::string& key) const;

 private:
  std::string path_;
  std::map<std::string, IniEntry> entries_;
};

}  // namespace pneumo
