#include "pneumoplan/scenario/industry_trends.hpp"

#include <cmath>

namespace pneumo {

void IndustryTrends::add_workforce_point(Industry industry, int county, TrendPoint point) {
  workforce_[{county, static_cast<int>(industry)}].push_back(point);
  workforce_table_ = {};  // no longer the series' values
}

void IndustryTrends::add_concentration_point(Industry industry, int county, TrendPoint point) {
  concentration_[{county, static_cast<int>(industry)}].push_back(point);
  concentration_table_ = {};
}

template <typename Compute>
IndustryTrends::Table IndustryTrends::tabulated(const Series& series, int first_year, int last_year,
                                                int county_count, Compute compute) const {
  Table table;
  if (last_year < first_year || county_count < 0) return table;
  table.first_year = first_year;
  table.years = last_year - first_year + 1;
  table.county_count = county_count;
  table.row_of.resize(static_cast<std::size_t>(county_count + 1) * kIndustryCount);
  // Counties without a series of their own share the whole city's (or the default) row.
  std::map<const std::vector<TrendPoint>*, std::uint32_t> row_of_series;
  for (int county = kWholeCity; county < county_count; ++county) {
    for (std::size_t k = 0; k < kIndustryCount; ++k) {
      const auto industry = static_cast<Industry>(k);
      const auto [it, added] =
          row_of_series.try_emplace(find(series, industry, county), static_cast<std::uint32_t>(row_of_series.size()));
      if (added) {
        for (int year = first_year; year <= last_year; ++year) table.values.push_back(compute(industry, county, year));
      }
      table.row_of[static_cast<std::size_t>(county + 1) * kIndustryCount + k] = it->second;
    }
  }
  return table;
}

void IndustryTrends::tabulate(int first_year, int last_year, int county_count) {
  workforce_table_ = tabulated(workforce_, first_year, last_year, county_count, [this](Industry i, int c, int y) {
    return computed_workforce_index(i, c, y);
  });
  concentration_table_ = tabulated(concentration_, first_year, last_year, county_count,
                                   [this](Industry i, int c, int y) { return computed_concentration_index(i, c, y); });
}

const std::vector<TrendPoint>* IndustryTrends::find(const Series& series, Industry industry, int county) {
  auto it = series.find({county, static_cast<int>(industry)});
  if (it == series.end()) it = series.find({kWholeCity, static_cast<int>(industry)});
  return it == series.end() ? nullptr : &it->second;
}

double IndustryTrends::interpolate(const std::vector<TrendPoint>& points, int year) {
  if (year <= points.front().year) return points.front().value;
  if (year >= points.back().year) return points.back().value;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const auto& a = points[i];
    const auto& b = points[i + 1];
    if (year >= a.year && year <= b.year) {
      const double w = static_cast<double>(year - a.year) / static_cast<double>(b.year - a.year);
      return a.value + w * (b.value - a.value);
    }
  }
  return points.back().value;
}

double IndustryTrends::computed_workforce_index(Industry industry, int county, int year) const {
  const auto* points = find(workforce_, industry, county);
  return points ? interpolate(*points, year) : 1.0;
}

double IndustryTrends::computed_concentration_index(Industry industry, int county, int year) const {
  if (const auto* points = find(concentration_, industry, county)) return interpolate(*points, year);
  return std::pow(1.0 + default_change_, static_cast<double>(year - base_year_));
}

}  // namespace pneumo
