// Two pieces of work at once: `first` as a task of its own, `second` on the calling thread (where its own parallel
// loops use the threads `first` leaves free); returns when both are done. For a serial phase that can overlap a
// parallel one because neither reads what the other writes. An exception from either is passed on, after both
// have stopped. The fork and join are made visible to ThreadSanitizer as in parallel_for.hpp.
#pragma once

#include <tbb/task_group.h>

#include "pneumoplan/core/parallel_for.hpp"

namespace pneumo {

template <typename First, typename Second>
void run_alongside(const First& first, const Second& second) {
  detail::ForkJoin pair;
  pair.fork();
  tbb::task_group group;
  group.run([&] {
    pair.task_begins();
    first();
    pair.task_ends();
  });
  try {
    second();
  } catch (...) {
    try {
      group.wait();  // `first` uses the caller's variables: it must stop before they go
    } catch (...) {
    }
    throw;
  }
  group.wait();
  pair.join();
}

}  // namespace pneumo
