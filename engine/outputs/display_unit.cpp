#include "pneumoplan/outputs/display_unit.hpp"

#include <algorithm>
#include <cmath>

#include "pneumoplan/core/number_format.hpp"

namespace pneumo {
namespace {

struct KnownUnit {
  std::string_view unit, en, zh;
};

// Whole-unit labels; money and shares are handled before this table.
constexpr KnownUnit kKnownUnits[] = {
    {"persons", "persons", "人"},          {"person", "persons", "人"},
    {"hires", "persons", "人"},            {"leavers", "persons", "人"},
    {"cases", "cases", "例"},              {"exams", "exams", "人次"},
    {"inspections", "inspections", "次"},  {"institutions", "institutions", "家"},
    {"stations", "stations", "个"},        {"km", "km", "公里"},
    {"years", "years", "年"},              {"DALY", "DALYs", "伤残调整寿命年"},
    {"DALYs", "DALYs", "伤残调整寿命年"},  {"QALY", "QALYs", "质量调整寿命年"},
    {"QALYs", "QALYs", "质量调整寿命年"},  {"mg/m3*y", "mg/m³·years", "mg/m³·年"},
    {"mg/m3", "mg/m³", "mg/m³"},          {"per year", "per year", "每年"},
    {"calendar year", "calendar year", "年份"},  {"factor", "factor", "倍数"},
    {"probability", "probability", "概率"},      {"posts", "posts", "岗位"},
    {"GSD", "GSD", "几何标准差"},                {"replicates", "replicates", "次"},
    {"ratio", "ratio", "比值"},                  {"patients per year", "patients per year", "人/年"},
    {"patients", "patients", "人"},              {"cases per year", "cases per year", "例/年"},
    {"unit", "unit", "单位"},
};

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// "per DALY" / "/DALY" after a money unit, in Chinese. (Strings are built by appending: GCC 12 warns
// falsely, -Wrestrict, about "/" + std::string.)
std::string per_text_zh(std::string_view rest) {
  if (starts_with(rest, " per ")) rest.remove_prefix(5);
  else if (starts_with(rest, "/")) rest.remove_prefix(1);
  else return std::string(rest);
  std::string out(1, '/');
  std::string_view name = rest;
  for (const auto& k : kKnownUnits) {
    if (k.unit == rest) name = k.zh;
  }
  out += name;
  return out;
}

}  // namespace

DisplayUnit display_unit(std::string_view unit) {
  DisplayUnit d;
  if (starts_with(unit, "share")) {  // "share", "share of counties", "share of townships"
    d.scale = 100.0;
    d.percent = true;
    d.fixed_decimals = 1;
    d.label_en.assign(1, '%');  // assigned, not from a literal: GCC 12 warns falsely (-Wrestrict)
    d.label_zh = d.label_en;
    d.difference_label_en = "percentage points";
    d.difference_label_zh = "个百分点";
    return d;
  }
  if (starts_with(unit, "RMB")) {  // "RMB", "RMB per DALY", "RMB/case"
    const std::string_view rest = unit.substr(3);
    d.scale = 1e-4;
    d.label_en = "10,000 RMB";
    d.label_en += rest;
    d.label_zh = "万元";
    d.label_zh += per_text_zh(rest);
  } else {
    d.label_en = d.label_zh = std::string(unit);
    for (const auto& k : kKnownUnits) {
      if (k.unit == unit) {
        d.label_en = k.en;
        d.label_zh = k.zh;
      }
    }
  }
  d.difference_label_en = d.label_en;
  d.difference_label_zh = d.label_zh;
  return d;
}

std::string unit_label(std::string_view unit, Language language, bool difference) {
  const DisplayUnit d = display_unit(unit);
  if (difference) return language == Language::Chinese ? d.difference_label_zh : d.difference_label_en;
  return language == Language::Chinese ? d.label_zh : d.label_en;
}

double scaled_value(double value, std::string_view unit) { return value * display_unit(unit).scale; }

std::string format_scaled(double value, std::string_view unit, bool difference) {
  const DisplayUnit d = display_unit(unit);
  const double shown = value * d.scale;
  const int decimals = d.fixed_decimals >= 0 ? d.fixed_decimals : readable_decimals(shown);
  return grouped_number(shown, decimals, difference);
}

std::string format_quantity(double value, std::string_view unit, bool difference) {
  const std::string number = format_scaled(value, unit, difference);
  if (std::isnan(value) || !display_unit(unit).percent || difference) return number;
  return number + "%";
}

std::string format_interval(double mean, double p5, double p95, std::string_view unit, Language language,
                            bool difference, bool with_label) {
  if (std::isnan(mean)) return std::string(kMissingNumber);
  const DisplayUnit d = display_unit(unit);
  // One number of decimals for the three, by the largest: "[90, 110]", never "[90.0, 110]".
  double largest = 0.0;
  for (const double v : {mean, p5, p95}) largest = std::isnan(v) ? largest : std::max(largest, std::fabs(v * d.scale));
  const int decimals = d.fixed_decimals >= 0 ? d.fixed_decimals : readable_decimals(largest);
  const std::string percent = d.percent && !difference ? "%" : "";
  const auto number = [&](double v) {
    return std::isnan(v) ? std::string(kMissingNumber) : grouped_number(v * d.scale, decimals, difference) + percent;
  };
  // A value without an interval (a ratio of means) is written alone.
  std::string out = std::isnan(p5) && std::isnan(p95) ? number(mean) : number(mean) + " [" + number(p5) + ", " + number(p95) + "]";
  if (!with_label || (d.percent && !difference)) return out;
  return out + " " + unit_label(unit, language, difference);
}

}  // namespace pneumo
