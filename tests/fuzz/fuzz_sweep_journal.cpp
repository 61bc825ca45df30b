// libFuzzer harness for the sweep journal, read the way a resumed sweep reads it: one record file of the
// journal of the small sweep (sweep_files.hpp), loaded with the sweep's fingerprint and added to the sweep's
// data. The first byte chooses the record from the rest:
//   byte % 3 == 0: the bytes themselves;
//   1: a real record with the bytes XOR-ed over it (its checksum must refuse any change);
//   2: the same, but the checksum recomputed: a well-formed record with damaged contents, which decoding and
//      adding the point must refuse by themselves.
// A record is refused (IoError) or decodes to a point of this sweep; any other exception, a crash or a
// sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "fuzz_scratch_scenario.hpp"
#include "sweep_files.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_journal.hpp"

namespace {

// The record's trailer made right again: FNV-1a (64 bits) of everything before it, little-endian
// (sweep_journal.hpp).
void reseal(std::string& record) {
  if (record.size() < 8) return;
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < record.size() - 8; ++i) {
    h ^= static_cast<unsigned char>(record[i]);
    h *= 0x100000001b3ULL;
  }
  for (int k = 0; k < 8; ++k) record[record.size() - 8 + static_cast<std::size_t>(k)] = static_cast<char>((h >> (8 * k)) & 0xff);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const pneumo::fuzz::ScratchFile result("sweep.h5");
  static const pneumo::fuzz::ScratchFile whole("whole.h5");
  static const std::string& fingerprint = pneumo::fuzz::sweep_files().fingerprint;
  static const pneumo::SweepData base = [] {
    whole.write(pneumo::fuzz::sweep_files().whole);
    return pneumo::read_sweep_file(whole.path());
  }();
  static const pneumo::SweepJournal journal(result.path(), fingerprint);
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string bytes = rest;
  if (data[0] % 3 != 0) {
    bytes = pneumo::fuzz::sweep_files().record;
    for (std::size_t i = 0; i < rest.size(); ++i) bytes[i % bytes.size()] ^= rest[i];
    if (data[0] % 3 == 2) {
      // Header (magic and fingerprint) kept, checksum made right again over the damaged point.
      const std::string& good = pneumo::fuzz::sweep_files().record;
      bytes.replace(0, 24, good.substr(0, 24));
      reseal(bytes);
    }
  }
  // The record of point 1 (point-000000001.bin), whatever its bytes claim.
  const std::string record = journal.folder() + "/point-000000001.bin";
  {
    std::FILE* out = std::fopen(record.c_str(), "wb");
    if (!out) pneumo::fuzz::report_bug("cannot write the journal record");
    std::fwrite(bytes.data(), 1, bytes.size(), out);
    std::fclose(out);
  }
  try {
    pneumo::SweepData data_copy = base;
    for (const auto& [index, point] : pneumo::SweepJournal(result.path(), fingerprint).load()) {
      if (index != point.index) pneumo::fuzz::report_bug("a record loaded under another index");
      pneumo::add_point(data_copy, point);
    }
  } catch (const pneumo::IoError&) {
  } catch (const std::out_of_range&) {
    pneumo::fuzz::report_bug("a record's values do not fit the sweep (std::out_of_range)");
  }
  return 0;
}
