// tbb::parallel_for with its fork and join made visible to ThreadSanitizer. oneTBB passes tasks between
// threads inside libtbb, which is not instrumented, so TSan cannot see that a task starts after the code
// that started the loop, nor that the code after the loop runs after every task: without these two
// annotations it reports every row a task writes as racing with the code before or after the loop
// (docs/reliability.md). Outside a TSan build they are empty and this is tbb::parallel_for itself.
// Call it qualified, pneumo::parallel_for, so argument-dependent lookup does not also find tbb's.
#pragma once

#include <tbb/parallel_for.h>

#if defined(__SANITIZE_THREAD__)
#define PNEUMO_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define PNEUMO_THREAD_SANITIZER 1
#endif
#endif

#ifdef PNEUMO_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>
#endif

namespace pneumo {
namespace detail {

// One loop: everything before fork() happens before every task, and every task before join().
class ForkJoin {
 public:
  void fork() { release(&fork_); }
  void task_begins() { acquire(&fork_); }
  void task_ends() { release(&join_); }
  void join() { acquire(&join_); }

 private:
#ifdef PNEUMO_THREAD_SANITIZER
  static void release(char* address) { __tsan_release(address); }
  static void acquire(char* address) { __tsan_acquire(address); }
#else
  static void release(char*) {}
  static void acquire(char*) {}
#endif
  char fork_ = 0, join_ = 0;
};

}  // namespace detail

template <typename Range, typename Body>
void parallel_for(const Range& range, const Body& body) {
  detail::ForkJoin loop;
  loop.fork();
  tbb::parallel_for(range, [&](const Range& part) {
    loop.task_begins();
    body(part);
    loop.task_ends();
  });
  loop.join();
}

template <typename Index, typename Function>
void parallel_for(Index first, Index last, const Function& function) {
  detail::ForkJoin loop;
  loop.fork();
  tbb::parallel_for(first, last, [&](Index i) {
    loop.task_begins();
    function(i);
    loop.task_ends();
  });
  loop.join();
}

}  // namespace pneumo
