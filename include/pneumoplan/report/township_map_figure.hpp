// The township map of a city, drawn so that it cannot be misread:
//  * townships at their points, projected to kilometres around the city's centre (GCJ-02 degrees; a degree
//    of longitude is cos(latitude) of a degree of latitude), each a circle whose area is proportional to
//    the patients living there in the map year (mean over replicates; the patients the station layout
//    counts, rehab.patients_counted); a hollow circle only where the point is derived, not surveyed;
//  * stations as filled triangles coloured by the share of replicates in which they are open (four classes
//    of a colour-blind-safe sequential scale), with the mean number of stations open in the key;
//  * approximate county outlines — Voronoi cells of the township points merged by county and limited to a
//    disc around each point (no licensed boundary data ships with the packs) — drawn dashed, labelled as an
//    approximation, with the county names;
//  * the names of the townships with the most patients, a scale bar, a north arrow, and an inset enlarging
//    the urban districts (counties whose townships lie close together) when the city has them.
#pragma once

#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"

namespace pneumo {

// Classes of the share of replicates with a station open: at least each lower bound, drawn darkest first.
inline constexpr double kStationShareClasses[] = {0.9, 0.5, 0.1, 0.0};

// Data blocks "townships": township_code, lon, lat, patients, county, approximate, station_share, point_size,
// x_km, y_km, name, station_class (0 none, 1–4 darkest to lightest); "outlines": x1, y1, x2, y2, kind
// (1 between counties, 2 the edge of the drawn area); "labels": x_km, y_km, align (0 left, 1 right, 2 centre),
// text, panel (0 the map, 1 the inset), kind (1 a county, 0 a township) — placed so that none overlaps another
// label or a township's circle.
Figure township_map_figure(const ResultsFile& results, const FigureOptions& options);

}  // namespace pneumo
