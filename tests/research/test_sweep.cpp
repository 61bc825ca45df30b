// Sweeps: the designs have their defining properties, the Sobol and Morris estimators recover the known
// indices of analytic functions (Ishigami; a linear function), point records survive a round trip and refuse
// truncation, a point runs the replicate streams its random-number setting says, and bad sweep files are
// refused with file:line.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <set>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"
#include "pneumoplan/research/sensitivity.hpp"
#include "pneumoplan/research/sweep_design.hpp"
#include "pneumoplan/research/sweep_memory.hpp"
#include "pneumoplan/research/sweep_point.hpp"
#include "pneumoplan/research/sweep_spec.hpp"
#include "pneumoplan/model/shared_history.hpp"
#include "pneumoplan/research/sweep_history.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

std::string write_spec(const test::ScratchFolder& scratch, const std::string& body) {
  const std::string path = scratch.file("sweep.ini");
  test::write_file(path, "[sweep]\nscenario = " + test::data_path("small") + "\n" + body);
  return path;
}

const char* kTwoParameters =
    "outputs = new_diagnoses\n"
    "[parameter.attendance]\nkey = surveillance.attendance\nmin = 0.2\nmax = 1.0\n"
    "[parameter.ppe]\nkey = exposure.ppe_reduction\nmin = 0.1\nmax = 0.9\nscale = log\n";

TEST(SweepDesign, LatinHypercubeHasOnePointInEveryStratumOfEveryParameter) {
  const std::size_t n = 50, k = 4;
  const auto unit = latin_hypercube(n, k, 11);
  for (std::size_t d = 0; d < k; ++d) {
    std::set<std::size_t> strata;
    for (std::size_t i = 0; i < n; ++i) {
      const double u = unit[i * k + d];
      ASSERT_GT(u, 0.0);
      ASSERT_LT(u, 1.0);
      strata.insert(static_cast<std::size_t>(u * n));
    }
    EXPECT_EQ(strata.size(), n) << "dimension " << d;
  }
  EXPECT_EQ(latin_hypercube(n, k, 11), unit);  // reproducible
  EXPECT_NE(latin_hypercube(n, k, 12), unit);  // and the sampling seed matters
}

TEST(SweepDesign, SobolSequenceStartsWhereBoostsDoes) {
  // Boost skips the zero point: (0.5, 0.5), (0.75, 0.25), (0.25, 0.75), (0.375, 0.375), (0.875, 0.875).
  const auto unit = sobol_points(5, 2);
  const double expected[] = {0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375, 0.875, 0.875};
  for (std::size_t i = 0; i < 10; ++i) EXPECT_DOUBLE_EQ(unit[i], expected[i]);
}

TEST(SweepDesign, SaltelliBlocksHoldACopyOfAWithOneColumnFromB) {
  test::ScratchFolder scratch;
  const SweepSpec spec = read_sweep_spec(write_spec(scratch, "design = saltelli\npoints = 8\n" + std::string(kTwoParameters)));
  const SweepPlan plan = plan_sweep(spec);
  ASSERT_EQ(plan.points, 8u * 4u);
  for (std::size_t j = 0; j < 8; ++j) {
    const std::size_t a = j * 4, b = a + 1;
    for (std::size_t i = 0; i < 2; ++i) {
      const std::size_t ab = a + 2 + i;
      for (std::size_t c = 0; c < 2; ++c) {
        EXPECT_EQ(plan.unit_at(ab, c), c == i ? plan.unit_at(b, c) : plan.unit_at(a, c));
      }
    }
  }
  // Values follow the scales: linear for attendance, logarithmic for ppe.
  for (std::size_t n = 0; n < plan.points; ++n) {
    EXPECT_NEAR(plan.value_at(n, 0), 0.2 + 0.8 * plan.unit_at(n, 0), 1e-12);
    EXPECT_NEAR(std::log(plan.value_at(n, 1)), std::log(0.1) + plan.unit_at(n, 1) * (std::log(0.9) - std::log(0.1)), 1e-12);
  }
}

