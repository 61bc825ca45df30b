// The text readers: byte-order marks and Windows line endings are accepted, quoting works, and every
// problem names the file and the line.
#include <gtest/gtest.h>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/core/ini_document.hpp"

namespace pneumo {
namespace {

template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(TextFile, AcceptsByteOrderMarkAndWindowsLineEndings) {
  const auto file = parse_text("t.csv", "\xEF\xBB\xBF" "a,b\r\n1,2\r\n3,4");
  ASSERT_EQ(file.lines.size(), 3u);
  EXPECT_EQ(file.lines[0], "a,b");
  EXPECT_EQ(file.lines[2], "3,4");
  EXPECT_EQ(file.contents, "a,b\n1,2\n3,4\n");
}

TEST(TextFile, RefusesNonUtf8AndNulWithTheirLine) {
  EXPECT_EQ(error_of([] { parse_text("t.csv", "a\nb\n\xC4\xE3\xBA\xC3\n"); }),
            "t.csv:3: expected UTF-8 text, found an invalid byte sequence (save the file as UTF-8, not GBK)");
  EXPECT_EQ(error_of([] { parse_text("t.csv", std::string("a\n\0b", 4)); }),
            "t.csv:2: expected text, found a NUL byte (is this a binary file?)");
}

TEST(TextFile, AcceptsChineseText) {
  const auto file = parse_text("t.csv", "name\n贾汪区\n");
  EXPECT_EQ(file.lines[1], "贾汪区");
}

TEST(Csv, SplitsQuotedFields) {
  const auto fields = split_csv_line(R"(1, "a, b" ,"say ""hi""",)", "t.csv", 1);
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0], "1");
  EXPECT_EQ(fields[1], "a, b");
  EXPECT_EQ(fields[2], "say \"hi\"");
  EXPECT_EQ(fields[3], "");
  EXPECT_NE(error_of([] { split_csv_line("\"open", "t.csv", 9); }).find("t.csv:9:"), std::string::npos);
}

TEST(Csv, SkipsCommentsAndBlankLinesButCountsThemInLineNumbers) {
  const auto table = CsvTable::parse(parse_text("t.csv", "# source\n\nx,y\n1,2\n# note\n3,abc\n"), {"x", "y"});
  ASSERT_EQ(table.records().size(), 2u);
  EXPECT_EQ(table.records()[1].line(), 6);
  EXPECT_EQ(error_of([&] { table.records()[1].number("y", 0, 10); }),
            "t.csv:6: column 'y': expected a finite number in [0, 10], found 'abc'");
}

TEST(Csv, RefusesMissingUnknownAndRepeatedColumnsAndShortRows) {
  EXPECT_EQ(error_of([] { CsvTable::parse(parse_text("t.csv", "x\n1\n"), {"x", "y"}); }),
            "t.csv:1: expected a column named 'y'");
  EXPECT_NE(error_of([] { CsvTable::parse(parse_text("t.csv", "x,y,z\n1,2,3\n"), {"x", "y"}); })
                .find("t.csv:1: unknown column 'z'"),
            std::string::npos);
  EXPECT_EQ(error_of([] { CsvTable::parse(parse_text("t.csv", "x,x\n1,2\n"), {"x"}); }),
            "t.csv:1: expected each column once; 'x' repeats");
  EXPECT_EQ(error_of([] { CsvTable::parse(parse_text("t.csv", "x,y\n1,2\n3\n"), {"x", "y"}); }),
            "t.csv:3: expected 2 fields as in the header, found 1");
  EXPECT_NE(error_of([] { CsvTable::parse(parse_text("t.csv", ""), {"x"}); }).find("the file is empty"),
            std::string::npos);
}

TEST(Csv, NumbersMustBeFiniteAndInRange) {
  const auto table = CsvTable::parse(parse_text("t.csv", "v\nnan\ninf\n1e400\n-1\n+2.5\n"), {"v"});
  const auto& r = table.records();
  EXPECT_NE(error_of([&] { r[0].number("v", 0, 10); }).find("t.csv:2:"), std::string::npos);
  EXPECT_NE(error_of([&] { r[1].number("v", 0, 10); }).find("t.csv:3:"), std::string::npos);
  EXPECT_NE(error_of([&] { r[2].number("v", 0, 10); }).find("t.csv:4:"), std::string::npos);
  EXPECT_EQ(error_of([&] { r[3].number("v", 0, 10); }), "t.csv:5: column 'v': expected a number in [0, 10], found -1");
  EXPECT_DOUBLE_EQ(r[4].number("v", 0, 10), 2.5);
  EXPECT_NE(error_of([&] { r[4].integer("v", 0, 10); }).find("expected a whole number"), std::string::npos);
}

TEST(Ini, ReadsSectionsAndReportsLines) {
  const std::set<std::string> keys = {"a.x", "a.y", "b.z"};
  const auto doc = IniDocument::parse(parse_text("s.ini", "# c\n[a]\nx = 1  # one\ny=two\n\n[b]\nz = 3\n"), keys);
  ASSERT_NE(doc.find("a.x"), nullptr);
  EXPECT_EQ(doc.find("a.x")->value, "1");
  EXPECT_EQ(doc.find("a.x")->line, 3);
  EXPECT_EQ(doc.find("a.y")->value, "two");
  EXPECT_EQ(doc.find("b.z")->line, 7);
}

TEST(Ini, RefusesUnknownRepeatedAndMalformedLines) {
  const std::set<std::string> keys = {"disease.onset_latency_median_years", "a.y"};
  EXPECT_EQ(error_of([&] { IniDocument::parse(parse_text("s.ini", "[disease]\nonset_latency_median_year = 3\n"), keys); }),
            "s.ini:2: unknown key 'disease.onset_latency_median_year'; did you mean "
            "'disease.onset_latency_median_years'?");
  EXPECT_EQ(error_of([&] { IniDocument::parse(parse_text("s.ini", "[a]\ny = 1\ny = 2\n"), keys); }),
            "s.ini:3: expected each key once; 'a.y' was already set on line 2");
  EXPECT_EQ(error_of([&] { IniDocument::parse(parse_text("s.ini", "[a]\njust words\n"), keys); }),
            "s.ini:2: expected 'key = value' or '[section]', found 'just words'");
  EXPECT_NE(error_of([&] { IniDocument::parse(parse_text("s.ini", "[a\n"), keys); }).find("s.ini:1:"),
            std::string::npos);
}

}  // namespace
}  // namespace pneumo
