#include "pneumoplan/research/sweep_journal.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/fnv1a.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
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

constexpr char kRecordMagic[8] = {'P', 'N', 'S', 'W', 'J', 'R', '0', '2'};
constexpr std::size_t kFingerprintChars = 16;

bool is_record_name(const std::string& name) { return name.rfind("point-", 0) == 0; }

}  // namespace

std::string encode_journal_record(const std::string& fingerprint, const PointResult& result) {
  std::string out(kRecordMagic, sizeof kRecordMagic);
  out += fingerprint;
  out += encode_point(result);
  const std::uint64_t sum = fnv1a(out.data(), out.size());
  for (int k = 0; k < 8; ++k) out += static_cast<char>((sum >> (8 * k)) & 0xff);
  return out;
}

PointResult decode_journal_record(const std::string& fingerprint, const std::string& bytes) {
  const std::size_t head = sizeof kRecordMagic + kFingerprintChars;
  if (bytes.size() >= 8 && bytes.compare(0, 8, "PNSWPT01") == 0) {
    throw IoError("a record of an earlier version of pneumoplan's journal");
  }
  if (bytes.size() < head + 8 || bytes.compare(0, sizeof kRecordMagic, kRecordMagic, sizeof kRecordMagic) != 0) {
    throw IoError("not a sweep journal record (damaged?)");
  }
  std::uint64_t sum = 0;
  for (int k = 0; k < 8; ++k) sum |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[bytes.size() - 8 + k])) << (8 * k);
  if (sum != fnv1a(bytes.data(), bytes.size() - 8)) throw IoError("damaged sweep journal record: the checksum does not match");
  const std::string owner = bytes.substr(sizeof kRecordMagic, kFingerprintChars);
  if (owner != fingerprint) {
    throw IoError("a record of another sweep (fingerprint " + quote_value(owner) + ", this sweep " + fingerprint + ")");
  }
  return decode_point(bytes.substr(head, bytes.size() - head - 8));
}

std::string sweep_fingerprint(const SweepSpec& spec, const Scenario& base) {
  std::uint64_t h = kFnv1aStart;
  fnv1a_add_field(h, spec.text);
  for (const auto& [name, contents] : base.input_files) {
    fnv1a_add_field(h, name);
    fnv1a_add_field(h, contents);
  }
  fnv1a_add_field(h, kProgramVersion);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

SweepJournal::SweepJournal(const std::string& result_path, const std::string& fingerprint)
    : folder_(result_path + ".parts"), fingerprint_(fingerprint) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) throw IoError("cannot create the sweep journal " + folder_ + ": " + ec.message());
  // Temporaries of records cut off by a kill are incomplete by construction: clear them.
  bool has_records = false;
  for (fs::directory_iterator it(folder_, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(".point-", 0) == 0 || name.rfind(".fingerprint", 0) == 0) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
    has_records = has_records || is_record_name(name);
  }
  if (ec) throw IoError("cannot read the sweep journal " + folder_ + ": " + ec.message());
  const fs::path stamp = fs::path(folder_) / "fingerprint";
  if (fs::exists(fs::symlink_status(stamp, ec))) {
    const std::string found = read_bytes(stamp);
    if (found != fingerprint + "\n") {
      // The --out given belongs to another sweep: a bad command line, not a failure (exit 2).
      throw InputError(folder_, 0,
                       "the journal of another sweep (fingerprint " + quote_value(found.substr(0, std::min<std::size_t>(40, found.find('\n')))) + ", this one " + fingerprint +
                           "): remove it to start again, or give another --out");
    }
  } else if (has_records) {
    // Without its fingerprint nothing says whose points these are: they are not mixed into this sweep.
    throw IoError(folder_ + " holds point records but no fingerprint file, so it cannot be told whether they belong "
                            "to this sweep: remove the folder to start again, or give another --out");
  } else {
    write_text_atomically(stamp.string(), fingerprint + "\n");
  }
}

std::map<std::int64_t, PointResult> SweepJournal::load() const {
  std::map<std::int64_t, PointResult> points;
  for (const auto& entry : fs::directory_iterator(folder_)) {
    const std::string name = entry.path().filename().string();
    if (!is_record_name(name)) continue;
    PointResult r;
    try {
      r = decode_journal_record(fingerprint_, read_bytes(entry.path()));
    } catch (const IoError& error) {
      throw IoError(entry.path().string() + ": " + error.what() + " (remove the file to recompute the point)");
    }
    if (record_name(r.index) != name) throw IoError(entry.path().string() + ": holds point " + std::to_string(r.index));
    points[r.index] = std::move(r);
  }
  return points;
}

void SweepJournal::record(const PointResult& result) const {
  write_text_atomically((fs::path(folder_) / record_name(result.index)).string(),
                        encode_journal_record(fingerprint_, result));
}

void SweepJournal::remove() const {
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

}  // namespace pneumo