TEST(SweepDesign, SecondOrderSaltelliBlocksAlsoHoldBWithOneColumnFromA) {
  test::ScratchFolder scratch;
  const SweepSpec spec = read_sweep_spec(
      write_spec(scratch, "design = saltelli\npoints = 8\nsecond_order = true\n" + std::string(kTwoParameters)));
  const SweepPlan plan = plan_sweep(spec);
  const std::size_t K = 2, width = 2 * K + 2;
  ASSERT_EQ(plan.points, 8 * width);
  EXPECT_TRUE(plan.saltelli_second_order);
  for (std::size_t j = 0; j < 8; ++j) {
    const std::size_t a = j * width, b = a + 1;
    for (std::size_t i = 0; i < K; ++i) {
      for (std::size_t k = 0; k < K; ++k) {
        EXPECT_EQ(plan.unit_at(a + 2 + i, k), plan.unit_at(k == i ? b : a, k));      // A with column i from B
        EXPECT_EQ(plan.unit_at(a + 2 + K + i, k), plan.unit_at(k == i ? a : b, k));  // B with column i from A
      }
    }
  }
}

TEST(SweepDesign, MorrisTrajectoriesMoveOneParameterByDeltaPerStep) {
  test::ScratchFolder scratch;
  const SweepSpec spec =
      read_sweep_spec(write_spec(scratch, "design = morris\npoints = 6\nlevels = 4\n" + std::string(kTwoParameters)));
  const SweepPlan plan = plan_sweep(spec);
  ASSERT_EQ(plan.points, 6u * 3u);
  EXPECT_DOUBLE_EQ(plan.morris_delta, 4.0 / 6.0);
  for (std::size_t t = 0; t < 6; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t s = 0; s < 2; ++s) {
      const std::size_t from = t * 3 + s, to = from + 1;
      int changed = 0;
      for (std::size_t k = 0; k < 2; ++k) {
        const double dx = plan.unit_at(to, k) - plan.unit_at(from, k);
        if (dx != 0.0) {
          ++changed;
          moved.insert(k);
          EXPECT_NEAR(std::abs(dx), plan.morris_delta, 1e-12);
        }
        EXPECT_GE(plan.unit_at(to, k), 0.0);
        EXPECT_LE(plan.unit_at(to, k), 1.0);
      }
      EXPECT_EQ(changed, 1);
    }
    EXPECT_EQ(moved.size(), 2u);  // each parameter moves once per trajectory
  }
}

TEST(SweepDesign, GridEnumeratesEveryCombination) {
  test::ScratchFolder scratch;
  const SweepSpec spec = read_sweep_spec(write_spec(
      scratch, "design = grid\nlevels = 3\noutputs = new_diagnoses\n"
               "[parameter.a]\nkey = surveillance.attendance\nvalues = 0.5, 0.7\n"
               "[parameter.b]\nkey = exposure.ppe_reduction\nmin = 0.1\nmax = 0.5\n"));
  const SweepPlan plan = plan_sweep(spec);
  ASSERT_EQ(plan.points, 6u);
  const double a[] = {0.5, 0.5, 0.5, 0.7, 0.7, 0.7}, b[] = {0.1, 0.3, 0.5, 0.1, 0.3, 0.5};
  for (std::size_t n = 0; n < 6; ++n) {
    EXPECT_DOUBLE_EQ(plan.value_at(n, 0), a[n]);
    EXPECT_NEAR(plan.value_at(n, 1), b[n], 1e-12);
  }
  const auto settings = point_settings(spec, plan, 4);
  EXPECT_NE(std::find(settings.begin(), settings.end(), "surveillance.attendance=0.69999999999999996"), settings.end());
}

