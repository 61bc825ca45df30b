#include "pneumoplan/research/sweep_file.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pneumoplan/core/available_memory.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/model/memory_estimate.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/results_file_kind.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double SweepData::point_mean(std::size_t output, std::size_t point, int year) const {
  return point_mean_over(output, point, year, year);
}

double SweepData::point_mean_over(std::size_t output, std::size_t point, int first_year, int last_year) const {
  if (status[point] != 1) return kNaN;
  const std::size_t Y = years.size(), R = static_cast<std::size_t>(replicates);
  const auto& v = output_values[output];
  double sum = 0.0;
  for (std::size_t r = 0; r < R; ++r) {
    for (int year = first_year; year <= last_year; ++year) {
      sum += v[(point * R + r) * Y + static_cast<std::size_t>(year - years.front())];
    }
  }
  return sum / static_cast<double>(R);
}

std::size_t SweepData::output_index(const std::string& name) const {
  std::string kept;
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    if (outputs[o] == name) return o;
    kept += (kept.empty() ? "" : ", ") + outputs[o];
  }
  throw UsageError("the sweep kept no output " + quote_value(name) + "; it kept: " + kept);
}

SweepData start_sweep_data(const SweepSpec& spec, const SweepPlan& plan, const SweepContext& context,
                           const Scenario& base, const std::string& fingerprint) {
  SweepData d;
  d.spec_text = spec.text;
  d.fingerprint = fingerprint;
  d.scenario_name = base.name;
  d.design = std::string(design_name(spec.design));
  d.package = spec.package.empty() ? std::string(kBaselinePackage) : spec.package;
  d.seed = static_cast<std::int64_t>(context.seed);
  d.sampling_seed = spec.sampling_seed;
  d.replicates = context.replicates;
  d.saltelli_base = plan.saltelli_base;
  d.morris_trajectories = plan.morris_trajectories;
  d.morris_delta = plan.morris_delta;
  d.saltelli_second_order = plan.saltelli_second_order;
  d.common_random_numbers = context.common_random_numbers;
  for (int y = context.first_year; y <= context.last_year; ++y) d.years.push_back(y);
  for (const auto& p : spec.parameters) {
    d.parameter_names.push_back(p.name);
    d.parameter_keys.push_back(p.key);
    d.parameter_min.push_back(p.min);
    d.parameter_max.push_back(p.max);
    d.parameter_log_scale.push_back(p.log_scale ? 1 : 0);
  }
  d.unit = plan.unit;
  d.value = plan.value;
  d.outputs = spec.outputs;
  d.status.assign(plan.points, 0);
  d.errors.assign(plan.points, "");
  const std::size_t cells = plan.points * static_cast<std::size_t>(context.replicates) * d.years.size();
  d.output_values.assign(spec.outputs.size(), std::vector<double>(cells, kNaN));
  return d;
}

void add_point(SweepData& d, const PointResult& r) {
  const auto n = static_cast<std::size_t>(r.index);
  if (r.index < 0 || n >= d.points()) throw IoError("point " + std::to_string(r.index) + " is not in this sweep");
  const std::size_t per_output = static_cast<std::size_t>(d.replicates) * d.years.size();
  if (r.status == PointStatus::Done && r.values.size() != per_output * d.outputs.size()) {
    throw IoError("point " + std::to_string(r.index) + " holds " + std::to_string(r.values.size()) +
                  " values; this sweep keeps " + std::to_string(per_output * d.outputs.size()) + " per point");
  }
  d.status[n] = static_cast<std::int64_t>(r.status);
  d.errors[n] = r.error;
  for (std::size_t o = 0; o < d.outputs.size(); ++o) {
    double* cells = d.output_values[o].data() + n * per_output;
    for (std::size_t k = 0; k < per_output; ++k) {
      cells[k] = r.status == PointStatus::Done ? r.values.at(o * per_output + k) : kNaN;
    }
  }
}

PointResult point_result(const SweepData& d, std::size_t n) {
  PointResult r;
  r.index = static_cast<std::int64_t>(n);
  r.status = static_cast<PointStatus>(d.status.at(n));
  r.error = d.errors[n];
  if (r.status == PointStatus::Done) {
    const std::size_t per_output = static_cast<std::size_t>(d.replicates) * d.years.size();
    for (const auto& v : d.output_values) {
      r.values.insert(r.values.end(), v.begin() + static_cast<std::ptrdiff_t>(n * per_output),
                      v.begin() + static_cast<std::ptrdiff_t>((n + 1) * per_output));
    }
  }
  return r;
}

