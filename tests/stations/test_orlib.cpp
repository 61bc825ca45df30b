// The OR-Library reader (duplicate edges, shortest paths, malformed files) and the published optima of
// pmed1 and pmed5, reached by the heuristic and (pmed1) proven by CBC.
#include <gtest/gtest.h>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/stations/location_exact.hpp"
#include "pneumoplan/stations/location_solver.hpp"
#include "pneumoplan/stations/orlib.hpp"
#include "test_support.hpp"

namespace pneumo {
namespace {

TEST(OrlibReader, LastDuplicateEdgeWinsAndShortestPathsAreComputed) {
  test::ScratchFolder scratch;
  const std::string path = scratch.file("tiny.txt");
  // 1-2 first costs 10, then 3 (given as 2 1: edges are undirected); 1-4 costs 20 directly but 12 via
  // 2 and 3; the loop at 3 is ignored.
  test::write_file(path, " 4 6 2 \n1 2 10\n2 3 5\n3 4 4\n1 4 20\n3 3 9\n2 1 3\n");
  const OrlibInstance instance = read_orlib_pmedian(path);
  EXPECT_EQ(instance.name, "tiny");
  EXPECT_EQ(instance.p, 2);
  const LocationProblem& problem = instance.problem;
  ASSERT_EQ(problem.n_sites, 4u);
  ASSERT_EQ(problem.n_demand, 4u);
  EXPECT_EQ(problem.demand_weight, std::vector<double>(4, 1.0));
  const std::vector<double> expected{0, 3, 8, 12,  //
                                     3, 0, 5, 9,   //
                                     8, 5, 0, 4,   //
                                     12, 9, 4, 0};
  EXPECT_EQ(problem.distance, expected);
  // Vertices 2 and 3, or 2 and 4, serve all four at 3 + 0 + 0 + 4 = 7; no pair does better.
  EXPECT_EQ(solve_pmedian(problem, 2).objective, 7.0);
}

struct Malformed {
  std::string name;
  std::string text;
  long line;             // expected InputError::line()
  std::string expected;  // the message must contain "PATH:LINE: " + this, or "PATH: " + this for line 0
};

std::ostream& operator<<(std::ostream& out, const Malformed& m) { return out << m.name; }

class OrlibMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(OrlibMalformed, IsRefusedWithFileAndLine) {
  const Malformed& bad = GetParam();
  try {
    parse_orlib_pmedian("bad.txt", bad.text);
    FAIL() << "accepted: " << bad.name;
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "bad.txt");
    EXPECT_EQ(e.line(), bad.line);
    const std::string prefix = bad.line > 0 ? "bad.txt:" + std::to_string(bad.line) + ": " : "bad.txt: ";
    EXPECT_NE(std::string(e.what()).find(prefix + bad.expected), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, OrlibMalformed,
    ::testing::Values(
        Malformed{"empty", "\n \n", 0, "expected a header line 'n m p', found an empty file"},
        Malformed{"header_not_numbers", "4 x 2\n", 1, "expected a header 'n m p' of three whole numbers"},
        Malformed{"header_too_short", "\n4 5\n", 2, "expected a header 'n m p'"},
        Malformed{"p_above_n", "3 2 5\n1 2 5\n2 3 5\n", 1, "expected a median count p in [1, n]"},
        Malformed{"edge_not_numbers", "3 2 1\n1 2 5\n2 x 5\n", 3, "expected an edge 'i j cost'"},
        Malformed{"edge_too_long", "3 2 1\n1 2 5 7\n2 3 5\n", 2, "expected an edge 'i j cost'"},
        Malformed{"vertex_out_of_range", "3 2 1\n1 2 5\n2 4 5\n", 3, "expected vertices in [1, 3], found '2 4 5'"},
        Malformed{"negative_cost", "3 2 1\n1 2 5\n2 3 -1\n", 3, "expected a cost ≥ 0, found -1"},
        Malformed{"missing_edges", "3 3 1\n1 2 5\n2 3 5\n", 1, "the header announces 3 edges, the file has 2"},
        Malformed{"trailing_text", "3 2 1\n1 2 5\n2 3 5\n\n1 3\n", 5, "expected the end of the file after the 2 edges"},
        Malformed{"disconnected", "3 1 1\n1 2 5\n", 0, "vertex 3 cannot be reached from vertex 1"}),
    [](const ::testing::TestParamInfo<Malformed>& info) { return info.param.name; });

TEST(OrlibReader, MissingFileIsAnInputError) {
  EXPECT_THROW(read_orlib_pmedian(test::data_path("orlib/no_such_file.txt")), InputError);
}

TEST(OrlibReader, PublishedOptimaAreKnownByName) {
  EXPECT_EQ(published_pmedian_optimum("pmed1"), 5819.0);
  EXPECT_EQ(published_pmedian_optimum("pmed37"), 5057.0);
  EXPECT_EQ(published_pmedian_optimum("pmed6"), std::nullopt);
}

TEST(OrlibPMedian, HeuristicReachesThePublishedOptimaOfPmed1AndPmed5) {
  for (const char* name : {"pmed1", "pmed5"}) {
    const OrlibInstance instance = read_orlib_pmedian(test::data_path(std::string("orlib/") + name + ".txt"));
    const LocationSolution s = solve_pmedian(instance.problem, instance.p);
    EXPECT_EQ(s.objective, *published_pmedian_optimum(name)) << name;
    EXPECT_EQ(s.open_sites.size(), static_cast<std::size_t>(instance.p)) << name;
  }
}

TEST(OrlibPMedian, CbcProvesThePublishedOptimumOfPmed1) {
  const OrlibInstance instance = read_orlib_pmedian(test::data_path("orlib/pmed1.txt"));
  ExactOptions options;
  options.time_limit_seconds = 600.0;  // a safeguard only: it takes about a second
  const LocationSolution exact = solve_pmedian_exact(instance.problem, instance.p, options);
  EXPECT_EQ(exact.objective, 5819.0);
  EXPECT_TRUE(exact.proven_optimal);
  EXPECT_NEAR(exact.best_bound, 5819.0, 1e-6);
}

}  // namespace
}  // namespace pneumo