// Ishigami (a = 7, b = 0.1) on [-pi, pi]^3: S1 = 0.3139, S2 = 0.4424, S3 = 0; ST1 = 0.5576, ST2 = 0.4424,
// ST3 = 0.2437 (Ishigami & Homma 1990; Saltelli et al. 2008).
double ishigami(const double* u) {
  const double pi = std::numbers::pi;
  const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
  return std::sin(x1) + 7.0 * std::sin(x2) * std::sin(x2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
}

// Ishigami values at the points of a Saltelli design over three parameters, plus `offset`.
std::vector<double> ishigami_sweep(const test::ScratchFolder& scratch, bool second_order, double offset,
                                   std::size_t rows) {
  const SweepSpec spec = read_sweep_spec(write_spec(
      scratch, "design = saltelli\npoints = " + std::to_string(rows) + "\n" +
                   (second_order ? "second_order = true\n" : "") + "outputs = new_diagnoses\n"
                   "[parameter.x1]\nkey = surveillance.attendance\nmin = 0\nmax = 1\n"
                   "[parameter.x2]\nkey = exposure.ppe_reduction\nmin = 0\nmax = 1\n"
                   "[parameter.x3]\nkey = surveillance.followup_coverage\nmin = 0\nmax = 1\n"));
  const SweepPlan plan = plan_sweep(spec);
  EXPECT_EQ(plan.points, rows * (second_order ? 8 : 5));
  std::vector<double> f(plan.points);
  for (std::size_t n = 0; n < plan.points; ++n) f[n] = offset + ishigami(&plan.unit[n * 3]);
  return f;
}

SobolOptions options(std::size_t resamples, double level, std::uint64_t seed) {
  SobolOptions o;
  o.resamples = resamples;
  o.level = level;
  o.seed = seed;
  return o;
}

TEST(Sensitivity, SobolIndicesOfIshigamiLieWithinTheirIntervals) {
  test::ScratchFolder scratch;
  const std::vector<double> f = ishigami_sweep(scratch, false, 0.0, 4096);
  // 99 % bootstrap intervals: each of the six must hold the analytic value.
  const SobolResult r = sobol_indices(f, 3, options(500, 0.99, 7));
  ASSERT_EQ(r.base_rows, 4096u);
  EXPECT_TRUE(r.varies);
  EXPECT_FALSE(r.too_few_rows);
  EXPECT_TRUE(r.wide_intervals.empty());
  const double s1[] = {0.3139, 0.4424, 0.0}, st[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& x = r.indices[i];
    EXPECT_LE(x.first_low, s1[i]) << "S" << i + 1 << " = " << x.first;
    EXPECT_GE(x.first_high, s1[i]) << "S" << i + 1 << " = " << x.first;
    EXPECT_LE(x.total_low, st[i]) << "ST" << i + 1 << " = " << x.total;
    EXPECT_GE(x.total_high, st[i]) << "ST" << i + 1 << " = " << x.total;
    EXPECT_LT(x.first_high - x.first_low, 0.15) << "interval of S" << i + 1 << " too wide to mean anything";
  }
  // The analytic variance: a²/8 + b π⁴/5 + b² π⁸/18 + 1/2.
  const double pi4 = std::pow(std::numbers::pi, 4);
  EXPECT_NEAR(r.variance, 49.0 / 8 + 0.1 * pi4 / 5 + 0.01 * pi4 * pi4 / 18 + 0.5, 0.05 * r.variance);
}

// The centred first-order estimator does not move when a constant is added to the output (counts of cases sit
// far from 0), where the uncentred one of Saltelli 2010 picks up f0 times the noise of f_ABi - f_A; on Ishigami
// itself (mean 3.5, spread 3.7) it is no wider.
TEST(Sensitivity, CentredFirstOrderIsTighterAndIgnoresAnOffset) {
  test::ScratchFolder scratch;
  const std::vector<double> plain = ishigami_sweep(scratch, false, 0.0, 1024);
  const std::vector<double> shifted = ishigami_sweep(scratch, false, 1000.0, 1024);
  SobolOptions centred = options(300, 0.9, 3), uncentred = centred;
  uncentred.first_order = FirstOrderEstimator::Saltelli2010;
  const SobolResult a = sobol_indices(plain, 3, centred), b = sobol_indices(shifted, 3, centred);
  const SobolResult c = sobol_indices(plain, 3, uncentred), d = sobol_indices(shifted, 3, uncentred);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(a.indices[i].first, b.indices[i].first, 1e-6) << "S" << i + 1;
    EXPECT_NEAR(a.indices[i].total, b.indices[i].total, 1e-6) << "ST" << i + 1;
    const double width_centred = a.indices[i].first_high - a.indices[i].first_low;
    const double width_uncentred = c.indices[i].first_high - c.indices[i].first_low;
    const double width_shifted = d.indices[i].first_high - d.indices[i].first_low;
    // Bootstrap widths from 300 resamples carry a few per cent of noise: "no wider" within 10 %.
    EXPECT_LE(width_centred, 1.1 * width_uncentred) << "S" << i + 1;
    EXPECT_GT(width_shifted, 20.0 * width_centred) << "S" << i + 1 << ": the offset should swamp the uncentred one";
  }
  EXPECT_FALSE(d.wide_intervals.empty()) << "intervals wider than an index's range are reported";
}

