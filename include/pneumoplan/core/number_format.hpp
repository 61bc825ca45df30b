// How numbers are written for people — one format for the terminal, the CSV tables, the figures and the
// reports: digits grouped by thousands with commas (1,234,567: the grouping Chinese and English texts
// share), as many decimals as the size of the number warrants, a sign only where asked (differences), and an
// en dash for a value that does not exist (NaN). Machine-readable files (HDF5, GeoJSON, gnuplot data blocks)
// keep full precision instead.
#pragma once

#include <string>
#include <string_view>

namespace pneumo {

inline constexpr std::string_view kMissingNumber = "–";

// Decimals for a number of this size: none from 100 up, one from 1, two below 1 (0 itself: none). Means
// over replicates are rarely whole; three significant digits are as many as 10–100 replicates support.
int readable_decimals(double value);

// `value` with `decimals` decimals and thousands separators; "+" before positive values when `with_sign`.
// A value that rounds to zero is written without sign. NaN gives kMissingNumber.
std::string grouped_number(double value, int decimals, bool with_sign = false);

// grouped_number with readable_decimals(value).
std::string readable_number(double value, bool with_sign = false);

// "[low, high]": an interval as every table writes it.
std::string bracketed(const std::string& low, const std::string& high);

}  // namespace pneumo
