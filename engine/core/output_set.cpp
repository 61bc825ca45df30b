#include "pneumoplan/core/output_set.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>
#include <optional>
#include <stdexcept>
#include <thread>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/fnv1a.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/interrupt_cleanup.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

constexpr const char* kManifestMagic = "pneumoplan output set 1";
std::atomic<unsigned> set_counter{0};

std::string error_text(int err) { return std::strerror(err); }

struct Digest {
  std::uint64_t size = 0;
  std::uint64_t fnv = 0xcbf29ce484222325ULL;
};

Digest digest_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError("cannot read " + path + ": " + error_text(errno));
  Digest d;
  char block[65536];
  while (true) {
    const ssize_t got = ::read(fd, block, sizeof block);
    if (got == 0) break;
    if (got < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw IoError("cannot read " + path + ": " + error_text(err));
    }
    d.fnv = fnv1a(block, static_cast<std::size_t>(got), d.fnv);
    d.size += static_cast<std::uint64_t>(got);
  }
  ::close(fd);
  return d;
}

bool present(const std::string& path) {
  struct stat info {};
  return ::lstat(path.c_str(), &info) == 0;
}

// Member paths in the manifest: bytes other than letters, digits and ._/- as %HH, so a name with spaces or
// newlines stays one field of one line.
std::string encode(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                       c == '_' || c == '/' || c == '-';
    if (plain) {
      out += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += hex;
    }
  }
  return out;
}

std::optional<std::string> decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    unsigned value = 0;
    if (std::sscanf(text.substr(i + 1, 2).c_str(), "%2x", &value) != 1) return std::nullopt;
    out += static_cast<char>(value);
    i += 2;
  }
  return out;
}

// A member as the manifest records it.
struct Entry {
  std::string rel;
  bool remove = false;    // an earlier output the new set lacks
  bool had_old = false;   // an earlier output existed under the final name (backed up in old/)
  bool old_moved = false; // the backup could not be a hard link: the earlier file is moved away at step 3
  Digest digest;          // of the new file
};

std::string manifest_text(const std::vector<Entry>& entries) {
  std::ostringstream out;
  out << kManifestMagic << "\n";
  for (const auto& e : entries) {
    if (e.remove) {
      out << "remove " << encode(e.rel) << "\n";
    } else {
      char line[96];
      std::snprintf(line, sizeof line, "replace %d %d %" PRIu64 " %016" PRIx64 " ", e.had_old ? 1 : 0,
                    e.old_moved ? 1 : 0, e.digest.size, e.digest.fnv);
      out << line << encode(e.rel) << "\n";
    }
  }
  const std::string body = out.str();
  char sum[40];
  std::snprintf(sum, sizeof sum, "checksum %016" PRIx64 "\n", fnv1a(body.data(), body.size()));
  return body + sum;
}

// The manifest of a committed set, or an IoError naming it when it is damaged.
std::vector<Entry> read_manifest(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw IoError("cannot read " + path + ": " + error_text(errno));
  std::string bytes;
  char block[4096];
  ssize_t got;
  while ((got = ::read(fd, block, sizeof block)) > 0) bytes.append(block, static_cast<std::size_t>(got));
  ::close(fd);
  const auto damaged = [&] { return IoError(path + ": damaged manifest of an interrupted output set"); };
  const auto sum_at = bytes.rfind("checksum ");
  if (got < 0 || sum_at == std::string::npos) throw damaged();
  char expected[40];
  std::snprintf(expected, sizeof expected, "checksum %016" PRIx64 "\n", fnv1a(bytes.data(), sum_at));
  if (bytes.compare(sum_at, std::string::npos, expected) != 0) throw damaged();
  std::istringstream lines(bytes.substr(0, sum_at));
  std::string line;
  if (!std::getline(lines, line) || line != kManifestMagic) throw damaged();
  std::vector<Entry> entries;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string kind, rel;
    Entry e;
    fields >> kind;
    if (kind == "remove") {
      e.remove = true;
      fields >> rel;
    } else if (kind == "replace") {
      int had = 0, moved = 0;
      std::string fnv;
      fields >> had >> moved >> e.digest.size >> fnv >> rel;
      e.had_old = had == 1;
      e.old_moved = moved == 1;
      if (std::sscanf(fnv.c_str(), "%16" SCNx64, &e.digest.fnv) != 1) throw damaged();
    } else {
      throw damaged();
    }
    const auto decoded = decode(rel);
    if (!fields || !decoded || decoded->empty() || decoded->front() == '/' || decoded->find("..") != std::string::npos) {
      throw damaged();
    }
    e.rel = *decoded;
    entries.push_back(std::move(e));
  }
  return entries;
}

