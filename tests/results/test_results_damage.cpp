// Damaged results files are refused with an IoError naming the file, before the HDF5 library parses
// them (the seal), and a well-formed file with inconsistent content is refused by the reader's own checks
// (found by the results-reader fuzzer, docs/reliability.md). A good file reads.
#include <gtest/gtest.h>

#include <filesystem>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/replicate_runner.hpp"
#include "pneumoplan/results/file_seal.hpp"
#include "pneumoplan/results/hdf5_io.hpp"
#include "pneumoplan/results/results_file.hpp"
#include "pneumoplan/results/results_reader.hpp"
#include "pneumoplan/scenario/scenario.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

// One results file of the small scenario, written once.
const std::string& good_file_bytes() {
  static const std::string bytes = [] {
    test::ScratchFolder scratch;
    RunRequest request;
    request.seed = 7;
    request.replicates = 2;
    write_results_file(scratch.file("r.h5"), test::small_scenario(), run_replicates(test::small_scenario(), request), 7);
    return test::read_file(scratch.file("r.h5"));
  }();
  return bytes;
}

// The message of the IoError that opening `bytes` as a results file gives ("" when it opens).
std::string refusal(const std::string& bytes) {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("damaged.h5");
  test::write_file(path, bytes);
  try {
    open_results_file(path);
  } catch (const IoError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path + ": ", 0), 0u) << message;  // names the file first
    return message;
  }
  return "";
}

TEST(ResultsDamage, AGoodFileIsSealedAndReads) {
  const std::string& bytes = good_file_bytes();
  EXPECT_EQ(bytes.rfind("pneumoplan sealed file 1\n", 0), 0u);
  EXPECT_EQ(bytes.compare(kSealBytes, 8, "\x89HDF\r\n\x1a\n"), 0);  // HDF5 finds its superblock after the seal
  EXPECT_EQ(refusal(bytes), "");
}

TEST(ResultsDamage, TruncatedFilesAreRefused) {
  const std::string& bytes = good_file_bytes();
  for (const std::size_t length : {std::size_t{0}, std::size_t{10}, std::size_t{kSealBytes - 1},
                                   std::size_t{kSealBytes}, bytes.size() / 2, bytes.size() - 1}) {
    const std::string message = refusal(bytes.substr(0, length));
    EXPECT_FALSE(message.empty()) << "a file cut to " << length << " bytes was read";
    if (length > kSealBytes) {
      EXPECT_NE(message.find("truncated"), std::string::npos) << message;
    }
  }
  EXPECT_NE(refusal(bytes + "extra").find("bytes where"), std::string::npos);
}

TEST(ResultsDamage, AnyChangedByteIsRefused) {
  const std::string& bytes = good_file_bytes();
  // Every 4999th byte after the seal, one at a time: metadata, heaps and data alike.
  for (std::size_t at = kSealBytes; at < bytes.size(); at += 4999) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    EXPECT_NE(refusal(damaged).find("checksum does not match"), std::string::npos) << "byte " << at;
  }
  std::string seal_damaged = bytes;
  seal_damaged[30] = static_cast<char>(seal_damaged[30] ^ 0x01);  // a digit of the recorded length
  EXPECT_FALSE(refusal(seal_damaged).empty());
}

TEST(ResultsDamage, FilesWithoutTheSealAreRefused) {
  EXPECT_NE(refusal(good_file_bytes().substr(kSealBytes)).find("without pneumoplan's seal"), std::string::npos);
  EXPECT_NE(refusal("county_code,name\n").find("does not start with the pneumoplan seal"), std::string::npos);
}

// Edits a copy of the good file with the HDF5 library, seals it again and returns the reader's refusal.
template <typename Edit>
std::string refusal_after(Edit edit, const std::string& read_output = "") {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("edited.h5");
  test::write_file(path, good_file_bytes());
  {
    h5::quiet_errors();
    h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
    edit(file.id());
  }
  seal_file(path);
  try {
    const ResultsFile results = open_results_file(path);
    if (!read_output.empty()) results.read_output(read_output);
  } catch (const IoError& e) {
    return e.what();
  }
  return "";
}

