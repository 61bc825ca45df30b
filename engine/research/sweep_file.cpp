#include "pneumoplan/research/sweep_file.hpp"

#include <cmath>
#include <limits>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

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
  throw UsageError("the sweep kept no output '" + name + "'; it kept: " + kept);
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
  if (n >= d.points()) throw IoError("point " + std::to_string(r.index) + " is not in this sweep");
  d.status[n] = static_cast<std::int64_t>(r.status);
  d.errors[n] = r.error;
  const std::size_t per_output = static_cast<std::size_t>(d.replicates) * d.years.size();
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

void write_sweep_file(const std::string& path, const SweepData& d) {
  ensure_parent_folder(path);
  AtomicOutput output(path);
  {
    auto file = h5::create_file(output.temporary_path());
    const hid_t root = file.id();
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
    h5::write_attribute(root, "morris_trajectories", d.morris_trajectories);
    h5::write_attribute(root, "morris_delta", d.morris_delta);
    if (!d.common_random_numbers) h5::write_attribute(root, "common_random_numbers", std::int64_t{0});
    if (!d.shard.empty()) h5::write_attribute(root, "shard", d.shard);
    h5::write_string(root, "sweep_file", d.spec_text);
    h5::write_dataset(root, "year", {d.years.size()}, d.years);
    {
      auto g = h5::create_group(root, "parameters");
      h5::write_strings(g.id(), "name", d.parameter_names);
      h5::write_strings(g.id(), "key", d.parameter_keys);
      h5::write_dataset(g.id(), "min", {d.parameters()}, d.parameter_min);
      h5::write_dataset(g.id(), "max", {d.parameters()}, d.parameter_max);
      h5::write_dataset(g.id(), "log_scale", {d.parameters()}, d.parameter_log_scale);
    }
    {
      auto g = h5::create_group(root, "design");
      h5::write_dataset(g.id(), "unit", {d.points(), d.parameters()}, d.unit);
      h5::write_dataset(g.id(), "value", {d.points(), d.parameters()}, d.value);
    }
    h5::write_dataset(root, "status", {d.points()}, d.status);
    h5::write_strings(root, "error", d.errors);
    auto outputs = h5::create_group(root, "outputs");
    const std::vector<hsize_t> dims = {d.points(), static_cast<hsize_t>(d.replicates), d.years.size()};
    for (std::size_t o = 0; o < d.outputs.size(); ++o) h5::write_dataset(outputs.id(), d.outputs[o], dims, d.output_values[o]);
    h5::write_strings(root, "output_names", d.outputs);
  }
  output.commit();
}

SweepData read_sweep_file(const std::string& path) {
  h5::quiet_errors();
  SweepData d;
  try {
    auto file = h5::open_file_read_only(path);
    const hid_t root = file.id();
    if (h5::read_string_attribute(root, "format") != "pneumoplan-sweep") throw IoError("not a pneumoplan sweep file");
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
    if (h5::has_attribute(root, "common_random_numbers")) {
      d.common_random_numbers = h5::read_int_attribute(root, "common_random_numbers") != 0;
    }
    if (h5::has_attribute(root, "shard")) d.shard = h5::read_string_attribute(root, "shard");
    d.spec_text = h5::read_string(root, "sweep_file");
    d.years = h5::read_int64s(root, "year");
    auto parameters = h5::open_group(root, "parameters");
    d.parameter_names = h5::read_strings(parameters.id(), "name");
    d.parameter_keys = h5::read_strings(parameters.id(), "key");
    d.parameter_min = h5::read_doubles(parameters.id(), "min");
    d.parameter_max = h5::read_doubles(parameters.id(), "max");
    d.parameter_log_scale = h5::read_int64s(parameters.id(), "log_scale");
    auto design = h5::open_group(root, "design");
    d.unit = h5::read_doubles(design.id(), "unit");
    d.value = h5::read_doubles(design.id(), "value");
    d.status = h5::read_int64s(root, "status");
    d.errors = h5::read_strings(root, "error");
    d.outputs = h5::read_strings(root, "output_names");
    auto outputs = h5::open_group(root, "outputs");
    for (const auto& name : d.outputs) d.output_values.push_back(h5::read_doubles(outputs.id(), name));
  } catch (const IoError& error) {
    throw IoError(path + ": " + error.what());
  }
  // The shapes must agree, or the file is damaged.
  const std::size_t N = d.status.size(), K = d.parameter_names.size();
  bool consistent = d.errors.size() == N && d.unit.size() == N * K && d.value.size() == N * K && d.replicates > 0 &&
                    d.parameter_keys.size() == K && d.parameter_min.size() == K && d.parameter_max.size() == K &&
                    d.parameter_log_scale.size() == K && !d.years.empty();
  for (const auto& v : d.output_values) consistent = consistent && v.size() == N * static_cast<std::size_t>(d.replicates) * d.years.size();
  if (!consistent) throw IoError(path + ": the sweep file's datasets do not agree in shape (damaged file?)");
  return d;
}

}  // namespace pneumo