void write_manifest(const std::string& staging, const std::vector<Entry>& entries) {
  const std::string text = manifest_text(entries);
  const std::string temporary = staging + "/MANIFEST.tmp", final = staging + "/MANIFEST";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError("cannot write " + temporary + ": " + error_text(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t put = ::write(fd, text.data() + done, text.size() - done);
    if (put < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw IoError("cannot write " + temporary + ": " + error_text(err));
    }
    done += static_cast<std::size_t>(put);
  }
  int rc = ::fsync(fd);
  const int sync_error = errno;
  if (::close(fd) != 0 && rc == 0) rc = -1;
  if (rc != 0) throw IoError("could not flush " + temporary + " to disk: " + error_text(sync_error));
  if (::rename(temporary.c_str(), final.c_str()) != 0) throw IoError("cannot write " + final + ": " + error_text(errno));
  fsync_path(staging, true);
}

// Every file below `root`, as paths relative to it, sorted: the fixed order in which members move. Names of
// temporaries (".NAME.tmp-...") are not members.
std::vector<std::string> member_files(const std::string& root) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const auto status = it->symlink_status(ec);
    if (ec || fs::is_directory(status)) continue;
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.' && name.find(".tmp-") != std::string::npos) continue;
    files.push_back(fs::path(it->path()).lexically_relative(root).string());
  }
  if (ec) throw IoError("cannot list " + root + ": " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

// Folders of `root` (itself included), deepest first, for flushing after their files.
std::vector<std::string> folders_below(const std::string& root) {
  std::vector<std::string> folders{root};
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec)) folders.push_back(it->path().string());
  }
  std::sort(folders.begin(), folders.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return folders;
}

std::string join(const std::string& folder, const std::string& rel) { return (fs::path(folder) / rel).string(); }

void make_parent(const std::string& path) {
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) throw IoError("cannot create folder " + fs::path(path).parent_path().string() + ": " + ec.message());
}

// Step 3 for one entry: the new file into place, or the earlier one removed.
void move_into_place(const std::string& folder, const std::string& staging, const Entry& e) {
  const std::string final = join(folder, e.rel);
  if (e.remove) {
    if (::unlink(final.c_str()) != 0 && errno != ENOENT) throw IoError("cannot remove " + final + ": " + error_text(errno));
    return;
  }
  if (e.old_moved && present(final)) {
    const std::string backup = join(staging + "/old", e.rel);
    if (::rename(final.c_str(), backup.c_str()) != 0) {
      throw IoError("cannot move " + final + " aside: " + error_text(errno));
    }
  }
  const std::string staged = join(staging + "/new", e.rel);
  if (::rename(staged.c_str(), final.c_str()) != 0) {
    throw IoError("could not move the finished output into place as " + final + ": " + error_text(errno));
  }
}