bool complete(const SweepData& data) {
  return data.shard.empty() && std::find(data.status.begin(), data.status.end(), 0) == data.status.end();
}

void write_sweep_file(const std::string& path, const SweepData& d) {
  h5::write_sealed_file(path, [&](hid_t root) {
    h5::write_attribute(root, "format", std::string("pneumoplan-sweep"));
    h5::write_attribute(root, "format_version", kSweepFormatVersion);
    h5::write_attribute(root, "program_version", std::string(kProgramVersion));
    h5::write_attribute(root, "git_commit", std::string(kGitCommit));
    h5::write_attribute(root, "fingerprint", d.fingerprint);
    h5::write_attribute(root, "scenario_name", d.scenario_name);
    h5::write_attribute(root, "design", d.design);
    h5::write_attribute(root, "package", d.package);
    h5::write_attribute(root, "seed", d.seed);
    h5::write_attribute(root, "sampling_seed", d.sampling_seed);
    h5::write_attribute(root, "replicates", d.replicates);
    h5::write_attribute(root, "saltelli_base", d.saltelli_base);
    h5::write_attribute(root, "saltelli_second_order", static_cast<std::int64_t>(d.saltelli_second_order ? 1 : 0));
    h5::write_attribute(root, "morris_trajectories", d.morris_trajectories);
    h5::write_attribute(root, "morris_delta", d.morris_delta);
    if (!d.common_random_numbers) h5::write_attribute(root, "common_random_numbers", std::int64_t{0});
    if (!d.shard.empty()) h5::write_attribute(root, "shard", d.shard);

    // The dimension scales, in the root group: netCDF tools and xarray read them as named dimensions.
    std::vector<std::int64_t> point(d.points()), replicate(static_cast<std::size_t>(d.replicates));
    for (std::size_t n = 0; n < point.size(); ++n) point[n] = static_cast<std::int64_t>(n);
    for (std::size_t r = 0; r < replicate.size(); ++r) replicate[r] = static_cast<std::int64_t>(r);
    h5::write_dataset(root, "point", {point.size()}, point);
    h5::describe_dataset(root, "point", "", "point number in the design's order");
    h5::make_dimension_scale(root, "point", "point");
    h5::write_strings(root, "parameter", d.parameter_names);
    h5::describe_dataset(root, "parameter", "", "the swept parameters ([parameter.NAME] of the sweep file)");
    h5::make_dimension_scale(root, "parameter", "parameter");
    h5::write_dataset(root, "replicate", {replicate.size()}, replicate);
    h5::describe_dataset(root, "replicate", "", "replicate number, the same random numbers at every point");
    h5::make_dimension_scale(root, "replicate", "replicate");
    h5::write_dataset(root, "year", {d.years.size()}, d.years);
    h5::describe_dataset(root, "year", "calendar year", "simulated years");
    h5::make_dimension_scale(root, "year", "year");
    h5::write_strings(root, "output_names", d.outputs);
    h5::describe_dataset(root, "output_names", "", "the kept outputs (docs/output-format.md), city level");
    h5::make_dimension_scale(root, "output_names", "output_names");

    h5::write_string(root, "sweep_file", d.spec_text);
    h5::describe_dataset(root, "sweep_file", "", "the sweep file's text");
    const auto along = [](hid_t group, const std::string& name, const std::string& units, const std::string& text,
                          const std::vector<std::string>& scales) {
      h5::describe_dataset(group, name, units, text);
      h5::attach_dimension_scales(group, name, scales);
    };
    {
      auto g = h5::create_group(root, "parameters");
      h5::describe(g.id(), "", "the swept parameters");
      h5::write_strings(g.id(), "name", d.parameter_names);
      along(g.id(), "name", "", "the parameter's name", {"/parameter"});
      h5::write_strings(g.id(), "key", d.parameter_keys);
      along(g.id(), "key", "", "the scenario.ini key it sets", {"/parameter"});
      h5::write_dataset(g.id(), "min", {d.parameters()}, d.parameter_min);
      along(g.id(), "min", "the parameter's unit (pneumoplan params)", "lower end of the range", {"/parameter"});
      h5::write_dataset(g.id(), "max", {d.parameters()}, d.parameter_max);
      along(g.id(), "max", "the parameter's unit (pneumoplan params)", "upper end of the range", {"/parameter"});
      h5::write_dataset(g.id(), "log_scale", {d.parameters()}, d.parameter_log_scale);
      along(g.id(), "log_scale", "0/1", "1 where values are spaced evenly in log(value)", {"/parameter"});
    }
    {
      auto g = h5::create_group(root, "design");
      h5::describe(g.id(), "", "each point's position in the unit hypercube and the values it set");
      h5::write_dataset(g.id(), "unit", {d.points(), d.parameters()}, d.unit);
      along(g.id(), "unit", "1", "position of each point in the unit hypercube", {"/point", "/parameter"});
      h5::write_dataset(g.id(), "value", {d.points(), d.parameters()}, d.value);
      along(g.id(), "value", "the parameter's unit (pneumoplan params)", "the value each point set",
            {"/point", "/parameter"});
    }
    h5::write_dataset(root, "status", {d.points()}, d.status);
    along(root, "status", "", "1 done, -1 failed, 0 missing (not in this shard)", {"/point"});
    h5::write_strings(root, "error", d.errors);
    along(root, "error", "", "the error of a failed point", {"/point"});
    auto outputs = h5::create_group(root, "outputs");
    h5::describe(outputs.id(), "", "the kept outputs: city value per point, replicate and year");
    const std::vector<hsize_t> dims = {d.points(), static_cast<hsize_t>(d.replicates), d.years.size()};
    for (std::size_t o = 0; o < d.outputs.size(); ++o) {
      h5::write_dataset(outputs.id(), d.outputs[o], dims, d.output_values[o]);
      const OutputSpec* spec = find_output(d.outputs[o]);
      along(outputs.id(), d.outputs[o], spec ? std::string(spec->unit) : "",
            "city value (stages summed; intervention total) per point, replicate and year; NaN where not done: " +
                (spec ? std::string(spec->description) : d.outputs[o]),
            {"/point", "/replicate", "/year"});
    }
  });
}

