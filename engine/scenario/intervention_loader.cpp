#include "pneumoplan/scenario/intervention_loader.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/scenario/scenario_parameters.hpp"
#include "pneumoplan/scenario/scenario_text.hpp"

namespace pneumo {
namespace {

const std::set<std::string> kInterventionKeys = {"type",       "counties",  "industries",     "size_classes",
                                                 "start_year", "ramp_years", "end_year",      "intensity",
                                                 "cost_fixed_rmb", "cost_per_unit_rmb", "source", "description",
                                                 "description_zh"};
const std::set<std::string> kPackageKeys = {"interventions", "label_en", "label_zh", "description"};

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    item = trim(item);
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

// Looks a key up in the overrides first, then in the file.
class Lookup {
 public:
  Lookup(const IniDocument& file, const IniDocument& overrides) : file_(file), overrides_(overrides) {}
  struct Found {
    const IniEntry* entry = nullptr;
    const std::string* path = nullptr;
  };
  Found find(const std::string& key) const {
    if (const IniEntry* e = overrides_.find(key)) return {e, &overrides_.path()};
    if (const IniEntry* e = file_.find(key)) return {e, &file_.path()};
    return {};
  }
  // The first key of a named section ("intervention.NAME."), for complaints about the section as a whole.
  Found first_in_section(const std::string& prefix) const {
    for (const IniDocument* document : {&file_, &overrides_}) {
      Found first;
      for (const auto& [key, entry] : document->entries()) {
        if (key.rfind(prefix, 0) == 0 && (!first.entry || entry.line < first.entry->line)) first = {&entry, &document->path()};
      }
      if (first.entry) return first;
    }
    return {};
  }
  // The header line of [SECTION] in scenario.ini, or, for a section only --set defines, its first override:
  // where a key missing from the section belongs.
  Found section_location(const std::string& section) const {
    if (const long line = file_.section_line(section); line > 0) {
      section_header_ = IniEntry{"", line};
      return {&section_header_, &file_.path()};
    }
    return first_in_section(section + ".");
  }
  [[noreturn]] void fail(const Found& where, const std::string& expectation) const {
    throw InputError(where.path ? *where.path : file_.path(), where.entry ? where.entry->line : 0, expectation);
  }
  // `key` ("intervention.NAME.intensity") has no value: the complaint names its section's line.
  [[noreturn]] void missing(const std::string& key, const std::string& expectation) const {
    fail(section_location(key.substr(0, key.rfind('.'))), expectation);
  }

