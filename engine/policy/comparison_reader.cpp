#include "pneumoplan/policy/comparison_reader.hpp"

#include <filesystem>
#include <tuple>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {
namespace {

// Reads one dataset of a group and checks its shape; every failure names the file and the dataset.
class ComparisonGroupReader {
 public:
  // `prefix` names the parent group in messages ("averted/").
  ComparisonGroupReader(const std::string& path, hid_t root, const std::string& group, const std::string& prefix = "")
      : path_(path), group_name_(prefix + group) {
    if (!h5::has_link(root, group)) fail("", "missing group /" + group_name_);
    group_ = h5::open_group(root, group);
  }
  hid_t id() const { return group_.id(); }

  std::vector<std::string> strings(const std::string& name, const std::vector<std::size_t>& shape) {
    check_shape(name, shape);
    return guarded(name, [&] { return h5::read_string_array(group_.id(), name); });
  }
  std::vector<double> doubles(const std::string& name, const std::vector<std::size_t>& shape) {
    check_shape(name, shape);
    return guarded(name, [&] { return h5::read_doubles(group_.id(), name); });
  }
  std::vector<std::int64_t> integers(const std::string& name, const std::vector<std::size_t>& shape) {
    check_shape(name, shape);
    return guarded(name, [&] { return h5::read_int64s(group_.id(), name); });
  }
  std::size_t length(const std::string& name) {
    exists(name);
    const auto dims = h5::dataset_dims(group_.id(), name);
    if (dims.size() != 1) fail(name, "expected a one-dimensional dataset");
    return static_cast<std::size_t>(dims[0]);
  }

 private:
  [[noreturn]] void fail(const std::string& name, const std::string& what) const {
    throw InputError(path_, 0, (name.empty() ? "" : "/" + group_name_ + "/" + name + ": ") + what);
  }
  void exists(const std::string& name) {
    if (!h5::has_link(group_.id(), name)) fail("", "missing dataset /" + group_name_ + "/" + name);
  }
  void check_shape(const std::string& name, const std::vector<std::size_t>& shape) {
    exists(name);
    const auto dims = h5::dataset_dims(group_.id(), name);
    std::vector<std::size_t> found(dims.begin(), dims.end());
    if (found != shape) {
      const auto text = [](const std::vector<std::size_t>& s) {
        std::string t = "[";
        for (std::size_t i = 0; i < s.size(); ++i) {
          if (i > 0) t += ',';
          t += std::to_string(s[i]);
        }
        return t + "]";
      };
      fail(name, "expected shape " + text(shape) + ", found " + text(found));
    }
  }
  template <typename Read>
  auto guarded(const std::string& name, Read read) -> decltype(read()) {
    try {
      return read();
    } catch (const IoError& error) {
      fail(name, std::string("unreadable (") + error.what() + ")");
    }
  }

  std::string path_, group_name_;
  h5::Handle group_;
};

}  // namespace

std::size_t ComparisonFile::baseline_index() const {
  for (std::size_t p = 0; p < packages.size(); ++p) {
    if (packages[p].name == baseline) return p;
  }
  throw InputError(path, 0, "the baseline package " + quote_value(baseline) + " is not among /packages/name");
}

std::string ComparisonFile::results_path(std::size_t package) const {
  return (std::filesystem::path(path).parent_path() / packages.at(package).results_file).string();
}