// Undoes step 3 for one entry (the live process after an I/O error). The new file goes back to new/ first,
// so that, should undoing stop half-way, the manifest can still complete the new set instead.
void move_back(const std::string& folder, const std::string& staging, const Entry& e) {
  const std::string final = join(folder, e.rel);
  const std::string staged = join(staging + "/new", e.rel), backup = join(staging + "/old", e.rel);
  if (e.remove) {
    // A link, not a rename: the backup stays, so completing the set later still recognises the file to remove.
    if (::link(backup.c_str(), final.c_str()) != 0 && errno != EEXIST) {
      throw IoError("cannot restore " + final + ": " + error_text(errno));
    }
    return;
  }
  if (!present(staged)) {
    if (e.had_old && !e.old_moved) {
      if (::link(final.c_str(), staged.c_str()) != 0) throw IoError("cannot restore " + final + ": " + error_text(errno));
    } else if (::rename(final.c_str(), staged.c_str()) != 0) {
      throw IoError("cannot restore " + final + ": " + error_text(errno));
    }
  }
  if (e.had_old && present(backup) && ::rename(backup.c_str(), final.c_str()) != 0) {
    throw IoError("cannot restore " + final + ": " + error_text(errno));
  }
}

void flush_parents(const std::string& folder, const std::vector<Entry>& entries) {
  std::set<std::string> parents;
  for (const auto& e : entries) parents.insert(fs::path(join(folder, e.rel)).parent_path().string());
  for (const auto& p : parents) fsync_path(p.empty() ? "." : p, true);
}

void remove_tree(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
}

// An exclusive lock on the destination folder while a set moves into place (flock; released by the kernel
// when its holder dies): two commands writing the same set one after the other cannot interleave their renames.
class FolderLock {
 public:
  explicit FolderLock(const std::string& folder) : fd_(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
    if (fd_ < 0) return;  // a folder that cannot be opened cannot be locked: the renames still are atomic one by one
    while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
    }
  }
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int fd_;
};

// The owner of a staging folder ".pneumoplan-set-HOST-PID-N": its host and process.
struct Owner {
  std::string host;
  long pid = 0;
};

std::optional<Owner> owner_of(const std::string& name) {
  const std::string prefix = kOutputSetPrefix;
  if (name.rfind(prefix, 0) != 0) return std::nullopt;
  const auto last = name.rfind('-');
  const auto before = last == std::string::npos || last == 0 ? std::string::npos : name.rfind('-', last - 1);
  if (before == std::string::npos || before < prefix.size()) return std::nullopt;
  Owner o;
  o.host = name.substr(prefix.size(), before - prefix.size());
  o.pid = std::strtol(name.c_str() + before + 1, nullptr, 10);
  if (o.host.empty() || o.pid <= 0) return std::nullopt;
  return o;
}

// Rolls a committed set forward: every staged member still in new/ into place, removals done, then the
// staging folder removed.
void complete(const std::string& folder, const std::string& staging) {
  const FolderLock folder_lock(folder);
  if (!present(staging + "/MANIFEST")) return;  // completed by another process while this one waited
  const std::vector<Entry> entries = read_manifest(staging + "/MANIFEST");
  for (const auto& e : entries) {
    const std::string final = join(folder, e.rel);
    if (e.remove) {
      struct stat now {}, old {};
      const std::string backup = join(staging + "/old", e.rel);
      if (::lstat(final.c_str(), &now) == 0 && ::lstat(backup.c_str(), &old) == 0 && now.st_ino == old.st_ino &&
          now.st_dev == old.st_dev && ::unlink(final.c_str()) != 0) {
        throw IoError("cannot remove " + final + ": " + error_text(errno));
      }
      continue;
    }
    const std::string staged = join(staging + "/new", e.rel);
    if (!present(staged)) continue;  // moved before the interruption
    const Digest d = digest_file(staged);
    if (d.size != e.digest.size || d.fnv != e.digest.fnv) {
      throw IoError(staged + ": a member of an interrupted output set changed after it was written");
    }
    make_parent(final);
    if (::rename(staged.c_str(), final.c_str()) != 0) {
      if (errno == ENOENT && !present(staged)) continue;  // another process completed it meanwhile
      throw IoError("cannot move " + staged + " into place as " + final + ": " + error_text(errno));
    }
  }
  flush_parents(folder, entries);
  remove_tree(staging);
}

}  // namespace

