#include "pneumoplan/evidence/life_table.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace pneumo {

LifeTable::LifeTable(std::vector<MortalityPeriod> periods) : periods_(std::move(periods)) {
  if (periods_.empty()) throw std::invalid_argument("life table needs at least one period");
}

double LifeTable::group_mx(const MortalityPeriod& period, int age, bool female) const {
  const MortalityAgeGroup* group = &period.groups.front();
  for (const auto& g : period.groups) {
    if (age >= g.age_start) group = &g;
  }
  return female ? group->mx_female : group->mx_male;
}

double LifeTable::hazard(int age, bool female, int year) const {
  age = std::clamp(age, 0, kMaxAge);
  if (year <= periods_.front().mid_year) return group_mx(periods_.front(), age, female);
  if (year >= periods_.back().mid_year) return group_mx(periods_.back(), age, female);
  for (std::size_t i = 0; i + 1 < periods_.size(); ++i) {
    const auto& a = periods_[i];
    const auto& b = periods_[i + 1];
    if (year >= a.mid_year && year <= b.mid_year) {
      const double w = static_cast<double>(year - a.mid_year) / static_cast<double>(b.mid_year - a.mid_year);
      const double ma = group_mx(a, age, female);
      const double mb = group_mx(b, age, female);
      if (ma <= 0.0 || mb <= 0.0) return (1.0 - w) * ma + w * mb;
      return std::exp((1.0 - w) * std::log(ma) + w * std::log(mb));
    }
  }
  return group_mx(periods_.back(), age, female);
}

void LifeTable::prepare_cohorts(int first_birth_year, int last_birth_year) {
  first_cohort_ = first_birth_year;
  for (int sex = 0; sex < 2; ++sex) {
    cumulative_[sex].assign(static_cast<std::size_t>(last_birth_year - first_birth_year + 1), {});
    survival_[sex].assign(cumulative_[sex].size(), {});
    for (int c = first_birth_year; c <= last_birth_year; ++c) {
      auto& table = cumulative_[sex][static_cast<std::size_t>(c - first_birth_year)];
      table.resize(kMaxAge + 2);
      table[0] = 0.0;
      for (int a = 0; a <= kMaxAge; ++a) {
        table[static_cast<std::size_t>(a) + 1] = table[static_cast<std::size_t>(a)] + hazard(a, sex == 1, c + a);
      }
      auto& survival = survival_[sex][static_cast<std::size_t>(c - first_birth_year)];
      survival.resize(table.size());
      for (std::size_t a = 0; a < table.size(); ++a) survival[a] = std::exp(-table[a]);
    }
  }
}

const std::vector<double>& LifeTable::cohort(int birth_year, bool female) const {
  const auto& tables = cumulative_[female ? 1 : 0];
  if (tables.empty()) throw std::logic_error("LifeTable::prepare_cohorts was not called");
  const int index = std::clamp(birth_year - first_cohort_, 0, static_cast<int>(tables.size()) - 1);
  return tables[static_cast<std::size_t>(index)];
}

const std::vector<double>& LifeTable::cohort_survival(int birth_year, bool female) const {
  const auto& tables = survival_[female ? 1 : 0];
  const int index = std::clamp(birth_year - first_cohort_, 0, static_cast<int>(tables.size()) - 1);
  return tables[static_cast<std::size_t>(index)];
}

int LifeTable::death_year(int birth_year, bool female, int from_year, double multiplier, double u) const {
  const auto& table = cohort(birth_year, female);
  const int age = std::clamp(from_year - birth_year, 0, kMaxAge);
  const double target = table[static_cast<std::size_t>(age)] - std::log(u) / multiplier;
  // First exact age a+1 (a ≥ age) whose cumulative hazard reaches the target: death during age a.
  const auto it = std::lower_bound(table.begin() + age + 1, table.end(), target);
  const int death_age = it == table.end() ? kMaxAge : static_cast<int>(it - table.begin()) - 1;
  return birth_year + std::min(death_age, kMaxAge);
}

std::optional<int> LifeTable::death_year_within(int birth_year, bool female, int from_year, int last_year,
                                                double multiplier, double u) const {
  const int age = std::clamp(from_year - birth_year, 0, kMaxAge);
  const int last_age = std::clamp(last_year - birth_year, age, kMaxAge);
  if (multiplier == 1.0) {
    // Death by the end of last_age ⇔ Λ(last_age+1) − Λ(age) ≥ −ln u ⇔ S(last_age+1) ≤ u·S(age).
    const auto& survival = cohort_survival(birth_year, female);
    const double threshold = u * survival[static_cast<std::size_t>(age)];
    if (survival[static_cast<std::size_t>(last_age) + 1] > threshold) return std::nullopt;
  }
  const auto& table = cohort(birth_year, female);
  const double target = table[static_cast<std::size_t>(age)] - std::log(u) / multiplier;
  if (table[static_cast<std::size_t>(last_age) + 1] < target) return std::nullopt;
  const auto it = std::lower_bound(table.begin() + age + 1, table.begin() + last_age + 2, target);
  return birth_year + static_cast<int>(it - table.begin()) - 1;
}