namespace {

// Bounds no sweep this program writes exceeds (the sweep file's own limits), so a damaged length is refused
// before anything is allocated for it.
constexpr std::size_t kMaxPoints = 10'000'000;
constexpr std::size_t kMaxYears = 251;
constexpr std::size_t kMaxParameters = 10'000;
constexpr std::size_t kMaxOutputs = 1'000;
constexpr std::int64_t kMaxReplicates = 100'000;

[[noreturn]] void damaged(const std::string& what) { throw IoError(what); }

std::vector<hsize_t> dims_of(hid_t group, const std::string& name) {
  if (!h5::has_link(group, name)) damaged("missing dataset " + name);
  return h5::dataset_dims(group, name);
}

std::size_t list_length(hid_t group, const std::string& name, std::size_t max) {
  const auto dims = dims_of(group, name);
  if (dims.size() != 1) damaged(name + " is not a list (rank " + std::to_string(dims.size()) + ")");
  if (dims[0] > max) damaged(name + " has " + std::to_string(dims[0]) + " entries, more than " + std::to_string(max));
  return static_cast<std::size_t>(dims[0]);
}

void expect_shape(hid_t group, const std::string& name, const std::vector<hsize_t>& shape) {
  if (dims_of(group, name) != shape) damaged(name + " does not have the shape of the sweep's points, replicates and years");
}

}  // namespace

