// The station site table as files a planner hands on: a CSV for Excel (UTF-8 with byte-order mark, headers
// and yes/no in the chosen language, numbers as people write them) and a GeoJSON FeatureCollection for QGIS
// and geojson.io (RFC 7946: WGS-84 longitude and latitude, property keys in English, full precision), one
// feature per candidate township, plus the terminal lines of the city views.
#pragma once

#include <string>

#include "pneumoplan/core/language.hpp"
#include "pneumoplan/policy/station_sites.hpp"

namespace pneumo {

std::string station_sites_csv(const StationSiteTable& table, Language language);
std::string station_sites_geojson(const StationSiteTable& table);

}  // namespace pneumo