// Ishigami's only interaction is between x1 and x3: S13 = b² π⁸ (1/18 − 1/50) / V = 0.2437, S12 = S23 = 0.
TEST(Sensitivity, SecondOrderIndicesOfIshigamiLieWithinTheirIntervals) {
  test::ScratchFolder scratch;
  const std::vector<double> f = ishigami_sweep(scratch, true, 0.0, 4096);
  SobolOptions o = options(500, 0.99, 11);
  o.second_order = true;
  const SobolResult r = sobol_indices(f, 3, o);
  ASSERT_EQ(r.base_rows, 4096u);
  const double pi8 = std::pow(std::numbers::pi, 8);
  const double variance = 49.0 / 8 + 0.1 * std::pow(std::numbers::pi, 4) / 5 + 0.01 * pi8 / 18 + 0.5;
  const double s13 = 0.01 * pi8 * (1.0 / 18 - 1.0 / 50) / variance;
  const double expected[3][3] = {{0, 0.0, s13}, {0, 0, 0.0}, {0, 0, 0}};
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = i + 1; j < 3; ++j) {
      const auto& s = r.second[i][j];
      EXPECT_LE(s.low, expected[i][j]) << "S" << i + 1 << j + 1 << " = " << s.value;
      EXPECT_GE(s.high, expected[i][j]) << "S" << i + 1 << j + 1 << " = " << s.value;
      EXPECT_LT(s.high - s.low, 0.3) << "S" << i + 1 << j + 1;
    }
  }
  // The first-order indices of the same design are unchanged by the extra points.
  EXPECT_LE(r.indices[0].first_low, 0.3139);
  EXPECT_GE(r.indices[0].first_high, 0.3139);
}

TEST(Sensitivity, SobolLeavesOutRowsWithMissingValues) {
  std::vector<double> f = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};  // 3 rows of K + 2 = 4 (K = 2)
  f[5] = std::nan("");
  const SobolResult r = sobol_indices(f, 2, options(20, 0.9, 1));
  EXPECT_EQ(r.base_rows, 2u);
  EXPECT_TRUE(r.too_few_rows);
}

TEST(Sensitivity, AConstantOutputHasNoIndices) {
  const std::vector<double> f(5 * 40, 17.0);
  const SobolResult r = sobol_indices(f, 3, options(20, 0.9, 1));
  EXPECT_FALSE(r.varies);
  EXPECT_TRUE(std::isnan(r.indices[0].first));
  EXPECT_FALSE(output_varies(f));
  EXPECT_FALSE(output_varies({std::nan(""), 2.0}));
  EXPECT_TRUE(output_varies({1.0, std::nan(""), 1.5}));
}

TEST(Sensitivity, MorrisEffectsOfALinearFunctionAreItsSlopesWithoutSpread) {
  test::ScratchFolder scratch;
  const SweepSpec spec =
      read_sweep_spec(write_spec(scratch, "design = morris\npoints = 10\nlevels = 4\n" + std::string(kTwoParameters)));
  const SweepPlan plan = plan_sweep(spec);
  std::vector<double> f(plan.points);
  for (std::size_t n = 0; n < plan.points; ++n) f[n] = 3.0 * plan.unit_at(n, 0) - 0.5 * plan.unit_at(n, 1) + 2.0;
  const MorrisResult r = morris_effects(plan.unit, f, 2);
  const auto& e = r.effects;
  EXPECT_NEAR(e[0].mu, 3.0, 1e-12);
  EXPECT_NEAR(e[0].mu_star, 3.0, 1e-12);
  EXPECT_NEAR(e[0].sigma, 0.0, 1e-12);
  EXPECT_NEAR(e[0].mu_star_low, 3.0, 1e-12) << "every resample of equal effects has the same mu*";
  EXPECT_NEAR(e[0].mu_star_high, 3.0, 1e-12);
  EXPECT_NEAR(e[1].mu, -0.5, 1e-12);
  EXPECT_NEAR(e[1].mu_star, 0.5, 1e-12);
  EXPECT_EQ(e[0].effects, 10u);
  EXPECT_EQ(r.trajectories, 10u);
  EXPECT_FALSE(r.too_few_trajectories);
}

