// Walker's alias method: draws one of n weighted items in O(1) from a single uniform number, the same
// item for the same number on every machine.
#pragma once

#include <cstdint>
#include <vector>

namespace pneumo {

class AliasTable {
 public:
  AliasTable() = default;
  AliasTable(const std::vector<double>& weights, std::vector<std::uint16_t> items);
  std::uint16_t pick(double u) const {  // u in (0,1)
    const double x = u * static_cast<double>(items_.size());
    std::size_t column = static_cast<std::size_t>(x);
    if (column >= items_.size()) column = items_.size() - 1;
    const double within = x - static_cast<double>(column);
    return items_[within < keep_[column] ? column : alias_[column]];
  }
  std::size_t size() const { return items_.size(); }
  double probability(std::size_t k) const;  // of the k-th item, for tests

 private:
  std::vector<double> keep_;           // probability of keeping column k rather than its alias
  std::vector<std::uint32_t> alias_;
  std::vector<std::uint16_t> items_;
};

}  // namespace pneumo
