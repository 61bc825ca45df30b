#include "pneumoplan/scenario/scenario_loader.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/ini_document.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/core/text_file.hpp"
#include "pneumoplan/scenario/intervention_loader.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

// The largest workforce a scenario may describe; beyond it memory, not the model, is the limit.
constexpr std::int64_t kMaxWorkersPerStratum = 50'000'000;
constexpr std::int64_t kMaxWorkers = 1'000'000'000;

std::string join(const fs::path& dir, const char* file) { return (dir / file).string(); }

// Every reader records the normalised text it read, so results files carry their exact inputs.
using InputFiles = std::map<std::string, std::string>;

struct ParameterDocuments {
  IniDocument file;
  IniDocument overrides;
};

ScenarioParameters read_parameters(const std::string& path, const std::vector<std::string>& overrides,
                                   std::string& resolved, InputFiles& inputs, ParameterDocuments& documents) {
  const auto& table = scenario_parameter_table();
  ScenarioParameters parameters = default_scenario_parameters();
  const TextFile file = read_text_file(path);
  inputs["scenario.ini"] = file.contents;
  documents.file = IniDocument::parse(file, scenario_ini_schema());
  const IniDocument& document = documents.file;
  table.apply(document, parameters);
  // Command-line overrides ("section.key=value"), applied over the file; errors name "--set" and the
  // override's position.
  std::string override_text;
  for (std::size_t k = 0; k < overrides.size(); ++k) {
    const std::string& o = overrides[k];
    // In scenario.ini '#' starts a comment: a value with one would be cut short without a word.
    if (o.find('#') != std::string::npos) {
      throw InputError("--set", static_cast<long>(k) + 1,
                       "expected no '#' in " + quote_value(o) + ": in scenario.ini '#' starts a comment, which would cut "
                       "the value short");
    }
    if (o.find_first_of("\n\r") != std::string::npos) {
      throw InputError("--set", static_cast<long>(k) + 1, "expected one line, found a line break in " + quote_value(o));
    }
    override_text += o + "\n";
  }
  documents.overrides = IniDocument::parse(parse_text("--set", override_text), scenario_ini_schema());
  const IniDocument& overridden = documents.overrides;
  table.apply(overridden, parameters);
  if (!overrides.empty()) inputs[kOverridesInput] = override_text;

  // Where a key was last set, for messages about combinations of values.
  struct Where {
    std::string path;
    long line;
  };
  const auto where = [&](const char* key) -> Where {
    if (const IniEntry* entry = overridden.find(key)) return {"--set", entry->line};
    const IniEntry* entry = document.find(key);
    return {path, entry ? entry->line : 0};
  };
  const auto fail = [&](const char* key, const std::string& expectation) {
    const Where w = where(key);
    throw InputError(w.path, w.line, expectation);
  };
  const auto& sim = parameters.simulation;
  if (sim.end_year <= sim.start_year) {
    fail("simulation.end_year", "key 'simulation.end_year': expected a year after simulation.start_year (" +
                         std::to_string(sim.start_year) + "), found " + std::to_string(sim.end_year));
  }
  if (sim.end_year - sim.start_year > 250) {
    fail("simulation.end_year", "key 'simulation.end_year': expected at most 250 simulated years");
  }
  // strata.csv describes the base year: a base year the run never reaches describes nothing it simulates.
  if (sim.base_year > sim.end_year) {
    fail("simulation.base_year", "key 'simulation.base_year': expected a year not after simulation.end_year (" +
                                     std::to_string(sim.end_year) + "), found " + std::to_string(sim.base_year));
  }
  const auto& pop = parameters.population;
  if (pop.hire_age_min_years >= pop.hire_age_max_years) {
    fail("population.hire_age_max_years", "key 'population.hire_age_max_years': expected a value above population.hire_age_min_years");
  }
  for (const auto& [key, age] : {std::pair<const char*, double>{"population.retirement_age_male_years", pop.retirement_age_male_years},
                                 std::pair<const char*, double>{"population.retirement_age_female_years", pop.retirement_age_female_years}}) {
    if (age < pop.hire_age_min_years + 2.0) {
      fail(key, std::string("key '") + key +
                                               "': expected a retirement age at least 2 years above "
                                               "population.hire_age_min_years, so someone can be hired");
    }
  }
  // Concentrations follow (1 + default_annual_change)^(year − base_year); keep that within a factor 10^4
  // over the simulated years and the work histories before them, or exposures overflow.
  const auto& sim_years = parameters.simulation;
  const double span = static_cast<double>(std::max(std::llabs(sim_years.end_year - sim_years.base_year),
                                                   std::llabs(sim_years.start_year - 70 - sim_years.base_year)));
  if (std::fabs(std::log1p(parameters.exposure.default_annual_change)) * span > std::log(1e4)) {
    fail("exposure.default_annual_change", "key 'exposure.default_annual_change': expected a change that keeps concentrations within a "
                     "factor 10^4 of the base year between start_year - 70 and end_year");
  }
  const auto& compliance = parameters.compliance;
  if (compliance.rise_end_year < compliance.rise_start_year) {
    fail("compliance.rise_end_year", "key 'compliance.rise_end_year': expected a year not before compliance.rise_start_year");
  }
  // A money budget buys stations at rehab.station_cost_rmb each; at no cost it would buy every township.
  if (parameters.rehab.budget_rmb > 0.0 && !(parameters.rehab.station_cost_rmb > 0.0)) {
    fail("rehab.budget_rmb", "key 'rehab.budget_rmb': a money budget needs rehab.station_cost_rmb > 0 (the cost of "
                             "one station); set the count with rehab.stations_budget instead");
  }
  resolved = scenario_parameter_table().resolved_text(parameters);
  return parameters;
}

