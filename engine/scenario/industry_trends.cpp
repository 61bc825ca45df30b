#include "pneumoplan/scenario/industry_trends.hpp"

#include <cmath>

namespace pneumo {

void IndustryTrends::add_workforce_point(Industry industry, int county, TrendPoint point) {
  workforce_[{county, static_cast<int>(industry)}].push_back(point);
}

void IndustryTrends::add_concentration_point(Industry industry, int county, TrendPoint point) {
  concentration_[{county, static_cast<int>(industry)}].push_back(point);
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

double IndustryTrends::workforce_index(Industry industry, int county, int year) const {
  const auto* points = find(workforce_, industry, county);
  return points ? interpolate(*points, year) : 1.0;
}

double IndustryTrends::concentration_index(Industry industry, int county, int year) const {
  if (const auto* points = find(concentration_, industry, county)) return interpolate(*points, year);
  return std::pow(1.0 + default_change_, static_cast<double>(year - base_year_));
}

}  // namespace pneumo
