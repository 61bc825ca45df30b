// The township map of a city: every township at its point (GCJ-02 longitude and latitude, drawn with the
// north-south scale of the city's mean latitude), coloured by county, its area proportional to the
// patients living there in the map year (mean over replicates; the patients the station layout counts,
// rehab.patients_counted), and the rehabilitation stations marked: filled where a station is open in at
// least half of the replicates, hollow where it is open in fewer. Points derived rather than surveyed
// are drawn hollow.
#pragma once

#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"

namespace pneumo {

// Data block "townships": township_code, lon, lat, patients, county, approximate, station_share, point_size.
Figure township_map_figure(const ResultsFile& results, const FigureOptions& options);

}  // namespace pneumo
