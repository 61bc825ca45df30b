// The damaged-file campaign (docs/reliability.md): every kind of file pneumoplan writes and reads back — a
// results file, a comparison file, a whole sweep, a shard, a merged sweep and a journal record — made by the
// engine itself, then damaged in 300 deterministic ways each (bytes flipped, the file cut short or extended,
// blocks zeroed or copied over, the seal itself changed, another kind of file in its place) and given to every
// reader of that kind. Each damaged file must be refused with IoError (or InputError for a file of another
// kind) naming it: never read as good, never a crash, a hang or another exception.
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <random>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/policy/comparison_file.hpp"
#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/policy/package_comparison.hpp"
#include "pneumoplan/policy/scorecard.hpp"
#include "pneumoplan/research/sweep_file.hpp"
#include "pneumoplan/research/sweep_journal.hpp"
#include "pneumoplan/research/sweep_merge.hpp"
#include "pneumoplan/research/sweep_point.hpp"
#include "pneumoplan/research/sweep_spec.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/results/results_file_kind.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/scenario_loader.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

constexpr int kVariantsPerKind = 300;

// One good file of every kind, made once by the engine.
struct GoodFiles {
  test::ScratchFolder scratch;
  std::string results, comparison, sweep, shard0, shard1, merged;
  std::string fingerprint;
  std::string journal_record;  // bytes of one record
};

const GoodFiles& good_files() {
  static const GoodFiles* files = [] {
    auto* f = new GoodFiles;
    const std::vector<std::string> settings = {
        "simulation.start_year=2019", "simulation.end_year=2025", "intervention.dust.type=engineering_control",
        "intervention.dust.intensity=0.5", "intervention.dust.start_year=2021",
        "intervention.dust.source=assumed: test", "package.dust.interventions=dust"};
    Scenario scenario = load_scenario(test::data_path("small"), settings);
    RunRequest request;
    request.seed = 3;
    request.replicates = 2;
    std::vector<std::vector<ReplicateResults>> runs;
    std::vector<Scenario> package_scenarios;
    const std::vector<std::string> packages = {"baseline", "dust"};
    for (const auto& name : packages) {
      package_scenarios.push_back(scenario);
      package_scenarios.back().select_package(name);
      runs.push_back(run_replicates(package_scenarios.back(), request));
    }
    PackageComparison comparison = compare_packages(scenario, packages, runs, request.seed, 2021, 2025, 2025);
    comparison.targets = scenario.targets;
    for (std::size_t p = 0; p < packages.size(); ++p) {
      const std::string name = "small-" + packages[p] + ".h5";
      write_results_file(f->scratch.file(name), package_scenarios[p], runs[p], request.seed);
      comparison.results_files.push_back(name);
      const ResultsFile results = open_results_file(f->scratch.file(name));
      const Scorecard card = build_scorecard(results, {2025});
      std::vector<Verdict> verdicts;
      for (const auto& row : card.rows) {
        if (row.region == results.region_codes.size() - 1) verdicts.push_back(row.verdict);
      }
      comparison.verdicts.push_back(verdicts);
    }
    f->results = f->scratch.file("small-baseline.h5");
    f->comparison = f->scratch.file("comparison.h5");
    write_comparison_file(f->comparison, comparison);

    const std::string spec_path = f->scratch.file("sweep.ini");
    test::write_file(spec_path, "[sweep]\nscenario = " + test::data_path("small") +
                                    "\ndesign = lhs\npoints = 4\nreplicates = 1\nend_year = 2022\n"
                                    "set = simulation.start_year=2016\noutputs = new_diagnoses, new_cases_true\n"
                                    "[parameter.attendance]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n");
    const SweepSpec spec = read_sweep_spec(spec_path);
    const SweepPlan plan = plan_sweep(spec);
    const Scenario base = load_sweep_base(spec);
    const SweepContext context = sweep_context(spec, plan, base);
    f->fingerprint = sweep_fingerprint(spec, base);
    SweepData whole = start_sweep_data(spec, plan, context, base, f->fingerprint);
    SweepData shard0 = whole, shard1 = whole;
    shard0.shard = "0/2";
    shard1.shard = "1/2";
    for (std::size_t n = 0; n < plan.points; ++n) {
      const PointResult r = evaluate_point(context, n);
      add_point(whole, r);
      add_point(n % 2 == 0 ? shard0 : shard1, r);
      if (n == 1) f->journal_record = encode_journal_record(f->fingerprint, r);
    }
    f->sweep = f->scratch.file("sweep.h5");
    f->shard0 = f->scratch.file("shard-0.h5");
    f->shard1 = f->scratch.file("shard-1.h5");
    f->merged = f->scratch.file("merged.h5");
    write_sweep_file(f->sweep, whole);
    write_sweep_file(f->shard0, shard0);
    write_sweep_file(f->shard1, shard1);
    write_sweep_file(f->merged, merge_sweep_shards({f->shard0, f->shard1}).data);
    return f;
  }();
  return *files;
}

