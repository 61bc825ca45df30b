#include "pneumoplan/research/cohort.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/scenario/industry.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

using Spec = ParameterSpec<CohortSpec>;
using C = CohortSpec;

std::vector<std::string> industry_choices() { return {kIndustryNames.begin(), kIndustryNames.end()}; }

std::vector<std::string> profile_choices() {
  auto names = exposure_response_profile_names();
  names.insert(names.begin(), {"industry_default", "custom"});
  return names;
}

std::vector<Spec> build_cohort_specs() {
  std::vector<Spec> s;
  const auto text = [&](const char* key, const char* value, const char* meaning, Spec::TextField f,
                        std::vector<std::string> choices = {}) {
    s.push_back(Spec{key, value, "", 0, 0, "cohort definition", meaning, std::move(f), std::move(choices)});
  };
  const auto real = [&](const char* key, const char* value, const char* unit, double min, double max,
                        const char* meaning, Spec::RealField f) {
    s.push_back(Spec{key, value, unit, min, max, "cohort definition", meaning, std::move(f), {}});
  };
  const auto integer = [&](const char* key, const char* value, const char* unit, double min, double max,
                           const char* meaning, Spec::IntegerField f) {
    s.push_back(Spec{key, value, unit, min, max, "cohort definition", meaning, std::move(f), {}});
  };
  text("cohort.name", "cohort", "Label printed with the results.", [](C& c) -> std::string& { return c.name; });
  integer("cohort.size", "10000", "workers", 1, 5e7, "Number of cohort members.",
          [](C& c) -> std::int64_t& { return c.size; });
  text("cohort.industry", "other", "Industry of the cohort (chooses the default exposure-response profile).",
       [](C& c) -> std::string& { return c.industry; }, industry_choices());
  text("cohort.profile", "industry_default",
       "Exposure-response profile, industry_default, or custom (a tolerance curve given by the tolerance_* keys).",
       [](C& c) -> std::string& { return c.profile; }, profile_choices());
  text("cohort.tolerance_family", "log_logistic",
       "profile = custom: log_logistic F(E) = 1/(1 + (E/a)^-k) or weibull F(E) = 1 - exp(-(E/a)^k).",
       [](C& c) -> std::string& { return c.tolerance_family; }, {"log_logistic", "weibull"});
  real("cohort.tolerance_median_mg_m3_y", "1", "mg/m3*y", 1e-6, 1e6,
       "profile = custom: the curve's scale a (for log_logistic the exposure at which half the members fall ill).",
       [](C& c) -> double& { return c.tolerance_median_mg_m3_y; });
  real("cohort.tolerance_shape", "2", "shape", 0.05, 100, "profile = custom: the curve's shape k.",
       [](C& c) -> double& { return c.tolerance_shape; });
  text("cohort.tolerance_metric", "respirable_silica", "profile = custom: what E measures.",
       [](C& c) -> std::string& { return c.tolerance_metric; }, {"respirable_silica", "respirable_dust"});
  real("cohort.female_share", "0", "share", 0, 1, "Share of women in the cohort.",
       [](C& c) -> double& { return c.female_share; });
  integer("cohort.hire_year_first", "1960", "calendar year", 1850, 2200, "Earliest year of first employment.",
          [](C& c) -> std::int64_t& { return c.hire_year_first; });
  integer("cohort.hire_year_last", "1974", "calendar year", 1850, 2200, "Latest year of first employment.",
          [](C& c) -> std::int64_t& { return c.hire_year_last; });
  integer("cohort.employed_window_first", "0", "calendar year", 0, 2200,
          "With employed_window_last: members worked at least one year within these years (0 = no rule), as "
          "in cohorts defined by employment in a period.",
          [](C& c) -> std::int64_t& { return c.employed_window_first; });
  integer("cohort.employed_window_last", "0", "calendar year", 0, 2200, "Last year of the employment window.",
          [](C& c) -> std::int64_t& { return c.employed_window_last; });
  integer("cohort.follow_up_end_year", "2003", "calendar year", 1850, 2300, "Last year of follow-up (inclusive).",
          [](C& c) -> std::int64_t& { return c.follow_up_end_year; });
  integer("cohort.seed", "1", "", 0, 9.2e18, "Random seed.", [](C& c) -> std::int64_t& { return c.seed; });
  integer("cohort.replicates", "1", "replicates", 1, 1000,
          "Independent copies of the cohort (streams seed, 0..R-1) pooled into one life table: a published cohort's "
          "size with less simulation noise.",
          [](C& c) -> std::int64_t& { return c.replicates; });
  real("cohort.hire_age_mean_years", "25", "years", 14, 80, "Mean age at first employment (normal, truncated).",
       [](C& c) -> double& { return c.hire_age_mean_years; });
  real("cohort.hire_age_sd_years", "5", "years", 0, 30, "SD of the age at first employment.",
       [](C& c) -> double& { return c.hire_age_sd_years; });
  real("cohort.hire_age_min_years", "16", "years", 14, 80, "Youngest age at first employment.",
       [](C& c) -> double& { return c.hire_age_min_years; });
  real("cohort.hire_age_max_years", "45", "years", 14, 80, "Oldest age at first employment.",
       [](C& c) -> double& { return c.hire_age_max_years; });
  text("cohort.life_table", "builtin_china_wpp2024",
       "Background mortality: builtin_china_wpp2024 or a life_table.csv path (relative to this file).",
       [](C& c) -> std::string& { return c.life_table; });
  text("exposure.intensity_metric", "respirable_silica", "What intensity_gm_mg_m3 measures.",
       [](C& c) -> std::string& { return c.intensity_metric; }, {"respirable_silica", "respirable_dust", "total_dust"});
  real("exposure.intensity_gm_mg_m3", "0.1", "mg/m3", 0, 1000, "Geometric mean of members' average intensity.",
       [](C& c) -> double& { return c.intensity_gm_mg_m3; });
  real("exposure.intensity_gsd", "2", "GSD", 1, 20, "Geometric SD of intensity between members.",
       [](C& c) -> double& { return c.intensity_gsd; });
  text("exposure.intensity_trend", "none",
       "Calendar trend of intensity as year:index pairs (e.g. 1955:3.89, 1964:0.90, 1975:0.56), log-linear "
       "between them and flat outside; none = constant.",
       [](C& c) -> std::string& { return c.intensity_trend_text; });
  integer("exposure.intensity_trend_reference_year", "0", "calendar year", 0, 2200,
          "Year in which intensity_gm_mg_m3 applies (trend index 1); needed with a trend.",
          [](C& c) -> std::int64_t& { return c.intensity_trend_reference_year; });
  real("exposure.silica_fraction_of_respirable", "0.3", "share", 0.001, 1,
       "Crystalline silica share of respirable dust (converts between the two).",
       [](C& c) -> double& { return c.silica_fraction_of_respirable; });
  real("exposure.respirable_silica_per_total_dust", "0.036", "ratio", 0.0001, 1,
       "Respirable silica per unit total dust (Chen 2001 tin mines: 0.036), used for total_dust intensities.",
       [](C& c) -> double& { return c.respirable_silica_per_total_dust; });
  real("exposure.years_employed_median", "15", "years", 0.5, 60, "Median years of dust work (lognormal).",
       [](C& c) -> double& { return c.years_employed_median; });
  real("exposure.years_employed_gsd", "1.8", "GSD", 1, 10, "Geometric SD of years of dust work.",
       [](C& c) -> double& { return c.years_employed_gsd; });
  real("exposure.years_employed_max", "45", "years", 1, 70, "Longest dust work.",
       [](C& c) -> double& { return c.years_employed_max; });
  text("output.band_metric", "respirable_silica", "Cumulative exposure of the life-table bands.",
       [](C& c) -> std::string& { return c.band_metric; }, {"respirable_silica", "respirable_dust"});
  real("output.band_width_mg_m3_y", "1", "mg/m3*y", 1e-6, 1e6, "Width of each cumulative-exposure band.",
       [](C& c) -> double& { return c.band_width_mg_m3_y; });
  integer("output.band_count", "20", "bands", 1, 10000, "Number of bands (the last one is open-ended).",
          [](C& c) -> std::int64_t& { return c.band_count; });
  text("output.band_limits_mg_m3_y", "width",
       "Lower limits of the bands (0, then ascending, comma-separated), or width = band_width_mg_m3_y x band_count. "
       "With a published table its limits are the default.",
       [](C& c) -> std::string& { return c.band_limits_text; });
  text("validation.published_table", "none",
       "A published life table (CSV, docs/cohort-format.md) to compare with band by band, or none.",
       [](C& c) -> std::string& { return c.published_table; });
  real("validation.tolerance_abs", "0.08", "risk", 0, 1,
       "Largest accepted absolute difference of cumulative risk at a band's lower limit.",
       [](C& c) -> double& { return c.validation_tolerance_abs; });
  real("validation.min_at_risk", "50", "workers", 0, 1e9,
       "Bands with fewer published workers at risk (effective number) are shown but not judged.",
       [](C& c) -> double& { return c.validation_min_at_risk; });
  real("validation.z", "3.29", "SE", 0, 10,
       "Where z Greenwood standard errors (published and simulated combined) are tighter than tolerance_abs, they "
       "are the tolerance (3.29: two-sided 0.1 %).",
       [](C& c) -> double& { return c.validation_z; });
  text("validation.accepted_misfits", "none",
       "Lower limits of bands where the model's smooth curve is known to differ from the published one by more than "
       "the Greenwood tolerance (still within tolerance_abs); each must be explained in the file. They are reported "
       "as accepted, not as failures; none = no exceptions.",
       [](C& c) -> std::string& { return c.accepted_misfits_text; });
  real("validation.printed_precision", "0.001", "risk", 0, 0.1,
       "The unit of the last digit the paper prints its risks to; half of it is added to every tolerance.",
       [](C& c) -> double& { return c.validation_printed_precision; });

  // The disease natural history comes from the scenario parameter table ([disease] keys), so a cohort
  // file checks the same model a city runs. Profiles are chosen with cohort.profile instead.
  for (const auto& spec : scenario_parameter_table().specs()) {
    if (spec.key.rfind("disease.", 0) != 0 || spec.key.rfind("disease.profile_", 0) == 0) continue;
    const auto* field = std::get_if<ParameterSpec<ScenarioParameters>::RealField>(&spec.field);
    if (field == nullptr) continue;  // the disease keys a cohort uses are numbers
    Spec adapted{spec.key, spec.default_value, spec.unit, spec.min, spec.max, spec.source, spec.meaning,
                 Spec::RealField{}, spec.choices};
    adapted.field = Spec::RealField([f = *field](C& c) -> double& { return f(c.model); });
    s.push_back(std::move(adapted));
  }
  return s;
}

}  // namespace