SweepData read_sweep_file(const std::string& path) {
  check_seal(path, "sweep file");  // before the HDF5 library parses a byte of a damaged file
  h5::quiet_errors();
  SweepData d;
  auto file = h5::open_file_read_only(path);
  const hid_t root = file.id();
  std::string format;
  try {
    if (h5::has_attribute(root, "format")) format = h5::read_string_attribute(root, "format");
  } catch (const IoError&) {
  }
  if (format != kSweepFormat) throw IoError(path + ": " + file_kind_words(format) + ", not " + file_kind_words(kSweepFormat));
  try {
    if (h5::read_int_attribute(root, "format_version") != kSweepFormatVersion) {
      throw IoError("sweep file format version " + std::to_string(h5::read_int_attribute(root, "format_version")) +
                    " is not the " + std::to_string(kSweepFormatVersion) + " this program reads");
    }
    d.fingerprint = h5::read_string_attribute(root, "fingerprint");
    d.scenario_name = h5::read_string_attribute(root, "scenario_name");
    d.design = h5::read_string_attribute(root, "design");
    d.package = h5::read_string_attribute(root, "package");
    d.seed = h5::read_int_attribute(root, "seed");
    d.sampling_seed = h5::read_int_attribute(root, "sampling_seed");
    d.replicates = h5::read_int_attribute(root, "replicates");
    d.saltelli_base = h5::read_int_attribute(root, "saltelli_base");
    d.morris_trajectories = h5::read_int_attribute(root, "morris_trajectories");
    d.morris_delta = h5::read_double_attribute(root, "morris_delta");
    if (h5::has_attribute(root, "saltelli_second_order")) {
      d.saltelli_second_order = h5::read_int_attribute(root, "saltelli_second_order") != 0;
    }
    if (h5::has_attribute(root, "common_random_numbers")) {
      d.common_random_numbers = h5::read_int_attribute(root, "common_random_numbers") != 0;
    }
    if (h5::has_attribute(root, "shard")) d.shard = h5::read_string_attribute(root, "shard");
    if (d.replicates < 1 || d.replicates > kMaxReplicates) damaged("attribute replicates out of range");
    // Every length and shape before anything sized by it is read.
    const std::size_t N = list_length(root, "status", kMaxPoints), Y = list_length(root, "year", kMaxYears);
    const std::size_t O = list_length(root, "output_names", kMaxOutputs);
    const auto R = static_cast<std::size_t>(d.replicates);
    auto parameters = h5::open_group(root, "parameters");
    const std::size_t K = list_length(parameters.id(), "name", kMaxParameters);
    for (const char* name : {"key", "min", "max", "log_scale"}) expect_shape(parameters.id(), name, {K});
    auto design = h5::open_group(root, "design");
    for (const char* name : {"unit", "value"}) expect_shape(design.id(), name, {N, K});
    expect_shape(root, "error", {N});
    if (Y == 0 || K == 0 || O == 0) damaged("no years, parameters or outputs");
    d.outputs = h5::read_strings(root, "output_names");
    auto outputs = h5::open_group(root, "outputs");
    for (const auto& name : d.outputs) expect_shape(outputs.id(), name, {N, R, Y});
    // The kept outputs are the bulk: refuse a file this machine cannot hold before reading it.
    const double bytes = 8.0 * static_cast<double>(O) * static_cast<double>(N) * static_cast<double>(R) *
                             static_cast<double>(Y) + 16.0 * static_cast<double>(N) * static_cast<double>(K);
    if (const auto available = available_memory(); available && bytes > static_cast<double>(available->bytes)) {
      throw InputError(path, 0, "expected a sweep that fits in memory: reading its " + std::to_string(N) + " points x " +
                                    std::to_string(R) + " replicates x " + std::to_string(Y) + " years of " +
                                    std::to_string(O) + " outputs needs " + format_bytes(bytes) + ", more than the " +
                                    format_bytes(static_cast<double>(available->bytes)) + " available (" +
                                    available->source + ")");
    }
    d.spec_text = h5::read_string(root, "sweep_file");
    d.years = h5::read_int64s(root, "year");
    for (std::size_t y = 0; y < Y; ++y) {
      if (d.years[y] != d.years.front() + static_cast<std::int64_t>(y) || d.years[y] < 1800 || d.years[y] > 2300) {
        damaged("year is not a run of consecutive years between 1800 and 2300");
      }
    }
    d.parameter_names = h5::read_strings(parameters.id(), "name");
    d.parameter_keys = h5::read_strings(parameters.id(), "key");
    d.parameter_min = h5::read_doubles(parameters.id(), "min");
    d.parameter_max = h5::read_doubles(parameters.id(), "max");
    d.parameter_log_scale = h5::read_int64s(parameters.id(), "log_scale");
    d.unit = h5::read_doubles(design.id(), "unit");
    d.value = h5::read_doubles(design.id(), "value");
    d.status = h5::read_int64s(root, "status");
    for (const auto s : d.status) {
      if (s != 0 && s != 1 && s != -1) damaged("status holds " + std::to_string(s) + "; expected 1, -1 or 0");
    }
    d.errors = h5::read_strings(root, "error");
    for (const auto& name : d.outputs) d.output_values.push_back(h5::read_doubles(outputs.id(), name));
  } catch (const IoError& error) {
    throw IoError(path + ": damaged or incomplete sweep file (" + error.what() + ")");
  }
  return d;
}

}  // namespace pneumo
