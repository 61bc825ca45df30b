#include "pneumoplan/stations/node_heap.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

namespace pneumo {
namespace {

// Dijkstra-like use on random numbers: distances only ever fall, nodes leave once popped. The heap must pop in the
// order a heap of (distance, node) entries pops its entries that are not stale — the order the transportation
// solver's Dijkstra used before, so that its paths are unchanged. Distances are drawn from a handful of values so
// that ties, broken by the lower node, are frequent.
TEST(NodeHeap, PopsInTheOrderOfAHeapOfEntriesSkippingStaleOnes) {
  std::uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  };
  for (int round = 0; round < 50; ++round) {
    const std::size_t n = 5 + next() % 200;
    std::vector<double> dist(n, 1e300);
    std::vector<char> done(n, 0);
    NodeHeap heap;
    heap.reset(n);
    using Entry = std::pair<double, std::size_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> entries;
    const auto lower = [&](std::size_t v, double d) {
      if (done[v] || !(d < dist[v])) return;
      dist[v] = d;
      heap.lowered(v, dist);
      entries.push({d, v});
    };
    lower(next() % n, 0.0);
    std::size_t popped = 0;
    while (!heap.empty()) {
      while (done[entries.top().second] || entries.top().first > dist[entries.top().second]) entries.pop();
      const std::size_t expected = entries.top().second;
      entries.pop();
      const std::size_t u = heap.pop(dist);
      ASSERT_EQ(u, expected) << "round " << round << ", pop " << popped;
      done[u] = 1;
      ++popped;
      for (int k = 0; k < 6; ++k) lower(next() % n, dist[u] + static_cast<double>(next() % 4));
    }
    while (!entries.empty() && (done[entries.top().second] || entries.top().first > dist[entries.top().second])) {
      entries.pop();
    }
    EXPECT_TRUE(entries.empty()) << "the heap emptied while a node was still waiting";
  }
}

}  // namespace
}  // namespace pneumo
