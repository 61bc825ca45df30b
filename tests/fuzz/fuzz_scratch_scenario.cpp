#include "fuzz_scratch_scenario.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace pneumo::fuzz {
namespace {

// Scratch folders are named pneumoplan-fuzz-PID-XXXXXX; those of processes that are gone (a harness
// stopped by a finding does not clean up) are removed when the next one starts.
void remove_stale_folders(const fs::path& base) {
  const std::string prefix = "pneumoplan-fuzz-";
  std::error_code ec;
  for (fs::directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

std::string make_root() {
  const fs::path base = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  remove_stale_folders(base);
  std::string pattern = (base / ("pneumoplan-fuzz-" + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) report_bug("cannot create a scratch folder under " + base.string());
  return pattern;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_all(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) report_bug("cannot write " + path);
}

const std::string kOriginal = PNEUMO_FUZZ_SCENARIO_DIR;

}  // namespace

ScratchScenario::ScratchScenario() : root_(make_root()), directory_(root_ + "/small") {
  fs::copy(kOriginal, directory_, fs::copy_options::recursive);
}

ScratchScenario::~ScratchScenario() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void ScratchScenario::replace(const std::string& file, const std::string& bytes) const { write_all(path(file), bytes); }

void ScratchScenario::restore(const std::string& file) const {
  const std::string original = kOriginal + "/" + file;
  if (fs::exists(original)) {
    write_all(path(file), read_all(original));
  } else {
    std::error_code ec;
    fs::remove(path(file), ec);
  }
}

ScratchFile::ScratchFile(const std::string& name) : root_(make_root()), path_(root_ + "/" + name) {}

ScratchFile::~ScratchFile() {
  std::error_code ec;
  fs::remove_all(root_, ec);
}

void ScratchFile::write(const std::string& bytes) const { write_all(path_, bytes); }

long count_lines(const std::string& path) {
  // As parse_text counts them: "\n", "\r\n" and a lone "\r" each end a line.
  const std::string bytes = read_all(path);
  long lines = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) ++lines;
  }
  if (!bytes.empty() && bytes.back() != '\n' && bytes.back() != '\r') ++lines;
  return lines;
}

void report_bug(const std::string& what) {
  std::fprintf(stderr, "fuzz harness: %s\n", what.c_str());
  std::abort();
}

}  // namespace pneumo::fuzz