void read_counties(const std::string& path, Geography& geography, InputFiles& inputs) {
  const auto table = CsvTable::read(path, {"county_code", "name_zh", "name_en", "population", "seat_lon", "seat_lat"});
  inputs["counties.csv"] = table.contents();
  std::map<std::int64_t, long> seen;
  for (const auto& row : table.records()) {
    County county;
    county.line = row.line();
    county.code = row.integer("county_code", 100000, 999999);
    if (const auto [it, fresh] = seen.emplace(county.code, row.line()); !fresh) {
      row.fail("county_code " + std::to_string(county.code) + " repeats (first on line " + std::to_string(it->second) +
               "); expected each county once");
    }
    county.name_zh = row.required_text("name_zh");
    county.name_en = row.required_text("name_en");
    county.population = row.optional_number("population", 0, 1e9).value_or(0.0);
    county.seat_lon = row.number("seat_lon", -180, 180);
    county.seat_lat = row.number("seat_lat", -90, 90);
    geography.counties.push_back(county);
    if (geography.counties.size() > 60000) row.fail("expected at most 60000 counties; this is one more");
  }
  if (geography.counties.empty()) throw InputError(path, table.header_line(), "expected at least one county after the header");
  geography.build_indices();
}

void read_townships(const std::string& path, const std::string& counties_path, Geography& geography,
                    InputFiles& inputs) {
  const auto table = CsvTable::read(path, {"township_code", "county_code", "name_zh", "kind", "lon", "lat"},
                                    {"point_approximate", "weight", "name_en"});
  inputs["townships.csv"] = table.contents();
  std::map<std::int64_t, long> seen;
  for (const auto& row : table.records()) {
    Township township;
    township.code = row.integer("township_code", 100000000, 999999999);
    if (const auto [it, fresh] = seen.emplace(township.code, row.line()); !fresh) {
      row.fail("township_code " + std::to_string(township.code) + " repeats (first on line " +
               std::to_string(it->second) + "); expected each township once");
    }
    const auto county_code = row.integer("county_code", 100000, 999999);
    const int county = geography.county_index(county_code);
    if (county < 0) {
      row.fail("column 'county_code': expected a county listed in counties.csv, found unknown code " +
               std::to_string(county_code));
    }
    // The first six digits of a township code are its county's. Development zones have codes of their own
    // (320371...) and are assigned to a real county, but a code that begins with another listed county's
    // code is a township filed under the wrong county.
    const std::int64_t prefix = township.code / 1000;
    if (prefix != county_code && geography.county_index(prefix) >= 0) {
      row.fail("column 'county_code': township " + std::to_string(township.code) + " belongs to county " +
               std::to_string(prefix) + " by its code, found county " + std::to_string(county_code));
    }
    township.county = static_cast<std::uint16_t>(county);
    township.name_zh = row.required_text("name_zh");
    if (row.has("name_en")) township.name_en = trim(row.text("name_en"));
    township.kind = row.required_text("kind");
    static const std::set<std::string> kinds = {"street", "town", "township", "other"};
    if (!kinds.count(township.kind)) {
      row.fail("column 'kind': expected one of street, town, township, other, found " + quote_value(township.kind));
    }
    township.lon = row.number("lon", -180, 180);
    township.lat = row.number("lat", -90, 90);
    if (row.has("point_approximate")) township.point_approximate = row.integer("point_approximate", 0, 1) == 1;
    if (row.has("weight")) township.weight = row.number("weight", 0, 1e9);
    geography.townships.push_back(township);
    if (geography.townships.size() >= 65535) row.fail("expected fewer than 65535 townships; this is the 65535th");
  }
  geography.build_indices();
  for (std::size_t c = 0; c < geography.counties.size(); ++c) {
    double weight = 0.0;
    for (const auto t : geography.townships_of_county[c]) weight += geography.townships[t].weight;
    if (geography.townships_of_county[c].empty() || weight <= 0.0) {
      throw InputError(counties_path, geography.counties[c].line,
                       "expected at least one township with positive weight in " + path + " for county " +
                           std::to_string(geography.counties[c].code) + " (" + geography.counties[c].name_zh + ")");
    }
  }
}

