// The city's counties (区县) and townships (乡镇/街道) with their statistical codes and points.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace pneumo {

struct County {
  std::int64_t code = 0;  // 6-digit GB/T 2260 code
  std::string name_zh;
  std::string name_en;
  double population = 0.0;  // 0 when unknown
  double seat_lon = 0.0;
  double seat_lat = 0.0;
  long line = 0;  // in counties.csv, for messages
};

struct Township {
  std::int64_t code = 0;  // 9-digit statistical code
  std::string name_zh;
  std::string name_en;     // romanised name; empty when townships.csv has none
  std::string kind;        // street, town, township, other
  std::uint16_t county = 0;  // index into Geography::counties
  double lon = 0.0;
  double lat = 0.0;
  bool point_approximate = false;  // derived point, not a surveyed one
  double weight = 1.0;             // relative share of workers' homes
};

struct Geography {
  std::vector<County> counties;
  std::vector<Township> townships;
  std::vector<std::vector<std::uint16_t>> townships_of_county;  // township indices per county

  int county_index(std::int64_t code) const;    // -1 when unknown
  // The prefecture's own 6-digit code: GB/T 2260 gives a county the first four digits of its prefecture
  // (320302 Gulou Qu -> 320300 Xuzhou). 0 when the counties belong to different prefectures.
  std::int64_t city_code() const;
  int township_index(std::int64_t code) const;  // -1 when unknown
  void build_indices();

  // Road distances between townships, km, row-major [from][to]: great-circle distance × road_factor.
  std::vector<double> township_road_distances_km(double road_factor) const;

 private:
  std::unordered_map<std::int64_t, int> county_by_code_;
  std::unordered_map<std::int64_t, int> township_by_code_;
};

}  // namespace pneumo
