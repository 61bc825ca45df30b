// Calendar trends per industry, read from trends.csv: a workforce index (1 = the base-year strata size)
// and a concentration index (1 = the base-year strata concentration). A trend may hold for the whole
// city or for one county (a county's own series wins over the city's). Values between given years are
// interpolated linearly and held flat outside them. Without any concentration series an industry's
// concentrations change by the default annual change, compounded from the base year.
#pragma once

#include <cstdint>
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

  double workforce_index(Industry industry, int county, int year) const {
    if (const double* value = workforce_table_.find(industry, county, year)) return *value;
    return computed_workforce_index(industry, county, year);
  }
  double concentration_index(Industry industry, int county, int year) const {
    if (const double* value = concentration_table_.find(industry, county, year)) return *value;
    return computed_concentration_index(industry, county, year);
  }

  // Keeps every index of counties 0 .. county_count − 1 (and the whole city) for years first_year ..
  // last_year in dense tables, so that the simulation's millions of lookups (each worker's years before the
  // start, every enterprise every year) cost no map search and no power. The values are those computed
  // without tables; other years and counties are still computed. A point added later drops its series' table.
  void tabulate(int first_year, int last_year, int county_count);

 private:
  using Key = std::pair<int, int>;  // (county or kWholeCity, industry)
  using Series = std::map<Key, std::vector<TrendPoint>>;
  static const std::vector<TrendPoint>* find(const Series& series, Industry industry, int county);
  static double interpolate(const std::vector<TrendPoint>& points, int year);
  double computed_workforce_index(Industry industry, int county, int year) const;
  double computed_concentration_index(Industry industry, int county, int year) const;

  // One row of values by year for each distinct series (the default one included), and the row of each
  // (county, industry).
  struct Table {
    int first_year = 0;
    int years = 0;
    int county_count = 0;
    std::vector<std::uint32_t> row_of;  // [(county + 1) * kIndustryCount + industry], county −1 = whole city
    std::vector<double> values;         // [row * years + year − first_year]
    const double* find(Industry industry, int county, int year) const {
      const int offset = year - first_year;
      if (offset < 0 || offset >= years || county < kWholeCity || county >= county_count) return nullptr;
      const std::size_t row =
          row_of[static_cast<std::size_t>(county + 1) * kIndustryCount + static_cast<std::size_t>(industry)];
      return &values[row * static_cast<std::size_t>(years) + static_cast<std::size_t>(offset)];
    }
  };
  template <typename Compute>
  Table tabulated(const Series& series, int first_year, int last_year, int county_count, Compute compute) const;

  int base_year_ = 2020;
  double default_change_ = 0.0;
  Series workforce_;
  Series concentration_;
  Table workforce_table_;
  Table concentration_table_;
};

}  // namespace pneumo