// μ*'s bootstrap interval over trajectories: around the estimate, narrower with more trajectories (as
// 1/sqrt(r): a quarter of the trajectories, about twice the width), reproducible from its seed.
TEST(Sensitivity, MorrisMuStarIntervalsShrinkWithTrajectories) {
  test::ScratchFolder scratch;
  const auto run = [&](int trajectories, std::uint64_t seed) {
    const SweepSpec spec = read_sweep_spec(write_spec(
        scratch, "design = morris\npoints = " + std::to_string(trajectories) + "\nlevels = 6\n" + kTwoParameters));
    const SweepPlan plan = plan_sweep(spec);
    std::vector<double> f(plan.points);
    for (std::size_t n = 0; n < plan.points; ++n) {
      const double x = plan.unit_at(n, 0), y = plan.unit_at(n, 1);
      f[n] = 4.0 * x * x + std::sin(6.0 * y) + x * y;
    }
    MorrisOptions o;
    o.resamples = 400;
    o.seed = seed;
    return morris_effects(plan.unit, f, 2, o);
  };
  const MorrisResult small = run(40, 5), large = run(640, 5), again = run(40, 5);
  for (std::size_t k = 0; k < 2; ++k) {
    const auto& s = small.effects[k];
    EXPECT_LT(s.mu_star_low, s.mu_star) << k;
    EXPECT_GT(s.mu_star_high, s.mu_star) << k;
    EXPECT_EQ(s.mu_star_low, again.effects[k].mu_star_low) << "the same seed gives the same interval";
    const double ratio = (s.mu_star_high - s.mu_star_low) /
                         (large.effects[k].mu_star_high - large.effects[k].mu_star_low);
    EXPECT_GT(ratio, 2.0) << k;  // sqrt(16) = 4 expected; wide bounds for the randomness of both samples
    EXPECT_LT(ratio, 8.0) << k;
  }
  const MorrisResult few = run(4, 5);
  EXPECT_TRUE(few.too_few_trajectories);
}

TEST(SweepPoint, RecordsRoundTripAndRefuseTruncation) {
  PointResult r;
  r.index = 17;
  r.status = PointStatus::Done;
  r.values = {1.5, std::nan(""), -3.25};
  const std::string bytes = encode_point(r);
  const PointResult back = decode_point(bytes);
  EXPECT_EQ(back.index, 17);
  EXPECT_EQ(back.status, PointStatus::Done);
  ASSERT_EQ(back.values.size(), 3u);
  EXPECT_EQ(back.values[0], 1.5);
  EXPECT_TRUE(std::isnan(back.values[1]));
  for (std::size_t cut = 0; cut < bytes.size(); cut += 3) {
    EXPECT_THROW(decode_point(bytes.substr(0, cut)), IoError) << "cut at " << cut;
  }
  EXPECT_THROW(decode_point(bytes + "x"), IoError);
  PointResult failed;
  failed.index = 2;
  failed.status = PointStatus::Failed;
  failed.error = "surveillance.attendance: expected a number in [0, 1]";
  EXPECT_EQ(decode_point(encode_point(failed)).error, failed.error);
}

TEST(SweepPoint, IndependentRandomNumbersGiveEachPointItsOwnStreams) {
  // Point n runs replicates n·R .. n·R + R − 1 without common random numbers, 0 .. R − 1 with them.
  test::ScratchFolder scratch;
  for (const bool common : {true, false}) {
    const SweepSpec spec = read_sweep_spec(write_spec(
        scratch, "design = lhs\npoints = 3\nreplicates = 2\nseed = 5\nend_year = 2012\ncommon_random_numbers = " +
                     std::string(common ? "true" : "false") + "\n" + kTwoParameters));
    EXPECT_EQ(spec.common_random_numbers, common);
    const SweepPlan plan = plan_sweep(spec);
    const Scenario base = load_sweep_base(spec);
    const SweepContext context = sweep_context(spec, plan, base);
    const PointResult point = evaluate_point(context, 2);
    ASSERT_EQ(point.status, PointStatus::Done) << point.error;
    Scenario scenario = load_scenario(spec.scenario_directory, point_settings(spec, plan, 2));
    RunRequest request;
    request.seed = 5;
    request.replicates = 2;
    request.first_replicate = common ? 0 : 4;
    const auto runs = run_replicates(scenario, request);
    const OutputId id = output_id(*find_output("new_diagnoses"));
    std::vector<double> expected;
    for (const auto& r : runs) {
      for (std::size_t y = 0; y < context.year_count(); ++y) expected.push_back(city_cell(r[id], y));
    }
    EXPECT_TRUE(test::bitwise_equal(point.values, expected)) << (common ? "common" : "independent");
  }
}

