#include "pneumoplan/research/sweep_spec.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/ini_document.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"

namespace pneumo {
namespace {

namespace fs = std::filesystem;

const std::set<std::string> kSweepKeys = {
    "sweep.scenario", "sweep.design",  "sweep.points",  "sweep.levels", "sweep.replicates", "sweep.seed",
    "sweep.sampling_seed", "sweep.package", "sweep.end_year", "sweep.outputs", "sweep.set", "sweep.second_order",
    "sweep.common_random_numbers"};
const std::set<std::string> kParameterKeys = {"key", "min", "max", "values", "scale", "integer"};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> items;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, separator)) {
    item = trim(item);
    if (!item.empty()) items.push_back(item);
  }
  return items;
}

class Reader {
 public:
  explicit Reader(const IniDocument& doc) : doc_(doc) {}
  const IniEntry* find(const std::string& key) const { return doc_.find(key); }
  [[noreturn]] void fail(const std::string& key, const std::string& expectation) const {
    const IniEntry* e = doc_.find(key);
    throw InputError(doc_.path(), e ? e->line : 0, expectation);
  }
  std::string text(const std::string& key, const std::string& fallback) const {
    const IniEntry* e = find(key);
    return e ? trim(e->value) : fallback;
  }
  std::int64_t integer(const std::string& key, std::int64_t min, std::int64_t max, std::int64_t fallback) const {
    const IniEntry* e = find(key);
    if (!e) return fallback;
    const auto v = parse_int64(trim(e->value));
    if (!v || *v < min || *v > max) {
      fail(key, "key '" + key + "': expected a whole number in [" + std::to_string(min) + ", " + std::to_string(max) +
                    "], found " + quote_value(e->value));
    }
    return *v;
  }
  double number(const std::string& key) const {
    const IniEntry* e = find(key);
    const auto v = e ? parse_finite_double(trim(e->value)) : std::nullopt;
    if (!v) fail(key, "key '" + key + "': expected a finite number" + (e ? ", found " + quote_value(e->value) : std::string()));
    return *v;
  }

 private:
  const IniDocument& doc_;
};

}  // namespace

std::string_view design_name(SweepDesign design) {
  switch (design) {
    case SweepDesign::Grid: return "grid";
    case SweepDesign::LatinHypercube: return "lhs";
    case SweepDesign::Sobol: return "sobol";
    case SweepDesign::Saltelli: return "saltelli";
    case SweepDesign::Morris: return "morris";
  }
  return "?";
}

