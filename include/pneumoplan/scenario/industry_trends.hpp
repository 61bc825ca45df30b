// Calendar trends per industry, read from trends.csv: a workforce index (1 = the base-year strata size)
// and a concentration index (1 = the base-year strata concentration). A trend may hold for the whole
// city or for one county (a county's own series wins over the city's). Values between given years are
// interpolated linearly and held flat outside them. Without any concentration series an industry's
// concentrations change by the default annual change, compounded from the base year.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "pneumoplan/scenario/industry.hpp"

namespace pneumo {

struct TrendPoint {
  int year = 0;
  double value = 1.0;
};

class IndustryTrends {
 public:
  static constexpr int kWholeCity = -1;

  IndustryTrends() = default;
  IndustryTrends(int base_year, double default_annual_change)
      : base_year_(base_year), default_change_(default_annual_change) {}

  // `county` is a county index or kWholeCity. Points must come in increasing year order.
  void add_workforce_point(Industry industry, int county, TrendPoint point);
  void add_concentration_point(Industry industry, int county, TrendPoint point);

  double workforce_index(Industry industry, int county, int year) const;
  double concentration_index(Industry industry, int county, int year) const;

 private:
  using Key = std::pair<int, int>;  // (county or kWholeCity, industry)
  using Series = std::map<Key, std::vector<TrendPoint>>;
  static const std::vector<TrendPoint>* find(const Series& series, Industry industry, int county);
  static double interpolate(const std::vector<TrendPoint>& points, int year);

  int base_year_ = 2020;
  double default_change_ = 0.0;
  Series workforce_;
  Series concentration_;
};

}  // namespace pneumo