// The damage of variant `k` applied to `bytes`; `other` is a good file of another kind.
std::string damaged(const std::string& bytes, const std::string& other, int k, std::mt19937_64& rng) {
  std::string out = bytes;
  const auto at = [&](std::size_t size) { return static_cast<std::size_t>(rng() % std::max<std::size_t>(size, 1)); };
  switch (k % 7) {
    case 0: {  // one to eight bytes changed anywhere
      const int flips = 1 + static_cast<int>(rng() % 8);
      for (int i = 0; i < flips; ++i) out[at(out.size())] ^= static_cast<char>(1 + rng() % 255);
      break;
    }
    case 1:  // cut short
      out.resize(at(out.size()));
      break;
    case 2: {  // extended
      const std::size_t extra = 1 + rng() % 64;
      for (std::size_t i = 0; i < extra; ++i) out += static_cast<char>(rng());
      break;
    }
    case 3: {  // a block zeroed
      const std::size_t length = std::min<std::size_t>(1 + rng() % 4096, out.size());
      const std::size_t start = at(out.size() - length + 1);
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(start), out.begin() + static_cast<std::ptrdiff_t>(start + length), '\0');
      break;
    }
    case 4: {  // a block copied over another part of the file
      const std::size_t length = std::min<std::size_t>(1 + rng() % 512, out.size() / 2);
      const std::size_t from = at(out.size() - length + 1), to = at(out.size() - length + 1);
      out.replace(to, length, bytes.substr(from, length));
      break;
    }
    case 5: {  // the seal (or a record's header) changed: a byte of the first 512
      out[at(std::min<std::size_t>(512, out.size()))] ^= static_cast<char>(1 + rng() % 255);
      break;
    }
    case 6:  // another kind of pneumoplan file, or its head
      out = k % 14 == 6 ? other : other.substr(0, at(other.size()));
      break;
  }
  return out;
}

struct Campaign {
  int variants = 0, identical = 0, refused = 0;
  std::map<std::string, int> reasons;  // first words of the messages, for the record
};

// Writes every variant of `good` to `path`, calls `read` and requires a refusal naming `path`.
Campaign run_campaign(const std::string& kind, const std::string& good_path, const std::string& other_path,
                      const std::string& path, const std::function<void()>& read, std::uint64_t seed) {
  const std::string bytes = test::read_file(good_path), other = test::read_file(other_path);
  std::mt19937_64 rng(seed);
  Campaign c;
  for (int k = 0; k < kVariantsPerKind; ++k) {
    const std::string variant = damaged(bytes, other, k, rng);
    ++c.variants;
    if (variant == bytes) {  // a damage that changed nothing (a zero block over zeros)
      ++c.identical;
      continue;
    }
    test::write_file(path, variant);
    try {
      read();
      ADD_FAILURE() << kind << " variant " << k << " (damage " << k % 7 << ", " << variant.size()
                    << " bytes) was read as good";
    } catch (const IoError& e) {
      ++c.refused;
      EXPECT_EQ(std::string(e.what()).rfind(path, 0), 0u) << kind << " variant " << k << ": " << e.what();
    } catch (const InputError& e) {
      ++c.refused;
      EXPECT_EQ(e.file(), path) << kind << " variant " << k << ": " << e.what();
    }
  }
  std::cout << kind << ": " << c.variants << " damaged variants, " << c.refused << " refused, " << c.identical
            << " left identical by their damage\n";
  return c;
}

TEST(DamagedFiles, ResultsFilesAreRefusedByEveryReader) {
  const auto& good = good_files();
  test::ScratchFolder scratch;
  const std::string path = scratch.file("damaged.h5");
  const Campaign c = run_campaign("results file", good.results, good.comparison, path, [&] {
    // As scorecard, stations, plot and report read it.
    (void)detect_results_file_kind(path);
    const ResultsFile results = open_results_file(path);
    (void)results.read_output("new_diagnoses");
    (void)results.read_summary("new_diagnoses");
    (void)build_scorecard(results, {2023, 2025});
  }, 1);
  EXPECT_EQ(c.refused + c.identical, kVariantsPerKind);
}

TEST(DamagedFiles, ComparisonFilesAreRefusedByEveryReader) {
  const auto& good = good_files();
  test::ScratchFolder scratch;
  const std::string path = scratch.file("damaged.h5");
  const Campaign c = run_campaign("comparison file", good.comparison, good.sweep, path, [&] {
    (void)detect_results_file_kind(path);  // as plot and report read it
    (void)open_comparison_file(path);
  }, 2);
  EXPECT_EQ(c.refused + c.identical, kVariantsPerKind);
}

