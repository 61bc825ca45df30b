#include "pneumoplan/results/stored_scenario.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

// A private folder for the rebuilt scenario, removed when the rebuild ends however it ends.
class ScratchFolder {
 public:
  ScratchFolder() {
    std::random_device entropy;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const fs::path candidate =
          fs::temp_directory_path() / ("pneumoplan-stored-" + std::to_string(entropy()) + std::to_string(attempt));
      if (fs::create_directory(candidate)) {
        path_ = candidate;
        return;
      }
    }
    throw IoError("cannot create a temporary folder in " + fs::temp_directory_path().string());
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

Scenario stored_scenario(const ResultsFile& results) {
  const ScratchFolder scratch;
  // The folder carries the scenario's name, as the loader takes the name from its folder.
  const fs::path folder = scratch.path() / results.scenario_name;
  fs::create_directory(folder);
  for (const std::string& name : scenario_file_names()) {  // every file the loader reads; some optional
    const auto text = results.read_input(name);
    if (!text) continue;
    std::ofstream out(folder / name, std::ios::binary);
    out << *text;
    if (!out) throw IoError("cannot write " + (folder / name).string());
  }
  std::vector<std::string> overrides;
  if (const auto text = results.read_input(kOverridesInput)) {
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) overrides.push_back(line);
    }
  }
  try {
    Scenario scenario = load_scenario(folder.string(), overrides);
    scenario.directory = results.path;
    scenario.select_package(results.package);
    return scenario;
  } catch (const std::runtime_error& error) {
    throw IoError(results.path + ": the scenario stored in this results file does not load with this program (" +
                  error.what() + ")");
  }
}

}  // namespace pneumo