SweepSpec read_sweep_spec(const std::string& path) {
  IniSchema schema;
  schema.keys = kSweepKeys;
  schema.named_sections["parameter"] = kParameterKeys;
  schema.documentation = "docs/research.md";
  const TextFile file = read_text_file(path);
  const IniDocument doc = IniDocument::parse(file, schema);
  const Reader r(doc);
  SweepSpec spec;
  spec.path = path;
  spec.text = file.contents;

  // A key missing from [sweep] belongs at its header (line 0 when there is no [sweep] at all).
  const long sweep_line = doc.section_line("sweep");
  if (!r.find("sweep.scenario")) throw InputError(path, sweep_line, "expected 'scenario = FOLDER' in [sweep]");
  const fs::path scenario = r.text("sweep.scenario", "");
  spec.scenario_directory = scenario.is_absolute() ? scenario.string() : (fs::path(path).parent_path() / scenario).string();
  if (!fs::is_directory(spec.scenario_directory)) {
    r.fail("sweep.scenario", "key 'sweep.scenario': expected a scenario folder (relative to the sweep file), found " +
                                 quote_value(spec.scenario_directory));
  }
  const std::string design = r.text("sweep.design", "lhs");
  bool known = false;
  for (const auto d : {SweepDesign::Grid, SweepDesign::LatinHypercube, SweepDesign::Sobol, SweepDesign::Saltelli,
                       SweepDesign::Morris}) {
    if (design == design_name(d)) {
      spec.design = d;
      known = true;
    }
  }
  if (!known) r.fail("sweep.design", "key 'sweep.design': expected grid, lhs, sobol, saltelli or morris, found " + quote_value(design));
  spec.points = r.integer("sweep.points", 1, 10000000, spec.design == SweepDesign::Grid ? 1 : 0);
  if (spec.points == 0) r.fail("sweep.design", "expected 'points = N' in [sweep] for the " + design + " design");
  const std::string second_order = r.text("sweep.second_order", "false");
  if (second_order != "true" && second_order != "false") {
    r.fail("sweep.second_order", "key 'sweep.second_order': expected true or false");
  }
  spec.second_order = second_order == "true";
  if (spec.second_order && spec.design != SweepDesign::Saltelli) {
    r.fail("sweep.second_order", "key 'sweep.second_order': second-order Sobol indices need design = saltelli");
  }
  spec.levels = r.integer("sweep.levels", 2, 1000, 4);
  if (spec.design == SweepDesign::Morris && spec.levels % 2 != 0) {
    r.fail("sweep.levels", "key 'sweep.levels': the Morris design needs an even number of levels");
  }
  spec.replicates = r.integer("sweep.replicates", 1, 100000, 1);
  spec.seed = r.integer("sweep.seed", 0, 9200000000000000000LL, -1);
  spec.sampling_seed = r.integer("sweep.sampling_seed", 0, 9200000000000000000LL, 1);
  const std::string common = r.text("sweep.common_random_numbers", "true");
  if (common != "true" && common != "false") {
    r.fail("sweep.common_random_numbers", "key 'sweep.common_random_numbers': expected true or false, found '" + common + "'");
  }
  spec.common_random_numbers = common == "true";
  spec.package = r.text("sweep.package", "");
  spec.end_year = r.integer("sweep.end_year", 1900, 2200, 0);
  if (spec.end_year > 0) spec.overrides.push_back("simulation.end_year=" + std::to_string(spec.end_year));
  for (const auto& item : split(r.text("sweep.set", ""), ';')) {
    if (item.find('=') == std::string::npos) {
      r.fail("sweep.set", "key 'sweep.set': expected 'section.key=value' settings separated by ';', found " + quote_value(item));
    }
    spec.overrides.push_back(item);
  }

  if (!r.find("sweep.outputs")) throw InputError(path, sweep_line, "expected 'outputs = NAME, ...' in [sweep] (outputs to keep)");
  for (const auto& name : split(r.text("sweep.outputs", ""), ',')) {
    const OutputSpec* o = find_output(name);
    if (!o) r.fail("sweep.outputs", "key 'sweep.outputs': expected outputs of docs/output-format.md, found " + quote_value(name));
    const bool city_level = o->axes.size() == 1 || o->axes[1] == Axis::Region || o->axes[1] == Axis::Intervention;
    if (!city_level) {
      r.fail("sweep.outputs", "key 'sweep.outputs': '" + name +
                                  "' has no city total (township and industry outputs cannot be kept by a sweep)");
    }
    if (std::find(spec.outputs.begin(), spec.outputs.end(), name) != spec.outputs.end()) {
      r.fail("sweep.outputs", "key 'sweep.outputs': expected each output once; " + quote_value(name) + " repeats");
    }
    spec.outputs.push_back(name);
  }
  if (spec.outputs.empty()) r.fail("sweep.outputs", "key 'sweep.outputs': expected at least one output");

  for (const auto& name : doc.section_names("parameter")) {
    const std::string base = "parameter." + name + ".";
    SweepParameter p;
    p.name = name;
    const auto first_key = doc.entries().lower_bound(base);  // section_names found at least one key
    p.line = doc.section_line("parameter." + name);
    if (p.line == 0 && first_key != doc.entries().end()) p.line = first_key->second.line;
    if (!r.find(base + "key")) throw InputError(path, p.line, "expected 'key = section.key' in [parameter." + name + "]");
    p.key = r.text(base + "key", "");
    if (p.key.rfind("simulation.", 0) == 0) {
      r.fail(base + "key", "key '" + base + "key': the [simulation] settings (years, replicates, seed) are the sweep's "
                           "own; sweep other parameters");
    }
    const std::string scale = r.text(base + "scale", "linear");
    if (scale != "linear" && scale != "log") r.fail(base + "scale", "key '" + base + "scale': expected linear or log");
    p.log_scale = scale == "log";
    const std::string integer = r.text(base + "integer", "false");
    if (integer != "true" && integer != "false") r.fail(base + "integer", "key '" + base + "integer': expected true or false");
    p.integer = integer == "true";
    if (r.find(base + "values")) {
      if (spec.design != SweepDesign::Grid) {
        r.fail(base + "values", "key '" + base + "values': lists of values need design = grid; give min and max instead");
      }
      for (const auto& item : split(r.text(base + "values", ""), ',')) {
        const auto v = parse_finite_double(item);
        if (!v) r.fail(base + "values", "key '" + base + "values': expected numbers separated by commas, found " + quote_value(item));
        p.values.push_back(*v);
      }
      if (p.values.empty()) r.fail(base + "values", "key '" + base + "values': expected at least one value");
      p.min = p.values.front();
      p.max = p.values.back();
    } else {
      if (!r.find(base + "min") || !r.find(base + "max")) {
        throw InputError(path, p.line, "expected 'min' and 'max' (or, for a grid, 'values') in [parameter." + name + "]");
      }
      p.min = r.number(base + "min");
      p.max = r.number(base + "max");
      if (!(p.min < p.max)) r.fail(base + "max", "key '" + base + "max': expected a value above min");
      if (p.log_scale && p.min <= 0.0) r.fail(base + "min", "key '" + base + "min': a log scale needs min > 0");
    }
    for (const auto& other : spec.parameters) {
      if (other.key == p.key) r.fail(base + "key", "key '" + base + "key': '" + p.key + "' is already swept by [parameter." + other.name + "]");
    }
    spec.parameters.push_back(std::move(p));
  }
  if (spec.parameters.empty()) throw InputError(path, 0, "expected at least one [parameter.NAME] section");
  return spec;
}

}  // namespace pneumo