 private:
  const IniDocument& file_;
  const IniDocument& overrides_;
  mutable IniEntry section_header_;
};

double number(const Lookup& lookup, const std::string& key, double min, double max, std::optional<double> fallback) {
  const auto found = lookup.find(key);
  if (!found.entry) {
    if (fallback) return *fallback;
    lookup.missing(key, "expected a value for '" + key + "'");
  }
  const auto value = parse_finite_double(found.entry->value);
  if (!value || *value < min || *value > max) {
    lookup.fail(found, "key '" + key + "': expected a number " + describe_range(min, max, "", false) + ", found " +
                           quote_value(found.entry->value));
  }
  return *value;
}

int year(const Lookup& lookup, const std::string& key, std::optional<int> fallback) {
  const auto found = lookup.find(key);
  if (!found.entry) {
    if (fallback) return *fallback;
    lookup.missing(key, "expected a value for '" + key + "'");
  }
  const auto value = parse_int64(found.entry->value);
  if (!value || *value < 1900 || *value > 2200) {
    lookup.fail(found, "key '" + key + "': expected a year in [1900, 2200], found " + quote_value(found.entry->value));
  }
  return static_cast<int>(*value);
}

template <typename Enum, std::size_t N>
std::array<bool, N> name_set(const Lookup& lookup, const std::string& key, const std::array<std::string_view, N>& names) {
  std::array<bool, N> chosen{};
  const auto found = lookup.find(key);
  if (!found.entry || trim(found.entry->value) == "all") {
    chosen.fill(true);
    return chosen;
  }
  const auto items = split_list(found.entry->value);
  if (items.empty()) lookup.fail(found, "key '" + key + "': expected 'all' or a list of " + list_names(names));
  for (const auto& item : items) {
    const auto parsed = parse_named<Enum>(names, item);
    if (!parsed) lookup.fail(found, "key '" + key + "': expected 'all' or names among " + list_names(names) + ", found " + quote_value(item));
    chosen[static_cast<std::size_t>(*parsed)] = true;
  }
  return chosen;
}

// Named sections of `kind` in file order, then those only the overrides define, in their order.
std::vector<std::string> section_names(const IniDocument& file, const IniDocument& overrides, const std::string& kind) {
  std::vector<std::string> names = file.section_names(kind);
  for (const auto& n : overrides.section_names(kind)) {
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  return names;
}

}  // namespace

IniSchema scenario_ini_schema() {
  IniSchema schema;
  schema.keys = scenario_parameter_table().keys();
  schema.keys.insert(scenario_text_keys().begin(), scenario_text_keys().end());
  schema.named_sections["intervention"] = kInterventionKeys;
  schema.named_sections["package"] = kPackageKeys;
  return schema;
}

InterventionSet read_interventions(const IniDocument& file, const IniDocument& overrides, const Geography& geography,
                                   int last_year) {
  const Lookup lookup(file, overrides);
  InterventionSet set;
  const std::vector<std::string> names = section_names(file, overrides, "intervention");
  std::map<std::string, std::size_t> index;
  for (const auto& name : names) {
    const std::string base = "intervention." + name + ".";
    Intervention i;
    i.name = name;
    const auto type = lookup.find(base + "type");
    if (!type.entry) lookup.missing(base + "type", "expected 'type' in [intervention." + name + "]");
    const auto kind = find_intervention_kind(trim(type.entry->value));
    if (!kind) {
      std::string kinds;
      for (const auto& k : kInterventionKinds) kinds += (kinds.empty() ? "" : ", ") + std::string(k.name);
      lookup.fail(type, "key '" + base + "type': expected one of " + kinds + ", found " + quote_value(type.entry->value));
    }
    i.kind = *kind;
    const auto counties = lookup.find(base + "counties");
    if (counties.entry && trim(counties.entry->value) != "all") {
      i.counties.assign(geography.counties.size(), 0);
      const auto items = split_list(counties.entry->value);
      if (items.empty()) lookup.fail(counties, "key '" + base + "counties': expected 'all' or county codes");
      for (const auto& item : items) {
        const auto code = parse_int64(item);
        const int county = code ? geography.county_index(*code) : -1;
        if (county < 0) {
          lookup.fail(counties, "key '" + base + "counties': expected 'all' or codes of counties.csv, found " + quote_value(item));
        }
        i.counties[static_cast<std::size_t>(county)] = 1;
      }
    }
    i.industries = name_set<Industry>(lookup, base + "industries", kIndustryNames);
    i.sizes = name_set<SizeClass>(lookup, base + "size_classes", kSizeClassNames);
    i.start_year = year(lookup, base + "start_year", std::nullopt);
    i.ramp_years = number(lookup, base + "ramp_years", 0.0, 50.0, 0.0);
    i.end_year = year(lookup, base + "end_year", std::max(last_year, i.start_year));
    if (i.end_year < i.start_year) {
      lookup.fail(lookup.find(base + "end_year"), "key '" + base + "end_year': expected a year not before start_year");
    }
    const auto& info = kind_info(i.kind);
    i.intensity = number(lookup, base + "intensity", info.min, info.max, std::nullopt);
    i.cost_fixed_rmb = number(lookup, base + "cost_fixed_rmb", 0.0, 1e13, 0.0);
    i.cost_per_unit_rmb = number(lookup, base + "cost_per_unit_rmb", 0.0, 1e9, 0.0);
    const auto source = lookup.find(base + "source");
    if (!source.entry || trim(source.entry->value).empty()) {
      lookup.fail(type, "expected 'source' in [intervention." + name +
                            "]: the evidence for its effect and cost, or 'assumed: why'");
    }
    i.source = trim(source.entry->value);
    if (const auto d = lookup.find(base + "description"); d.entry) i.description = trim(d.entry->value);
    if (const auto d = lookup.find(base + "description_zh"); d.entry) i.description_zh = trim(d.entry->value);
    index[name] = set.interventions.size();
    set.interventions.push_back(std::move(i));
  }

  const std::vector<std::string> package_names = section_names(file, overrides, "package");
  for (const auto& name : package_names) {
    const std::string base = "package." + name + ".";
    const auto list = lookup.find(base + "interventions");
    if (name == kBaselinePackage) {
      lookup.fail(list.entry ? list : lookup.section_location("package." + name),
                  "expected no [package.baseline]: baseline is the package without interventions");
    }
    if (!list.entry) lookup.missing(base + "interventions", "expected 'interventions' in [package." + name + "]");
    PolicyPackage p;
    p.name = name;
    for (const auto& item : split_list(list.entry->value)) {
      const auto it = index.find(item);
      if (it == index.end()) {
        lookup.fail(list, "key '" + base + "interventions': expected names of [intervention.NAME] sections, found " + quote_value(item));
      }
      if (std::find(p.interventions.begin(), p.interventions.end(), it->second) != p.interventions.end()) {
        lookup.fail(list, "key '" + base + "interventions': '" + item + "' is listed twice");
      }
      p.interventions.push_back(it->second);
    }
    if (const auto e = lookup.find(base + "label_en"); e.entry) p.label_en = trim(e.entry->value);
    if (const auto e = lookup.find(base + "label_zh"); e.entry) p.label_zh = trim(e.entry->value);
    if (const auto e = lookup.find(base + "description"); e.entry) p.description = trim(e.entry->value);
    set.packages.push_back(std::move(p));
  }
  return set;
}

}  // namespace pneumo
