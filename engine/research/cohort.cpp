#include "pneumoplan/research/cohort.hpp"

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include "pneumoplan/core/parallel_for.hpp"

#include <cmath>
#include <filesystem>
#include <limits>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/named_enum.hpp"
#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/worker_table.hpp"
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
  names.insert(names.begin(), "industry_default");
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
  text("cohort.profile", "industry_default", "Exposure-response profile, or industry_default.",
       [](C& c) -> std::string& { return c.profile; }, profile_choices());
  real("cohort.female_share", "0", "share", 0, 1, "Share of women in the cohort.",
       [](C& c) -> double& { return c.female_share; });
  integer("cohort.hire_year_first", "1960", "calendar year", 1850, 2200, "Earliest year of first employment.",
          [](C& c) -> std::int64_t& { return c.hire_year_first; });
  integer("cohort.hire_year_last", "1974", "calendar year", 1850, 2200, "Latest year of first employment.",
          [](C& c) -> std::int64_t& { return c.hire_year_last; });
  integer("cohort.follow_up_end_year", "2003", "calendar year", 1850, 2300, "Last year of follow-up (inclusive).",
          [](C& c) -> std::int64_t& { return c.follow_up_end_year; });
  integer("cohort.seed", "1", "", 0, 9.2e18, "Random seed.", [](C& c) -> std::int64_t& { return c.seed; });
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

  // The disease natural history comes from the scenario parameter table ([disease] keys), so a cohort
  // file checks the same model a city runs. Profiles are chosen with cohort.profile instead.
  for (const auto& spec : scenario_parameter_table().specs()) {
    if (spec.key.rfind("disease.", 0) != 0 || spec.key.rfind("disease.profile_", 0) == 0) continue;
    Spec adapted{spec.key, spec.default_value, spec.unit, spec.min, spec.max, spec.source, spec.meaning,
                 Spec::RealField{}, spec.choices};
    const auto& field = std::get<ParameterSpec<ScenarioParameters>::RealField>(spec.field);
    adapted.field = Spec::RealField([field](C& c) -> double& { return field(c.model); });
    s.push_back(std::move(adapted));
  }
  return s;
}

}  // namespace

const ParameterTable<CohortSpec>& cohort_parameter_table() {
  static const ParameterTable<CohortSpec> table(build_cohort_specs());
  return table;
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
  if (spec.life_table != "builtin_china_wpp2024") {
    const fs::path table_path = fs::path(spec.life_table).is_absolute()
                                    ? fs::path(spec.life_table)
                                    : fs::path(path).parent_path() / spec.life_table;
    read_life_table(table_path.string());  // checked now, so a bad table fails before any work
    spec.life_table = table_path.string();
  }
  return spec;
}

namespace {

struct BandCounts {
  std::vector<std::int64_t> entering, cases, withdrawals;
  std::int64_t cases_total = 0, after_exposure = 0, years_to_onset = 0, years_after_exposure = 0, age_at_onset = 0,
               exposure_years = 0;
  explicit BandCounts(std::size_t n) : entering(n, 0), cases(n, 0), withdrawals(n, 0) {}
};

}  // namespace

