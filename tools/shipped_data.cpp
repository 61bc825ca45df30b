#include "shipped_data.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <vector>

namespace pneumo::cli {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> candidates() {
  std::vector<fs::path> folders;
  if (const char* env = std::getenv("PNEUMOPLAN_DATA_DIR"); env && *env) folders.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (!ec) folders.push_back((exe.parent_path() / PNEUMO_DATA_FROM_BINDIR).lexically_normal());
#ifdef PNEUMO_SOURCE_DATA_DIR
  folders.emplace_back(PNEUMO_SOURCE_DATA_DIR);
#endif
  return folders;
}

bool present(const fs::path& path) {
  std::error_code ec;
  return fs::exists(path, ec);
}

}  // namespace

std::optional<std::string> shipped_data_folder() {
  for (const auto& folder : candidates()) {
    std::error_code ec;
    if (fs::is_directory(folder / "scenarios", ec)) return folder.string();
  }
  return std::nullopt;
}

std::string shipped_data_candidates() {
  std::string text;
  for (const auto& folder : candidates()) text += (text.empty() ? "" : ", ") + folder.string();
  return text;
}

std::string resolve_input_path(const std::string& given) {
  const fs::path path(given);
  if (given.empty() || present(path) || path.is_absolute()) return given;
  if (const auto folder = shipped_data_folder()) {
    for (const fs::path& base : {fs::path(*folder), fs::path(*folder) / "scenarios"}) {
      if (present(base / path)) return (base / path).lexically_normal().string();
    }
  }
  return given;
}

std::string default_output_root() {
  if (::access(".", W_OK) == 0) return "output";
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) return (fs::path(xdg) / "pneumoplan" / "output").string();
  if (home && *home) return (fs::path(home) / ".local" / "share" / "pneumoplan" / "output").string();
  return "output";  // nowhere better: the write fails with a clear message
}

}  // namespace pneumo::cli
