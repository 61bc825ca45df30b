#include "pneumoplan/scenario/geography.hpp"

#include "pneumoplan/core/geo_distance.hpp"

namespace pneumo {

int Geography::county_index(std::int64_t code) const {
  const auto it = county_by_code_.find(code);
  return it == county_by_code_.end() ? -1 : it->second;
}

int Geography::township_index(std::int64_t code) const {
  const auto it = township_by_code_.find(code);
  return it == township_by_code_.end() ? -1 : it->second;
}

std::int64_t Geography::city_code() const {
  if (counties.empty()) return 0;
  const std::int64_t prefecture = counties.front().code / 100;
  for (const auto& c : counties) {
    if (c.code / 100 != prefecture) return 0;
  }
  return prefecture * 100;
}

void Geography::build_indices() {
  county_by_code_.clear();
  township_by_code_.clear();
  for (std::size_t i = 0; i < counties.size(); ++i) county_by_code_[counties[i].code] = static_cast<int>(i);
  for (std::size_t i = 0; i < townships.size(); ++i) township_by_code_[townships[i].code] = static_cast<int>(i);
  townships_of_county.assign(counties.size(), {});
  for (std::size_t i = 0; i < townships.size(); ++i) {
    townships_of_county[townships[i].county].push_back(static_cast<std::uint16_t>(i));
  }
}

std::vector<double> Geography::township_road_distances_km(double road_factor) const {
  const auto& t = townships;
  std::vector<double> d(t.size() * t.size());
  for (std::size_t a = 0; a < t.size(); ++a) {
    for (std::size_t b = 0; b < t.size(); ++b) {
      d[a * t.size() + b] = road_km({t[a].lon, t[a].lat}, {t[b].lon, t[b].lat}, road_factor);
    }
  }
  return d;
}

}  // namespace pneumo