ComparisonFile open_comparison_file(const std::string& path) {
  check_seal(path, "comparison file");  // before the HDF5 library parses a byte of a damaged file
  ComparisonFile c;
  c.path = path;
  auto file = h5::open_file_read_only(path);
  const hid_t root = file.id();
  const auto string_attribute = [&](const char* name) {
    if (!h5::has_attribute(root, name)) throw InputError(path, 0, std::string("missing root attribute ") + name);
    try {
      return h5::read_string_attribute(root, name);
    } catch (const IoError&) {
      throw InputError(path, 0, std::string("root attribute ") + name + ": expected a string");
    }
  };
  const auto integer_attribute = [&](const char* name) {
    if (!h5::has_attribute(root, name)) throw InputError(path, 0, std::string("missing root attribute ") + name);
    try {
      return h5::read_int_attribute(root, name);
    } catch (const IoError&) {
      throw InputError(path, 0, std::string("root attribute ") + name + ": expected an integer");
    }
  };
  if (string_attribute("format") != "pneumoplan-comparison") {
    throw InputError(path, 0, "expected a pneumoplan comparison file (attribute format = pneumoplan-comparison)");
  }
  const auto version = integer_attribute("format_version");
  if (version != kComparisonFormatVersion) {
    throw InputError(path, 0, "comparison format version " + std::to_string(version) + "; this program reads version " +
                                  std::to_string(kComparisonFormatVersion));
  }
  c.scenario_name = string_attribute("scenario_name");
  c.city_name_zh = string_attribute("city_name_zh");
  c.city_name_en = string_attribute("city_name_en");
  c.target_year = static_cast<int>(integer_attribute("target_year"));
  c.program_version = string_attribute("program_version");
  c.git_commit = string_attribute("git_commit");
  c.baseline = string_attribute("baseline");
  c.seed = integer_attribute("seed");
  c.replicates = integer_attribute("replicates");
  c.period_first_year = static_cast<int>(integer_attribute("period_first_year"));
  c.period_last_year = static_cast<int>(integer_attribute("period_last_year"));
  if (c.period_last_year < c.period_first_year) {
    throw InputError(path, 0, "period_last_year is before period_first_year");
  }

  ComparisonGroupReader packages(path, root, "packages");
  const std::size_t P = packages.length("name");
  if (P == 0) throw InputError(path, 0, "/packages/name: expected at least one package");
  const auto names = packages.strings("name", {P});
  const auto labels_en = packages.strings("label_en", {P});
  const auto labels_zh = packages.strings("label_zh", {P});
  const auto files = packages.strings("results_file", {P});
  for (std::size_t p = 0; p < P; ++p) c.packages.push_back({names[p], labels_en[p], labels_zh[p], files[p]});
  c.baseline_index();

  ComparisonGroupReader outcomes(path, root, "outcomes");
  const std::size_t O = outcomes.length("name");
  const auto outcome_names = outcomes.strings("name", {O});
  const auto outcome_en = outcomes.strings("label_en", {O});
  const auto outcome_zh = outcomes.strings("label_zh", {O});
  const auto units = outcomes.strings("unit", {O});
  const auto readings = outcomes.strings("reading", {O});
  const auto targets = outcomes.doubles("target", {O});
  const auto comparators = outcomes.strings("comparator", {O});
  for (std::size_t o = 0; o < O; ++o) {
    ComparisonFileOutcome outcome;
    outcome.name = outcome_names[o];
    outcome.label_en = outcome_en[o];
    outcome.label_zh = outcome_zh[o];
    outcome.unit = units[o];
    if (readings[o] == "sum over period") outcome.reading = OutcomeReading::SumOverPeriod;
    else if (readings[o] == "at period end") outcome.reading = OutcomeReading::AtPeriodEnd;
    else if (readings[o] == "in target year") outcome.reading = OutcomeReading::AtTargetYear;
    else throw InputError(path, 0, "/outcomes/reading: expected 'sum over period', 'at period end' or 'in target "
                                   "year', found '" + readings[o] + "'");
    outcome.target = targets[o];
    outcome.comparator = comparators[o];
    c.outcomes.push_back(std::move(outcome));
  }

  for (auto [group_name, table] : {std::pair{"value", &c.value}, std::pair{"difference", &c.difference}}) {
    ComparisonGroupReader group(path, root, group_name);
    table->mean = group.doubles("mean", {P, O});
    table->p5 = group.doubles("p5", {P, O});
    table->p95 = group.doubles("p95", {P, O});
  }

  {
    ComparisonGroupReader averted(path, root, "averted");
    for (auto [name, table] : {std::pair{"true_new_cases", &c.cases_averted}, std::pair{"pneumoconiosis_deaths", &c.deaths_averted},
                               std::pair{"incremental_cost_rmb", &c.incremental_cost_rmb}}) {
      ComparisonGroupReader group(path, averted.id(), name, "averted/");
      table->mean = group.doubles("mean", {P});
      table->p5 = group.doubles("p5", {P});
      table->p95 = group.doubles("p95", {P});
    }
    c.cost_per_case_averted_rmb = averted.doubles("cost_per_case_averted_rmb", {P});
  }

  {
    ComparisonGroupReader economics(path, root, "economics");
    for (auto [name, table] : {std::pair{"dalys_averted", &c.dalys_averted}, std::pair{"qalys_gained", &c.qalys_gained},
                               std::pair{"incremental_cost_rmb", &c.incremental_cost_discounted_rmb}}) {
      ComparisonGroupReader group(path, economics.id(), name, "economics/");
      table->mean = group.doubles("mean", {P});
      table->p5 = group.doubles("p5", {P});
      table->p95 = group.doubles("p95", {P});
    }
    for (auto [name, table, status] :
         {std::tuple{"icer_rmb_per_daly_averted", &c.icer_rmb_per_daly_averted, &c.icer_daly_status},
          std::tuple{"icer_rmb_per_qaly_gained", &c.icer_rmb_per_qaly_gained, &c.icer_qaly_status}}) {
      ComparisonGroupReader group(path, economics.id(), name, "economics/");
      table->mean = group.doubles("ratio", {P});
      table->p5 = group.doubles("p5", {P});
      table->p95 = group.doubles("p95", {P});
      *status = group.strings("status", {P});
    }
    try {
      c.discount_rate_per_year = h5::read_double_attribute(economics.id(), "discount_rate_per_year");
      c.discount_reference_year = static_cast<int>(h5::read_int_attribute(economics.id(), "reference_year"));
      c.price_year = static_cast<int>(h5::read_int_attribute(economics.id(), "price_year"));
    } catch (const std::exception& e) {
      throw InputError(path, 0, std::string("/economics: expected the attributes discount_rate_per_year, "
                                            "reference_year and price_year: ") + e.what());
    }
  }

  ComparisonGroupReader verdicts(path, root, "verdicts");
  const std::size_t K = verdicts.length("indicator_key");
  const auto keys = verdicts.strings("indicator_key", {K});
  const auto years = verdicts.integers("year", {K});
  for (std::size_t k = 0; k < K; ++k) {
    const auto id = find_indicator(keys[k]);
    if (!id) throw InputError(path, 0, "/verdicts/indicator_key: unknown indicator " + quote_value(keys[k]));
    c.verdict_columns.push_back({*id, static_cast<int>(years[k])});
  }
  for (const auto& text : verdicts.strings("verdict", {P, K})) {
    const auto v = parse_verdict(text);
    if (!v) throw InputError(path, 0, "/verdicts/verdict: expected met, not met, uncertain, n/a or input, found " + quote_value(text));
    c.verdicts.push_back(*v);
  }
  return c;
}

}  // namespace pneumo