std::vector<Stratum> read_strata(const std::string& path, const Geography& geography, InputFiles& inputs) {
  const auto table = CsvTable::read(path,
                                    {"county_code", "industry", "size_class", "enterprises", "workers", "dust_gm_mg_m3",
                                     "dust_gsd", "silica_fraction", "share_migrant", "share_dispatched", "female_share"},
                                    {"dust_type", "noise_share", "radiation_share"});
  inputs["strata.csv"] = table.contents();
  std::vector<Stratum> strata;
  std::map<std::tuple<int, int, int>, long> seen;
  for (const auto& row : table.records()) {
    Stratum s;
    s.line = row.line();
    const auto county_code = row.integer("county_code", 100000, 999999);
    const int county = geography.county_index(county_code);
    if (county < 0) {
      row.fail("column 'county_code': expected a county listed in counties.csv, found unknown code " +
               std::to_string(county_code));
    }
    s.county = static_cast<std::uint16_t>(county);
    const std::string industry = row.required_text("industry");
    const auto parsed_industry = parse_named<Industry>(kIndustryNames, industry);
    if (!parsed_industry) row.fail("column 'industry': expected one of " + list_names(kIndustryNames) + ", found " + quote_value(industry));
    s.industry = *parsed_industry;
    const std::string size = row.required_text("size_class");
    const auto parsed_size = parse_named<SizeClass>(kSizeClassNames, size);
    if (!parsed_size) row.fail("column 'size_class': expected one of " + list_names(kSizeClassNames) + ", found " + quote_value(size));
    s.size = *parsed_size;
    const auto key = std::make_tuple(county, static_cast<int>(s.industry), static_cast<int>(s.size));
    if (const auto [it, fresh] = seen.emplace(key, row.line()); !fresh) {
      row.fail("expected one row per county, industry and size class; this one repeats line " +
               std::to_string(it->second));
    }
    s.workers = row.integer("workers", 0, kMaxWorkersPerStratum);
    s.enterprises = row.integer("enterprises", s.workers > 0 ? 1 : 0, 10'000'000);
    if (s.workers == 0 && s.enterprises > 0) {
      row.fail("column 'workers': expected workers for the " + std::to_string(s.enterprises) +
               " enterprises of the row, found 0 (give 0 enterprises for an empty stratum)");
    }
    if (s.enterprises > s.workers && s.workers > 0) {
      row.fail("column 'enterprises': expected no more enterprises than workers (" + std::to_string(s.workers) + ")");
    }
    s.dust_gm_mg_m3 = row.number("dust_gm_mg_m3", 0, 1000);
    s.dust_gsd = row.number("dust_gsd", 1, 20);
    s.silica_fraction = row.number("silica_fraction", 0, 1);
    s.share_migrant = row.number("share_migrant", 0, 1);
    s.share_dispatched = row.number("share_dispatched", 0, 1);
    if (s.share_migrant + s.share_dispatched > 1.0 + 1e-12) {
      row.fail("expected share_migrant + share_dispatched <= 1, found " +
               std::to_string(s.share_migrant + s.share_dispatched));
    }
    s.female_share = row.number("female_share", 0, 1);
    s.dust_type = default_dust_type(s.industry, s.silica_fraction);
    if (row.has("dust_type") && !row.text("dust_type").empty()) {
      const std::string type = row.text("dust_type");
      const auto parsed_type = parse_named<DustType>(kDustTypeNames, type);
      if (!parsed_type) row.fail("column 'dust_type': expected one of " + list_names(kDustTypeNames) + ", found " + quote_value(type));
      s.dust_type = *parsed_type;
    }
    s.noise_share = row.optional_number("noise_share", 0, 1).value_or(0.0);
    s.radiation_share = row.optional_number("radiation_share", 0, 1).value_or(0.0);
    strata.push_back(s);
  }
  if (strata.empty()) throw InputError(path, table.header_line(), "expected at least one stratum of dust enterprises after the header");
  return strata;
}