const ParameterTable<CohortSpec>& cohort_parameter_table() {
  static const ParameterTable<CohortSpec> table(build_cohort_specs());
  return table;
}

namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, ',')) {
    const auto first = item.find_first_not_of(" \t");
    const auto last = item.find_last_not_of(" \t");
    items.push_back(first == std::string::npos ? "" : item.substr(first, last - first + 1));
  }
  return items;
}

bool parse_number(const std::string& text, double& value) {
  std::size_t used = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  return used == text.size() && std::isfinite(value);
}

IntensityTrend parse_intensity_trend(const CohortSpec& spec, const std::string& path, long trend_line,
                                     long reference_line) {
  IntensityTrend trend;
  if (spec.intensity_trend_text == "none") return trend;
  const std::string key = "key 'exposure.intensity_trend': ";
  for (const auto& item : split_list(spec.intensity_trend_text)) {
    const auto colon = item.find(':');
    double year = 0.0, index = 0.0;
    if (colon == std::string::npos || !parse_number(item.substr(0, colon), year) ||
        !parse_number(item.substr(colon + 1), index) || year != std::floor(year) || !(index > 0.0)) {
      throw InputError(path, trend_line, key + "expected year:index pairs with a positive index, found '" + item + "'");
    }
    if (!trend.points.empty() && year <= trend.points.back().first) {
      throw InputError(path, trend_line, key + "expected ascending years, found " + item);
    }
    trend.points.emplace_back(static_cast<int>(year), index);
  }
  if (spec.intensity_trend_reference_year == 0) {
    throw InputError(path, reference_line ? reference_line : trend_line,
                     "key 'exposure.intensity_trend_reference_year': expected the year in which intensity_gm_mg_m3 "
                     "applies, since a trend is given");
  }
  trend.reference_year = static_cast<int>(spec.intensity_trend_reference_year);
  return trend;
}

