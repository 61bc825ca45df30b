// Means and 90 % intervals over replicates as comparison.h5 stores them (and its /economics group): a group
// holding mean, p5 and p95 datasets of one shape, each described and attached to its dimension scales.
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/policy/replicate_interval.hpp"
#include "pneumoplan/results/hdf5_io.hpp"

namespace pneumo {

// Writes group `group_name` under `parent`: `cells` (row-major, of shape `dims`) as mean, p5 and p95.
void write_interval_group(hid_t parent, const std::string& group_name, const std::vector<hsize_t>& dims,
                          const std::vector<Interval>& cells, const std::vector<std::string>& scales,
                          const std::string& units, const std::string& what);

}  // namespace pneumo
