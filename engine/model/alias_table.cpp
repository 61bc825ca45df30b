#include "pneumoplan/model/alias_table.hpp"

#include <algorithm>

namespace pneumo {

AliasTable::AliasTable(const std::vector<double>& weights, std::vector<std::uint16_t> items)
    : keep_(weights.size(), 1.0), alias_(weights.size(), 0), items_(std::move(items)) {
  const std::size_t n = weights.size();
  double total = 0.0;
  for (const double w : weights) total += w;
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small, large;
  for (std::size_t k = 0; k < n; ++k) {
    scaled[k] = weights[k] * static_cast<double>(n) / total;
    alias_[k] = static_cast<std::uint32_t>(k);
    (scaled[k] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(k));
  }
  // Vose's stable construction; processing order is fixed, so the table is deterministic.
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    keep_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (const auto k : large) keep_[k] = 1.0;
  for (const auto k : small) keep_[k] = 1.0;  // rounding leftovers
}


double AliasTable::probability(std::size_t k) const {
  const double n = static_cast<double>(items_.size());
  double p = keep_[k] / n;
  for (std::size_t j = 0; j < items_.size(); ++j) {
    if (alias_[j] == k && j != k) p += (1.0 - keep_[j]) / n;
  }
  return p;
}

}  // namespace pneumo
