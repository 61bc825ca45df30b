// The HDF5 results file: provenance, axes and every output per replicate and summarised, read back with
// the HDF5 C API; written atomically (no temporary left behind, an existing file untouched on failure).
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/version.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/replicate_summary.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

std::vector<ReplicateResults> small_run() {
  RunRequest request;
  request.seed = 7;
  request.replicates = 3;
  return run_replicates(test::small_scenario(), request);
}

TEST(ResultsFile, RoundTripsProvenanceAxesAndOutputs) {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("out/small.h5");
  const auto replicates = small_run();
  write_results_file(path, test::small_scenario(), replicates, 7);

  auto file = h5::open_file_read_only(path);
  const hid_t root = file.id();
  EXPECT_EQ(h5::read_string_attribute(root, "format"), "pneumoplan-results");
  EXPECT_EQ(h5::read_int_attribute(root, "format_version"), kResultsFormatVersion);
  EXPECT_EQ(h5::read_string_attribute(root, "git_commit"), kGitCommit);
  EXPECT_EQ(h5::read_int_attribute(root, "seed"), 7);
  EXPECT_EQ(h5::read_int_attribute(root, "replicates"), 3);
  auto scenario_group = h5::open_group(root, "scenario");
  EXPECT_EQ(h5::read_string(scenario_group.id(), "resolved_ini"), test::small_scenario().resolved_ini);
  auto inputs = h5::open_group(scenario_group.id(), "inputs");
  EXPECT_NE(h5::read_string(inputs.id(), "strata_csv").find("stone_processing"), std::string::npos);
  {
    h5::Handle strata(H5Dopen2(inputs.id(), "strata_csv", H5P_DEFAULT), H5Dclose);
    EXPECT_EQ(h5::read_string_attribute(strata.id(), "file_name"), "strata.csv");
  }
  // The city's own code: the region axis, its scale and the root attribute (Xuzhou, 320300).
  EXPECT_EQ(h5::read_int_attribute(root, "city_code"), 320300);
  EXPECT_EQ(h5::read_int64s(root, "region").back(), 320300);

  auto axes = h5::open_group(root, "axes");
  const auto years = h5::read_int64s(axes.id(), "year");
  EXPECT_EQ(years.front(), 1990);
  EXPECT_EQ(years.back(), 2030);
  const auto names = h5::read_strings(axes.id(), "region_name_zh");
  EXPECT_EQ(names.front(), "贾汪区");
  EXPECT_EQ(names.back(), "全市");

  auto per_replicate = h5::open_group(root, "replicates");
  auto summary = h5::open_group(root, "summary");
  for (std::size_t i = 0; i < kOutputCount; ++i) {
    const auto id = static_cast<OutputId>(i);
    const std::string name(output_catalogue()[i].name);
    const auto dims = h5::dataset_dims(per_replicate.id(), name);
    ASSERT_EQ(dims.size(), replicates[0][id].shape.size() + 1) << name;
    EXPECT_EQ(dims[0], 3u);
    std::vector<double> stored;
    if (output_catalogue()[i].integer) {
      for (const auto v : h5::read_int64s(per_replicate.id(), name)) stored.push_back(static_cast<double>(v));
    } else {
      stored = h5::read_doubles(per_replicate.id(), name);
    }
    std::vector<double> expected;
    for (const auto& r : replicates) expected.insert(expected.end(), r[id].values.begin(), r[id].values.end());
    EXPECT_TRUE(test::bitwise_equal(stored, expected)) << name;

    auto group = h5::open_group(summary.id(), name);
    const auto s = summarise(replicates, id);
    EXPECT_TRUE(test::bitwise_equal(h5::read_doubles(group.id(), "mean"), s.mean)) << name;
    EXPECT_TRUE(test::bitwise_equal(h5::read_doubles(group.id(), "p95"), s.p95)) << name;
  }
  // Nothing but the result in the folder: the temporary was renamed.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.file("out"))) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(ResultsFile, SameResultsGiveByteIdenticalFiles) {
  test::ScratchFolder scratch;
  const auto replicates = small_run();
  write_results_file(scratch.file("a.h5"), test::small_scenario(), replicates, 7);
  write_results_file(scratch.file("b.h5"), test::small_scenario(), replicates, 7);
  EXPECT_EQ(test::read_file(scratch.file("a.h5")), test::read_file(scratch.file("b.h5")));
}

TEST(ResultsFile, FailureLeavesTheExistingFileUntouchedAndNoPartialFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
  test::ScratchFolder scratch;
  const std::string folder = scratch.file("locked");
  fs::create_directories(folder);
  test::write_file(folder + "/result.h5", "earlier result");
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_THROW(write_results_file(folder + "/result.h5", test::small_scenario(), small_run(), 7), IoError);
  fs::permissions(folder, fs::perms::owner_all);
  EXPECT_EQ(test::read_file(folder + "/result.h5"), "earlier result");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(folder)) ++files;
  EXPECT_EQ(files, 1u);
}

TEST(ResultsFile, FailingToMoveIntoPlaceLeavesNoTemporary) {
  // A folder where the result should go: the rename fails even for root.
  test::ScratchFolder scratch;
  fs::create_directories(scratch.file("result.h5/keep"));
  EXPECT_THROW(write_results_file(scratch.file("result.h5"), test::small_scenario(), small_run(), 7), IoError);
  EXPECT_TRUE(fs::is_directory(scratch.file("result.h5/keep")));
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(ResultsFile, AFileInPlaceOfTheFolderIsAClearError) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("not-a-folder"), "x");
  try {
    write_results_file(scratch.file("not-a-folder/result.h5"), test::small_scenario(), small_run(), 7);
    FAIL();
  } catch (const IoError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot create output folder"), std::string::npos) << e.what();
  }
}

TEST(ResultsFile, ACorruptFileIsRefusedWhenRead) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("corrupt.h5"), "\x89HDF\r\n\x1a\n garbage");
  EXPECT_THROW(h5::open_file_read_only(scratch.file("corrupt.h5")), IoError);
}

}  // namespace
}  // namespace pneumo