std::vector<double> parse_band_limits(const CohortSpec& spec, const std::string& path, long limits_line) {
  std::vector<double> limits;
  if (spec.band_limits_text == "width") {
    if (!spec.published.bands.empty()) return spec.published.lower_limits();
    for (std::int64_t k = 0; k < spec.band_count; ++k) limits.push_back(static_cast<double>(k) * spec.band_width_mg_m3_y);
    return limits;
  }
  const std::string key = "key 'output.band_limits_mg_m3_y': ";
  for (const auto& item : split_list(spec.band_limits_text)) {
    double value = 0.0;
    if (!parse_number(item, value) || value < 0.0) {
      throw InputError(path, limits_line, key + "expected non-negative numbers, found '" + item + "'");
    }
    if (limits.empty() && value != 0.0) throw InputError(path, limits_line, key + "expected the first limit to be 0");
    if (!limits.empty() && value <= limits.back()) {
      throw InputError(path, limits_line, key + "expected ascending limits, found " + item);
    }
    limits.push_back(value);
  }
  if (limits.size() > 10000) throw InputError(path, limits_line, key + "expected at most 10000 bands");
  return limits;
}

}  // namespace

double IntensityTrend::factor(int year) const {
  if (points.empty()) return 1.0;
  const auto index = [&](int y) {
    if (y <= points.front().first) return std::log(points.front().second);
    if (y >= points.back().first) return std::log(points.back().second);
    std::size_t k = 1;
    while (points[k].first < y) ++k;
    const auto& [y0, i0] = points[k - 1];
    const auto& [y1, i1] = points[k];
    const double w = static_cast<double>(y - y0) / static_cast<double>(y1 - y0);
    return (1.0 - w) * std::log(i0) + w * std::log(i1);
  };
  return std::exp(index(year) - index(reference_year));
}

