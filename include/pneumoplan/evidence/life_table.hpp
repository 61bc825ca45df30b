// Background mortality: central death rates nMx by sex and age group for one or more calendar periods
// (UN World Population Prospects 2024 for China in the shipped scenarios). The hazard is constant within
// an age group (μ = nMx) and interpolated log-linearly between period mid-years, flat outside them.
//
// Death times are drawn by inverting the cumulative hazard: a person alive at the start of year y draws
// E = −ln u and dies in the first year in which m·Λ(since y) ≥ E, where m multiplies the background hazard
// (1 for a healthy worker, the stage's multiplier for a patient). Cohort cumulative-hazard tables make that
// a binary search.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace pneumo {

struct MortalityAgeGroup {
  int age_start = 0;
  int age_width = 0;  // 0 = open-ended last group
  double mx_male = 0.0;
  double mx_female = 0.0;
};

struct MortalityPeriod {
  int mid_year = 0;
  std::vector<MortalityAgeGroup> groups;  // contiguous from age 0, last one open
};

class LifeTable {
 public:
  static constexpr int kMaxAge = 110;  // everyone still alive dies at this age

  LifeTable() = default;
  explicit LifeTable(std::vector<MortalityPeriod> periods);

  // Hazard per year at exact age `age` in calendar year `year`.
  double hazard(int age, bool female, int year) const;

  // Builds the cohort tables for birth years [first_birth_year, last_birth_year]; needed before
  // death_year(). Birth years outside the range are clamped to it.
  void prepare_cohorts(int first_birth_year, int last_birth_year);

  // Calendar year of death of someone born in `birth_year`, alive at the start of `from_year`, whose
  // hazard from then on is `multiplier` × background + `excess_per_year`, given a uniform u in (0,1).
  int death_year(int birth_year, bool female, int from_year, double multiplier, double u,
                 double excess_per_year = 0.0) const;

  // Like death_year, but only asks whether death falls in [from_year, last_year]: returns that year, or
  // nothing when the person survives past last_year. Cheaper (no search) in the common case.
  std::optional<int> death_year_within(int birth_year, bool female, int from_year, int last_year, double multiplier,
                                       double u) const;

  // True when death_year_within with multiplier 1 would return nothing: the person survives past last_year.
  // Inline, because hiring asks it of every hire and nearly all survive; a call returning std::optional cost
  // several times the test itself. False also when the cohort tables were not prepared (death_year_within
  // then says so).
  bool survives_within(int birth_year, bool female, int from_year, int last_year, double u) const {
    const auto& tables = survival_[female ? 1 : 0];
    if (tables.empty()) return false;
    const int age = std::clamp(from_year - birth_year, 0, kMaxAge);
    const int last_age = std::clamp(last_year - birth_year, age, kMaxAge);
    const auto& survival = tables[cohort_index(birth_year, tables.size())];
    // Death by the end of last_age ⇔ Λ(last_age+1) − Λ(age) ≥ −ln u ⇔ S(last_age+1) ≤ u·S(age).
    return survival[static_cast<std::size_t>(last_age) + 1] > u * survival[static_cast<std::size_t>(age)];
  }

  // Probability of surviving from the start of `from_year` to the start of `to_year` with the multiplier.
  double survival(int birth_year, bool female, int from_year, int to_year, double multiplier) const;

  // Median number of years survived from `from_year` under multiplier × background + excess (for the
  // survival anchors in tests and docs).
  double median_survival_years(int birth_year, bool female, int from_year, double multiplier,
                               double excess_per_year = 0.0) const;

  const std::vector<MortalityPeriod>& periods() const { return periods_; }
  bool empty() const { return periods_.empty(); }

 private:
  const std::vector<double>& cohort(int birth_year, bool female) const;
  // Which of `count` (> 0) cohort tables serves birth_year: birth years outside the prepared range take the nearest.
  std::size_t cohort_index(int birth_year, std::size_t count) const {
    return static_cast<std::size_t>(std::clamp(birth_year - first_cohort_, 0, static_cast<int>(count) - 1));
  }
  double group_mx(const MortalityPeriod& period, int age, bool female) const;

  std::vector<MortalityPeriod> periods_;
  int first_cohort_ = 0;
  // cumulative_[sex][cohort - first_cohort_][a] = Λ from birth to exact age a (a = 0..kMaxAge+1), and
  // survival_ the same as exp(−Λ), which lets the common "survives until" test skip a logarithm.
  std::vector<std::vector<double>> cumulative_[2];
  std::vector<std::vector<double>> survival_[2];
};

// UN WPP 2024 death rates for China (1990–1995, 2000–2005, 2015–2020); used when a cohort file names no
// life table. The same numbers ship as scenarios/*/life_table.csv.
const std::vector<MortalityPeriod>& builtin_china_mortality();

}  // namespace pneumo
