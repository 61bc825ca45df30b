// A stratum of dust enterprises: all enterprises of one industry and size class in one county, with
// their number, their workforce in the base year and their dust conditions. Enterprises are built
// from strata; a stratum's concentrations describe its enterprises' annual means in the base year.
#pragma once

#include <cstdint>

#include "pneumoplan/scenario/dust_type.hpp"
#include "pneumoplan/scenario/industry.hpp"
#include "pneumoplan/scenario/size_class.hpp"

namespace pneumo {

struct Stratum {
  std::uint16_t county = 0;  // index into Geography::counties
  Industry industry = Industry::Other;
  SizeClass size = SizeClass::Small;
  std::int64_t enterprises = 0;
  std::int64_t workers = 0;        // exposed workers in the base year
  double dust_gm_mg_m3 = 0.0;      // geometric mean of enterprises' respirable dust (8-h TWA annual mean)
  double dust_gsd = 1.0;           // between-enterprise geometric SD
  double silica_fraction = 0.0;    // crystalline silica mass fraction of respirable dust
  double share_migrant = 0.0;
  double share_dispatched = 0.0;   // formal = 1 − migrant − dispatched
  double female_share = 0.0;
  DustType dust_type = DustType::Other;  // sets the exposure limit
  double noise_share = 0.0;        // workers also exposed to hazardous noise
  double radiation_share = 0.0;    // workers who are non-medical radiation workers
  long line = 0;                   // line in strata.csv, for messages
};

}  // namespace pneumo