TEST(DamagedFiles, SweepShardAndMergedFilesAreRefusedByEveryReader) {
  const auto& good = good_files();
  test::ScratchFolder scratch;
  const std::string path = scratch.file("damaged.h5");
  // sensitivity, calibrate and a resumed sweep read whole files; merge reads shards and joins them.
  const auto read_whole = [&] { (void)read_sweep_file(path); };
  int refused = 0, identical = 0;
  for (const auto& [kind, file, seed] : {std::tuple{"sweep file", good.sweep, 3}, std::tuple{"merged sweep", good.merged, 4}}) {
    const Campaign c = run_campaign(kind, file, good.results, path, read_whole, static_cast<std::uint64_t>(seed));
    refused += c.refused;
    identical += c.identical;
  }
  const Campaign c = run_campaign("shard", good.shard0, good.results, path,
                                  [&] { (void)merge_sweep_shards({path, good.shard1}); }, 5);
  refused += c.refused;
  identical += c.identical;
  EXPECT_EQ(refused + identical, 3 * kVariantsPerKind);
}

TEST(DamagedFiles, JournalRecordsAreRefused) {
  const auto& good = good_files();
  test::ScratchFolder scratch;
  // A journal of the sweep with one record, damaged: loading it (as a resumed sweep does) must refuse it,
  // naming the record's file.
  const std::string result = scratch.file("sweep.h5");
  { SweepJournal journal(result, good.fingerprint); }
  const std::string record = result + ".parts/point-000000001.bin";
  const std::string good_record_path = scratch.file("good.bin"), other_path = scratch.file("other.bin");
  test::write_file(good_record_path, good.journal_record);
  test::write_file(other_path, encode_journal_record("0123456789abcdef", PointResult{}));
  const Campaign c = run_campaign("journal record", good_record_path, other_path, record, [&] {
    const SweepJournal journal(result, good.fingerprint);
    (void)journal.load();
  }, 6);
  EXPECT_EQ(c.refused + c.identical, kVariantsPerKind);
  // The good record itself is read back whole.
  test::write_file(record, good.journal_record);
  const auto points = SweepJournal(result, good.fingerprint).load();
  ASSERT_EQ(points.size(), 1u);
  EXPECT_EQ(points.at(1).status, PointStatus::Done);
}

TEST(DamagedFiles, AJournalWithoutItsFingerprintOrAnotherSweepsIsRefused) {
  const auto& good = good_files();
  test::ScratchFolder scratch;
  const std::string result = scratch.file("sweep.h5");
  {
    const SweepJournal journal(result, good.fingerprint);
    journal.record(decode_journal_record(good.fingerprint, good.journal_record));
  }
  EXPECT_THROW(SweepJournal(result, "0123456789abcdef"), InputError);  // another sweep's journal: give another --out
  std::filesystem::remove(result + ".parts/fingerprint");
  try {
    SweepJournal journal(result, good.fingerprint);
    ADD_FAILURE() << "a journal without its fingerprint was accepted";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("no fingerprint"), std::string::npos) << e.what();
  }
  // A record copied in from another sweep's journal is refused by its own fingerprint.
  const std::string other = scratch.file("other.h5");
  { SweepJournal journal(other, "0123456789abcdef"); }
  test::write_file(other + ".parts/point-000000001.bin", good.journal_record);
  try {
    (void)SweepJournal(other, "0123456789abcdef").load();
    ADD_FAILURE() << "a record of another sweep was accepted";
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("another sweep"), std::string::npos) << e.what();
  }
}

TEST(DamagedFiles, GoodFilesAreReadBackWhole) {
  // The campaign's premise: the undamaged files are read, with the numbers they were written with.
  const auto& good = good_files();
  EXPECT_EQ(detect_results_file_kind(good.results), ResultsFileKind::Run);
  EXPECT_EQ(detect_results_file_kind(good.comparison), ResultsFileKind::Comparison);
  EXPECT_EQ(open_comparison_file(good.comparison).packages.size(), 2u);
  const SweepData whole = read_sweep_file(good.sweep), merged = read_sweep_file(good.merged);
  EXPECT_TRUE(complete(whole));
  EXPECT_FALSE(complete(read_sweep_file(good.shard0)));
  EXPECT_EQ(test::read_file(good.sweep), test::read_file(good.merged));  // the merge is the whole sweep, byte for byte
  EXPECT_TRUE(test::bitwise_equal(whole.output_values[0], merged.output_values[0]));
}

}  // namespace
}  // namespace pneumo
