// [simulation] parameters: years, replicates and seed.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_simulation(std::vector<Spec>& s) {
  s.push_back(integer("simulation.start_year", "1970", "calendar year", 1900, 2100,
                      "assumed: burn-in long enough that workers exposed from the 1970s form the prevalent pool of "
                      "2021",
                      "First simulated year; the workforce present then starts with an exposure history.",
                      [](P& p) -> std::int64_t& { return p.simulation.start_year; }));
  s.push_back(integer("simulation.end_year", "2035", "calendar year", 1900, 2200,
                      "the plans end in 2025 (references.md §8); ten more years show the lag of dust control",
                      "Last simulated year (inclusive).", [](P& p) -> std::int64_t& { return p.simulation.end_year; }));
  s.push_back(integer("simulation.base_year", "2020", "calendar year", 1900, 2200,
                      "the year the shipped strata tables describe",
                      "Year in which strata.csv worker counts and concentrations apply (trend index 1).",
                      [](P& p) -> std::int64_t& { return p.simulation.base_year; }));
  s.push_back(integer("simulation.replicates", "10", "replicates", 1, 100000,
                      "assumed: enough for a stable 90 % interval of city totals",
                      "Number of independent replicate simulations (overridden by --replicates).",
                      [](P& p) -> std::int64_t& { return p.simulation.replicates; }));
  s.push_back(integer("simulation.seed", "20211230", "", 0, 9.2e18,
                      "arbitrary; the date the Xuzhou plan was issued",
                      "Random seed; with the replicate number it keys every random stream (overridden by --seed).",
                      [](P& p) -> std::int64_t& { return p.simulation.seed; }));

}

}  // namespace pneumo::parameters