OutputSet::OutputSet(std::string folder) : folder_(std::move(folder)) {
  const std::string where = folder_.empty() ? "." : folder_;
  ensure_folder(where);
  settle_output_sets(where);
  staging_ = join(where, std::string(kOutputSetPrefix) + host_name() + "-" + std::to_string(::getpid()) + "-" +
                             std::to_string(set_counter.fetch_add(1)));
  register_temporary(staging_, TemporaryKind::Tree);
  std::error_code ec;
  fs::create_directories(staging_ + "/new", ec);
  if (ec) throw IoError("cannot write in the folder " + where + ": " + ec.message());
}

OutputSet::~OutputSet() {
  if (!committed_) remove_tree(staging_);
  unregister_temporary(staging_);
}

namespace {

// `final_path` relative to `folder`, or empty when it is not inside it.
fs::path path_in_folder(const std::string& folder, const std::string& final_path) {
  const fs::path base = fs::absolute(folder.empty() ? "." : folder).lexically_normal();
  const fs::path rel = fs::absolute(final_path).lexically_normal().lexically_relative(base);
  if (rel.empty() || rel.string() == "." || rel.begin()->string() == "..") return {};
  return rel;
}

}  // namespace

bool OutputSet::contains(const std::string& final_path) const { return !path_in_folder(folder_, final_path).empty(); }

std::string OutputSet::relative(const std::string& final_path) const {
  const fs::path rel = path_in_folder(folder_, final_path);
  if (rel.empty()) throw std::logic_error("output " + final_path + " is not inside the folder " + folder_ + " of its set");
  return rel.string();
}

std::string OutputSet::stage(const std::string& final_path) {
  const std::string staged = join(staging_ + "/new", relative(final_path));
  make_parent(staged);
  return staged;
}

std::string OutputSet::stage_folder(const std::string& final_folder) {
  const fs::path base = fs::absolute(folder_.empty() ? "." : folder_).lexically_normal();
  const fs::path rel = fs::absolute(final_folder).lexically_normal().lexically_relative(base);
  std::string staged = staging_ + "/new";
  if (!rel.empty() && rel.string() != "." && rel.string() != "./") staged = join(staged, relative(final_folder));
  std::error_code ec;
  fs::create_directories(staged, ec);
  if (ec) throw IoError("cannot create folder " + staged + ": " + ec.message());
  return staged;
}

void OutputSet::remove_on_commit(const std::string& final_path) { removals_.push_back(relative(final_path)); }

std::string OutputSet::final_names(const std::string& message) const {
  const std::string staged = staging_ + "/new/";
  const std::string shown = folder_.empty() || folder_ == "." ? std::string() : (fs::path(folder_) / "").string();
  std::string out = message;
  for (std::size_t at = out.find(staged); at != std::string::npos; at = out.find(staged, at + shown.size())) {
    out.replace(at, staged.size(), shown);
  }
  return out;
}

