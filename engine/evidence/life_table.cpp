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

int LifeTable::death_year(int birth_year, bool female, int from_year, double multiplier, double u,
                          double excess_per_year) const {
  const auto& table = cohort(birth_year, female);
  const int age = std::clamp(from_year - birth_year, 0, kMaxAge);
  const double target = -std::log(u);
  const double base = table[static_cast<std::size_t>(age)];
  if (excess_per_year == 0.0) {
    // First exact age a+1 (a ≥ age) whose cumulative hazard reaches the target: death during age a.
    const auto it = std::lower_bound(table.begin() + age + 1, table.end(), base + target / multiplier);
    const int death_age = it == table.end() ? kMaxAge : static_cast<int>(it - table.begin()) - 1;
    return birth_year + std::min(death_age, kMaxAge);
  }
  // With an excess hazard the cumulative hazard from `age` to exact age a is m·(Λ(a) − Λ(age)) + e·(a − age),
  // still increasing in a, so the same search applies to it.
  int low = age + 1, high = kMaxAge + 1;  // find the first exact age in [low, high] reaching the target
  const auto reaches = [&](int a) {
    return multiplier * (table[static_cast<std::size_t>(a)] - base) + excess_per_year * (a - age) >= target;
  };
  if (!reaches(high)) return birth_year + kMaxAge;
  while (low < high) {
    const int mid = low + (high - low) / 2;
    if (reaches(mid)) high = mid;
    else low = mid + 1;
  }
  return birth_year + std::min(low - 1, kMaxAge);
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

double LifeTable::median_survival_years(int birth_year, bool female, int from_year, double multiplier,
                                        double excess_per_year) const {
  // Interpolates log-survival linearly within the year in which it crosses one half.
  const double half = std::log(0.5);
  double previous = 0.0;
  for (int t = 1; from_year - birth_year + t <= kMaxAge + 1; ++t) {
    const double log_s = std::log(survival(birth_year, female, from_year, from_year + t, multiplier)) - excess_per_year * t;
    if (log_s <= half) return (t - 1) + (half - previous) / (log_s - previous);
    previous = log_s;
  }
  return kMaxAge + 1 - (from_year - birth_year);
}

const std::vector<MortalityPeriod>& builtin_china_mortality() {
  // UN DESA Population Division, World Population Prospects 2024, nMx for China (location 156), every legacy
  // 5-year period from 1950-1955 to 2015-2020, as distributed in the wpp2024 R package (PPgp/wpp2024,
  // data-raw/mxM5.txt and mxF5.txt, commit 2da7768), written by tools/make_life_table.py --cpp. The periods
  // before 1990 matter for cohorts hired in the 1950s-1970s, when adult death rates were 2-3 times today's.
  // Columns: age_start, width (0 = open), mx_male, mx_female.
  static const std::vector<MortalityPeriod> periods = {
      {1953,
       {{0, 1, 0.139529, 0.12475409}, {1, 4, 0.02137838, 0.02169342}, {5, 5, 0.00793369, 0.00867492},
        {10, 5, 0.00547621, 0.00467502}, {15, 5, 0.00493155, 0.0041861}, {20, 5, 0.00603006, 0.00535573},
        {25, 5, 0.00681703, 0.00585053}, {30, 5, 0.0076818, 0.00653831}, {35, 5, 0.0092665, 0.00790469},
        {40, 5, 0.01368744, 0.01055675}, {45, 5, 0.01853111, 0.01306416}, {50, 5, 0.02778123, 0.01823195},
        {55, 5, 0.03729658, 0.02363136}, {60, 5, 0.06037463, 0.03990409}, {65, 5, 0.08532099, 0.06130117},
        {70, 5, 0.11824988, 0.08984432}, {75, 5, 0.15888254, 0.13034426}, {80, 5, 0.22313218, 0.19742177},
        {85, 5, 0.30644391, 0.27714348}, {90, 5, 0.4241083, 0.37803684}, {95, 5, 0.59132043, 0.50297762},
        {100, 0, 0.83725218, 0.62620339}}},
      {1958,
       {{0, 1, 0.14770523, 0.13461139}, {1, 4, 0.0236919, 0.02442138}, {5, 5, 0.00847748, 0.00860143},
        {10, 5, 0.00574483, 0.00483731}, {15, 5, 0.00490591, 0.00399414}, {20, 5, 0.0060502, 0.00509191},
        {25, 5, 0.00687355, 0.00566692}, {30, 5, 0.00766341, 0.00634819}, {35, 5, 0.00921384, 0.00761593},
        {40, 5, 0.01352324, 0.0102641}, {45, 5, 0.01853808, 0.01312509}, {50, 5, 0.02811776, 0.01850633},
        {55, 5, 0.0375934, 0.02367781}, {60, 5, 0.0613287, 0.03946733}, {65, 5, 0.08848108, 0.06150368},
        {70, 5, 0.12545094, 0.09235488}, {75, 5, 0.17116404, 0.13322286}, {80, 5, 0.24535776, 0.20865438},
        {85, 5, 0.34084992, 0.30465099}, {90, 5, 0.475452, 0.43000922}, {95, 5, 0.68514867, 0.5910663},
        {100, 0, 0.97343887, 0.73120025}}},
      {1963,
       {{0, 1, 0.13445896, 0.12321677}, {1, 4, 0.02058075, 0.02135419}, {5, 5, 0.00756349, 0.00746202},
        {10, 5, 0.00523192, 0.00414802}, {15, 5, 0.00431127, 0.00340845}, {20, 5, 0.00532869, 0.00432399},
        {25, 5, 0.00617135, 0.00494817}, {30, 5, 0.00695941, 0.00567453}, {35, 5, 0.00825683, 0.00682547},
        {40, 5, 0.01202836, 0.00913002}, {45, 5, 0.01671869, 0.01187311}, {50, 5, 0.0257703, 0.01722051},
        {55, 5, 0.03543389, 0.02235853}, {60, 5, 0.05770889, 0.03652473}, {65, 5, 0.08512766, 0.05701143},
        {70, 5, 0.12351599, 0.08739693}, {75, 5, 0.17240385, 0.12978678}, {80, 5, 0.25229766, 0.20563665},
        {85, 5, 0.35795623, 0.30976358}, {90, 5, 0.50939098, 0.45597284}, {95, 5, 0.73886377, 0.63788077},
        {100, 0, 0.999999, 0.78505627}}},
      {1968,
       {{0, 1, 0.09432433, 0.08540176}, {1, 4, 0.01062541, 0.011007}, {5, 5, 0.00443729, 0.00447278},
        {10, 5, 0.00337143, 0.002471}, {15, 5, 0.00297718, 0.00215955}, {20, 5, 0.00367632, 0.00291876},
        {25, 5, 0.00433588, 0.00341214}, {30, 5, 0.00494722, 0.00407136}, {35, 5, 0.0058722, 0.00503677},
        {40, 5, 0.0085733, 0.0068171}, {45, 5, 0.01196286, 0.00881753}, {50, 5, 0.01919207, 0.01314091},
        {55, 5, 0.02713279, 0.01749344}, {60, 5, 0.04651052, 0.02947659}, {65, 5, 0.06893714, 0.04555245},
        {70, 5, 0.10306256, 0.07096149}, {75, 5, 0.14883947, 0.11040186}, {80, 5, 0.22404438, 0.18127726},
        {85, 5, 0.32801407, 0.27760643}, {90, 5, 0.48180868, 0.42603033}, {95, 5, 0.72782906, 0.61995038},
        {100, 0, 0.999999, 0.77688051}}},
      {1973,
       {{0, 1, 0.07661398, 0.06944231}, {1, 4, 0.00757069, 0.00787656}, {5, 5, 0.0034109, 0.00342582},
        {10, 5, 0.00266898, 0.0019836}, {15, 5, 0.00238227, 0.00169696}, {20, 5, 0.00291659, 0.00218958},
        {25, 5, 0.00335242, 0.00260041}, {30, 5, 0.00386784, 0.00311925}, {35, 5, 0.00469841, 0.0039959},
        {40, 5, 0.0069193, 0.00555024}, {45, 5, 0.00948046, 0.00719649}, {50, 5, 0.01512266, 0.01065396},
        {55, 5, 0.02174427, 0.01445692}, {60, 5, 0.0381092, 0.02518064}, {65, 5, 0.05825362, 0.03948239},
        {70, 5, 0.08717649, 0.06030737}, {75, 5, 0.1290186, 0.09416472}, {80, 5, 0.19949619, 0.15852427},
        {85, 5, 0.29913152, 0.25069839}, {90, 5, 0.45064323, 0.39142819}, {95, 5, 0.68860755, 0.58021599},
        {100, 0, 0.999999, 0.74441325}}},
      {1978,
       {{0, 1, 0.0595394, 0.05368942}, {1, 4, 0.00515412, 0.00534248}, {5, 5, 0.00262606, 0.00248687},
        {10, 5, 0.00224722, 0.00159249}, {15, 5, 0.00200244, 0.00139601}, {20, 5, 0.00247066, 0.0017529},
        {25, 5, 0.0028158, 0.00198368}, {30, 5, 0.00316879, 0.00241595}, {35, 5, 0.00389431, 0.00310731},
        {40, 5, 0.00588264, 0.00446764}, {45, 5, 0.00814401, 0.00595039}, {50, 5, 0.01276706, 0.00883285},
        {55, 5, 0.0182592, 0.01191101}, {60, 5, 0.03255567, 0.02115573}, {65, 5, 0.0507902, 0.03424822},
        {70, 5, 0.07846214, 0.05313956}, {75, 5, 0.11616579, 0.08127294}, {80, 5, 0.18402248, 0.13741928},
        {85, 5, 0.28315453, 0.2224792}, {90, 5, 0.43622061, 0.35979871}, {95, 5, 0.69110306, 0.54739108},
        {100, 0, 0.999999, 0.72209536}}},
      {1983,
       {{0, 1, 0.04862687, 0.04346815}, {1, 4, 0.00379949, 0.0039002}, {5, 5, 0.00196644, 0.0018247},
        {10, 5, 0.00181986, 0.00120048}, {15, 5, 0.00169666, 0.00111048}, {20, 5, 0.00210147, 0.00143845},
        {25, 5, 0.00242626, 0.00159614}, {30, 5, 0.00271193, 0.00186029}, {35, 5, 0.00324976, 0.0024427},
        {40, 5, 0.00498168, 0.00354982}, {45, 5, 0.0070656, 0.00491047}, {50, 5, 0.01119878, 0.00750587},
        {55, 5, 0.0157441, 0.01016242}, {60, 5, 0.02796486, 0.01798207}, {65, 5, 0.04438365, 0.02970101},
        {70, 5, 0.07007556, 0.0476426}, {75, 5, 0.10713905, 0.07416601}, {80, 5, 0.16997161, 0.12309953},
        {85, 5, 0.26710512, 0.19959629}, {90, 5, 0.42237913, 0.33075186}, {95, 5, 0.67368024, 0.51468002},
        {100, 0, 0.999999, 0.69192473}}},
      {1988,
       {{0, 1, 0.0448471, 0.03991528}, {1, 4, 0.00339092, 0.00346484}, {5, 5, 0.00158256, 0.00144442},
        {10, 5, 0.00142903, 0.0009225}, {15, 5, 0.00142193, 0.00087258}, {20, 5, 0.00184042, 0.00119319},
        {25, 5, 0.00212637, 0.00135514}, {30, 5, 0.00240465, 0.00154424}, {35, 5, 0.00286019, 0.00193616},
        {40, 5, 0.00426837, 0.002859}, {45, 5, 0.00612485, 0.00397977}, {50, 5, 0.00993164, 0.00630358},
        {55, 5, 0.01409255, 0.0087695}, {60, 5, 0.02458971, 0.01556386}, {65, 5, 0.03880263, 0.02554879},
        {70, 5, 0.06232626, 0.04178623}, {75, 5, 0.09728163, 0.06720632}, {80, 5, 0.15936764, 0.11343324},
        {85, 5, 0.25085905, 0.18059984}, {90, 5, 0.40445521, 0.30036194}, {95, 5, 0.66693741, 0.47383331},
        {100, 0, 0.999999, 0.65089974}}},
      {1993,
       {{0, 1, 0.04183439, 0.03703806}, {1, 4, 0.00308492, 0.00313441}, {5, 5, 0.00134954, 0.00123785},
        {10, 5, 0.00112111, 0.000718}, {15, 5, 0.00111335, 0.00067951}, {20, 5, 0.00153763, 0.00094864},
        {25, 5, 0.00185386, 0.00113651}, {30, 5, 0.00209817, 0.00132601}, {35, 5, 0.00252499, 0.0016239},
        {40, 5, 0.0037404, 0.0022925}, {45, 5, 0.00522578, 0.00324221}, {50, 5, 0.00857254, 0.00516803},
        {55, 5, 0.01244458, 0.00745061}, {60, 5, 0.02191994, 0.0135882}, {65, 5, 0.03398386, 0.02236371},
        {70, 5, 0.05428266, 0.03635948}, {75, 5, 0.08617882, 0.05961681}, {80, 5, 0.14420437, 0.10396478},
        {85, 5, 0.2342319, 0.16829272}, {90, 5, 0.37907533, 0.27568413}, {95, 5, 0.62719711, 0.43399002},
        {100, 0, 0.99456059, 0.60441185}}},
      {1998,
       {{0, 1, 0.03501539, 0.03070722}, {1, 4, 0.00243945, 0.0024573}, {5, 5, 0.00117637, 0.00106415},
        {10, 5, 0.00095715, 0.00060856}, {15, 5, 0.00088335, 0.000524}, {20, 5, 0.00121916, 0.00073351},
        {25, 5, 0.00156635, 0.00089713}, {30, 5, 0.0018518, 0.00110523}, {35, 5, 0.00223099, 0.0013863},
        {40, 5, 0.00334351, 0.00191106}, {45, 5, 0.00463691, 0.00258305}, {50, 5, 0.00740621, 0.00418376},
        {55, 5, 0.01087884, 0.0060717}, {60, 5, 0.01961157, 0.01148576}, {65, 5, 0.03068481, 0.01941431},
        {70, 5, 0.04817257, 0.03166899}, {75, 5, 0.07604221, 0.0516253}, {80, 5, 0.12952454, 0.09184043},
        {85, 5, 0.21462923, 0.15345759}, {90, 5, 0.35863402, 0.25645363}, {95, 5, 0.60050085, 0.40772426},
        {100, 0, 0.97872418, 0.57849063}}},
      {2003,
       {{0, 1, 0.02556167, 0.02210418}, {1, 4, 0.00164207, 0.00163751}, {5, 5, 0.00096761, 0.00088992},
        {10, 5, 0.00089176, 0.00058387}, {15, 5, 0.00078473, 0.00047633}, {20, 5, 0.00100689, 0.00060952},
        {25, 5, 0.00129315, 0.00074755}, {30, 5, 0.00163043, 0.00094067}, {35, 5, 0.00205298, 0.001246},
        {40, 5, 0.00308062, 0.0017583}, {45, 5, 0.00432301, 0.0023216}, {50, 5, 0.00685616, 0.0035936},
        {55, 5, 0.00980668, 0.00530038}, {60, 5, 0.01789267, 0.01009752}, {65, 5, 0.02863089, 0.01767801},
        {70, 5, 0.04539028, 0.02963078}, {75, 5, 0.07043688, 0.04846757}, {80, 5, 0.1192971, 0.08571746},
        {85, 5, 0.20099177, 0.14580497}, {90, 5, 0.34225628, 0.25135241}, {95, 5, 0.58874524, 0.40843486},
        {100, 0, 0.9806688, 0.58652119}}},
      {2008,
       {{0, 1, 0.01710461, 0.01461668}, {1, 4, 0.00103957, 0.00103337}, {5, 5, 0.00074379, 0.00067494},
        {10, 5, 0.00079627, 0.00053933}, {15, 5, 0.0007488, 0.00047004}, {20, 5, 0.00091429, 0.00056709},
        {25, 5, 0.00109254, 0.00063504}, {30, 5, 0.00137435, 0.00079877}, {35, 5, 0.0018449, 0.00107711},
        {40, 5, 0.00288566, 0.00159965}, {45, 5, 0.00405072, 0.00215901}, {50, 5, 0.00649499, 0.00326026},
        {55, 5, 0.00921901, 0.00459197}, {60, 5, 0.01636859, 0.00887359}, {65, 5, 0.02648658, 0.01562859},
        {70, 5, 0.04295207, 0.02713504}, {75, 5, 0.06728573, 0.04555912}, {80, 5, 0.11210929, 0.0808805},
        {85, 5, 0.18772162, 0.13674723}, {90, 5, 0.32510356, 0.24010999}, {95, 5, 0.56900586, 0.39711993},
        {100, 0, 0.96930941, 0.57850205}}},
      {2013,
       {{0, 1, 0.01141975, 0.00973592}, {1, 4, 0.00066338, 0.00066376}, {5, 5, 0.00052076, 0.00045766},
        {10, 5, 0.00062695, 0.00041117}, {15, 5, 0.00066054, 0.00041884}, {20, 5, 0.00086232, 0.00053863},
        {25, 5, 0.00098403, 0.00057262}, {30, 5, 0.0011531, 0.00065964}, {35, 5, 0.00154861, 0.00089486},
        {40, 5, 0.00258732, 0.00136093}, {45, 5, 0.0037918, 0.00194182}, {50, 5, 0.0060895, 0.00300511},
        {55, 5, 0.00874784, 0.00413622}, {60, 5, 0.01542962, 0.00766008}, {65, 5, 0.02432533, 0.01370867},
        {70, 5, 0.03990442, 0.02396706}, {75, 5, 0.06396687, 0.04173331}, {80, 5, 0.10767734, 0.07613817},
        {85, 5, 0.17748768, 0.12923744}, {90, 5, 0.30544628, 0.22579584}, {95, 5, 0.54286163, 0.37513373},
        {100, 0, 0.95041031, 0.55246551}}},
      {2018,
       {{0, 1, 0.00783544, 0.00670937}, {1, 4, 0.00045297, 0.0004589}, {5, 5, 0.00035351, 0.0003084},
        {10, 5, 0.0004532, 0.00028859}, {15, 5, 0.00053241, 0.00033003}, {20, 5, 0.00077738, 0.00049386},
        {25, 5, 0.00094565, 0.00055702}, {30, 5, 0.00105759, 0.00060788}, {35, 5, 0.00132405, 0.00075336},
        {40, 5, 0.00221723, 0.00114974}, {45, 5, 0.00346547, 0.00167546}, {50, 5, 0.00580011, 0.00273772},
        {55, 5, 0.00832887, 0.00385689}, {60, 5, 0.01485116, 0.00696635}, {65, 5, 0.02323263, 0.01193689},
        {70, 5, 0.03711008, 0.02121015}, {75, 5, 0.06013746, 0.03717788}, {80, 5, 0.10357923, 0.07029145},
        {85, 5, 0.17260393, 0.12254554}, {90, 5, 0.29298323, 0.21537465}, {95, 5, 0.51175699, 0.35918228},
        {100, 0, 0.89299663, 0.53465841}}},
  };
  return periods;
}

}  // namespace pneumo
