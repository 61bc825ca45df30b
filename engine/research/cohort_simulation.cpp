// Simulates a cohort file's members year by year and tallies the life table (engine/research/cohort.cpp reads
// the file). Each member is drawn once from counter-based streams keyed by (seed, replicate) and the member's
// number, so any thread count gives the same table.
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/distributions.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/research/cohort.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace pneumo {
namespace {

struct BandCounts {
  std::vector<std::int64_t> entering, cases, withdrawals;
  std::int64_t cases_total = 0, after_exposure = 0, years_to_onset = 0, years_after_exposure = 0, age_at_onset = 0,
               exposure_years = 0;
  explicit BandCounts(std::size_t n) : entering(n, 0), cases(n, 0), withdrawals(n, 0) {}
};

// A member's fixed attributes, drawn before the year loop.
struct Member {
  int hire_year = 0, birth_year = 0, years = 0;
  double level = 0.0;  // intensity in the reference year, in the intensity metric
  bool female = false;
  double tolerance_u = 0.5, death_u = 0.5;
};

// Draws a member; with an employment window, draws again (further draw indices) until the member worked at
// least a year inside it. Attempt 0 uses the draws of cohorts without a window, so such files are unchanged.
Member draw_member(const CohortSpec& spec, const RandomStream& rng, std::uint64_t id) {
  const auto span = spec.hire_year_last - spec.hire_year_first + 1;
  for (std::uint64_t attempt = 0;; ++attempt) {
    const auto a = rng.uniforms(id, kAnyYear, Purpose::CohortMember, 2 * attempt);
    const auto b = rng.uniforms(id, kAnyYear, Purpose::CohortMember, 2 * attempt + 1);
    Member m;
    m.hire_year = static_cast<int>(spec.hire_year_first +
                                   std::min<std::int64_t>(span - 1, static_cast<std::int64_t>(a[0] * static_cast<double>(span))));
    const double hire_age = truncated_normal(a[1], spec.hire_age_mean_years, spec.hire_age_sd_years,
                                             spec.hire_age_min_years, spec.hire_age_max_years);
    m.birth_year = m.hire_year - static_cast<int>(std::lround(hire_age));
    m.level = lognormal_from_median(a[2], spec.intensity_gm_mg_m3, spec.intensity_gsd);
    m.years = static_cast<int>(std::clamp(
        std::floor(lognormal_from_median(a[3], spec.years_employed_median, spec.years_employed_gsd) + 0.5), 1.0,
        spec.years_employed_max));
    m.female = b[0] < spec.female_share;
    m.tolerance_u = b[1];
    m.death_u = b[2];
    const int last = m.hire_year + m.years - 1;
    const bool in_window = spec.employed_window_first == 0 ||
                           (m.hire_year <= spec.employed_window_last && last >= spec.employed_window_first);
    // 1000 attempts make a window no member can meet a bug in the file checks, not an endless loop.
    if (in_window || attempt == 999) return m;
  }
}

std::size_t band_of(const std::vector<double>& lower_limits, double exposure) {
  const auto it = std::upper_bound(lower_limits.begin(), lower_limits.end(), exposure);
  return static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, it - lower_limits.begin() - 1));
}

double median_of(std::vector<double>& values) {
  if (values.empty()) return 0.0;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  return *mid;
}

}  // namespace

CohortResult simulate_cohort(const CohortSpec& spec) { return simulate_cohort(spec, cohort_profile(spec)); }

