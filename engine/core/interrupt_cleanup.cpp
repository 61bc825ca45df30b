#include "pneumoplan/core/interrupt_cleanup.hpp"

#include <unistd.h>

#include <filesystem>
#include <vector>

namespace pneumo {
namespace {

namespace fs = std::filesystem;

struct Entry {
  std::string path;
  TemporaryKind kind;
};

std::mutex& registry_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<Entry>& registry() {
  static std::vector<Entry> entries;
  return entries;
}

std::recursive_mutex& commit_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}

}  // namespace

void register_temporary(const std::string& path, TemporaryKind kind) {
  std::lock_guard lock(registry_mutex());
  registry().push_back({path, kind});
}

void unregister_temporary(const std::string& path) {
  std::lock_guard lock(registry_mutex());
  auto& entries = registry();
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (it->path == path) {
      entries.erase(std::next(it).base());
      return;
    }
  }
}

std::unique_lock<std::recursive_mutex> hold_commit_lock() { return std::unique_lock(commit_mutex()); }

void remove_registered_temporaries() {
  std::lock_guard commit(commit_mutex());
  std::lock_guard lock(registry_mutex());
  auto& entries = registry();
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    std::error_code ec;
    switch (it->kind) {
      case TemporaryKind::File:
        ::unlink(it->path.c_str());
        break;
      case TemporaryKind::Tree:
        // A child process (gnuplot) may still add a file while the folder is removed: try again.
        for (int attempt = 0; attempt < 3 && fs::exists(it->path, ec); ++attempt) fs::remove_all(it->path, ec);
        break;
      case TemporaryKind::EmptyFolder:
        ::rmdir(it->path.c_str());  // fails, as it should, unless the folder is empty
        break;
    }
  }
  entries.clear();
}

}  // namespace pneumo