CohortSpec load_cohort_spec(const std::string& path) {
  CohortSpec spec;
  spec.model = default_scenario_parameters();
  const auto& table = cohort_parameter_table();
  table.apply_defaults(spec);
  IniSchema schema;
  schema.keys = table.keys();
  schema.documentation = "docs/cohort-format.md";
  const IniDocument document = IniDocument::read(path, schema);
  table.apply(document, spec);
  const auto line = [&](const char* key) {
    const IniEntry* entry = document.find(key);
    return entry ? entry->line : 0L;
  };
  if (spec.hire_year_last < spec.hire_year_first) {
    throw InputError(path, line("cohort.hire_year_last"), "key 'cohort.hire_year_last': expected a year not before cohort.hire_year_first");
  }
  if (spec.follow_up_end_year < spec.hire_year_last) {
    throw InputError(path, line("cohort.follow_up_end_year"),
                     "key 'cohort.follow_up_end_year': expected a year not before cohort.hire_year_last");
  }
  if (spec.follow_up_end_year - spec.hire_year_first > 150) {
    throw InputError(path, line("cohort.follow_up_end_year"), "key 'cohort.follow_up_end_year': expected at most 150 years of follow-up");
  }
  if (spec.hire_age_min_years >= spec.hire_age_max_years) {
    throw InputError(path, line("cohort.hire_age_max_years"), "key 'cohort.hire_age_max_years': expected a value above cohort.hire_age_min_years");
  }
  if ((spec.employed_window_first == 0) != (spec.employed_window_last == 0)) {
    throw InputError(path, line(spec.employed_window_first == 0 ? "cohort.employed_window_last" : "cohort.employed_window_first"),
                     "expected both cohort.employed_window_first and cohort.employed_window_last, or neither");
  }
  if (spec.employed_window_first != 0) {
    if (spec.employed_window_last < spec.employed_window_first) {
      throw InputError(path, line("cohort.employed_window_last"),
                       "key 'cohort.employed_window_last': expected a year not before cohort.employed_window_first");
    }
    if (spec.employed_window_first > spec.hire_year_last || spec.employed_window_last < spec.hire_year_first) {
      throw InputError(path, line("cohort.employed_window_first"),
                       "key 'cohort.employed_window_first': expected a window that members hired in "
                       "[hire_year_first, hire_year_last] can work in");
    }
  }
  spec.intensity_trend = parse_intensity_trend(spec, path, line("exposure.intensity_trend"),
                                               line("exposure.intensity_trend_reference_year"));
  if (spec.published_table != "none") {
    const fs::path table_path = fs::path(spec.published_table).is_absolute()
                                    ? fs::path(spec.published_table)
                                    : fs::path(path).parent_path() / spec.published_table;
    spec.published_table = table_path.string();
    spec.published = read_published_life_table(spec.published_table);
  }
  spec.band_lower_limits = parse_band_limits(spec, path, line("output.band_limits_mg_m3_y"));
  if (spec.accepted_misfits_text != "none") {
    for (const auto& item : split_list(spec.accepted_misfits_text)) {
      double value = 0.0;
      const bool known = parse_number(item, value) &&
                         std::any_of(spec.published.bands.begin(), spec.published.bands.end(),
                                     [&](const PublishedBand& b) { return b.lower_mg_m3_y == value; });
      if (!known) {
        throw InputError(path, line("validation.accepted_misfits"),
                         "key 'validation.accepted_misfits': expected lower limits of bands of the published table, "
                         "found '" + item + "'");
      }
      spec.accepted_misfits.push_back(value);
    }
  }
  if (spec.life_table != "builtin_china_wpp2024") {
    const fs::path table_path = fs::path(spec.life_table).is_absolute()
                                    ? fs::path(spec.life_table)
                                    : fs::path(path).parent_path() / spec.life_table;
    read_life_table(table_path.string());  // checked now, so a bad table fails before any work
    spec.life_table = table_path.string();
  }
  return spec;
}


ExposureResponseProfile cohort_profile(const CohortSpec& spec) {
  if (spec.profile == "custom") {
    const auto metric = spec.tolerance_metric == "respirable_dust" ? ExposureMetric::RespirableDust
                                                                    : ExposureMetric::RespirableSilica;
    return spec.tolerance_family == "weibull"
               ? ExposureResponseProfile::weibull("custom", metric, spec.tolerance_median_mg_m3_y, spec.tolerance_shape,
                                                  "given in the cohort file")
               : ExposureResponseProfile::log_logistic("custom", metric, spec.tolerance_median_mg_m3_y,
                                                       spec.tolerance_shape, "given in the cohort file");
  }
  const auto industry = parse_named<Industry>(kIndustryNames, spec.industry);
  const std::string name =
      spec.profile == "industry_default" ? spec.model.disease.profile[static_cast<std::size_t>(*industry)] : spec.profile;
  return *find_exposure_response_profile(name);
}

}  // namespace pneumo
