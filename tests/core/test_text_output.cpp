// What people read: one number format (thousands separators, decimals by size, signs only on differences),
// display units (万元, per cent, percentage points, any unknown unit as it is), CSV files with a byte-order
// mark for Excel, terminal tables aligned by display width with "…" where text is cut, and JSON strings.
#include <gtest/gtest.h>

#include <cmath>

#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/json_text.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/core/text_table.hpp"
#include "pneumoplan/outputs/display_unit.hpp"

namespace pneumo {
namespace {

TEST(NumberFormat, GroupsThousandsAndChoosesDecimalsBySize) {
  EXPECT_EQ(readable_number(752259817.0), "752,259,817");
  EXPECT_EQ(readable_number(1335.4), "1,335");
  EXPECT_EQ(readable_number(55.54), "55.5");
  EXPECT_EQ(readable_number(0.7), "0.70");
  EXPECT_EQ(readable_number(-63.8, true), "-63.8");
  EXPECT_EQ(readable_number(12.6, true), "+12.6");
  EXPECT_EQ(readable_number(0.0, true), "0");
  EXPECT_EQ(grouped_number(-0.0001, 1, true), "0.0");  // rounds to zero: no sign
  EXPECT_EQ(readable_number(std::nan("")), "–");
  EXPECT_EQ(grouped_number(999.96, 1), "1,000.0");
}

TEST(DisplayUnit, MoneyInWanYuanSharesInPercentDifferencesInPoints) {
  EXPECT_EQ(format_quantity(752259817.0, "RMB"), "75,226");
  EXPECT_EQ(unit_label("RMB", Language::Chinese), "万元");
  EXPECT_EQ(unit_label("RMB", Language::English), "10,000 RMB");
  EXPECT_EQ(format_quantity(0.7702, "share"), "77.0%");
  EXPECT_EQ(format_quantity(0.126, "share", true), "+12.6");
  EXPECT_EQ(unit_label("share", Language::Chinese, true), "个百分点");
  EXPECT_EQ(format_interval(0.126, 0.101, 0.154, "share", Language::English, true, true),
            "+12.6 [+10.1, +15.4] percentage points");
  EXPECT_EQ(unit_label("persons", Language::Chinese), "人");
  EXPECT_EQ(unit_label("RMB per DALY", Language::Chinese), "万元/伤残调整寿命年");
  // A unit nobody foresaw is shown as it is, unscaled: a new outcome needs no code to appear.
  EXPECT_EQ(unit_label("widgets", Language::Chinese), "widgets");
  EXPECT_EQ(format_quantity(1234.6, "widgets"), "1,235");
}

TEST(CsvWriter, StartsWithAByteOrderMarkAndQuotesWhatNeedsIt) {
  CsvWriter csv({"地区", "value"});
  csv.row({"全市", "1,234"});
  csv.row({"say \"hi\"", "2"});
  EXPECT_EQ(csv.text(), "\xEF\xBB\xBF地区,value\n全市,\"1,234\"\n\"say \"\"hi\"\"\",2\n");
  EXPECT_THROW(csv.row({"one"}), std::invalid_argument);
}

TEST(CsvWriter, TextCellsAreNeutralisedAgainstFormulasAndNumbersStayNumbers) {
  CsvWriter csv({"name", "value"});
  csv.row({"=HYPERLINK(\"http://x\")", "-0.126"});
  csv.row({"+1 county", "+1,234"});
  csv.row({"@SUM(A1)", "12.5%"});
  csv.row({"-", "1e-05"});
  EXPECT_EQ(csv.text(), "\xEF\xBB\xBFname,value\n\"'=HYPERLINK(\"\"http://x\"\")\",-0.126\n\"'+1 county\",\"+1,234\"\n"
                        "\"'@SUM(A1)\",12.5%\n\"'-\",1e-05\n");
}

TEST(TextTable, AlignsChineseByDisplayWidthAndCutsWithAnEllipsis) {
  EXPECT_EQ(display_width("全市"), 4u);
  EXPECT_EQ(display_width("City"), 4u);
  EXPECT_EQ(fit_width("Work-injury insurance enrolment", 12), "Work-injury…");
  EXPECT_EQ(fit_width("工伤保险参保人数", 9), "工伤保险…");
  TextTable t({{"名称", TextTable::Align::Left}, {"n"}});
  t.row({"全市", "1"});
  t.row({"City", "22"});
  const std::string out = t.render("");
  EXPECT_EQ(out, "名称   n\n--------\n全市   1\nCity  22\n");
}

TEST(JsonText, EscapesAndWritesNullForMissingNumbers) {
  EXPECT_EQ(json_string("a\"b\\\n贾汪"), "\"a\\\"b\\\\\\n贾汪\"");
  EXPECT_EQ(json_number(std::nan("")), "null");
  EXPECT_EQ(json_fixed(117.1234567891, 7), "117.1234568");
}

}  // namespace
}  // namespace pneumo