void replace_int64s(hid_t file, const char* path, const std::vector<std::int64_t>& values) {
  H5Ldelete(file, path, H5P_DEFAULT);
  const std::string full(path);
  h5::Handle group(H5Gopen2(file, full.substr(0, full.rfind('/')).c_str(), H5P_DEFAULT), H5Gclose);
  h5::write_dataset(group.id(), full.substr(full.rfind('/') + 1), {values.size()}, values);
}

// A file as format version 2 wrote it (the city as region 0, the input files under their own names, the
// overrides under a name with spaces) still reads.
TEST(ResultsDamage, VersionTwoFilesStillRead) {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("v2.h5");
  test::write_file(path, good_file_bytes());
  {
    h5::quiet_errors();
    h5::Handle file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose);
    H5Adelete(file.id(), "format_version");
    h5::write_attribute(file.id(), "format_version", std::int64_t{2});
    std::vector<std::int64_t> codes = h5::read_int64s(file.id(), "/axes/region_code");
    codes.back() = 0;
    H5Ldelete(file.id(), "/axes/region_code", H5P_DEFAULT);
    h5::Handle axes(H5Gopen2(file.id(), "/axes", H5P_DEFAULT), H5Gclose);
    h5::write_dataset(axes.id(), "region_code", {codes.size()}, codes);
    h5::Handle inputs(H5Gopen2(file.id(), "/scenario/inputs", H5P_DEFAULT), H5Gclose);
    H5Lmove(inputs.id(), "scenario_ini", inputs.id(), "scenario.ini", H5P_DEFAULT, H5P_DEFAULT);
    h5::write_string(inputs.id(), "command-line overrides (--set)", "rehab.layout=rule\n");
  }
  seal_file(path);
  const ResultsFile results = open_results_file(path);
  EXPECT_EQ(results.format_version, 2);
  EXPECT_EQ(results.region_codes.back(), 0);
  ASSERT_TRUE(results.read_input("scenario.ini").has_value());
  EXPECT_NE(results.read_input("scenario.ini")->find("[simulation]"), std::string::npos);
  EXPECT_EQ(results.read_input(kOverridesInput).value_or(""), "rehab.layout=rule\n");
  // And the same file as the current version reads its own names.
  test::write_file(scratch.file("v3.h5"), good_file_bytes());
  const ResultsFile current = open_results_file(scratch.file("v3.h5"));
  EXPECT_EQ(current.format_version, kResultsFormatVersion);
  EXPECT_EQ(current.region_codes.back(), 320300);
  EXPECT_TRUE(current.read_input("scenario.ini").has_value());
  EXPECT_FALSE(current.read_input(kOverridesInput).has_value());
}

TEST(ResultsDamage, InconsistentContentIsRefused) {
  EXPECT_EQ(refusal_after([](hid_t) {}), "");  // the edit-and-seal itself leaves a good file
  EXPECT_NE(refusal_after([](hid_t f) { replace_int64s(f, "/axes/year", {1990, 1992}); }).find("consecutive years"),
            std::string::npos);
  EXPECT_NE(refusal_after([](hid_t f) { replace_int64s(f, "/axes/year", {}); }).find("/axes/year is empty"),
            std::string::npos);
  EXPECT_NE(refusal_after([](hid_t f) { replace_int64s(f, "/axes/region_code", {320305, 320381, 0, 0}); })
                .find("entries of its axis"),
            std::string::npos);
  EXPECT_NE(refusal_after([](hid_t f) { replace_int64s(f, "/targets/plan_first_year", {2021}); })
                .find("entries of its axis"),
            std::string::npos);
  // An attribute that is a list where one value belongs (the reader used to read it into one variable).
  EXPECT_NE(refusal_after([](hid_t f) {
              H5Adelete(f, "replicates");
              const hsize_t two = 2;
              h5::Handle space(H5Screate_simple(1, &two, nullptr), H5Sclose);
              h5::Handle a(H5Acreate2(f, "replicates", H5T_STD_I64LE, space.id(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
              const std::int64_t values[2] = {2, 2};
              H5Awrite(a.id(), H5T_NATIVE_INT64, values);
            }).find("not a single value"),
            std::string::npos);
  // An output of another shape than its axes.
  EXPECT_NE(refusal_after([](hid_t f) { replace_int64s(f, "/replicates/rehab_patients", {1, 2, 3}); },
                          "rehab_patients")
                .find("shape does not match"),
            std::string::npos);
}

}  // namespace
}  // namespace pneumo