IndustryTrends read_trends(const std::string& path, const ScenarioParameters& parameters, const Geography& geography,
                           InputFiles& inputs) {
  IndustryTrends trends(static_cast<int>(parameters.simulation.base_year), parameters.exposure.default_annual_change);
  if (!input_file_present(path)) return trends;
  const auto table = CsvTable::read(path, {"industry", "year", "workforce_index", "concentration_index"}, {"county_code"});
  inputs["trends.csv"] = table.contents();
  // Last year seen per (county, industry) and series, to insist on increasing years.
  std::map<std::pair<int, int>, int> last_workforce_year;
  std::map<std::pair<int, int>, int> last_concentration_year;
  for (const auto& row : table.records()) {
    const std::string name = row.required_text("industry");
    const auto industry = parse_named<Industry>(kIndustryNames, name);
    if (!industry) row.fail("column 'industry': expected one of " + list_names(kIndustryNames) + ", found " + quote_value(name));
    int county = IndustryTrends::kWholeCity;
    if (row.has("county_code") && !row.text("county_code").empty()) {
      const auto code = row.integer("county_code", 100000, 999999);
      county = geography.county_index(code);
      if (county < 0) {
        row.fail("column 'county_code': expected a county listed in counties.csv (or empty for the whole city), "
                 "found unknown code " + std::to_string(code));
      }
    }
    const auto key = std::make_pair(county, static_cast<int>(*industry));
    const int year = static_cast<int>(row.integer("year", 1800, 2300));
    const auto workforce = row.optional_number("workforce_index", 0, 1000);
    const auto concentration = row.optional_number("concentration_index", 0, 1000);
    if (!workforce && !concentration) row.fail("expected a workforce_index or a concentration_index (both are empty)");
    const auto check_order = [&](std::map<std::pair<int, int>, int>& last) {
      const auto it = last.find(key);
      if (it != last.end() && year <= it->second) {
        row.fail("column 'year': expected years in increasing order for " + name + " (after " +
                 std::to_string(it->second) + ")");
      }
      last[key] = year;
    };
    if (workforce) {
      check_order(last_workforce_year);
      trends.add_workforce_point(*industry, county, {year, *workforce});
    }
    if (concentration) {
      check_order(last_concentration_year);
      trends.add_concentration_point(*industry, county, {year, *concentration});
    }
  }
  return trends;
}

