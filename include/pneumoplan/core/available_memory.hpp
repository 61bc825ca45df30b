// How much memory this process can still use: the least of the kernel's MemAvailable (free memory plus what
// caches would give back, without swap), the room left under this process's control-group limit (cgroup v2
// memory.max and v1 memory.limit_in_bytes, up the hierarchy), as in a container or a Slurm job, and the room
// left under its resource limits on address space (ulimit -v) and data (ulimit -d).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pneumo {

struct AvailableMemory {
  std::uint64_t bytes = 0;
  std::string source;  // "MemAvailable", "cgroup limit", "ulimit -v" or "ulimit -d"
};

// nullopt where none of these can be read (then nothing is refused).
std::optional<AvailableMemory> available_memory();

// The pieces, on text already read (for tests).
std::optional<std::uint64_t> parse_mem_available(const std::string& meminfo);  // "MemAvailable: N kB"
std::optional<std::string> cgroup_v2_path(const std::string& proc_self_cgroup);  // the "0::PATH" line
std::optional<std::string> cgroup_v1_memory_path(const std::string& proc_self_cgroup);  // "N:memory:PATH"

}  // namespace pneumo