CohortResult simulate_cohort(const CohortSpec& spec, const ExposureResponseProfile& profile) {
  const ScenarioParameters& model = spec.model;
  LifeTable life = spec.life_table == "builtin_china_wpp2024" ? LifeTable(builtin_china_mortality())
                                                              : read_life_table(spec.life_table);
  life.prepare_cohorts(static_cast<int>(spec.hire_year_first) - 90, static_cast<int>(spec.hire_year_last));
  const DiseaseCourse course(model.disease, life);

  const double sf = spec.silica_fraction_of_respirable;
  const bool band_in_silica = spec.band_metric == "respirable_silica";
  const bool profile_in_silica = profile.metric() == ExposureMetric::RespirableSilica;
  const auto& limits = spec.band_lower_limits;
  const std::size_t bands = limits.size();
  const double to_silica = spec.intensity_metric == "respirable_dust" ? sf
                           : spec.intensity_metric == "total_dust"    ? spec.respirable_silica_per_total_dust
                                                                      : 1.0;
  // The trend factor of every year a member can work, computed once.
  const int first_year = static_cast<int>(spec.hire_year_first);
  std::vector<double> trend(static_cast<std::size_t>(spec.follow_up_end_year - spec.hire_year_first + 1));
  for (std::size_t k = 0; k < trend.size(); ++k) trend[k] = spec.intensity_trend.factor(first_year + static_cast<int>(k));

  const auto members = static_cast<std::size_t>(spec.size * spec.replicates);
  std::vector<double> member_intensity(members), member_years(members);
  tbb::enumerable_thread_specific<BandCounts> locals([bands] { return BandCounts(bands); });
  for (std::int64_t replicate = 0; replicate < spec.replicates; ++replicate) {
    const RandomStream rng(static_cast<std::uint64_t>(spec.seed), static_cast<std::uint64_t>(replicate));
    pneumo::parallel_for(tbb::blocked_range<std::int64_t>(0, spec.size, 4096), [&](const auto& range) {
      BandCounts& counts = locals.local();
      for (std::int64_t m = range.begin(); m != range.end(); ++m) {
        const auto id = static_cast<std::uint64_t>(m);
        const Member member = draw_member(spec, rng, id);
        const int last_exposed = member.hire_year + member.years - 1;
        const double tolerance = profile.tolerance_mg_m3_y(member.tolerance_u);
        const int death = life.death_year(member.birth_year, member.female, member.hire_year, 1.0, member.death_u);

        double cum_dust = 0.0, cum_silica = 0.0, intensity_sum = 0.0;
        int onset = kNever;
        std::size_t band = 0;
        counts.entering[0] += 1;
        bool ended = false;
        for (int year = member.hire_year; year <= spec.follow_up_end_year; ++year) {
          if (year == death) {
            counts.withdrawals[band] += 1;
            ended = true;
            break;
          }
          if (year <= last_exposed) {
            const double intensity = member.level * trend[static_cast<std::size_t>(year - first_year)];
            intensity_sum += intensity;
            const double silica = intensity * to_silica;
            cum_dust += silica / sf;
            cum_silica += silica;
            const auto now = band_of(limits, band_in_silica ? cum_silica : cum_dust);
            for (; band < now; ++band) counts.entering[band + 1] += 1;
            if (onset == kNever && (profile_in_silica ? cum_silica : cum_dust) >= tolerance) {
              onset = course.onset_year(rng, id, year);
            }
          }
          if (year == onset) {
            counts.cases[band] += 1;
            counts.cases_total += 1;
            counts.years_to_onset += year - member.hire_year;
            counts.age_at_onset += year - member.birth_year;
            counts.exposure_years += std::min(year, last_exposed) - member.hire_year + 1;
            if (year > last_exposed) {
              counts.after_exposure += 1;
              counts.years_after_exposure += year - last_exposed;
            }
            ended = true;
            break;
          }
        }
        if (!ended) counts.withdrawals[band] += 1;
        const auto slot = static_cast<std::size_t>(replicate * spec.size + m);
        const int worked = std::min(member.years, static_cast<int>(spec.follow_up_end_year) - member.hire_year + 1);
        member_intensity[slot] = worked > 0 ? intensity_sum / worked : 0.0;
        member_years[slot] = member.years;
      }
    });
  }

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
  result.members = static_cast<std::int64_t>(members);
  result.cases = total.cases_total;
  result.cases_after_exposure_ended = total.after_exposure;
  result.median_member_intensity = median_of(member_intensity);
  result.median_years_employed = median_of(member_years);
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
    band.lower_mg_m3_y = limits[k];
    band.upper_mg_m3_y = k + 1 < bands ? limits[k + 1] : std::numeric_limits<double>::infinity();
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
  if (!spec.published.bands.empty()) {
    result.comparison = compare_with_published(spec.published, result.bands, 1.0 / static_cast<double>(spec.replicates),
                                               spec.validation_tolerance_abs, spec.validation_min_at_risk, spec.validation_z,
                                               spec.validation_printed_precision, spec.accepted_misfits);
  }
  return result;
}

std::string cohort_table_csv(const CohortResult& result) {
  // A research table: full precision (number_text), in a file Excel opens (csv_writer.hpp).
  const bool compared = !result.comparison.bands.empty();
  std::vector<std::string> header = {"band_lower_mg_m3_y", "band_upper_mg_m3_y", "entering", "cases", "withdrawals",
                                     "conditional_risk", "cumulative_risk", "cumulative_risk_se",
                                     "profile_risk_at_upper"};
  // With a published table, the comparison at each band's lower limit follows (docs/cohort-format.md).
  if (compared) {
    for (const char* column : {"published_risk_at_lower", "simulated_risk_at_lower", "difference_at_lower", "tolerance",
                               "judged"}) {
      header.emplace_back(column);
    }
  }
  CsvWriter csv(header);
  for (std::size_t k = 0; k < result.bands.size(); ++k) {
    const auto& b = result.bands[k];
    std::vector<std::string> row = {number_text(b.lower_mg_m3_y),
                                    std::isfinite(b.upper_mg_m3_y) ? number_text(b.upper_mg_m3_y) : "",
                                    std::to_string(b.entering),
                                    std::to_string(b.cases),
                                    std::to_string(b.withdrawals),
                                    number_text(b.conditional_risk),
                                    number_text(b.cumulative_risk),
                                    number_text(b.cumulative_risk_se),
                                    number_text(b.profile_risk_at_upper)};
    if (compared) {
      if (k < result.comparison.bands.size()) {
        const auto& c = result.comparison.bands[k];
        for (const std::string& cell : {number_text(c.published_risk), number_text(c.simulated_risk),
                                        number_text(c.difference), c.judged ? number_text(c.tolerance) : std::string(),
                                        std::string(c.judged ? "1" : "0")}) {
          row.push_back(cell);
        }
      } else {
        row.resize(header.size());
      }
    }
    csv.row(row);
  }
  return csv.text();
}

}  // namespace pneumo
