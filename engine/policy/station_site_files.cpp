#include "pneumoplan/policy/station_site_files.hpp"

#include <cmath>
#include <cstdio>

#include "pneumoplan/core/csv_writer.hpp"
#include "pneumoplan/core/json_text.hpp"
#include "pneumoplan/core/number_format.hpp"
#include "pneumoplan/outputs/display_unit.hpp"

namespace pneumo {
namespace {

std::string coordinate(double degrees) { return json_fixed(degrees, 6); }  // 6 decimals: about 0.1 m

std::string yes_no(bool value, Language language) {
  return std::string(value ? pick(language, "yes", "是") : pick(language, "no", "否"));
}

// A year, or the median of years (2021.5); empty when there is none.
std::string year_text(double year) {
  if (std::isnan(year)) return "";
  char text[32];
  std::snprintf(text, sizeof text, std::floor(year) == year ? "%.0f" : "%.1f", year);
  return text;
}

}  // namespace

std::string station_sites_csv(const StationSiteTable& t, Language language) {
  const bool zh = language == Language::Chinese;
  const std::string y = std::to_string(t.site_year);
  std::vector<std::string> header = {
      zh ? "乡镇代码" : "township_code",     zh ? "乡镇名称" : "name_zh",
      zh ? "乡镇名称（拼音）" : "name_en",   zh ? "区县代码" : "county_code",
      zh ? "区县" : "county",                zh ? "经度（WGS-84）" : "lon_wgs84",
      zh ? "纬度（WGS-84）" : "lat_wgs84",   zh ? "经度（GCJ-02）" : "lon_gcj02",
      zh ? "纬度（GCJ-02）" : "lat_gcj02",   zh ? "位置为推算值" : "point_approximate",
      zh ? "已有康复站" : "existing_station"};
  for (const int year : t.years) {
    header.push_back(zh ? std::to_string(year) + "年患者（人）" : "patients_" + std::to_string(year) + " (persons)");
  }
  const std::vector<std::string> tail = {
      zh ? y + "年开设的重复模拟比例（%）" : "share_open_" + y + " (% of replicates)",
      zh ? "开设的重复模拟次数" : "replicates_open",
      zh ? "开设年份（中位数）" : "opening_year_median",
      zh ? "容量（人/年）" : "capacity (patients a year)",
      zh ? y + "年服务患者（人，开设时均值）" : "served_" + y + " (persons, mean when open)",
      zh ? "服务患者平均距离（公里）" : "served_mean_km",
      zh ? "服务患者第90百分位距离（公里）" : "served_p90_km"};
  header.insert(header.end(), tail.begin(), tail.end());
  CsvWriter csv(header);
  for (const auto& s : t.sites) {
    std::vector<std::string> row = {std::to_string(s.code),
                                    s.name_zh,
                                    s.name_en,
                                    std::to_string(s.county_code),
                                    zh ? s.county_zh : s.county_en,
                                    coordinate(s.wgs84.lon_deg),
                                    coordinate(s.wgs84.lat_deg),
                                    coordinate(s.gcj02.lon_deg),
                                    coordinate(s.gcj02.lat_deg),
                                    yes_no(s.point_approximate, language),
                                    yes_no(s.existing, language)};
    for (const double p : s.patients) row.push_back(readable_number(p));
    row.push_back(format_scaled(s.share_open, "share"));
    row.push_back(std::to_string(s.replicates_open));
    row.push_back(year_text(s.opening_year));
    row.push_back(readable_number(t.capacity_patients));
    row.push_back(std::isnan(s.served) ? "" : readable_number(s.served));
    row.push_back(std::isnan(s.served_mean_km) ? "" : grouped_number(s.served_mean_km, 1));
    row.push_back(std::isnan(s.served_p90_km) ? "" : grouped_number(s.served_p90_km, 1));
    csv.row(row);
  }
  return csv.text();
}

std::string station_sites_geojson(const StationSiteTable& t) {
  std::string out = "{\n\"type\": \"FeatureCollection\",\n";
  out += "\"name\": " + json_string(t.city_name_en + " rehabilitation station sites " + std::to_string(t.site_year)) + ",\n";
  // RFC 7946 coordinates are WGS-84 longitude, latitude; the legacy crs member says so for older readers.
  out += "\"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\n";
  out += "\"pneumoplan\": {\"results_file\": " + json_string(t.results_path) +
         ", \"scenario\": " + json_string(t.scenario_name) + ", \"city_zh\": " + json_string(t.city_name_zh) +
         ", \"city_en\": " + json_string(t.city_name_en) + ", \"layout\": " + json_string(t.layout) +
         ", \"seed\": " + std::to_string(t.seed) + ", \"replicates\": " + std::to_string(t.replicates) +
         ", \"site_year\": " + std::to_string(t.site_year) + ", \"patients_counted\": " + json_string(t.patients_counted) +
         ", \"coordinates\": \"WGS-84 (EPSG:4326), converted from the packs' GCJ-02 points by the iterative inverse "
         "of the GCJ-02 offset (docs/stations.md)\"},\n";
  out += "\"features\": [\n";
  for (std::size_t i = 0; i < t.sites.size(); ++i) {
    const auto& s = t.sites[i];
    out += "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [" +
           json_fixed(s.wgs84.lon_deg, 7) + ", " + json_fixed(s.wgs84.lat_deg, 7) + "]}, \"properties\": {";
    out += "\"township_code\": " + std::to_string(s.code) + ", \"name_zh\": " + json_string(s.name_zh) +
           ", \"name_en\": " + json_string(s.name_en) + ", \"county_code\": " + std::to_string(s.county_code) +
           ", \"county_zh\": " + json_string(s.county_zh) + ", \"county_en\": " + json_string(s.county_en) +
           ", \"lon_gcj02\": " + json_fixed(s.gcj02.lon_deg, 7) + ", \"lat_gcj02\": " + json_fixed(s.gcj02.lat_deg, 7) +
           ", \"point_approximate\": " + (s.point_approximate ? "true" : "false") +
           ", \"existing_station\": " + (s.existing ? "true" : "false");
    for (std::size_t k = 0; k < t.years.size(); ++k) {
      out += ", \"patients_" + std::to_string(t.years[k]) + "\": " + json_number(s.patients[k]);
    }
    out += ", \"site_year\": " + std::to_string(t.site_year) + ", \"share_open\": " + json_number(s.share_open) +
           ", \"replicates_open\": " + std::to_string(s.replicates_open) +
           ", \"opening_year_median\": " + json_number(s.opening_year) +
           ", \"capacity_patients\": " + json_number(t.capacity_patients) +
           ", \"served_patients\": " + json_number(s.served) + ", \"served_mean_km\": " + json_number(s.served_mean_km) +
           ", \"served_p90_km\": " + json_number(s.served_p90_km) + "}}";
    out += i + 1 < t.sites.size() ? ",\n" : "\n";
  }
  return out + "]\n}\n";
}

}  // namespace pneumo
