// The standard life table for years of life lost (YLL): the GBD 2019 reference life table, a normative
// life expectancy by exact age, the same for both sexes (references.md §13). Remaining life expectancy is
// interpolated linearly between the tabulated ages; from 95 on the table's last value (its open-ended
// group) is used.
#pragma once

namespace pneumo {

// Remaining life expectancy, years, at exact age `age_years` (negative ages read as 0).
double gbd2019_reference_life_expectancy(double age_years);

}  // namespace pneumo
