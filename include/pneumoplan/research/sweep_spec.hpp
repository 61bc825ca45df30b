// A sweep file (docs/research.md): which scenario, which parameters over which ranges or values, which design
// (full grid, Latin hypercube, Sobol sequence, Saltelli design for Sobol indices, Morris trajectories), how many
// replicates per point, the seeds, and which outputs to keep. Read and checked once; errors name the file and
// line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pneumo {

enum class SweepDesign : std::uint8_t { Grid, LatinHypercube, Sobol, Saltelli, Morris };
std::string_view design_name(SweepDesign design);

struct SweepParameter {
  std::string name;               // [parameter.NAME]
  std::string key;                // the scenario.ini key it sets, e.g. surveillance.attendance
  double min = 0.0, max = 1.0;    // range (designs other than an explicit grid)
  std::vector<double> values;     // grid: explicit values (empty: `levels` evenly spaced from min to max)
  bool log_scale = false;         // values spaced evenly in log(value)
  bool integer = false;           // rounded to a whole number before use
  long line = 0;
};

struct SweepSpec {
  std::string path;               // the sweep file
  std::string text;               // its normalised text (provenance, fingerprint)
  std::string scenario_directory; // resolved against the sweep file's folder
  SweepDesign design = SweepDesign::LatinHypercube;
  std::int64_t points = 0;        // lhs/sobol: points; saltelli: base samples N; morris: trajectories
  bool second_order = false;      // saltelli: also the points B_j with column i from A_j, for second-order indices
  std::int64_t levels = 4;        // grid without values, and Morris: levels per parameter
  std::int64_t replicates = 1;    // per point
  std::int64_t seed = -1;         // simulation seed, the same at every point (-1: the scenario's)
  std::int64_t sampling_seed = 1; // randomises the Latin hypercube and the Morris trajectories
  // true: replicate r is the same stream (seed, r) at every point, so differences between points are the
  // parameters' effect (sensitivity). false: point n runs the streams (seed, n·R + r), independent between
  // points, so each point's replicates are fresh draws of the model (calibration, docs/research.md).
  bool common_random_numbers = true;
  std::string package;            // the policy package every point runs ("": baseline)
  std::int64_t end_year = 0;      // 0: the scenario's simulation.end_year
  std::vector<std::string> outputs;      // catalogue outputs kept, city level per year
  std::vector<std::string> overrides;    // scenario.ini settings applied at every point ("key=value")
  std::vector<SweepParameter> parameters;
};

SweepSpec read_sweep_spec(const std::string& path);

}  // namespace pneumo
