#include "pneumoplan/policy/interval_datasets.hpp"

namespace pneumo {

void write_interval_group(hid_t parent, const std::string& group_name, const std::vector<hsize_t>& dims,
                          const std::vector<Interval>& cells, const std::vector<std::string>& scales,
                          const std::string& units, const std::string& what) {
  auto group = h5::create_group(parent, group_name);
  h5::describe(group.id(), units, what + ": mean and 90 % interval over replicates");
  std::vector<double> mean, p5, p95;
  for (const auto& cell : cells) {
    mean.push_back(cell.mean);
    p5.push_back(cell.p5);
    p95.push_back(cell.p95);
  }
  const std::pair<const char*, const char*> statistics[] = {
      {"mean", "mean over replicates"}, {"p5", "5th percentile over replicates"}, {"p95", "95th percentile over replicates"}};
  const std::vector<double>* data[] = {&mean, &p5, &p95};
  for (std::size_t k = 0; k < 3; ++k) {
    h5::write_dataset(group.id(), statistics[k].first, dims, *data[k]);
    h5::describe_dataset(group.id(), statistics[k].first, units, std::string(statistics[k].second) + " of " + what);
    h5::attach_dimension_scales(group.id(), statistics[k].first, scales);
  }
}

}  // namespace pneumo
