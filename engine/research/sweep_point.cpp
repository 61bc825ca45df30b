#include "pneumoplan/research/sweep_point.hpp"

#include <cstdlib>
#include <cstring>
#include <sstream>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"

namespace pneumo {
namespace {

constexpr char kMagic[8] = {'P', 'N', 'S', 'W', 'P', 'T', '0', '1'};

bool failure_injected(std::size_t n) {
  const char* list = std::getenv("PNEUMO_INJECT_POINT_FAILURE");
  if (!list) return false;
  std::stringstream stream(list);
  std::string item;
  while (std::getline(stream, item, ',')) {
    const auto index = parse_int64(trim(item));
    if (index && *index == static_cast<std::int64_t>(n)) return true;
  }
  return false;
}

void put(std::string& out, std::int64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

std::int64_t take(const std::string& in, std::size_t& at) {
  if (at + sizeof(std::int64_t) > in.size()) throw IoError("a sweep point record is truncated");
  std::int64_t v;
  std::memcpy(&v, in.data() + at, sizeof v);
  at += sizeof v;
  return v;
}

}  // namespace

Scenario load_sweep_base(const SweepSpec& spec) {
  std::vector<std::string> settings = spec.overrides;
  Scenario base = load_scenario(spec.scenario_directory, settings);
  if (!spec.package.empty()) base.select_package(spec.package);
  return base;
}

SweepContext sweep_context(const SweepSpec& spec, const SweepPlan& plan, const Scenario& base) {
  SweepContext c{.spec = spec, .plan = plan, .history = nullptr};
  c.first_year = base.first_year();
  c.last_year = base.last_year();
  c.seed = static_cast<std::uint64_t>(spec.seed >= 0 ? spec.seed : base.parameters.simulation.seed);
  c.replicates = spec.replicates;
  c.common_random_numbers = spec.common_random_numbers;
  return c;
}

PointResult evaluate_point(const SweepContext& c, std::size_t n) {
  PointResult result;
  result.index = static_cast<std::int64_t>(n);
  try {
    if (failure_injected(n)) throw std::runtime_error("injected failure (PNEUMO_INJECT_POINT_FAILURE)");
    Scenario scenario = load_scenario(c.spec.scenario_directory, point_settings(c.spec, c.plan, n));
    if (!c.spec.package.empty()) scenario.select_package(c.spec.package);
    RunRequest request;
    request.seed = c.seed;
    request.replicates = c.replicates;
    request.first_replicate = c.first_replicate(n);
    // A point whose interventions act no earlier than the shared history's year forks from it.
    const bool forks = c.history && divergence_year(scenario) >= c.history->year;
    const std::vector<ReplicateResults> runs =
        forks ? run_replicates_from_states(scenario, request, c.history->states) : run_replicates(scenario, request);
    const std::size_t years = c.year_count();
    for (const auto& name : c.spec.outputs) {
      const OutputSpec* spec = find_output(name);
      if (!spec) throw UsageError("unknown output '" + name + "'");  // read_sweep_spec checked them
      const OutputId id = output_id(*spec);
      for (const auto& r : runs) {
        for (std::size_t y = 0; y < years; ++y) result.values.push_back(city_cell(r[id], y));
      }
    }
    result.status = PointStatus::Done;
  } catch (const std::exception& error) {
    result.status = PointStatus::Failed;
    result.error = error.what();
    result.values.clear();
  }
  return result;
}

std::string encode_point(const PointResult& r) {
  std::string out(kMagic, sizeof kMagic);
  put(out, r.index);
  put(out, static_cast<std::int64_t>(r.status));
  put(out, static_cast<std::int64_t>(r.error.size()));
  out += r.error;
  put(out, static_cast<std::int64_t>(r.values.size()));
  if (!r.values.empty()) out.append(reinterpret_cast<const char*>(r.values.data()), r.values.size() * sizeof(double));
  put(out, static_cast<std::int64_t>(out.size()));  // trailer: a record cut anywhere is detected
  return out;
}

PointResult decode_point(const std::string& in) {
  if (in.size() < sizeof kMagic || std::memcmp(in.data(), kMagic, sizeof kMagic) != 0) {
    throw IoError("not a sweep point record");
  }
  std::size_t at = sizeof kMagic;
  PointResult r;
  r.index = take(in, at);
  const std::int64_t status = take(in, at);
  if (status != 0 && status != 1 && status != -1) throw IoError("a sweep point record has a bad status");
  r.status = static_cast<PointStatus>(status);
  const std::int64_t error_size = take(in, at);
  if (error_size < 0 || at + static_cast<std::size_t>(error_size) > in.size()) throw IoError("a sweep point record is truncated");
  r.error.assign(in, at, static_cast<std::size_t>(error_size));
  at += static_cast<std::size_t>(error_size);
  const std::int64_t count = take(in, at);
  if (count < 0 || at + static_cast<std::size_t>(count) * sizeof(double) > in.size()) {
    throw IoError("a sweep point record is truncated");
  }
  r.values.resize(static_cast<std::size_t>(count));
  if (count > 0) std::memcpy(r.values.data(), in.data() + at, r.values.size() * sizeof(double));
  at += r.values.size() * sizeof(double);
  const std::int64_t size = take(in, at);
  if (size != static_cast<std::int64_t>(at - sizeof(std::int64_t)) || at != in.size()) {
    throw IoError("a sweep point record is truncated or has trailing bytes");
  }
  return r;
}

}  // namespace pneumo
