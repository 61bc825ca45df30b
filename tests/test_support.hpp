// Helpers shared by the tests: paths to fixtures, a scratch folder per test, and statistical tolerances
// derived from sample sizes.
#pragma once

#include <cmath>
#include <string>

#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo::test {

std::string data_path(const std::string& relative);    // tests/data/<relative>
std::string source_path(const std::string& relative);  // <repository>/<relative>

// A fresh empty folder under the system temp dir, removed when the object goes away.
class ScratchFolder {
 public:
  ScratchFolder();
  ~ScratchFolder();
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Copies tests/data/small into `folder` so a test can change one file.
std::string copy_small_scenario(const ScratchFolder& folder);
void write_file(const std::string& path, const std::string& contents);
std::string read_file(const std::string& path);

// Half-width of a k-sigma band for a binomial proportion p estimated from n draws.
inline double binomial_tolerance(double p, double n, double k = 4.0) { return k * std::sqrt(p * (1.0 - p) / n); }

const Scenario& small_scenario();  // loaded once

// Same bits (so NaN equals NaN and 0.0 differs from -0.0): what "bit-identical results" means.
bool bitwise_equal(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace pneumo::test
