// Two pieces of work at once: `first` as a task of its own, `second` on the calling thread (where its own parallel
// loops use the threads `first` leaves free); returns when both are done. For a serial phase that can overlap a
// parallel one because neither reads what the other writes. The calling thread works only on `second`'s tasks
// meanwhile (isolated), so it never picks up `first` and holds back the end of `second` with it; with one thread,
// `first` runs after `second`. An exception from either is passed on (`second`'s first) after both have stopped.
// The fork and join are made visible to ThreadSanitizer as in parallel_for.hpp.
#pragma once

#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <exception>

#include "pneumoplan/core/parallel_for.hpp"

namespace pneumo {

template <typename First, typename Second>
void run_alongside(const First& first, const Second& second) {
  detail::ForkJoin pair;
  pair.fork();
  tbb::task_group group;
  group.run([&] {
    pair.task_begins();
    struct Ends {
      detail::ForkJoin& pair;
      ~Ends() { pair.task_ends(); }
    } ends{pair};
    first();
  });
  std::exception_ptr second_error, first_error;
  try {
    tbb::this_task_arena::isolate([&] { second(); });
  } catch (...) {
    second_error = std::current_exception();
  }
  try {
    group.wait();  // `first` uses the caller's variables: it must stop before they go
  } catch (...) {
    first_error = std::current_exception();
  }
  pair.join();
  if (second_error) std::rethrow_exception(second_error);
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace pneumo
