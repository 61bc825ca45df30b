// How much memory this process can still use: the kernel's MemAvailable (free memory plus what caches
// would give back, without swap), or the room left under this process's control-group limit (cgroup v2
// memory.max and v1 memory.limit_in_bytes, up the hierarchy) when that is smaller, as in a container or
// a Slurm job.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pneumo {

struct AvailableMemory {
  std::uint64_t bytes = 0;
  std::string source;  // "MemAvailable" or "cgroup limit"
};

// nullopt where neither /proc/meminfo nor a cgroup limit can be read (then nothing is refused).
std::optional<AvailableMemory> available_memory();

// The pieces, on text already read (for tests).
std::optional<std::uint64_t> parse_mem_available(const std::string& meminfo);  // "MemAvailable: N kB"
std::optional<std::string> cgroup_v2_path(const std::string& proc_self_cgroup);  // the "0::PATH" line
std::optional<std::string> cgroup_v1_memory_path(const std::string& proc_self_cgroup);  // "N:memory:PATH"

}  // namespace pneumo