TEST(SweepSpec, BadSweepFilesAreRefusedWithFileAndLine) {
  test::ScratchFolder scratch;
  const auto refused = [&](const std::string& body, const std::string& fragment) {
    const std::string path = write_spec(scratch, body);
    try {
      read_sweep_spec(path);
      ADD_FAILURE() << "accepted: " << body;
    } catch (const InputError& error) {
      EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
      EXPECT_EQ(error.file(), path);
    }
  };
  refused("design = fractal\npoints = 3\n" + std::string(kTwoParameters), "expected grid, lhs, sobol, saltelli or morris");
  refused("design = lhs\n" + std::string(kTwoParameters), "expected 'points = N'");
  refused("design = lhs\npoints = 4\noutputs = nonsense\n[parameter.a]\nkey = surveillance.attendance\nmin = 0\nmax = 1\n",
          "expected outputs of docs/output-format.md");
  refused("design = lhs\npoints = 4\noutputs = patients_true_by_township\n"
          "[parameter.a]\nkey = surveillance.attendance\nmin = 0\nmax = 1\n",
          "no city total");
  refused("design = lhs\npoints = 4\noutputs = new_diagnoses\n[parameter.a]\nkey = surveillance.attendance\nmin = 1\nmax = 0\n",
          "expected a value above min");
  refused("design = lhs\npoints = 4\noutputs = new_diagnoses\n[parameter.a]\nkey = simulation.seed\nmin = 1\nmax = 9\n",
          "[simulation] settings");
  refused("design = morris\npoints = 4\nlevels = 3\n" + std::string(kTwoParameters), "even number of levels");
  refused("design = lhs\npoints = 4\noutputs = new_diagnoses\n[parameter.a]\nkey = surveillance.attendance\nvalues = 0.1\n",
          "need design = grid");
  refused("design = lhs\npoints = 4\noutputs = new_diagnoses\n", "at least one [parameter.NAME]");
  refused("design = lhs\npoints = 4\ncolour = red\n" + std::string(kTwoParameters), ":5: unknown key");
  refused("design = lhs\npoints = 4\ncommon_random_numbers = no\n" + std::string(kTwoParameters),
          ":5: key 'sweep.common_random_numbers': expected true or false");
  refused("design = lhs\npoints = 4\nsecond_order = true\n" + std::string(kTwoParameters), "need design = saltelli");
  refused("design = saltelli\npoints = 4\nsecond_order = yes\n" + std::string(kTwoParameters), "expected true or false");
}

}  // namespace
}  // namespace pneumo

