#include "pneumoplan/evidence/standard_life_table.hpp"

#include <array>
#include <cstddef>

namespace pneumo {
namespace {

struct TableRow {
  double age;
  double life_expectancy;
};

// GBD 2019 Reference Life Table (IHME, doi 10.6069/1D4Y-YQ37), as tabulated: exact ages 0, 1, 5, ..., 95.
constexpr std::array<TableRow, 21> kGbd2019 = {{
    {0, 88.8718951},   {1, 88.00051053},  {5, 84.03008056},  {10, 79.04633476}, {15, 74.0665492},
    {20, 69.10756792}, {25, 64.14930031}, {30, 59.1962771},  {35, 54.25261364}, {40, 49.31739311},
    {45, 44.43332057}, {50, 39.63473787}, {55, 34.91488095}, {60, 30.25343822}, {65, 25.68089534},
    {70, 21.28820012}, {75, 17.10351469}, {80, 13.23872477}, {85, 9.990181244}, {90, 7.617724915},
    {95, 5.922359078},
}};

}  // namespace

double gbd2019_reference_life_expectancy(double age_years) {
  if (age_years <= 0.0) return kGbd2019.front().life_expectancy;
  if (age_years >= kGbd2019.back().age) return kGbd2019.back().life_expectancy;
  std::size_t k = 1;
  while (kGbd2019[k].age < age_years) ++k;
  const TableRow& low = kGbd2019[k - 1];
  const TableRow& high = kGbd2019[k];
  const double t = (age_years - low.age) / (high.age - low.age);
  return low.life_expectancy + t * (high.life_expectancy - low.life_expectancy);
}

}  // namespace pneumo
