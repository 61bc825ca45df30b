#include "pneumoplan/results/file_seal.hpp"

#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/fnv1a.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/core/text_file.hpp"

namespace pneumo {
namespace {

constexpr const char* kMagic = "pneumoplan sealed file 1\n";

struct Digest {
  std::uint64_t bytes = 0;
  std::uint64_t fnv1a = kFnv1aStart;
};

// Checksum of everything after the seal, read in blocks.
Digest digest_after_seal(std::ifstream& in, const std::string& path) {
  Digest d;
  in.seekg(static_cast<std::streamoff>(kSealBytes));
  std::vector<char> block(1 << 20);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    d.fnv1a = fnv1a(block.data(), got, d.fnv1a);
    d.bytes += got;
  }
  if (in.bad()) throw IoError(path + ": reading failed while checking its seal");
  return d;
}

std::string seal_text(const Digest& d) {
  char text[128];
  std::snprintf(text, sizeof text, "%sbytes %" PRIu64 "\nfnv1a64 %016" PRIx64 "\n", kMagic, d.bytes, d.fnv1a);
  return text;
}

}  // namespace

void seal_file(const std::string& path) {
  Digest d;
  {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError("cannot seal " + path + ": it cannot be opened");
    d = digest_after_seal(in, path);
  }
  std::string block = seal_text(d);
  block.resize(kSealBytes, '\0');
  std::fstream out(path, std::ios::binary | std::ios::in | std::ios::out);
  if (!out) throw IoError("cannot seal " + path + ": it cannot be opened for writing");
  out.seekp(0);
  out.write(block.data(), static_cast<std::streamsize>(block.size()));
  out.flush();
  if (!out) throw IoError("cannot seal " + path + ": writing failed (disk full?)");
}

void check_seal(const std::string& path, const std::string& kind) {
  // A set of outputs whose move into place was interrupted is completed first, so what is read is a whole set.
  settle_output_sets(std::filesystem::path(path).parent_path().string());
  if (const std::string why = why_not_readable(path); !why.empty()) throw IoError(path + ": expected a " + kind + "; " + why);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": expected a " + kind + "; it cannot be opened");
  std::string block(kSealBytes, '\0');
  in.read(block.data(), static_cast<std::streamsize>(block.size()));
  const auto got = static_cast<std::size_t>(in.gcount());
  if (got < std::strlen(kMagic) || block.compare(0, std::strlen(kMagic), kMagic) != 0) {
    if (got >= 8 && block.compare(0, 8, "\x89HDF\r\n\x1a\n") == 0) {
      throw IoError(path + ": an HDF5 file without pneumoplan's seal (written by another program or by an earlier "
                           "build of pneumoplan: run it again)");
    }
    throw IoError(path + ": expected a pneumoplan " + kind + " (it does not start with the pneumoplan seal)");
  }
  if (got < kSealBytes) throw IoError(path + ": damaged " + kind + " (shorter than its seal; truncated?)");
  const auto end = block.find('\0');
  const std::string recorded = block.substr(0, end);
  // Nothing but zeros may follow the seal's text: every byte of the file is accounted for.
  const bool padding_clean = end != std::string::npos && block.find_first_not_of('\0', end) == std::string::npos;
  in.clear();
  const Digest actual = digest_after_seal(in, path);
  const std::string expected = seal_text(actual);
  if (recorded == expected && padding_clean) return;
  std::uint64_t sealed_bytes = 0;
  const bool readable = std::sscanf(recorded.c_str() + std::strlen(kMagic), "bytes %" SCNu64, &sealed_bytes) == 1;
  if (readable && sealed_bytes != actual.bytes) {
    throw IoError(path + ": damaged " + kind + " (" + std::to_string(actual.bytes + kSealBytes) + " bytes where " +
                  std::to_string(sealed_bytes + kSealBytes) + " were written; truncated or incompletely copied?)");
  }
  throw IoError(path + ": damaged " + kind + " (its contents changed after pneumoplan wrote it: the checksum does not "
                       "match)");
}

}  // namespace pneumo
