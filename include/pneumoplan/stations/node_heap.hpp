// The priority queue of the transportation solver's Dijkstra: a binary min-heap of node indices ordered by
// (distance, node), each node in it at most once. Lowering a node's distance moves it up where it is; a heap of
// (distance, node) entries would instead keep the old entry as a stale one, to be skipped when it surfaces, and
// grow with every improvement. It pops nodes in the same order as such a heap does (the smallest distance,
// the lowest node among equals), so a solver using either finds the same paths.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace pneumo {

class NodeHeap {
 public:
  // Empties the heap for nodes 0..nodes-1.
  void reset(std::size_t nodes) {
    position_.assign(nodes, kAbsent);
    heap_.clear();
  }
  bool empty() const { return heap_.empty(); }

  // Node v's distance in `dist` has just been lowered (or set for the first time): it enters or moves up.
  void lowered(std::size_t v, const std::vector<double>& dist) {
    std::size_t at = position_[v];
    if (at == kAbsent) {
      at = heap_.size();
      heap_.push_back(v);
    }
    sift_up(at, dist);
  }

  // Removes and returns the node with the smallest (distance, node).
  std::size_t pop(const std::vector<double>& dist) {
    const std::size_t top = heap_.front();
    position_[top] = kAbsent;
    const std::size_t last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_.front() = last;
      sift_down(0, dist);
    }
    return top;
  }

 private:
  static constexpr std::size_t kAbsent = std::numeric_limits<std::size_t>::max();

  static bool before(std::size_t a, std::size_t b, const std::vector<double>& dist) {
    return dist[a] < dist[b] || (dist[a] == dist[b] && a < b);
  }
  void sift_up(std::size_t at, const std::vector<double>& dist) {
    const std::size_t v = heap_[at];
    while (at > 0) {
      const std::size_t parent = (at - 1) / 2;
      if (!before(v, heap_[parent], dist)) break;
      heap_[at] = heap_[parent];
      position_[heap_[at]] = at;
      at = parent;
    }
    heap_[at] = v;
    position_[v] = at;
  }
  void sift_down(std::size_t at, const std::vector<double>& dist) {
    const std::size_t v = heap_[at];
    const std::size_t n = heap_.size();
    for (;;) {
      std::size_t child = 2 * at + 1;
      if (child >= n) break;
      if (child + 1 < n && before(heap_[child + 1], heap_[child], dist)) ++child;
      if (!before(heap_[child], v, dist)) break;
      heap_[at] = heap_[child];
      position_[heap_[at]] = at;
      at = child;
    }
    heap_[at] = v;
    position_[v] = at;
  }

  std::vector<std::size_t> heap_;      // node indices in heap order
  std::vector<std::size_t> position_;  // per node: its place in heap_, or kAbsent
};

}  // namespace pneumo
