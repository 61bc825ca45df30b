#include "pneumoplan/core/available_cpus.hpp"

#include <tbb/info.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "pneumoplan/core/available_memory.hpp"

namespace pneumo {
namespace {

std::optional<std::string> read_small_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The smallest CPU quota of the process's cgroup (v2) and every cgroup above it.
std::optional<int> cgroup_quota_cpus() {
  const auto cgroup = read_small_file("/proc/self/cgroup");
  if (!cgroup) return std::nullopt;
  const auto path = cgroup_v2_path(*cgroup);
  if (!path) return std::nullopt;
  std::optional<int> least;
  std::string at = *path;
  while (true) {
    const std::string folder = "/sys/fs/cgroup" + (at == "/" ? std::string() : at);
    if (const auto text = read_small_file(folder + "/cpu.max")) {
      if (const auto cpus = parse_cgroup_cpu_max(*text)) least = least ? std::min(*least, *cpus) : *cpus;
    }
    if (at.empty() || at == "/") break;
    const auto slash = at.rfind('/');
    at = slash == 0 || slash == std::string::npos ? "/" : at.substr(0, slash);
  }
  return least;
}

}  // namespace

std::optional<int> parse_cgroup_cpu_max(const std::string& cpu_max) {
  std::istringstream in(cpu_max);
  std::string quota;
  long long period = 0;
  if (!(in >> quota >> period) || quota == "max" || period <= 0) return std::nullopt;
  const auto microseconds = parse_cpu_count(quota.c_str());
  if (!microseconds) return std::nullopt;
  return static_cast<int>(std::max<long long>(1, (static_cast<long long>(*microseconds) + period - 1) / period));
}

std::optional<int> parse_cpu_count(const char* text) {
  if (!text || !*text) return std::nullopt;
  char* end = nullptr;
  const long value = std::strtol(text, &end, 10);
  if (*end != '\0' || value < 1 || value > 1000000000L) return std::nullopt;
  return static_cast<int>(value);
}

CpuShare default_thread_count(int ranks_on_node) {
  // oneTBB (2021.8) reads the affinity mask, so a cpuset, taskset, Slurm's task/affinity or cgroup plugin and an
  // MPI binding already show here.
  CpuShare share{std::max(1, tbb::info::default_concurrency()), "affinity mask"};
  if (const auto quota = cgroup_quota_cpus(); quota && *quota < share.threads) share = {*quota, "cgroup CPU quota"};
  // Without a binding plugin Slurm's allocation shows only in its variables.
  if (const auto slurm = parse_cpu_count(std::getenv("SLURM_CPUS_PER_TASK")); slurm && *slurm < share.threads) {
    share = {*slurm, "SLURM_CPUS_PER_TASK"};
  }
  if (ranks_on_node > 1) {
    share.threads = std::max(1, share.threads / ranks_on_node);
    share.source += ", shared by " + std::to_string(ranks_on_node) + " MPI ranks on this node";
  }
  return share;
}

}  // namespace pneumo