std::vector<Institution> read_institutions(const std::string& path, const Scenario& scenario, InputFiles& inputs) {
  const auto table = CsvTable::read(path, {"name", "county_code", "public", "exam", "radiation_exam", "diagnosis",
                                           "prevention_institute", "opens_year", "closes_year",
                                           "exam_capacity_per_year", "diagnosis_capacity_per_year"});
  inputs["institutions.csv"] = table.contents();
  std::vector<Institution> institutions;
  for (const auto& row : table.records()) {
    Institution i;
    i.line = row.line();
    i.name = row.required_text("name");
    if (!row.text("county_code").empty()) {
      const auto code = row.integer("county_code", 100000, 999999);
      i.county = scenario.geography.county_index(code);
      if (i.county < 0) {
        row.fail("column 'county_code': expected a county listed in counties.csv (or empty for a city-level "
                 "institution), found unknown code " + std::to_string(code));
      }
    }
    i.is_public = row.integer("public", 0, 1) == 1;
    i.exam = row.integer("exam", 0, 1) == 1;
    i.radiation_exam = row.integer("radiation_exam", 0, 1) == 1;
    i.diagnosis = row.integer("diagnosis", 0, 1) == 1;
    i.prevention_institute = row.integer("prevention_institute", 0, 1) == 1;
    if (i.radiation_exam && !i.exam) row.fail("column 'radiation_exam': expected exam = 1 for an institution examining radiation workers");
    i.opens_year = static_cast<int>(row.integer("opens_year", 1800, 2300));
    if (!row.text("closes_year").empty()) {
      i.closes_year = static_cast<int>(row.integer("closes_year", i.opens_year, 2300));
    }
    i.exam_capacity_per_year = row.number("exam_capacity_per_year", 0, 1e9);
    i.diagnosis_capacity_per_year = row.number("diagnosis_capacity_per_year", 0, 1e9);
    if (i.exam && i.exam_capacity_per_year <= 0) row.fail("column 'exam_capacity_per_year': expected a positive capacity for an exam institution");
    if (i.diagnosis && i.diagnosis_capacity_per_year <= 0) {
      row.fail("column 'diagnosis_capacity_per_year': expected a positive capacity for a diagnosis institution");
    }
    institutions.push_back(i);
  }
  return institutions;
}

std::vector<Scenario::ExistingStation> read_stations(const std::string& path, const Geography& geography,
                                                     InputFiles& inputs) {
  const auto table = CsvTable::read(path, {"township_code", "opened_year"});
  inputs["stations.csv"] = table.contents();
  std::vector<Scenario::ExistingStation> stations;
  std::map<int, long> seen;
  for (const auto& row : table.records()) {
    const auto code = row.integer("township_code", 100000000, 999999999);
    const int township = geography.township_index(code);
    if (township < 0) row.fail("column 'township_code': expected a township listed in townships.csv, found unknown code " + std::to_string(code));
    if (const auto [it, fresh] = seen.emplace(township, row.line()); !fresh) {
      row.fail("expected one station per township; this one repeats line " + std::to_string(it->second));
    }
    stations.push_back({static_cast<std::uint16_t>(township), static_cast<int>(row.integer("opened_year", 1900, 2300))});
  }
  return stations;
}

// Limits that keep identities and job counts within their types: enterprise numbers fit the 24 bits of a
// worker's identity, and no enterprise ever has more than 10^8 jobs.
void check_sizes(const Scenario& scenario, const std::string& strata_path) {
  std::int64_t enterprises = 0;
  std::int64_t workers = 0;
  for (const auto& s : scenario.strata) {
    enterprises += s.enterprises;
    workers += s.workers;
    // Fifty times China's dust-exposed workforce: beyond it a number was mistyped.
    if (workers > kMaxWorkers) {
      throw InputError(strata_path, s.line, "expected at most 1,000,000,000 dust workers in all; the strata up to this "
                                            "line have " + std::to_string(workers));
    }
    if (enterprises > (std::int64_t{1} << 24) - 1) {
      throw InputError(strata_path, s.line, "expected at most 16,777,215 enterprises in all; the strata up to this line have " +
                                                std::to_string(enterprises));
    }
    if (s.enterprises == 0) continue;
    double max_index = 0.0;
    for (int year = scenario.first_year(); year <= scenario.last_year(); ++year) {
      max_index = std::max(max_index, scenario.trends.workforce_index(s.industry, s.county, year));
    }
    const double jobs = std::ceil(static_cast<double>(s.workers) / static_cast<double>(s.enterprises)) * max_index;
    if (jobs > 1e8) {
      throw InputError(strata_path, s.line, "expected at most 10^8 jobs per enterprise; workers per enterprise times the "
                                            "largest workforce index gives " + std::to_string(static_cast<long long>(jobs)));
    }
  }
}

