// A table of named parameters: for each key its type, default, unit, allowed range, source and meaning.
// The table is the single place defaults live: scenario files are checked against it, `pneumoplan
// params` prints it, docs/scenario-format.md is generated from it and a test fails if they drift.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "pneumoplan/core/ini_document.hpp"

namespace pneumo {

template <typename Target>
struct ParameterSpec {
  using RealField = std::function<double&(Target&)>;
  using IntegerField = std::function<std::int64_t&(Target&)>;
  using TextField = std::function<std::string&(Target&)>;
  // A closed set of names held as an enum: the name choices[i] stands for the enum value i. The model
  // compares enums, never text.
  struct ChoiceField {
    std::function<void(Target&, std::size_t)> set;
    std::function<std::size_t(Target&)> get;
  };

  std::string key;            // "section.name"
  std::string default_value;  // as it would be written in the file
  std::string unit;           // "years", "mg/m3", "share", "per year" ...
  double min = 0.0;           // inclusive bounds for numbers
  double max = 0.0;
  std::string source;         // where the default comes from (or "assumed: why")
  std::string meaning;        // one sentence for --help and docs
  std::variant<RealField, IntegerField, TextField, ChoiceField> field;
  std::vector<std::string> choices;  // the names of a ChoiceField (or a closed set of text values); empty = free text
};

template <typename Target>
class ParameterTable {
 public:
  explicit ParameterTable(std::vector<ParameterSpec<Target>> specs) : specs_(std::move(specs)) {}

  const std::vector<ParameterSpec<Target>>& specs() const { return specs_; }

  std::set<std::string> keys() const {
    std::set<std::string> out;
    for (const auto& spec : specs_) out.insert(spec.key);
    return out;
  }

  // Sets every field to its default. Throws std::logic_error if a default does not parse: a bug in
  // the table, caught by the test suite.
  void apply_defaults(Target& target) const {
    for (const auto& spec : specs_) assign(spec, target, spec.default_value, "built-in defaults", 0);
  }

  // Applies the values given in `document` over what `target` holds.
  void apply(const IniDocument& document, Target& target) const {
    for (const auto& spec : specs_) {
      if (const IniEntry* entry = document.find(spec.key)) {
        assign(spec, target, entry->value, document.path(), entry->line);
      }
    }
  }

  // The effective values of `target`, one "key = value" line per parameter, grouped by section.
  std::string resolved_text(Target& target) const;

  static void assign(const ParameterSpec<Target>& spec, Target& target, const std::string& text,
                     const std::string& path, long line);

 private:
  std::vector<ParameterSpec<Target>> specs_;
};

// Shared number formatting so resolved files and docs print defaults identically.
std::string format_parameter_number(double value);
[[noreturn]] void throw_parameter_error(const std::string& path, long line, const std::string& key,
                                        const std::string& expectation, const std::string& found);
std::string describe_range(double min, double max, const std::string& unit, bool integer);
bool parse_parameter_real(const std::string& text, double& value);
bool parse_parameter_integer(const std::string& text, std::int64_t& value);

template <typename Target>
void ParameterTable<Target>::assign(const ParameterSpec<Target>& spec, Target& target, const std::string& text,
                                    const std::string& path, long line) {
  if (const auto* real = std::get_if<typename ParameterSpec<Target>::RealField>(&spec.field)) {
    double value = 0.0;
    if (!parse_parameter_real(text, value)) {
      throw_parameter_error(path, line, spec.key, "a finite number " + describe_range(spec.min, spec.max, spec.unit, false),
                            text);
    }
    if (value < spec.min || value > spec.max) {
      throw_parameter_error(path, line, spec.key, "a number " + describe_range(spec.min, spec.max, spec.unit, false),
                            text);
    }
    (*real)(target) = value;
  } else if (const auto* integer = std::get_if<typename ParameterSpec<Target>::IntegerField>(&spec.field)) {
    std::int64_t value = 0;
    if (!parse_parameter_integer(text, value)) {
      throw_parameter_error(path, line, spec.key,
                            "a whole number " + describe_range(spec.min, spec.max, spec.unit, true), text);
    }
    if (static_cast<double>(value) < spec.min || static_cast<double>(value) > spec.max) {
      throw_parameter_error(path, line, spec.key,
                            "a whole number " + describe_range(spec.min, spec.max, spec.unit, true), text);
    }
    (*integer)(target) = value;
  } else {
    std::size_t chosen = spec.choices.size();
    for (std::size_t i = 0; i < spec.choices.size(); ++i) {
      if (spec.choices[i] == text) chosen = i;
    }
    if (!spec.choices.empty() && chosen == spec.choices.size()) {
      std::string expected = "one of ";
      for (std::size_t i = 0; i < spec.choices.size(); ++i) expected += (i ? ", " : "") + spec.choices[i];
      throw_parameter_error(path, line, spec.key, expected, text);
    }
    if (spec.choices.empty() && text.empty()) throw_parameter_error(path, line, spec.key, "a non-empty value", text);
    if (const auto* choice = std::get_if<typename ParameterSpec<Target>::ChoiceField>(&spec.field)) {
      choice->set(target, chosen);
    } else {
      std::get<typename ParameterSpec<Target>::TextField>(spec.field)(target) = text;
    }
  }
}

template <typename Target>
std::string ParameterTable<Target>::resolved_text(Target& target) const {
  std::string out;
  std::string current_section;
  for (const auto& spec : specs_) {
    const auto dot = spec.key.rfind('.');
    const std::string section = spec.key.substr(0, dot);
    const std::string name = spec.key.substr(dot + 1);
    if (section != current_section) {
      out += (out.empty() ? "[" : "\n[") + section + "]\n";
      current_section = section;
    }
    std::string value;
    if (const auto* real = std::get_if<typename ParameterSpec<Target>::RealField>(&spec.field)) {
      value = format_parameter_number((*real)(target));
    } else if (const auto* integer = std::get_if<typename ParameterSpec<Target>::IntegerField>(&spec.field)) {
      value = std::to_string((*integer)(target));
    } else if (const auto* choice = std::get_if<typename ParameterSpec<Target>::ChoiceField>(&spec.field)) {
      value = spec.choices.at(choice->get(target));
    } else {
      value = std::get<typename ParameterSpec<Target>::TextField>(spec.field)(target);
    }
    out += name + " = " + value + (spec.unit.empty() ? "" : "  # " + spec.unit) + "\n";
  }
  return out;
}

}  // namespace pneumo
