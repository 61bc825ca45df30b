// run_alongside (core/run_alongside.hpp): both pieces of work run, at the same time where there are two threads,
// the second's parallel loops still do all their work, and an exception from either reaches the caller only after
// both have stopped.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include <tbb/task_arena.h>

#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/core/run_alongside.hpp"

namespace pneumo {
namespace {

TEST(RunAlongside, RunsBothAndTheSecondsLoopsDoAllTheirWork) {
  std::vector<int> squares(100000, 0);
  long first_sum = 0;
  run_alongside([&] { for (int k = 1; k <= 1000; ++k) first_sum += k; },
                [&] { pneumo::parallel_for(std::size_t{0}, squares.size(), [&](std::size_t i) {
                        squares[i] = static_cast<int>(i % 1000) * static_cast<int>(i % 1000);
                      }); });
  EXPECT_EQ(first_sum, 500500);
  for (std::size_t i = 0; i < squares.size(); i += 997) ASSERT_EQ(squares[i], static_cast<int>((i % 1000) * (i % 1000)));
}

TEST(RunAlongside, BothRunAtOnceWhereThereAreTwoThreads) {
  if (tbb::this_task_arena::max_concurrency() < 2) GTEST_SKIP() << "one thread: the two run one after the other";
  // Each waits until the other has started: only work that really runs at the same time gets both past the wait.
  std::atomic<bool> first_started{false}, second_started{false};
  const auto wait_for = [](const std::atomic<bool>& flag) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!flag && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
    return flag.load();
  };
  bool first_saw_second = false, second_saw_first = false;
  run_alongside(
      [&] {
        first_started = true;
        first_saw_second = wait_for(second_started);
      },
      [&] {
        second_started = true;
        second_saw_first = wait_for(first_started);
      });
  EXPECT_TRUE(first_saw_second);
  EXPECT_TRUE(second_saw_first);
}

TEST(RunAlongside, AnExceptionFromEitherArrivesAfterBothStopped) {
  std::atomic<bool> first_done{false};
  EXPECT_THROW(run_alongside(
                   [&] {
                     std::this_thread::sleep_for(std::chrono::milliseconds(50));
                     first_done = true;
                   },
                   [] { throw std::runtime_error("second"); }),
               std::runtime_error);
  EXPECT_TRUE(first_done);  // the caller's variables were still alive while the first ran

  std::atomic<bool> second_done{false};
  EXPECT_THROW(run_alongside([] { throw std::invalid_argument("first"); },
                             [&] {
                               std::this_thread::sleep_for(std::chrono::milliseconds(50));
                               second_done = true;
                             }),
               std::invalid_argument);
  EXPECT_TRUE(second_done);
}

}  // namespace
}  // namespace pneumo
