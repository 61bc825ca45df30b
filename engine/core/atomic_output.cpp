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
#include <vector>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/interrupt_cleanup.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::atomic<unsigned> temporary_counter{0};

}  // namespace

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

bool process_gone(long pid) { return pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH; }

namespace {

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
    if (process_gone(pid)) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

}  // namespace

void fsync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), (directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY) | O_CLOEXEC);
  if (fd < 0) {
    if (directory) return;  // a folder that cannot be opened for reading: nothing to flush through it
    throw IoError("could not flush " + path + " to disk: " + std::strerror(errno));
  }
  int rc = ::fsync(fd);
  while (rc != 0 && errno == EINTR) rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  // Some file systems cannot flush a folder (EINVAL): the renames in it are as durable as they can be made.
  if (rc != 0 && !(directory && (err == EINVAL || err == ENOTSUP))) {
    throw IoError("could not flush " + path + " to disk: " + std::strerror(err));
  }
}

void ensure_parent_folder(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  if (parent.empty()) return;
  ensure_folder(parent.string());
}

void ensure_folder(const std::string& folder) {
  const fs::path target(folder);
  // The folders this creates, outermost first: registered, so a failed or interrupted command removes them
  // again when they are still empty.
  std::vector<fs::path> created;
  std::error_code ec;
  for (fs::path p = target; !p.empty() && !fs::exists(fs::symlink_status(p, ec)); p = p.parent_path()) {
    created.insert(created.begin(), p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(target, ec);
  if (ec || !fs::is_directory(target)) {
    throw IoError("cannot create output folder " + folder + ": " + (ec ? ec.message() : "not a folder"));
  }
  for (const auto& p : created) register_temporary(p.string(), TemporaryKind::EmptyFolder);
}

void check_output_writable(const std::string& path) {
  ensure_parent_folder(path);
  if (fs::is_directory(path)) throw IoError("cannot write " + path + ": it is a folder");
  AtomicOutput probe(path);
  std::FILE* file = std::fopen(probe.temporary_path().c_str(), "wb");
  if (!file) throw IoError("cannot write in the folder of " + path + ": " + std::strerror(errno));
  std::fclose(file);
}  // the probe's destructor removes the temporary

void remove_stale_temporaries_in(const std::string& folder) {
  const std::string marker = ".tmp-" + host_name() + "-";
  std::error_code ec;
  for (fs::directory_iterator it(folder.empty() ? "." : folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto at = name.rfind(marker);
    if (name.empty() || name.front() != '.' || at == std::string::npos) continue;
    const long pid = std::strtol(name.c_str() + at + marker.size(), nullptr, 10);
    if (process_gone(pid)) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
  }
}

AtomicOutput::AtomicOutput(std::string final_path) : final_(std::move(final_path)) {
  const fs::path target(final_);
  remove_stale_temporaries(target);
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "." + std::string.
  std::string name(1, '.');
  name += target.filename().string();
  name += ".tmp-" + host_name() + "-" + std::to_string(::getpid()) + "-" + std::to_string(temporary_counter.fetch_add(1));
  temporary_ = (target.parent_path() / name).string();
  register_temporary(temporary_, TemporaryKind::File);
}

AtomicOutput::~AtomicOutput() {
  if (!committed_) std::remove(temporary_.c_str());
  unregister_temporary(temporary_);
}

void AtomicOutput::commit() {
  try {
    fsync_path(temporary_, false);
  } catch (const IoError& error) {
    throw IoError("cannot write " + final_ + ": " + error.what());
  }
  {
    const auto lock = hold_commit_lock();  // an interruption waits for the rename
    if (std::rename(temporary_.c_str(), final_.c_str()) != 0) {
      const int err = errno;
      throw IoError("could not move the finished output into place as " + final_ + ": " + std::strerror(err));
    }
    committed_ = true;
    unregister_temporary(temporary_);
  }
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
