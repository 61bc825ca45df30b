#include "pneumoplan/research/sweep_journal.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"

namespace pneumo {
namespace {

namespace fs = std::filesystem;

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string record_name(std::int64_t index) {
  char name[40];
  std::snprintf(name, sizeof name, "point-%09lld.bin", static_cast<long long>(index));
  return name;
}

void hash_bytes(std::uint64_t& h, const std::string& bytes) {
  for (const unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= 0xff;  // a separator, so that ("ab", "c") and ("a", "bc") differ
  h *= 0x100000001b3ULL;
}

}  // namespace

std::string sweep_fingerprint(const SweepSpec& spec, const Scenario& base) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  hash_bytes(h, spec.text);
  for (const auto& [name, contents] : base.input_files) {
    hash_bytes(h, name);
    hash_bytes(h, contents);
  }
  hash_bytes(h, kProgramVersion);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

SweepJournal::SweepJournal(const std::string& result_path, const std::string& fingerprint)
    : folder_(result_path + ".parts") {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) throw IoError("cannot create the sweep journal " + folder_ + ": " + ec.message());
  const fs::path stamp = fs::path(folder_) / "fingerprint";
  if (fs::exists(stamp)) {
    const std::string found = read_bytes(stamp);
    if (found != fingerprint + "\n") {
      // The --out given belongs to another sweep: a bad command line, not a failure (exit 2).
      throw InputError(folder_, 0,
                       "the journal of another sweep (fingerprint " + found.substr(0, 16) + ", this one " + fingerprint +
                           "): remove it to start again, or give another --out");
    }
  } else {
    write_text_atomically(stamp.string(), fingerprint + "\n");
  }
  // Temporaries of records cut off by a kill are incomplete by construction: clear them.
  for (const auto& entry : fs::directory_iterator(folder_)) {
    if (entry.path().filename().string().rfind(".point-", 0) == 0) fs::remove(entry.path(), ec);
  }
}

std::map<std::int64_t, PointResult> SweepJournal::load() const {
  std::map<std::int64_t, PointResult> points;
  for (const auto& entry : fs::directory_iterator(folder_)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("point-", 0) != 0) continue;
    PointResult r;
    try {
      r = decode_point(read_bytes(entry.path()));
    } catch (const IoError& error) {
      throw IoError(entry.path().string() + ": " + error.what() + " (remove the file to recompute the point)");
    }
    if (record_name(r.index) != name) throw IoError(entry.path().string() + ": holds point " + std::to_string(r.index));
    points[r.index] = std::move(r);
  }
  return points;
}

void SweepJournal::record(const PointResult& result) const {
  write_text_atomically((fs::path(folder_) / record_name(result.index)).string(), encode_point(result));
}

void SweepJournal::remove() const {
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

}  // namespace pneumo