// distances.csv: road distances between townships that replace the estimated ones (both directions).
void read_distances(const std::string& path, const Geography& geography, std::vector<double>* distance,
                    InputFiles& inputs) {
  const auto table = CsvTable::read(path, {"from_township_code", "to_township_code", "km"});
  inputs["distances.csv"] = table.contents();
  const std::size_t n = geography.townships.size();
  std::map<std::pair<int, int>, long> seen;
  for (const auto& row : table.records()) {
    int ends[2];
    const char* columns[2] = {"from_township_code", "to_township_code"};
    for (int k = 0; k < 2; ++k) {
      const auto code = row.integer(columns[k], 100000000, 999999999);
      ends[k] = geography.township_index(code);
      if (ends[k] < 0) {
        row.fail(std::string("column '") + columns[k] + "': expected a township listed in townships.csv, found " +
                 std::to_string(code));
      }
    }
    const auto key = std::minmax(ends[0], ends[1]);
    if (const auto [it, fresh] = seen.emplace(key, row.line()); !fresh) {
      row.fail("expected each pair of townships once (in either direction); this pair repeats line " +
               std::to_string(it->second));
    }
    const double km = row.number("km", 0, 100000);
    if (!distance) continue;  // checked only (pneumoplan run --check)
    (*distance)[static_cast<std::size_t>(ends[0]) * n + static_cast<std::size_t>(ends[1])] = km;
    (*distance)[static_cast<std::size_t>(ends[1]) * n + static_cast<std::size_t>(ends[0])] = km;
  }
}

}  // namespace

std::vector<PlanTarget> read_targets(const std::string& path, std::string* contents) {
  const auto table = CsvTable::read(path, {"indicator_no", "indicator_key", "indicator_zh", "comparator", "target",
                                           "unit", "plan_period"},
                                    {"binding"});
  if (contents) *contents = table.contents();
  std::vector<PlanTarget> targets;
  std::map<std::string, long> seen;
  for (const auto& row : table.records()) {
    PlanTarget t;
    t.line = row.line();
    t.number = static_cast<int>(row.integer("indicator_no", 1, 1000));
    const std::string key = row.required_text("indicator_key");
    const auto id = find_indicator(key);
    if (!id) {
      std::string known;
      for (const auto& info : kIndicators) known += (known.empty() ? "" : ", ") + std::string(info.key);
      row.fail("column 'indicator_key': expected one of " + known + ", found " + quote_value(key));
    }
    if (const auto [it, fresh] = seen.emplace(key, row.line()); !fresh) {
      row.fail("expected each indicator once; '" + key + "' repeats line " + std::to_string(it->second));
    }
    t.indicator = *id;
    t.text_zh = row.required_text("indicator_zh");
    const std::string comparator = row.required_text("comparator");
    if (comparator == ">=") {
      t.comparator = Comparator::AtLeast;
    } else if (comparator == "<=") {
      t.comparator = Comparator::AtMost;
    } else if (comparator == "increasing") {
      t.comparator = Comparator::Increasing;
    } else {
      row.fail("column 'comparator': expected >=, <= or increasing, found " + quote_value(comparator));
    }
    if (t.comparator == Comparator::Increasing) {
      if (!row.text("target").empty()) row.fail("column 'target': expected it empty for an 'increasing' indicator");
    } else {
      const bool share = indicator_info(t.indicator).kind == IndicatorKind::Share;
      t.target = row.number("target", 0, share ? 1.0 : 1e9);
    }
    t.unit = row.text("unit");
    const std::string period = row.required_text("plan_period");
    const auto dash = period.find('-');
    const auto first = dash == std::string::npos ? std::nullopt : parse_int64(period.substr(0, dash));
    const auto last = dash == std::string::npos ? std::nullopt : parse_int64(period.substr(dash + 1));
    if (!first || !last || *first < 1900 || *last > 2300 || *last < *first) {
      row.fail("column 'plan_period': expected FIRST-LAST years such as 2021-2025, found " + quote_value(period));
    }
    t.plan_first_year = static_cast<int>(*first);
    t.plan_last_year = static_cast<int>(*last);
    if (row.has("binding")) {
      const std::string binding = row.text("binding");
      if (binding != "binding" && binding != "expected" && !binding.empty()) {
        row.fail("column 'binding': expected binding, expected or empty, found " + quote_value(binding));
      }
      t.binding = binding == "binding";
    }
    targets.push_back(t);
  }
  return targets;
}

