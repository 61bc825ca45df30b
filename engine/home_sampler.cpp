#include "pneumoplan/home_sampler.hpp"

#include <algorithm>

namespace pneumo {

HomeSampler::HomeSampler(const Geography& geography) {
  county_cumulative_.resize(geography.counties.size());
  county_items_ = geography.townships_of_county;
  for (std::size_t c = 0; c < geography.counties.size(); ++c) {
    double sum = 0.0;
    for (const auto t : county_items_[c]) {
      sum += geography.townships[t].weight;
      county_cumulative_[c].push_back(sum);
    }
  }
  double sum = 0.0;
  for (std::size_t t = 0; t < geography.townships.size(); ++t) {
    sum += geography.townships[t].weight;
    city_cumulative_.push_back(sum);
    city_items_.push_back(static_cast<std::uint16_t>(t));
  }
}

std::uint16_t HomeSampler::pick(const std::vector<double>& cumulative, const std::vector<std::uint16_t>& items,
                                double u) {
  const double target = u * cumulative.back();
  auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  if (it == cumulative.end()) --it;
  // upper_bound never lands on a zero-weight township: its cumulative value equals its predecessor's.
  return items[static_cast<std::size_t>(it - cumulative.begin())];
}

std::uint16_t HomeSampler::in_county(std::uint16_t county, double u) const {
  return pick(county_cumulative_[county], county_items_[county], u);
}

std::uint16_t HomeSampler::in_city(double u) const { return pick(city_cumulative_, city_items_, u); }

}  // namespace pneumo
