// How many threads a run should use by default: the CPUs this process may run on, not the machine's.
// std::thread::hardware_concurrency() counts every CPU of the machine; oneTBB's default concurrency counts
// the CPUs of this process's affinity mask, which is what a cgroup cpuset, `taskset`, a Slurm allocation or
// an MPI launcher's binding leaves it. On top of that come a cgroup CPU quota (cpu.max, as in a container
// limited to 2.5 CPUs), Slurm's SLURM_CPUS_PER_TASK, and, when several MPI ranks share a node, an equal share
// of those CPUs per rank.
#pragma once

#include <optional>
#include <string>

namespace pneumo {

struct CpuShare {
  int threads = 1;     // at least 1
  std::string source;  // how it was found, for messages: "affinity mask", "cgroup quota", ...
};

// `ranks_on_node`: processes of one MPI job on this node that share its CPUs (1 outside MPI).
CpuShare default_thread_count(int ranks_on_node = 1);

// The pieces, on text already read (for tests).
// cgroup v2 "cpu.max" ("max 100000" or "250000 100000") -> CPUs, rounded up; nullopt for no quota.
std::optional<int> parse_cgroup_cpu_max(const std::string& cpu_max);
// A positive whole number of CPUs from an environment variable's text (SLURM_CPUS_PER_TASK); nullopt otherwise.
std::optional<int> parse_cpu_count(const char* text);

}  // namespace pneumo