void Scenario::select_package(const std::string& name) {
  active_package = name;
  active_interventions.clear();
  if (name == kBaselinePackage) return;
  for (const auto& p : packages) {
    if (p.name == name) {
      active_interventions = p.interventions;
      return;
    }
  }
  std::string known(kBaselinePackage);
  for (const auto& p : packages) known += ", " + p.name;
  throw UsageError("unknown package " + quote_value(name) + "; the scenario has: " + known);
}

void Scenario::tabulate_trends() {
  // Workers present at the start bring up to (retirement age − hiring age) years of exposure, under 70 for
  // any plausible parameters (earlier years are still computed, only slower); the simulation also asks for
  // the year after the last (next year's jobs).
  trends.tabulate(first_year() - 70, last_year() + 1, static_cast<int>(geography.counties.size()));
}

double Scenario::exposure_limit(DustType type) const {
  const auto& l = parameters.limits;
  switch (type) {
    case DustType::Coal: return l.coal_dust;
    case DustType::Silica10To50: return l.silica_10_50;
    case DustType::Silica50To80: return l.silica_50_80;
    case DustType::SilicaAbove80: return l.silica_above_80;
    case DustType::Cement: return l.cement;
    case DustType::Other: return l.other_dust;
  }
  return l.other_dust;
}

LifeTable read_life_table(const std::string& path, std::string* contents) {
  const auto table = CsvTable::read(path, {"period_mid_year", "age_start", "age_width", "mx_male", "mx_female"});
  if (contents) *contents = table.contents();
  std::vector<MortalityPeriod> periods;
  long last_line = 0;
  for (const auto& row : table.records()) {
    last_line = row.line();
    const int year = static_cast<int>(row.integer("period_mid_year", 1800, 2300));
    if (periods.empty() || periods.back().mid_year != year) {
      if (!periods.empty()) {
        if (year < periods.back().mid_year) row.fail("column 'period_mid_year': expected periods in increasing order");
        if (periods.back().groups.back().age_width != 0) {
          row.fail("expected the period " + std::to_string(periods.back().mid_year) +
                   " to end with an open age group (age_width empty or 'open') before a new period starts");
        }
      }
      periods.push_back({year, {}});
    }
    auto& groups = periods.back().groups;
    MortalityAgeGroup group;
    const int expected_start = groups.empty() ? 0 : groups.back().age_start + groups.back().age_width;
    if (!groups.empty() && groups.back().age_width == 0) {
      row.fail("expected no age group after the open one of period " + std::to_string(year));
    }
    group.age_start = static_cast<int>(row.integer("age_start", 0, LifeTable::kMaxAge));
    if (group.age_start != expected_start) {
      row.fail("column 'age_start': expected " + std::to_string(expected_start) +
               " (age groups must start at 0 and follow each other without gaps)");
    }
    const std::string width = row.text("age_width");
    group.age_width = (width.empty() || width == "open") ? 0 : static_cast<int>(row.integer("age_width", 1, 50));
    group.mx_male = row.number("mx_male", 1e-9, 10);
    group.mx_female = row.number("mx_female", 1e-9, 10);
    groups.push_back(group);
  }
  if (periods.empty()) throw InputError(path, table.header_line(), "expected at least one period of death rates after the header");
  if (periods.back().groups.back().age_width != 0) {
    throw InputError(path, last_line, "expected the last age group of every period to be open (age_width empty or 'open')");
  }
  return LifeTable(std::move(periods));
}

