// The journal of a running sweep: a folder beside the result ("RESULT.h5.parts") holding one record per
// finished point, each written atomically (temporary name, then rename), and the fingerprint of the sweep it
// belongs to. A sweep killed at any moment — SIGKILL included — loses at most the points being computed;
// started again it reads the journal and computes only what is missing. A journal of another sweep (another
// sweep file, scenario or program version) is refused rather than mixed in, and so is one whose fingerprint
// file is gone. Each record carries the sweep's fingerprint and a checksum of its bytes (FNV-1a, 64 bits), so
// a damaged record or one copied from another sweep's journal is refused, naming the file.
#pragma once

#include <map>
#include <string>

#include "pneumoplan/research/sweep_point.hpp"

namespace pneumo {

class SweepJournal {
 public:
  // Opens (creating it if needed) the journal folder of `result_path`; throws IoError when it belongs to a
  // sweep with another fingerprint or cannot be created.
  SweepJournal(const std::string& result_path, const std::string& fingerprint);

  const std::string& folder() const { return folder_; }
  std::map<std::int64_t, PointResult> load() const;  // the points recorded so far
  void record(const PointResult& result) const;      // atomically; safe from several threads
  void remove() const;                               // once the result is complete

 private:
  std::string folder_;
  std::string fingerprint_;
};

// One record's bytes: "PNSWJR02", the fingerprint (16 hex digits), the point (encode_point), and the
// checksum of all that (8 bytes, little-endian). decode throws IoError saying what is wrong.
std::string encode_journal_record(const std::string& fingerprint, const PointResult& result);
PointResult decode_journal_record(const std::string& fingerprint, const std::string& bytes);

// Identifies a sweep: the sweep file's text, the text of every input of its base scenario and the program
// version, hashed (FNV-1a, 64 bits, as 16 hex digits).
std::string sweep_fingerprint(const SweepSpec& spec, const Scenario& base);

}  // namespace pneumo
