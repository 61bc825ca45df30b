#include "pneumoplan/core/command_paths.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::string named(const std::string& option, const std::string& path) {
  return (option.empty() ? std::string("output ") : option + " ") + path;
}

// What kind of thing that is not a regular file `info` describes, or "".
std::string special_kind(const struct stat& info) {
  if (S_ISDIR(info.st_mode)) return "a folder";
  if (S_ISCHR(info.st_mode)) return "a character device";
  if (S_ISBLK(info.st_mode)) return "a block device";
  if (S_ISFIFO(info.st_mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(info.st_mode)) return "a socket";
  return "";
}

bool ends_like_folder(const std::string& path) {
  if (path.back() == '/') return true;
  const std::string name = fs::path(path).filename().string();
  return name == "." || name == "..";
}

}  // namespace

void CommandPaths::input(const std::string& path, const std::string& what) { inputs_.push_back({path, what}); }

void CommandPaths::inputs_in_folder(const std::string& folder, const std::vector<std::string>& names,
                                    const std::string& what) {
  for (const auto& name : names) input((fs::path(folder) / name).string(), what + " " + name);
}

void CommandPaths::output(const std::string& path, const std::string& option) { outputs_.push_back({path, option, false}); }

void CommandPaths::output_folder(const std::string& path, const std::string& option) {
  outputs_.push_back({path, option, true});
}

void CommandPaths::check() const {
  std::vector<std::string> seen;  // outputs, by absolute path
  for (const auto& out : outputs_) {
    if (out.path.empty()) throw UsageError(named(out.option, "''") + ": expected a path, found an empty one");
    if (out.path.find('\0') != std::string::npos || out.path.find('\n') != std::string::npos) {
      throw UsageError(named(out.option, quote_value(out.path)) + ": expected a path without control characters");
    }
    if (!out.folder && ends_like_folder(out.path)) {
      throw UsageError(named(out.option, out.path) + ": expected a file name, found a folder path");
    }
    struct stat info {};
    if (::stat(out.path.c_str(), &info) == 0) {
      const std::string kind = special_kind(info);
      if (out.folder && !S_ISDIR(info.st_mode)) {
        throw UsageError(named(out.option, out.path) + ": expected a folder for the outputs, found " +
                         (kind.empty() ? std::string("a file") : kind));
      }
      if (!out.folder && !kind.empty()) {
        throw UsageError(named(out.option, out.path) + ": expected a file to write, found " + kind +
                         (S_ISDIR(info.st_mode) ? std::string() : std::string(" (it would be replaced by a regular file)")));
      }
      for (const auto& in : inputs_) {
        struct stat input_info {};
        if (::stat(in.path.c_str(), &input_info) != 0) continue;
        if (input_info.st_dev == info.st_dev && input_info.st_ino == info.st_ino) {
          throw UsageError(named(out.option, out.path) + ": is the input " + in.path + " (" + in.what +
                           "); writing it would destroy that input: choose another output path");
        }
      }
    }  // else it does not exist yet (or cannot be reached: its writer reports why)
    const std::string absolute = fs::absolute(out.path).lexically_normal().string();
    for (std::size_t k = 0; k < seen.size(); ++k) {
      if (seen[k] == absolute) {
        throw UsageError(named(out.option, out.path) + ": is also " + named(outputs_[k].option, outputs_[k].path) +
                         "; expected different paths for different outputs");
      }
    }
    seen.push_back(absolute);
  }
}

}  // namespace pneumo
