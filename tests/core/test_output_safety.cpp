// Outputs as sets, the checks of output paths, quoted excerpts in messages and CSV text cells
// (docs/reliability.md). The strace fault injection over a real run is tests/cli/output_sets.sh.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "pneumoplan/core/atomic_output.hpp"
#include "pneumoplan/core/command_paths.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/output_set.hpp"
#include "pneumoplan/core/table_text.hpp"
#include "pneumoplan/core/text_excerpt.hpp"
#include "pneumoplan/core/text_file.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;

namespace pneumo {
namespace {

bool has_staging(const std::string& folder) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().filename().string().rfind(kOutputSetPrefix, 0) == 0) return true;
  }
  return false;
}

TEST(OutputSet, CommitReplacesEveryMemberAndRemovesStaleOnes) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("r.h5"), "old results");
  test::write_file(scratch.file("r.scorecard.csv"), "old scorecard");
  test::write_file(scratch.file("unrelated.txt"), "keep me");
  {
    OutputSet set(scratch.path());
    test::write_file(set.stage(scratch.file("r.h5")), "new results");
    test::write_file(set.stage(scratch.file("figures/map.png")), "new figure");
    set.remove_on_commit(scratch.file("r.scorecard.csv"));  // the new run has no targets
    set.remove_on_commit(scratch.file("r.scorecard.md"));   // absent: nothing to do
    // Until the commit, the earlier set is untouched.
    EXPECT_EQ(test::read_file(scratch.file("r.h5")), "old results");
    set.commit();
  }
  EXPECT_EQ(test::read_file(scratch.file("r.h5")), "new results");
  EXPECT_EQ(test::read_file(scratch.file("figures/map.png")), "new figure");
  EXPECT_FALSE(fs::exists(scratch.file("r.scorecard.csv")));
  EXPECT_EQ(test::read_file(scratch.file("unrelated.txt")), "keep me");
  EXPECT_FALSE(has_staging(scratch.path()));
}

TEST(OutputSet, AnAbandonedSetLeavesTheEarlierOneAndNoTrace) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("r.h5"), "old results");
  {
    OutputSet set(scratch.path());
    test::write_file(set.stage(scratch.file("r.h5")), "half a new result");
    EXPECT_TRUE(has_staging(scratch.path()));
  }  // a failure before commit(): the destructor abandons the set
  EXPECT_EQ(test::read_file(scratch.file("r.h5")), "old results");
  EXPECT_FALSE(has_staging(scratch.path()));
}

TEST(OutputSet, AFolderInTheWayStopsTheCommitBeforeAnythingMoves) {
  // (Errors after the commit point, which put the earlier set back, are injected into a real run by
  // tests/cli/output_sets.sh.)
  test::ScratchFolder scratch;
  test::write_file(scratch.file("a.csv"), "old a");
  fs::create_directories(scratch.file("c.csv/inside"));
  OutputSet set(scratch.path());
  test::write_file(set.stage(scratch.file("a.csv")), "new a");
  test::write_file(set.stage(scratch.file("c.csv")), "new c");
  EXPECT_THROW(set.commit(), IoError);
  EXPECT_EQ(test::read_file(scratch.file("a.csv")), "old a");
  EXPECT_TRUE(fs::exists(scratch.file("c.csv/inside")));
}

TEST(OutputSet, MessagesNameTheFinalPaths) {
  test::ScratchFolder scratch;
  OutputSet set(scratch.path());
  const std::string staged = set.stage(scratch.file("r.h5"));
  EXPECT_NE(staged, scratch.file("r.h5"));
  EXPECT_EQ(set.final_names("cannot write " + staged + " (disk full?)"), "cannot write " + scratch.file("r.h5") + " (disk full?)");
  EXPECT_THROW(set.stage("/elsewhere/r.h5"), std::logic_error);
}

TEST(OutputSet, SettlingRemovesTheStagingOfAWriterThatDiedBeforeItsCommit) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("r.h5"), "old results");
  // A child process stages a new set and dies without committing (as if killed).
  const pid_t child = ::fork();
  if (child == 0) {
    OutputSet set(scratch.path());
    test::write_file(set.stage(scratch.file("r.h5")), "new results");
    ::_exit(0);  // no destructors: the staging folder stays, as after SIGKILL
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  EXPECT_TRUE(has_staging(scratch.path()));
  settle_output_sets(scratch.path());
  EXPECT_FALSE(has_staging(scratch.path()));
  EXPECT_EQ(test::read_file(scratch.file("r.h5")), "old results");
}