double LifeTable::survival(int birth_year, bool female, int from_year, int to_year, double multiplier) const {
  const auto& table = cohort(birth_year, female);
  const int a0 = std::clamp(from_year - birth_year, 0, kMaxAge + 1);
  const int a1 = std::clamp(to_year - birth_year, 0, kMaxAge + 1);
  return std::exp(-multiplier * (table[static_cast<std::size_t>(a1)] - table[static_cast<std::size_t>(a0)]));
}

double LifeTable::median_survival_years(int birth_year, bool female, int from_year, double multiplier) const {
  // Interpolates log-survival linearly within the year in which it crosses one half.
  const double half = std::log(0.5);
  double previous = 0.0;
  for (int t = 1; from_year - birth_year + t <= kMaxAge + 1; ++t) {
    const double log_s = std::log(survival(birth_year, female, from_year, from_year + t, multiplier));
    if (log_s <= half) return (t - 1) + (half - previous) / (log_s - previous);
    previous = log_s;
  }
  return kMaxAge + 1 - (from_year - birth_year);
}

const std::vector<MortalityPeriod>& builtin_china_mortality() {
  // UN DESA Population Division, World Population Prospects 2024, nMx for China (location 156),
  // legacy 5-year periods, as distributed in the wpp2024 R package (PPgp/wpp2024, data-raw/mxM5.txt and
  // mxF5.txt, commit 56a0673). Columns: age_start, width (0 = open), mx_male, mx_female.
  static const std::vector<MortalityPeriod> periods = {
      {1993,
       {{0, 1, 0.04097486, 0.03629503},   {1, 4, 0.00305669, 0.00310513},   {5, 5, 0.00135316, 0.00124626},
        {10, 5, 0.00112011, 0.00071849},  {15, 5, 0.001125, 0.00068843},    {20, 5, 0.00154022, 0.00095027},
        {25, 5, 0.00184875, 0.00113216},  {30, 5, 0.00208936, 0.00131726},  {35, 5, 0.00252617, 0.00162557},
        {40, 5, 0.00369363, 0.00224888},  {45, 5, 0.00517378, 0.00319891},  {50, 5, 0.00855913, 0.0051513},
        {55, 5, 0.01240432, 0.00743354},  {60, 5, 0.02172956, 0.01346352},  {65, 5, 0.03374701, 0.02222831},
        {70, 5, 0.05366978, 0.03602908},  {75, 5, 0.0852738, 0.05900623},   {80, 5, 0.14176792, 0.10272203},
        {85, 5, 0.23081085, 0.16647644},  {90, 5, 0.37212544, 0.26861796},  {95, 5, 0.62860434, 0.4260501},
        {100, 0, 0.999999, 0.60038626}}},
      {2003,
       {{0, 1, 0.02554187, 0.02208618},   {1, 4, 0.00164052, 0.00163663},   {5, 5, 0.00097121, 0.00088889},
        {10, 5, 0.0008903, 0.00057952},   {15, 5, 0.00078348, 0.00047566},  {20, 5, 0.00100319, 0.00060773},
        {25, 5, 0.00130593, 0.00075461},  {30, 5, 0.00163251, 0.00094179},  {35, 5, 0.00204358, 0.00123983},
        {40, 5, 0.00305319, 0.00174475},  {45, 5, 0.00432477, 0.00232331},  {50, 5, 0.00677496, 0.00352989},
        {55, 5, 0.0097082, 0.00523112},   {60, 5, 0.01784539, 0.01005005},  {65, 5, 0.02853645, 0.01763107},
        {70, 5, 0.04504614, 0.02940246},  {75, 5, 0.06984795, 0.04813325},  {80, 5, 0.11748315, 0.0847308},
        {85, 5, 0.19798116, 0.14407527},  {90, 5, 0.33501154, 0.2473057},   {95, 5, 0.58386236, 0.40508824},
        {100, 0, 0.999999, 0.58212736}}},
      {2018,
       {{0, 1, 0.0077542, 0.00664609},    {1, 4, 0.00045217, 0.00045849},   {5, 5, 0.00035191, 0.00030747},
        {10, 5, 0.00045179, 0.00028811},  {15, 5, 0.00053371, 0.00033125},  {20, 5, 0.00078269, 0.00049713},
        {25, 5, 0.00094895, 0.00055803},  {30, 5, 0.00105523, 0.00060701},  {35, 5, 0.00131781, 0.00075047},
        {40, 5, 0.00224893, 0.0011648},   {45, 5, 0.003469, 0.00167718},    {50, 5, 0.00577246, 0.00272314},
        {55, 5, 0.00825239, 0.00382253},  {60, 5, 0.01486046, 0.0069745},   {65, 5, 0.02294786, 0.01168287},
        {70, 5, 0.03667045, 0.02087314},  {75, 5, 0.05987414, 0.03693212},  {80, 5, 0.10293188, 0.0698534},
        {85, 5, 0.17085013, 0.12124859},  {90, 5, 0.28910913, 0.21267946},  {95, 5, 0.50104147, 0.35481431},
        {100, 0, 0.89341851, 0.52705743}}},
  };
  return periods;
}

}  // namespace pneumo
