// Engine-internal: a mixed-integer programme assembled column by column and row by row, then handed to
// CBC through its C interface. Owns the Cbc_Model and frees it (RAII).
#pragma once

#include <limits>
#include <memory>
#include <vector>

namespace pneumo::location_detail {

inline constexpr double kNoBound = std::numeric_limits<double>::max();  // CBC's infinity (COIN_DBL_MAX)

struct MipResult {
  bool has_solution = false;
  std::vector<double> values;  // per column, of the best solution found
  double objective = std::numeric_limits<double>::quiet_NaN();
  double best_bound = std::numeric_limits<double>::quiet_NaN();
  bool proven_optimal = false;
};

class MipModel {
 public:
  int add_column(double lower, double upper, double objective, bool integer);
  // Row lower ≤ Σ coefficient · column ≤ upper.
  void add_row(const std::vector<int>& columns, const std::vector<double>& coefficients, double lower, double upper);
  void set_start(std::vector<int> columns, std::vector<double> values);  // MIP start (integer columns)
  // Minimises; throws std::runtime_error when CBC abandons the search or proves infeasibility.
  MipResult solve(double time_limit_seconds) const;
  int columns() const { return static_cast<int>(column_lower_.size()); }

 private:
  std::vector<double> column_lower_, column_upper_, objective_;
  std::vector<char> integer_;
  std::vector<double> row_lower_, row_upper_;
  struct Entry {
    int column;
    int row;
    double value;
  };
  std::vector<Entry> entries_;
  std::vector<int> start_columns_;
  std::vector<double> start_values_;
};

}  // namespace pneumo::location_detail
