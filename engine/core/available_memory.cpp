#include "pneumoplan/core/available_memory.hpp"

#include <sys/resource.h>

#include <fstream>
#include <sstream>

namespace pneumo {
namespace {

std::optional<std::string> read_small_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A limit file holds a byte count, or "max" (v2) or a huge number (v1) for no limit.
std::optional<std::uint64_t> read_bytes(const std::string& path) {
  const auto text = read_small_file(path);
  if (!text) return std::nullopt;
  std::istringstream in(*text);
  std::uint64_t value = 0;
  if (!(in >> value)) return std::nullopt;  // "max"
  if (value >= (std::uint64_t{1} << 62)) return std::nullopt;
  return value;
}

// The least room left under the limits of `path` and every control group above it.
std::optional<std::uint64_t> cgroup_room(const std::string& root, std::string path, const char* limit_file,
                                         const char* usage_file) {
  std::optional<std::uint64_t> room;
  while (true) {
    const std::string folder = root + (path == "/" ? "" : path);
    const auto limit = read_bytes(folder + "/" + limit_file);
    if (limit) {
      const std::uint64_t used = read_bytes(folder + "/" + usage_file).value_or(0);
      const std::uint64_t left = used < *limit ? *limit - used : 0;
      room = room ? std::min(*room, left) : left;
    }
    if (path.empty() || path == "/") break;
    const auto slash = path.rfind('/');
    path = slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
  }
  return room;
}

std::optional<std::string> line_path(const std::string& cgroup, const std::string& prefix_match,
                                     bool (*matches)(const std::string& controllers)) {
  std::istringstream in(cgroup);
  std::string line;
  while (std::getline(in, line)) {
    // "hierarchy-ID:controller-list:path"
    const auto first = line.find(':');
    const auto second = first == std::string::npos ? std::string::npos : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    if (!prefix_match.empty() && line.compare(0, first, prefix_match) != 0) continue;
    if (matches(line.substr(first + 1, second - first - 1))) return line.substr(second + 1);
  }
  return std::nullopt;
}

// "VmSize:   123 kB" of /proc/self/status, in bytes.
std::optional<std::uint64_t> status_field(const std::string& status, const std::string& field) {
  std::istringstream in(status);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) != 0) continue;
    std::istringstream fields(line.substr(field.size() + 1));
    std::uint64_t kib = 0;
    if (fields >> kib) return kib * 1024;
  }
  return std::nullopt;
}

// Room left under a resource limit on this process's address space (ulimit -v) or data (ulimit -d): the
// limit less what the process already uses of it.
std::optional<std::uint64_t> rlimit_room(int resource, const char* status_key) {
  struct rlimit limit {};
  if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return std::nullopt;
  const auto status = read_small_file("/proc/self/status");
  const std::uint64_t used = status ? status_field(*status, status_key).value_or(0) : 0;
  const auto cap = static_cast<std::uint64_t>(limit.rlim_cur);
  return used < cap ? cap - used : 0;
}

}  // namespace

std::optional<std::uint64_t> parse_mem_available(const std::string& meminfo) {
  std::istringstream in(meminfo);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("MemAvailable:", 0) != 0) continue;
    std::istringstream fields(line.substr(13));
    std::uint64_t kib = 0;
    if (fields >> kib) return kib * 1024;
  }
  return std::nullopt;
}

std::optional<std::string> cgroup_v2_path(const std::string& proc_self_cgroup) {
  return line_path(proc_self_cgroup, "0", [](const std::string& controllers) { return controllers.empty(); });
}

std::optional<std::string> cgroup_v1_memory_path(const std::string& proc_self_cgroup) {
  return line_path(proc_self_cgroup, "", [](const std::string& controllers) {
    std::istringstream in(controllers);
    std::string controller;
    while (std::getline(in, controller, ',')) {
      if (controller == "memory") return true;
    }
    return false;
  });
}

std::optional<AvailableMemory> available_memory() {
  std::optional<AvailableMemory> best;
  const auto consider = [&best](std::optional<std::uint64_t> bytes, const char* source) {
    if (bytes && (!best || *bytes < best->bytes)) best = AvailableMemory{*bytes, source};
  };
  if (const auto meminfo = read_small_file("/proc/meminfo")) consider(parse_mem_available(*meminfo), "MemAvailable");
  consider(rlimit_room(RLIMIT_AS, "VmSize"), "ulimit -v");
  consider(rlimit_room(RLIMIT_DATA, "VmData"), "ulimit -d");
  if (const auto cgroup = read_small_file("/proc/self/cgroup")) {
    // Both kinds can be mounted at once (v2 under unified/ in "hybrid" systems); a folder that does not
    // exist, as when a container shows the host's path, is skipped on the way up.
    if (const auto path = cgroup_v2_path(*cgroup)) {
      for (const char* root : {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"}) {
        consider(cgroup_room(root, *path, "memory.max", "memory.current"), "cgroup limit");
      }
    }
    if (const auto path = cgroup_v1_memory_path(*cgroup)) {
      consider(cgroup_room("/sys/fs/cgroup/memory", *path, "memory.limit_in_bytes", "memory.usage_in_bytes"),
               "cgroup limit");
    }
  }
  return best;
}

}  // namespace pneumo
