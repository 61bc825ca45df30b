// Remaining life expectancy from a background-mortality life table: the period table of one calendar year
// (that year's hazards at every age), optionally discounted. Used to value the quality-adjusted life years a
// pneumoconiosis death takes (docs/model.md, "Health economics").
#pragma once

#include "pneumoplan/evidence/life_table.hpp"

namespace pneumo {

// Expected years still to live from exact age `age` under the hazards of calendar year `year` (constant
// within each year of age, everyone alive dying by LifeTable::kMaxAge + 1), each moment discounted by
// (1 + rate)^−t: with hazard μ in a year of age that year contributes S·(1 − e^−(μ+δ))/(μ + δ) with
// δ = ln(1 + rate) and S the survival to its start. rate = 0 gives the ordinary life expectancy.
double period_life_expectancy(const LifeTable& table, int age, bool female, int year, double discount_rate = 0.0);

}  // namespace pneumo