CohortResult simulate_cohort(const CohortSpec& spec) {
  const auto industry = parse_named<Industry>(kIndustryNames, spec.industry);
  ScenarioParameters model = spec.model;
  const std::string profile_name =
      spec.profile == "industry_default" ? model.disease.profile[static_cast<std::size_t>(*industry)] : spec.profile;
  const ExposureResponseProfile& profile = *find_exposure_response_profile(profile_name);
  LifeTable life = spec.life_table == "builtin_china_wpp2024" ? LifeTable(builtin_china_mortality())
                                                              : read_life_table(spec.life_table);
  life.prepare_cohorts(static_cast<int>(spec.hire_year_first) - 90, static_cast<int>(spec.hire_year_last));
  const DiseaseCourse course(model.disease, life);
  const RandomStream rng(static_cast<std::uint64_t>(spec.seed), 0);

  const double sf = spec.silica_fraction_of_respirable;
  const bool band_in_silica = spec.band_metric == "respirable_silica";
  const bool profile_in_silica = profile.metric() == ExposureMetric::RespirableSilica;
  const auto bands = static_cast<std::size_t>(spec.band_count);

  tbb::enumerable_thread_specific<BandCounts> locals([bands] { return BandCounts(bands); });
  pneumo::parallel_for(tbb::blocked_range<std::int64_t>(0, spec.size, 4096), [&](const auto& range) {
    BandCounts& counts = locals.local();
    for (std::int64_t m = range.begin(); m != range.end(); ++m) {
      const auto id = static_cast<std::uint64_t>(m);
      const auto a = rng.uniforms(id, kAnyYear, Purpose::CohortMember, 0);
      const auto b = rng.uniforms(id, kAnyYear, Purpose::CohortMember, 1);
      const auto span = spec.hire_year_last - spec.hire_year_first + 1;
      const int hire_year = static_cast<int>(spec.hire_year_first + std::min<std::int64_t>(span - 1, static_cast<std::int64_t>(a[0] * static_cast<double>(span))));
      const double hire_age = truncated_normal(a[1], spec.hire_age_mean_years, spec.hire_age_sd_years,
                                               spec.hire_age_min_years, spec.hire_age_max_years);
      const int birth_year = hire_year - static_cast<int>(std::lround(hire_age));
      const double intensity = lognormal_from_median(a[2], spec.intensity_gm_mg_m3, spec.intensity_gsd);
      double silica = intensity;
      if (spec.intensity_metric == "respirable_dust") silica = intensity * sf;
      if (spec.intensity_metric == "total_dust") silica = intensity * spec.respirable_silica_per_total_dust;
      const double dust = silica / sf;
      const int years = static_cast<int>(std::clamp(
          std::floor(lognormal_from_median(a[3], spec.years_employed_median, spec.years_employed_gsd) + 0.5), 1.0,
          spec.years_employed_max));
      const int last_exposed = hire_year + years - 1;
      const bool female = b[0] < spec.female_share;
      const double tolerance = profile.tolerance_mg_m3_y(b[1]);
      const int death = life.death_year(birth_year, female, hire_year, 1.0, b[2]);

      double cum_dust = 0.0, cum_silica = 0.0;
      int onset = kNever;
      std::size_t band = 0;
      counts.entering[0] += 1;
      bool ended = false;
      for (int year = hire_year; year <= spec.follow_up_end_year; ++year) {
        if (year == death) {
          counts.withdrawals[band] += 1;
          ended = true;
          break;
        }
        if (year <= last_exposed) {
          cum_dust += dust;
          cum_silica += silica;
          const double banded = band_in_silica ? cum_silica : cum_dust;
          const auto now = std::min(bands - 1, static_cast<std::size_t>(banded / spec.band_width_mg_m3_y));
          for (; band < now; ++band) counts.entering[band + 1] += 1;
          if (onset == kNever && (profile_in_silica ? cum_silica : cum_dust) >= tolerance) {
            onset = course.onset_year(rng, id, year);
          }
        }
        if (year == onset) {
          counts.cases[band] += 1;
          counts.cases_total += 1;
          counts.years_to_onset += year - hire_year;
          counts.age_at_onset += year - birth_year;
          counts.exposure_years += std::min(year, last_exposed) - hire_year + 1;
          if (year > last_exposed) {
            counts.after_exposure += 1;
            counts.years_after_exposure += year - last_exposed;
          }
          ended = true;
          break;
        }
      }
      if (!ended) counts.withdrawals[band] += 1;
    }
  });

  BandCounts total(bands);
  for (const auto& local : locals) {
    for (std::size_t k = 0; k < bands; ++k) {
      total.entering[k] += local.entering[k];
      total.cases[k] += local.cases[k];
      total.withdrawals[k] += local.withdrawals[k];
    }
    total.cases_total += local.cases_total;
    total.after_exposure += local.after_exposure;
    total.years_to_onset += local.years_to_onset;
    total.years_after_exposure += local.years_after_exposure;
    total.age_at_onset += local.age_at_onset;
    total.exposure_years += local.exposure_years;
  }

  CohortResult result;
  result.profile = profile.name();
  result.members = spec.size;
  result.cases = total.cases_total;
  result.cases_after_exposure_ended = total.after_exposure;
  if (total.cases_total > 0) {
    const double n = static_cast<double>(total.cases_total);
    result.mean_years_first_exposure_to_onset = static_cast<double>(total.years_to_onset) / n;
    result.mean_age_at_onset = static_cast<double>(total.age_at_onset) / n;
    result.mean_exposure_years_of_cases = static_cast<double>(total.exposure_years) / n;
  }
  if (total.after_exposure > 0) {
    result.mean_years_after_exposure_ended =
        static_cast<double>(total.years_after_exposure) / static_cast<double>(total.after_exposure);
  }
  // Life-table (actuarial) method: withdrawals count half; Greenwood's formula for the standard error.
  double survival = 1.0;
  double greenwood = 0.0;
  for (std::size_t k = 0; k < bands; ++k) {
    CohortBand band;
    band.lower_mg_m3_y = static_cast<double>(k) * spec.band_width_mg_m3_y;
    band.upper_mg_m3_y = k + 1 < bands ? static_cast<double>(k + 1) * spec.band_width_mg_m3_y
                                       : std::numeric_limits<double>::infinity();
    band.entering = total.entering[k];
    band.cases = total.cases[k];
    band.withdrawals = total.withdrawals[k];
    const double at_risk = static_cast<double>(band.entering) - 0.5 * static_cast<double>(band.withdrawals);
    band.conditional_risk = at_risk > 0 ? static_cast<double>(band.cases) / at_risk : 0.0;
    survival *= 1.0 - band.conditional_risk;
    if (at_risk > 0 && band.conditional_risk < 1.0) {
      greenwood += band.conditional_risk / (at_risk * (1.0 - band.conditional_risk));
    }
    band.cumulative_risk = 1.0 - survival;
    band.cumulative_risk_se = survival * std::sqrt(greenwood);
    double edge = band.upper_mg_m3_y;
    if (band_in_silica != profile_in_silica) edge = band_in_silica ? edge / sf : edge * sf;
    band.profile_risk_at_upper = std::isfinite(edge) ? profile.cumulative_risk(edge) : 1.0;
    result.bands.push_back(band);
  }
  return result;
}

std::string cohort_table_csv(const CohortResult& result) {
  std::ostringstream out;
  out.precision(10);
  out << "band_lower_mg_m3_y,band_upper_mg_m3_y,entering,cases,withdrawals,conditional_risk,cumulative_risk,"
         "cumulative_risk_se,profile_risk_at_upper\n";
  for (const auto& b : result.bands) {
    out << b.lower_mg_m3_y << ',';
    if (std::isfinite(b.upper_mg_m3_y)) out << b.upper_mg_m3_y;
    out << ',' << b.entering << ',' << b.cases << ',' << b.withdrawals << ',' << b.conditional_risk << ','
        << b.cumulative_risk << ',' << b.cumulative_risk_se << ',' << b.profile_risk_at_upper << '\n';
  }
  return out.str();
}

}  // namespace pneumo