namespace pneumo {
namespace {

TEST(SweepMemory, GrowsWithReplicatesPointsAndThreadsAndRefusesWhatDoesNotFit) {
  test::ScratchFolder scratch;
  const auto estimate = [&](int points, int replicates, int threads) {
    const std::string path = scratch.file("m" + std::to_string(points) + "_" + std::to_string(replicates) + ".ini");
    test::write_file(path, "[sweep]\nscenario = " + test::data_path("small") + "\npoints = " + std::to_string(points) +
                               "\nreplicates = " + std::to_string(replicates) + "\noutputs = new_diagnoses\n"
                               "[parameter.a]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n");
    const SweepSpec spec = read_sweep_spec(path);
    return std::make_pair(spec, estimate_sweep_memory(spec, plan_sweep(spec), test::small_scenario(), threads));
  };
  const auto [spec, base] = estimate(8, 2, 2);
  EXPECT_EQ(base.points_at_once, 2u);
  EXPECT_EQ(base.simulations_at_once, 2u);
  EXPECT_GT(estimate(8, 2000, 2).second.point_bytes, 500 * base.point_bytes);  // the replicates' results dominate
  EXPECT_GT(estimate(800, 2, 2).second.kept_bytes, 90 * base.kept_bytes);
  EXPECT_GT(estimate(8, 2, 8).second.total_bytes(), base.total_bytes());
  EXPECT_EQ(estimate(1, 2, 8).second.points_at_once, 1u);
  try {
    check_sweep_fits(spec, base, 1024, "allowed by --max-memory");
    ADD_FAILURE() << "a sweep larger than the limit was not refused";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), spec.path);
    EXPECT_NE(std::string(e.what()).find("needs an estimated"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(check_sweep_fits(spec, base, base.total_bytes(), "available"));
}

TEST(SweepSpec, AMissingKeyIsRefusedAtItsSectionsLine) {
  test::ScratchFolder scratch;
  const auto line_of = [&](const std::string& body) {
    const std::string path = scratch.file("missing.ini");
    test::write_file(path, body);
    try {
      (void)read_sweep_spec(path);
    } catch (const InputError& e) {
      return e.line();
    }
    return -1L;
  };
  const std::string scenario = "scenario = " + test::data_path("small") + "\n";
  EXPECT_EQ(line_of("# a sweep\n[sweep]\n" + scenario + "points = 2\n[parameter.a]\nkey = surveillance.attendance\n"
                    "min = 0.3\nmax = 1\n"),
            2);  // no outputs: [sweep] is line 2
  EXPECT_EQ(line_of("[sweep]\n" + scenario + "points = 2\noutputs = new_diagnoses\n\n[parameter.a]\n"
                    "key = surveillance.attendance\nmin = 0.3\n"),
            6);  // no max: [parameter.a] is line 6
}

TEST(SweepSpec, AnOutputKeptTwiceIsRefusedAtItsLine) {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("twice.ini");
  test::write_file(path, "[sweep]\nscenario = " + test::data_path("small") +
                             "\npoints = 2\noutputs = new_diagnoses, new_diagnoses\n"
                             "[parameter.a]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n");
  try {
    (void)read_sweep_spec(path);
    ADD_FAILURE() << "accepted an output kept twice";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 4);
    EXPECT_NE(std::string(e.what()).find("'new_diagnoses' repeats"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace pneumo

namespace pneumo {
namespace {

// A sweep over intervention settings forks its points from the history they share, with the results of
// points run from their first year; one that varies anything else shares nothing.
TEST(SweepHistory, PointsOverInterventionSettingsForkFromTheSharedHistoryBitIdentically) {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("sweep.ini");
  test::write_file(path, "[sweep]\nscenario = " + test::source_path("scenarios/xuzhou") +
                             "\ndesign = grid\nreplicates = 2\nend_year = 2025\npackage = full_plan\n"
                             "outputs = new_diagnoses, indicator_hazard_declaration_rate, intervention_cost_rmb\n"
                             "[parameter.dust]\nkey = intervention.dust_control.intensity\nvalues = 0.1, 0.5\n"
                             "[parameter.start]\nkey = intervention.screening.start_year\nvalues = 2019, 2024\n");
  const SweepSpec spec = read_sweep_spec(path);
  ASSERT_TRUE(sweep_shares_history(spec));
  const SweepPlan plan = plan_sweep(spec);
  const Scenario base = load_sweep_base(spec);
  SweepContext forked = sweep_context(spec, plan, base);
  EXPECT_FALSE(forked.history);  // simulated by the processes that evaluate points, not by every caller
  forked.history = simulate_sweep_history(spec, base, forked.seed);
  ASSERT_TRUE(forked.history);
  EXPECT_EQ(forked.history->year, divergence_year(base));
  EXPECT_EQ(forked.history->states.size(), 2u);
  SweepContext whole = forked;
  whole.history = nullptr;
  for (std::size_t n = 0; n < plan.points; ++n) {
    const PointResult a = evaluate_point(forked, n);
    const PointResult b = evaluate_point(whole, n);
    ASSERT_EQ(a.status, PointStatus::Done) << a.error;
    EXPECT_TRUE(test::bitwise_equal(a.values, b.values)) << "point " << n;
  }

  SweepSpec other = spec;
  other.parameters.front().key = "surveillance.attendance";
  EXPECT_FALSE(sweep_shares_history(other));
  other = spec;
  other.common_random_numbers = false;
  EXPECT_FALSE(sweep_shares_history(other));
}

}  // namespace
}  // namespace pneumo
