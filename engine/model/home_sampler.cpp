#include "pneumoplan/model/home_sampler.hpp"

namespace pneumo {

HomeSampler::HomeSampler(const Geography& geography) {
  for (std::size_t c = 0; c < geography.counties.size(); ++c) {
    std::vector<double> weights;
    for (const auto t : geography.townships_of_county[c]) weights.push_back(geography.townships[t].weight);
    counties_.emplace_back(weights, geography.townships_of_county[c]);
  }
  std::vector<double> weights;
  std::vector<std::uint16_t> items;
  for (std::size_t t = 0; t < geography.townships.size(); ++t) {
    weights.push_back(geography.townships[t].weight);
    items.push_back(static_cast<std::uint16_t>(t));
  }
  city_ = AliasTable(weights, items);
}

}  // namespace pneumo
