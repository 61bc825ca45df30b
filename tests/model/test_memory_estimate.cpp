// The memory estimate of a run and what the machine has: how the estimate grows with the scenario, the
// replicates and the threads; refusal with the estimate; sizes as users write them; /proc and cgroup text.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "pneumoplan/core/available_memory.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/memory_estimate.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(MemoryEstimate, RunsAtOnceAreTheFewerOfThreadsAndReplicates) {
  const Scenario& s = test::small_scenario();
  EXPECT_EQ(estimate_run_memory(s, 3, 8).concurrent_simulations, 3);
  EXPECT_EQ(estimate_run_memory(s, 30, 8).concurrent_simulations, 8);
  EXPECT_EQ(estimate_run_memory(s, 1, 1).concurrent_simulations, 1);
}

TEST(MemoryEstimate, GrowsWithWorkersReplicatesAndThreads) {
  Scenario big = test::small_scenario();
  for (auto& stratum : big.strata) stratum.workers *= 100;
  const MemoryEstimate small = estimate_run_memory(test::small_scenario(), 4, 2);
  const MemoryEstimate large = estimate_run_memory(big, 4, 2);
  // Worker rows dominate: 100 times the workers, nearly 100 times the rows (enterprise rounding aside). Per job:
  // two rows, and hiring's two lists of row indices, 8 bytes each for up to half and a quarter of 1.5 rows (9 bytes).
  const double job_bytes = 2.0 * static_cast<double>(WorkerTable::bytes_per_worker()) + 9.0;
  EXPECT_NEAR(static_cast<double>(large.simulation_bytes - small.simulation_bytes),
              job_bytes * (large.peak_jobs - small.peak_jobs), job_bytes);
  EXPECT_GT(large.peak_jobs, 99.0 * small.peak_jobs);
  EXPECT_EQ(large.results_bytes, small.results_bytes);  // outputs do not depend on workers
  EXPECT_EQ(estimate_run_memory(big, 40, 2).total_bytes() - large.total_bytes(), 36 * large.results_bytes);
  EXPECT_GT(estimate_run_memory(big, 4, 4).total_bytes(), large.total_bytes());
  // The peak jobs follow the workforce trends: the small scenario's coal index reaches 2.0 in Jiawang.
  double base = 0.0;
  for (const auto& stratum : test::small_scenario().strata) base += static_cast<double>(stratum.workers);
  EXPECT_GT(small.peak_jobs, base);
}

TEST(MemoryEstimate, ACommandKeepingSeveralRunsCountsTheirResults) {
  // compare keeps every package's replicates until it writes them.
  const Scenario& s = test::small_scenario();
  HeldRuns three_runs;
  three_runs.runs = 3;
  const MemoryEstimate one = estimate_run_memory(s, 5, 2), three = estimate_run_memory(s, 5, 2, three_runs);
  EXPECT_EQ(three.total_bytes() - one.total_bytes(), 2 * 5 * one.results_bytes);
  EXPECT_NE(three.describe().find("x 3 runs kept"), std::string::npos) << three.describe();
}

TEST(MemoryEstimate, SavedStatesAreCountedPerRunningReplicateOrPerReplicate) {
  // compare's shared history holds a state per other package while a replicate runs (2 at a time here); a target
  // search or run --save-state holds one for every replicate (5).
  const Scenario& s = test::small_scenario();
  const MemoryEstimate none = estimate_run_memory(s, 5, 2);
  HeldRuns compare;
  compare.states_per_running_replicate = 3;
  HeldRuns target;
  target.states_per_replicate = 1;
  const MemoryEstimate forks = estimate_run_memory(s, 5, 2, compare), kept = estimate_run_memory(s, 5, 2, target);
  ASSERT_GT(none.state_bytes, 0u);
  EXPECT_EQ(forks.total_bytes() - none.total_bytes(), 2 * 3 * none.state_bytes);
  EXPECT_EQ(kept.total_bytes() - none.total_bytes(), 5 * none.state_bytes);
  EXPECT_NE(forks.describe().find("saved states 3 per running"), std::string::npos) << forks.describe();
}

