#include "cbc_model.hpp"

#include <coin/Cbc_C_Interface.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace pneumo::location_detail {
namespace {

struct CbcDeleter {
  void operator()(Cbc_Model* model) const { Cbc_deleteModel(model); }
};
using CbcHandle = std::unique_ptr<Cbc_Model, CbcDeleter>;

}  // namespace

int MipModel::add_column(double lower, double upper, double objective, bool integer) {
  column_lower_.push_back(lower);
  column_upper_.push_back(upper);
  objective_.push_back(objective);
  integer_.push_back(integer ? 1 : 0);
  return static_cast<int>(column_lower_.size()) - 1;
}

void MipModel::add_row(const std::vector<int>& columns, const std::vector<double>& coefficients, double lower,
                       double upper) {
  const int row = static_cast<int>(row_lower_.size());
  row_lower_.push_back(lower);
  row_upper_.push_back(upper);
  for (std::size_t k = 0; k < columns.size(); ++k) entries_.push_back({columns[k], row, coefficients[k]});
}

void MipModel::set_start(std::vector<int> columns, std::vector<double> values) {
  start_columns_ = std::move(columns);
  start_values_ = std::move(values);
}

MipResult MipModel::solve(double time_limit_seconds) const {
  // Compressed sparse columns, rows ascending within a column.
  std::vector<Entry> entries = entries_;
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.column != b.column ? a.column < b.column : a.row < b.row;
  });
  const int n_columns = columns();
  std::vector<CoinBigIndex> start(static_cast<std::size_t>(n_columns) + 1, 0);
  std::vector<int> index(entries.size());
  std::vector<double> value(entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    ++start[static_cast<std::size_t>(entries[k].column) + 1];
    index[k] = entries[k].row;
    value[k] = entries[k].value;
  }
  for (std::size_t c = 0; c < static_cast<std::size_t>(n_columns); ++c) start[c + 1] += start[c];

  CbcHandle model(Cbc_newModel());
  if (!model) throw std::runtime_error("CBC: could not create a model");
  Cbc_loadProblem(model.get(), n_columns, static_cast<int>(row_lower_.size()), start.data(), index.data(),
                  value.data(), column_lower_.data(), column_upper_.data(), objective_.data(), row_lower_.data(),
                  row_upper_.data());
  for (int c = 0; c < n_columns; ++c) {
    if (integer_[static_cast<std::size_t>(c)]) Cbc_setInteger(model.get(), c);
  }
  Cbc_setObjSense(model.get(), 1.0);
  Cbc_setLogLevel(model.get(), 0);
  Cbc_setMaximumSeconds(model.get(), time_limit_seconds);
  if (!start_columns_.empty()) {
    Cbc_setMIPStartI(model.get(), static_cast<int>(start_columns_.size()), start_columns_.data(),
                     start_values_.data());
  }
  Cbc_solve(model.get());

  if (Cbc_isAbandoned(model.get())) throw std::runtime_error("CBC abandoned the search (numerical difficulties)");
  if (Cbc_isProvenInfeasible(model.get())) throw std::runtime_error("CBC proved the model infeasible");
  MipResult result;
  const double* best = Cbc_bestSolution(model.get());
  if (best != nullptr) {
    result.has_solution = true;
    result.values.assign(best, best + n_columns);
    result.objective = Cbc_getObjValue(model.get());
  }
  result.proven_optimal = Cbc_isProvenOptimal(model.get()) != 0;
  const double bound = Cbc_getBestPossibleObjValue(model.get());
  if (std::isfinite(bound) && std::abs(bound) < 1e49) result.best_bound = bound;  // CBC uses ±1e50 for "none"
  if (result.proven_optimal && result.has_solution && std::isnan(result.best_bound)) result.best_bound = result.objective;
  return result;
}

}  // namespace pneumo::location_detail
