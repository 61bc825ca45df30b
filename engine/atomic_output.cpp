#include "pneumoplan/atomic_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "pneumoplan/error.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::atomic<unsigned> temporary_counter{0};

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
  // Built by appending: GCC 12 warns falsely (-Wrestrict) about "." + std::string.
  std::string name(1, '.');
  name += target.filename().string();
  name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temporary_counter.fetch_add(1));
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
  const int err = errno;
  std::fclose(file);
  if (written != contents.size() || !flushed) throw IoError("cannot write " + path + ": " + std::strerror(err));
  output.commit();
}

}  // namespace pneumo