TEST(MemoryEstimate, TheRoomUnderAnAddressSpaceLimitIsMemoryAvailable) {
  // In a child process (the limit stays there): ulimit -v set 64 MiB above what the process already maps.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  GTEST_SKIP() << "a sanitizer's shadow memory does not live with an address-space limit";
#endif
#endif
  const pid_t child = ::fork();
  if (child == 0) {
    std::ifstream status("/proc/self/status");
    std::string line;
    unsigned long long vm_kib = 0;
    while (std::getline(status, line)) {
      if (line.rfind("VmSize:", 0) == 0) vm_kib = std::stoull(line.substr(7));
    }
    struct rlimit limit {};
    limit.rlim_cur = limit.rlim_max = (vm_kib + 64 * 1024) * 1024;
    if (vm_kib == 0 || ::setrlimit(RLIMIT_AS, &limit) != 0) ::_exit(2);
    const auto available = available_memory();
    const bool ok = available && available->source == "ulimit -v" && available->bytes <= 64ull * 1024 * 1024 &&
                    available->bytes > 32ull * 1024 * 1024;
    ::_exit(ok ? 0 : 1);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the room under ulimit -v was not taken as the memory available";
}

TEST(MemoryEstimate, ARunThatDoesNotFitIsRefusedWithTheEstimate) {
  const Scenario& s = test::small_scenario();
  const MemoryEstimate e = estimate_run_memory(s, 3, 2);
  EXPECT_NO_THROW(check_run_fits(s, e, e.total_bytes(), "allowed"));
  try {
    check_run_fits(s, e, e.total_bytes() - 1, "allowed by --max-memory");
    FAIL();
  } catch (const InputError& error) {
    const std::string message = error.what();
    EXPECT_EQ(error.file(), s.directory);
    EXPECT_NE(message.find("expected a run that fits in memory: it needs an estimated " + e.describe()), std::string::npos);
    EXPECT_NE(message.find("allowed by --max-memory"), std::string::npos);
  }
}

TEST(MemoryEstimate, AbsurdSizesDoNotOverflow) {
  Scenario absurd = test::small_scenario();
  for (auto& stratum : absurd.strata) stratum.workers = 50'000'000;
  const MemoryEstimate e = estimate_run_memory(absurd, 100000, 4096);
  EXPECT_GT(e.total_bytes(), std::uint64_t{1} << 40);  // terabytes, not a wrapped-around small number
  EXPECT_THROW(check_run_fits(absurd, e, std::uint64_t{1} << 40, "allowed"), InputError);
}

TEST(MemorySize, ReadsWhatUsersWrite) {
  EXPECT_EQ(parse_memory_size("8G"), std::uint64_t{8} << 30);
  EXPECT_EQ(parse_memory_size("8GiB"), std::uint64_t{8} << 30);
  EXPECT_EQ(parse_memory_size("512M"), std::uint64_t{512} << 20);
  EXPECT_EQ(parse_memory_size("512mb"), std::uint64_t{512} << 20);
  EXPECT_EQ(parse_memory_size("1.5T"), std::uint64_t{3} << 39);
  EXPECT_EQ(parse_memory_size("64k"), std::uint64_t{64} << 10);
  EXPECT_EQ(parse_memory_size("1000000"), 1000000u);
  for (const char* bad : {"", "lots", "8X", "-1G", "G", "0", "1e30G", "8 G G"}) {
    EXPECT_FALSE(parse_memory_size(bad)) << bad;
  }
  EXPECT_EQ(format_bytes(800), "800 B");
  EXPECT_EQ(format_bytes(1536.0 * 1024 * 1024), "1.5 GiB");
}

TEST(AvailableMemory, ReadsMeminfoAndCgroupPaths) {
  EXPECT_EQ(parse_mem_available("MemTotal: 100 kB\nMemFree: 20 kB\nMemAvailable:   24234032 kB\n"),
            std::uint64_t{24234032} * 1024);
  EXPECT_FALSE(parse_mem_available("MemTotal: 100 kB\n"));
  const std::string v2 = "0::/user.slice/job_42\n";
  EXPECT_EQ(cgroup_v2_path(v2), "/user.slice/job_42");
  EXPECT_FALSE(cgroup_v1_memory_path(v2));
  const std::string hybrid = "9:name=systemd:/\n4:memory,hugetlb:/process_api/abc\n1:cpu:/\n0::/\n";
  EXPECT_EQ(cgroup_v1_memory_path(hybrid), "/process_api/abc");
  EXPECT_EQ(cgroup_v2_path(hybrid), "/");
  // On this machine: whatever it reports is a positive amount from one of the two sources.
  if (const auto available = available_memory()) {
    EXPECT_GT(available->bytes, 0u);
    EXPECT_TRUE(available->source == "MemAvailable" || available->source == "cgroup limit");
  }
}

}  // namespace
}  // namespace pneumo
