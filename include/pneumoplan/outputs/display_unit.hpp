// How a quantity is shown to people, by its unit — the unit strings of the output catalogue, of targets.csv
// and of the comparison file ("persons", "share", "RMB", ...): scaled (money in 万元, 10,000 RMB, as Chinese
// budgets are written; shares in per cent), labelled in the reader's language, and for differences of shares
// in percentage points. Numbers follow core/number_format.hpp. A unit this table does not know is shown as
// it is, unscaled, so a new outcome (DALYs, costs by payer) never needs a special case to appear.
#pragma once

#include <string>
#include <string_view>

#include "pneumoplan/core/language.hpp"

namespace pneumo {

struct DisplayUnit {
  double scale = 1.0;       // shown = value × scale
  bool percent = false;     // values written "77.0%", differences in percentage points
  int fixed_decimals = -1;  // -1: readable_decimals of the shown value
  std::string label_en, label_zh;                        // "persons" / "人", "10,000 RMB" / "万元", "%"
  std::string difference_label_en, difference_label_zh;  // "percentage points" / "个百分点" for shares
};

DisplayUnit display_unit(std::string_view unit);

// The unit's label in `language`; of a difference when `difference` (percentage points for shares).
std::string unit_label(std::string_view unit, Language language, bool difference = false);

// A value shown in its unit, without the unit's label except the "%" of shares ("77.0%", "56,222", "1,335");
// `difference`: signed, and shares in percentage points ("+12.6"). NaN gives kMissingNumber.
std::string format_quantity(double value, std::string_view unit, bool difference = false);

// The same number without "%" (for tables with a unit column and for axes).
std::string format_scaled(double value, std::string_view unit, bool difference = false);

// The value times the unit's scale (what axes and table columns hold).
double scaled_value(double value, std::string_view unit);

// "729 [660, 824]" — the mean and the 90 % interval, in the unit, with the label appended when `with_label`
// ("+12.6 [+10.1, +15.4] percentage points", "56,222 [55,837, 56,606] 万元").
std::string format_interval(double mean, double p5, double p95, std::string_view unit, Language language,
                            bool difference = false, bool with_label = false);

}  // namespace pneumo
