#include "pneumoplan/worker_table.hpp"

namespace pneumo {

void WorkerTable::compact(const std::vector<std::uint8_t>& keep) {
  for_each_column([&keep](auto& column) {
    std::size_t out = 0;
    for (std::size_t i = 0; i < column.size(); ++i) {
      if (keep[i]) column[out++] = column[i];
    }
    column.resize(out);
  });
}

}  // namespace pneumo
