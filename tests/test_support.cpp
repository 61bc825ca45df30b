#include "test_support.hpp"

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "pneumoplan/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;

namespace pneumo::test {

std::string data_path(const std::string& relative) { return std::string(PNEUMO_TEST_DATA_DIR) + "/" + relative; }
std::string source_path(const std::string& relative) { return std::string(PNEUMO_SOURCE_DIR) + "/" + relative; }

ScratchFolder::ScratchFolder() {
  static std::atomic<int> counter{0};
  path_ = (fs::temp_directory_path() /
           ("pneumoplan-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1))))
              .string();
  fs::remove_all(path_);
  fs::create_directories(path_);
}

ScratchFolder::~ScratchFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string copy_small_scenario(const ScratchFolder& folder) {
  const std::string target = folder.file("small");
  fs::copy(data_path("small"), target, fs::copy_options::recursive);
  return target;
}

void write_file(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool bitwise_equal(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

const Scenario& small_scenario() {
  static const Scenario scenario = load_scenario(data_path("small"));
  return scenario;
}

}  // namespace pneumo::test