std::int64_t Scenario::base_year_workers() const {
  std::int64_t total = 0;
  for (const auto& s : strata) total += s.workers;
  return total;
}

const std::vector<std::string>& scenario_file_names() {
  static const std::vector<std::string> names = {"scenario.ini",     "counties.csv", "townships.csv",
                                                 "strata.csv",       "life_table.csv", "trends.csv",
                                                 "institutions.csv", "targets.csv",  "stations.csv",
                                                 "distances.csv"};
  return names;
}

Scenario load_scenario(const std::string& directory, const std::vector<std::string>& overrides,
                       const std::function<void(const Scenario&)>& check_size) {
  ScenarioLoadOptions options;
  options.check_size = check_size;
  return load_scenario(directory, overrides, options);
}

Scenario load_scenario(const std::string& directory, const std::vector<std::string>& overrides,
                       const ScenarioLoadOptions& options) {
  const auto& check_size = options.check_size;
  const fs::path dir(directory);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    const std::string why = why_not_readable(directory);
    throw InputError(directory, 0, "expected a scenario folder holding scenario.ini and its CSV tables; " +
                                       (why.empty() ? std::string("it is a file") : why));
  }
  Scenario scenario;
  scenario.directory = directory;
  scenario.name = fs::weakly_canonical(dir).filename().string();

  const std::string ini = join(dir, "scenario.ini");
  auto& inputs = scenario.input_files;
  ParameterDocuments documents;
  scenario.parameters = read_parameters(ini, overrides, scenario.resolved_ini, inputs, documents);
  scenario.text = read_scenario_text(documents.file, documents.overrides);
  read_counties(join(dir, "counties.csv"), scenario.geography, inputs);
  read_townships(join(dir, "townships.csv"), join(dir, "counties.csv"), scenario.geography, inputs);
  {
    InterventionSet set = read_interventions(documents.file, documents.overrides, scenario.geography,
                                             scenario.last_year());
    scenario.interventions = std::move(set.interventions);
    scenario.packages = std::move(set.packages);
  }
  scenario.strata = read_strata(join(dir, "strata.csv"), scenario.geography, inputs);
  scenario.life_table = read_life_table(join(dir, "life_table.csv"), &inputs["life_table.csv"]);
  scenario.trends = read_trends(join(dir, "trends.csv"), scenario.parameters, scenario.geography, inputs);
  scenario.tabulate_trends();
  if (input_file_present(join(dir, "institutions.csv"))) {
    scenario.institutions = read_institutions(join(dir, "institutions.csv"), scenario, inputs);
    scenario.has_institutions = true;
  }
  if (input_file_present(join(dir, "targets.csv"))) scenario.targets = read_targets(join(dir, "targets.csv"), &inputs["targets.csv"]);
  if (input_file_present(join(dir, "stations.csv"))) {
    scenario.existing_stations = read_stations(join(dir, "stations.csv"), scenario.geography, inputs);
  }
  for (std::size_t i = 0; i < kIndustryCount; ++i) {
    scenario.profile_of_industry[i] = find_exposure_response_profile(scenario.parameters.disease.profile[i]);
  }
  check_sizes(scenario, join(dir, "strata.csv"));
  if (check_size) check_size(scenario);  // before the township distances, which grow with their square

  if (options.township_distances) {
    scenario.township_distance_km = scenario.geography.township_road_distances_km(scenario.parameters.rehab.road_factor);
  }
  if (input_file_present(join(dir, "distances.csv"))) {
    read_distances(join(dir, "distances.csv"), scenario.geography,
                   options.township_distances ? &scenario.township_distance_km : nullptr, inputs);
  }

  // Cohort tables for everyone who can appear: nobody alive at the start is older than kMaxAge, and
  // nobody hired before the end is born after it.
  scenario.life_table.prepare_cohorts(scenario.first_year() - LifeTable::kMaxAge, scenario.last_year());
  return scenario;
}

}  // namespace pneumo
