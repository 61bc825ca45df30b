#include "pneumoplan/core/atomic_output.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "pneumoplan/core/error.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::atomic<unsigned> temporary_counter{0};

// This machine's name as it appears in temporary names: letters, digits, '-' and '_' only.
std::string host_name() {
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof buffer - 1) != 0) return "host";
  std::string name;
  for (const char* c = buffer; *c; ++c) {
    const bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_';
    name += plain ? *c : '_';
  }
  return name.empty() ? "host" : name;
}

// Removes temporaries of `final_path` left by processes of this machine that no longer exist (killed
// while writing): ".NAME.tmp-HOST-PID-N" with PID gone. Temporaries of live processes, and of other
// machines sharing the folder, are left alone.
void remove_stale_temporaries(const fs::path& final_path) {
  const fs::path folder = final_path.parent_path().empty() ? fs::path(".") : final_path.parent_path();
  std::string prefix(1, '.');  // appended piece by piece: see the -Wrestrict note below
  prefix += final_path.filename().string();
  prefix += ".tmp-";
  prefix += host_name();
  prefix += '-';
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

void fsync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) return;  // best effort for folders on filesystems that refuse it
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0 && !directory) throw IoError("could not flush " + path + " to disk: " + std::strerror(err));
}

}  // namespace

void ensure_parent_folder(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec || !fs::is_directory(parent)) {
    throw IoError("cannot create output folder " + parent.string() + ": " + (ec ? ec.message() : "not a folder"));
  }
}

void check_output_writable(const std::string& path) {
  ensure_parent_folder(path);
  if (fs::is_directory(path)) throw IoError("cannot write " + path + ": it is a folder");
  AtomicOutput probe(path);
  std::FILE* file = std::fopen(probe.temporary_path().c_str(), "wb");
  if (!file) throw IoError("cannot write in the folder of " + path + ": " + std::strerror(errno));
  std::fclose(file);
}  // the probe's destructor removes the temporary

AtomicOutput::AtomicOutput(std::string final_path) : final_(std::move(final_path)) {
  const fs::path target(final_);
  remove_stale_temporaries(target);
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "." + std::string.
  std::string name(1, '.');
  name += target.filename().string();
  name += ".tmp-" + host_name() + "-" + std::to_string(::getpid()) + "-" + std::to_string(temporary_counter.fetch_add(1));
  temporary_ = (target.parent_path() / name).string();
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) std::remove(temporary_.c_str());
}

void AtomicOutput::commit() {
  fsync_path(temporary_, false);
  if (std::rename(temporary_.c_str(), final_.c_str()) != 0) {
    const int err = errno;
    throw IoError("could not move the finished output into place as " + final_ + ": " + std::strerror(err));
  }
  committed_ = true;
  const fs::path parent = fs::path(final_).parent_path();
  fsync_path(parent.empty() ? "." : parent.string(), true);
}

void write_text_atomically(const std::string& path, const std::string& contents) {
  ensure_parent_folder(path);
  AtomicOutput output(path);
  std::FILE* file = std::fopen(output.temporary_path().c_str(), "wb");
  if (!file) throw IoError("cannot write " + path + ": " + std::strerror(errno));
  const std::size_t written = std::fwrite(contents.data(), 1, contents.size(), file);
  const bool flushed = std::fflush(file) == 0;
  int err = errno;
  const bool closed = std::fclose(file) == 0;
  if (flushed && !closed) err = errno;
  if (written != contents.size() || !flushed || !closed) throw IoError("cannot write " + path + ": " + std::strerror(err));
  output.commit();
}

}  // namespace pneumo