void OutputSet::commit() {
  const std::string folder = folder_.empty() ? "." : folder_;
  const std::string fresh = staging_ + "/new", old = staging_ + "/old";
  std::vector<Entry> entries;
  for (auto& rel : member_files(fresh)) {
    Entry e;
    e.rel = std::move(rel);
    e.digest = digest_file(join(fresh, e.rel));
    entries.push_back(std::move(e));
  }
  for (const auto& rel : removals_) {
    const bool replaced = std::any_of(entries.begin(), entries.end(), [&](const Entry& e) { return e.rel == rel; });
    if (!replaced && present(join(folder, rel))) entries.push_back({rel, true, true, false, {}});
  }
  // 0. The new files are on disk before anything of the earlier set is touched.
  for (const auto& e : entries) {
    if (!e.remove) fsync_path(join(fresh, e.rel), false);
  }
  for (const auto& f : folders_below(fresh)) fsync_path(f, true);

  const auto lock = hold_commit_lock();  // an interruption now waits until the set is in place
  const FolderLock folder_lock(folder);   // and another set of the same folder waits its turn
  // 1. Backups of the earlier outputs, and the folders the new ones go into.
  for (auto& e : entries) {
    const std::string final = join(folder, e.rel);
    if (!e.remove) {
      const auto parent = fs::path(final).parent_path();
      if (!parent.empty()) ensure_folder(parent.string());
    }
    if (!present(final)) continue;
    std::error_code ec;
    if (fs::is_directory(fs::symlink_status(final, ec))) {
      throw IoError("cannot write " + final + ": a folder is in the way");
    }
    e.had_old = true;
    const std::string backup = join(old, e.rel);
    make_parent(backup);
    if (::link(final.c_str(), backup.c_str()) != 0) {
      // No hard links here (some network and FAT file systems): the earlier file is moved aside at step 3.
      if (e.remove) throw IoError("cannot keep a copy of " + final + " while it is replaced: " + error_text(errno));
      e.old_moved = true;
    }
  }
  if (present(old)) {
    for (const auto& f : folders_below(old)) fsync_path(f, true);
  }
  // 2. The commit point.
  write_manifest(staging_, entries);
  // 3. and 4. Into place; on failure, the earlier set is put back.
  std::size_t moved = 0;
  try {
    for (; moved < entries.size(); ++moved) move_into_place(folder, staging_, entries[moved]);
    flush_parents(folder, entries);
  } catch (const IoError& error) {
    try {
      for (std::size_t k = std::min(moved + 1, entries.size()); k-- > 0;) move_back(folder, staging_, entries[k]);
      ::unlink((staging_ + "/MANIFEST").c_str());
      flush_parents(folder, entries);
    } catch (const IoError& undo) {
      // The manifest stays: the next command in the folder completes the new set. Unregistered while the
      // commit lock is held, so an interruption cannot remove it.
      committed_ = true;
      unregister_temporary(staging_);
      throw IoError(std::string(error.what()) + "; putting the earlier outputs back failed too (" + undo.what() +
                    "): the next pneumoplan command reading or writing " + folder + " completes the new outputs");
    }
    throw;
  }
  committed_ = true;
  remove_tree(staging_);
}

void settle_output_sets(const std::string& folder_path) {
  const std::string folder = folder_path.empty() ? "." : folder_path;
  std::error_code ec;
  std::vector<std::string> pending;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(kOutputSetPrefix, 0) == 0) pending.push_back(name);
  }
  remove_stale_temporaries_in(folder);  // of writers killed before their outputs were complete
  const std::string me = host_name();
  for (const auto& name : pending) {
    const std::string staging = join(folder, name);
    const auto owner = owner_of(name);
    if (!owner || (owner->host == me && owner->pid == ::getpid())) continue;
    const bool committed = present(staging + "/MANIFEST");
    const bool here = owner->host == me;
    if (!committed) {
      if (here && process_gone(owner->pid)) remove_tree(staging);  // abandoned before its commit point
      continue;
    }
    if (here && !process_gone(owner->pid)) {
      // A live process is moving its set into place: that takes milliseconds.
      for (int wait = 0; wait < 600 && present(staging); ++wait) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (!present(staging)) continue;
      throw IoError(folder + ": process " + std::to_string(owner->pid) + " has been moving its outputs into place for " +
                    "30 s (" + staging + "); try again when it has finished");
    }
    if (!here) {
      struct stat info {};
      const bool recent = ::stat((staging + "/MANIFEST").c_str(), &info) == 0 &&
                          std::chrono::system_clock::now() - std::chrono::system_clock::from_time_t(info.st_mtime) <
                              std::chrono::seconds(60);
      if (recent) {
        throw IoError(folder + ": machine " + owner->host + " is moving its outputs into place (" + staging +
                      "); try again in a minute");
      }
    }
    try {
      complete(folder, staging);
    } catch (const IoError& error) {
      throw IoError(folder + ": an interrupted write left a set of outputs half moved into place (" + staging +
                    ") and it cannot be completed: " + error.what());
    }
  }
}

}  // namespace pneumo