TEST(CommandPaths, OutputsThatAreInputsDevicesOrFoldersAreRefused) {
  test::ScratchFolder scratch;
  test::write_file(scratch.file("in.csv"), "a,b\n");
  fs::create_symlink(scratch.file("in.csv"), scratch.file("link.csv"));
  fs::create_hard_link(scratch.file("in.csv"), scratch.file("hard.csv"));
  ASSERT_EQ(::mkfifo(scratch.file("fifo").c_str(), 0600), 0);
  const auto refusal = [&](const std::string& out, bool folder = false) {
    CommandPaths paths;
    paths.input(scratch.file("in.csv"), "the table");
    paths.input(scratch.file("missing.csv"), "an absent input");  // ignored: its reader reports it
    folder ? paths.output_folder(out, "--out") : paths.output(out, "--out");
    try {
      paths.check();
    } catch (const UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(refusal(scratch.file("in.csv")).find("is the input " + scratch.file("in.csv") + " (the table)"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("link.csv")).find("is the input"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("hard.csv")).find("is the input"), std::string::npos);
  EXPECT_NE(refusal(scratch.path() + "/./../" + fs::path(scratch.path()).filename().string() + "/in.csv").find("is the input"),
            std::string::npos);
  EXPECT_NE(refusal("/dev/null").find("found a character device"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("fifo")).find("found a FIFO"), std::string::npos);
  EXPECT_NE(refusal(scratch.path()).find("found a folder"), std::string::npos);
  EXPECT_NE(refusal("").find("found an empty one"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("new.h5/")).find("found a folder path"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("in.csv"), true).find("expected a folder for the outputs, found a file"), std::string::npos);
  EXPECT_EQ(refusal(scratch.file("new.h5")), "");
  EXPECT_EQ(refusal(scratch.file("new_folder"), true), "");
  CommandPaths twice;
  twice.output(scratch.file("x.csv"), "--out");
  twice.output(scratch.path() + "/./x.csv", "--csv");
  EXPECT_THROW(twice.check(), UsageError);
}

TEST(TextExcerpt, LongValuesAreCutAndControlCharactersShown) {
  EXPECT_EQ(quote_value("abc"), "'abc'");
  const std::string long_value(5'000'000, '5');
  const std::string q = quote_value(long_value);
  EXPECT_LT(q.size(), 100u);
  EXPECT_NE(q.find("(5000000 bytes)"), std::string::npos);
  EXPECT_EQ(quote_value("a\nb\tc\x01"), "'a\\nb\\tc\\x01'");
  // A UTF-8 character is never cut: 61 three-byte characters keep 60 whole ones.
  std::string chinese;
  for (int i = 0; i < 61; ++i) chinese += "区";
  EXPECT_EQ(quote_value(chinese).rfind("'" + chinese.substr(0, 180) + "…'", 0), 0u);
}

TEST(CsvText, FormulaCellsAreNeutralisedAndNumbersLeftAlone) {
  EXPECT_EQ(csv_text("Jiawang"), "Jiawang");
  EXPECT_EQ(csv_text("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_text("=1+1"), "\"'=1+1\"");
  EXPECT_EQ(csv_text("+1"), "\"'+1\"");
  EXPECT_EQ(csv_text("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(csv_text("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(csv_text("\tx"), "\"'\tx\"");
  EXPECT_EQ(csv_text("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_text("a, b"), "\"a, b\"");
  EXPECT_EQ(number_text(-0.126), "-0.126");  // numbers are written as numbers, never through csv_text
}

TEST(TextFile, UnreadableInputsSayWhy) {
  test::ScratchFolder scratch;
  const auto refusal = [](const std::string& path) {
    try {
      (void)read_text_file(path);
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  fs::create_symlink("b", scratch.file("a"));
  fs::create_symlink("a", scratch.file("b"));
  EXPECT_NE(refusal(scratch.file("a")).find("a loop of symbolic links"), std::string::npos);
  EXPECT_THROW(input_file_present(scratch.file("a")), InputError);
  EXPECT_FALSE(input_file_present(scratch.file("absent.csv")));
  fs::create_symlink("nowhere", scratch.file("dangling"));
  EXPECT_NE(refusal(scratch.file("dangling")).find("a symbolic link to nothing"), std::string::npos);
  EXPECT_NE(refusal(scratch.path()).find("it is a folder"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("absent.csv")).find("it is missing"), std::string::npos);
  const std::string utf32("\xFF\xFE\0\0a\0\0\0", 8), utf16("\xFF\xFE" "a\0", 4);
  test::write_file(scratch.file("utf32.csv"), utf32);
  test::write_file(scratch.file("utf16.csv"), utf16);
  EXPECT_NE(refusal(scratch.file("utf32.csv")).find("found UTF-32"), std::string::npos);
  EXPECT_NE(refusal(scratch.file("utf16.csv")).find("found UTF-16"), std::string::npos);
}

}  // namespace
}  // namespace pneumo
