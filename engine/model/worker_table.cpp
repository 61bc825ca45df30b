#include "pneumoplan/model/worker_table.hpp"

#include <tbb/blocked_range.h>
#include "pneumoplan/core/parallel_for.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

namespace pneumo {
namespace {

constexpr std::size_t kBlock = 65536;

std::size_t block_count(std::size_t n) { return (n + kBlock - 1) / kBlock; }

}  // namespace

void WorkerTable::resize(std::size_t n) {
  std::vector<std::function<void()>> columns;
  for_each_column([&columns, n](auto& column) { columns.emplace_back([&column, n] { column.resize(n); }); });
  pneumo::parallel_for(std::size_t{0}, columns.size(), [&](std::size_t k) { columns[k](); });
}

void WorkerTable::free_rows(std::vector<std::size_t>& rows) const {
  // Count per block (a loop the compiler vectorises), then fill each block's share of the result.
  const std::size_t n = size();
  const std::size_t blocks = block_count(n);
  const std::int16_t* const death = death_year.data();
  std::vector<std::size_t> first(blocks + 1, 0);
  pneumo::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    const std::size_t end = std::min(n, (b + 1) * kBlock);
    std::size_t count = 0;
    for (std::size_t i = b * kBlock; i < end; ++i) count += death[i] == kFreeRow;
    first[b + 1] = count;
  });
  for (std::size_t b = 0; b < blocks; ++b) first[b + 1] += first[b];
  rows.resize(first[blocks]);
  pneumo::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    if (first[b + 1] == first[b]) return;
    const std::size_t end = std::min(n, (b + 1) * kBlock);
    std::size_t out = first[b];
    // Without a branch per row (a released row is a coin toss to the CPU): every index is written to a
    // small buffer and only free ones advance its end; the buffer is then copied out.
    constexpr std::size_t kChunk = 256;
    std::size_t found[kChunk];
    for (std::size_t start = b * kBlock; start < end; start += kChunk) {
      const std::size_t stop = std::min(end, start + kChunk);
      std::size_t count = 0;
      for (std::size_t i = start; i < stop; ++i) {
        found[count] = i;
        count += death[i] == kFreeRow;
      }
      std::copy(found, found + count, rows.begin() + static_cast<std::ptrdiff_t>(out));
      out += count;
    }
  });
}

void WorkerTable::compact() {
  const std::size_t n = size();
  const std::size_t blocks = block_count(n);
  // Where each block's kept rows start in the compacted table (exclusive prefix sum of counts).
  std::vector<std::size_t> first(blocks + 1, 0);
  pneumo::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    const std::size_t end = std::min(n, (b + 1) * kBlock);
    std::size_t kept = 0;
    for (std::size_t i = b * kBlock; i < end; ++i) kept += death_year[i] != kFreeRow;
    first[b + 1] = kept;
  });
  for (std::size_t b = 0; b < blocks; ++b) first[b + 1] += first[b];
  const std::size_t kept_total = first[blocks];
  std::vector<std::uint8_t> keep(n);
  pneumo::parallel_for(std::size_t{0}, n, [&](std::size_t i) { keep[i] = death_year[i] != kFreeRow; });

  // Each column: gather kept rows into a scratch buffer block by block, then copy back.
  std::vector<unsigned char> scratch;
  for_each_column([&](auto& column) {
    using T = typename std::decay_t<decltype(column)>::value_type;
    scratch.resize(kept_total * sizeof(T));
    T* out = reinterpret_cast<T*>(scratch.data());
    pneumo::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
      const std::size_t end = std::min(n, (b + 1) * kBlock);
      std::size_t o = first[b];
      for (std::size_t i = b * kBlock; i < end; ++i) {
        if (keep[i]) out[o++] = column[i];
      }
    });
    if (kept_total > 0) std::memcpy(column.data(), out, kept_total * sizeof(T));
    column.resize(kept_total);
  });
}

}  // namespace pneumo
