#include "synthetic_scenario.hpp"

namespace pneumo::bench {

Scenario make_synthetic_scenario(std::int64_t workers, int counties, int enterprises_per_county, int first_year,
                                 int years) {
  Scenario s;
  s.name = "synthetic";
  s.parameters = default_scenario_parameters();
  s.parameters.simulation.start_year = first_year;
  s.parameters.simulation.end_year = first_year + years - 1;
  s.parameters.simulation.base_year = first_year;
  for (int c = 0; c < counties; ++c) {
    County county;
    county.code = 100000 + c;
    county.name_zh = "县" + std::to_string(c);
    county.name_en = "County " + std::to_string(c);
    county.seat_lon = 117.0 + 0.1 * c;
    county.seat_lat = 34.0;
    s.geography.counties.push_back(county);
    for (int t = 0; t < 15; ++t) {
      Township township;
      township.code = 100000000LL + c * 1000 + t;
      township.name_zh = "镇" + std::to_string(t);
      township.kind = "town";
      township.county = static_cast<std::uint16_t>(c);
      township.lon = county.seat_lon + 0.01 * t;
      township.lat = county.seat_lat;
      s.geography.townships.push_back(township);
    }
  }
  s.geography.build_indices();
  // The rehabilitation stations read the township distances (the loader computes them the same way).
  s.township_distance_km = s.geography.township_road_distances_km(s.parameters.rehab.road_factor);
  const Industry industries[] = {Industry::CoalMining, Industry::BuildingMaterials, Industry::FoundryMetallurgy,
                                 Industry::Construction};
  const SizeClass sizes[] = {SizeClass::Large, SizeClass::Small, SizeClass::Medium, SizeClass::Small};
  const double gm[] = {1.5, 0.8, 1.0, 0.5};
  const double silica[] = {0.06, 0.3, 0.1, 0.1};
  const std::int64_t per_stratum = workers / (counties * 4);
  for (int c = 0; c < counties; ++c) {
    for (int k = 0; k < 4; ++k) {
      Stratum stratum;
      stratum.county = static_cast<std::uint16_t>(c);
      stratum.industry = industries[k];
      stratum.size = sizes[k];
      stratum.enterprises = enterprises_per_county / 4;
      stratum.workers = per_stratum;
      stratum.dust_gm_mg_m3 = gm[k];
      stratum.dust_gsd = 2.0;
      stratum.silica_fraction = silica[k];
      stratum.share_migrant = k == 0 ? 0.2 : 0.6;
      stratum.share_dispatched = 0.05;
      stratum.female_share = 0.05;
      s.strata.push_back(stratum);
    }
  }
  s.trends = IndustryTrends(first_year, s.parameters.exposure.default_annual_change);
  s.tabulate_trends();
  s.life_table = LifeTable(builtin_china_mortality());
  s.life_table.prepare_cohorts(first_year - LifeTable::kMaxAge, first_year + years);
  for (std::size_t i = 0; i < kIndustryCount; ++i) {
    s.profile_of_industry[i] = find_exposure_response_profile(s.parameters.disease.profile[i]);
  }
  return s;
}

}  // namespace pneumo::bench
