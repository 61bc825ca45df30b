// Saving and restoring a simulation at the start of a year. What is saved is what the next year reads and
// no component can rebuild from the scenario: the people, the enterprises, the stations, the coordinators,
// the waiting cases, the recent leavers, the closures, this year's capacity shares, the hires made for this
// year, and the results of the years already run. Everything else a component holds (the scenario's
// constants, tables drawn once from the counter-based random stream, the package's interventions and the
// institutions they create) is rebuilt by the constructor, which is what lets a package fork from the
// baseline's history. The test of completeness is that a restored run is bit-identical to an uninterrupted
// one (tests/model/saved_state_test.cpp).
#include <string>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/simulation.hpp"

namespace pneumo {
namespace {

template <typename Table>
void save_table(StateArchive& archive, const std::string& prefix, const Table& table) {
  Table::for_each_named_column(table, [&](const auto& name, const auto& column) {
    archive.put(prefix + std::string(name), column);
  });
}

template <typename Table>
void restore_table(const StateArchive& archive, const std::string& prefix, Table& table) {
  std::size_t rows = 0;
  bool first = true;
  Table::for_each_named_column(table, [&](const auto& name, auto& column) {
    archive.get(prefix + std::string(name), column);
    if (first) rows = column.size();
    first = false;
    if (column.size() != rows) {
      throw IoError("saved state: column " + prefix + std::string(name) + " has " + std::to_string(column.size()) +
                    " rows, the table " + std::to_string(rows));
    }
  });
}

}  // namespace

StateArchive Simulation::save_state() const {
  StateArchive archive;
  archive.put_value("next_year", static_cast<std::int32_t>(next_year_));
  archive.put_value("seed", seed_);
  archive.put_value("replicate", replicate_);
  save_table(archive, "workers/", workers_);
  save_table(archive, "returners/", returners_);
  save_table(archive, "enterprises/", enterprises_);
  archive.put("enterprises/hires_for_next_year", hires_by_enterprise_);
  archive.put("conditions/exam_capacity_share", conditions_.exam_capacity_share);
  archive.put_value("conditions/diagnosis_capacity_share", conditions_.diagnosis_capacity_share);
  archive.put_value("conditions/followup_coverage", conditions_.followup_coverage);
  archive.put_value("conditions/migrant_insured_threshold", conditions_.migrant_insured_threshold);
  effects_.save(archive, "interventions/");
  compliance_.save(archive, "compliance/");
  services_.save(archive, "services/");
  supervision_.save(archive, "supervision/");
  stations_.save(archive, "stations/");
  // Results of the years already run: the rows before next_year.
  const std::size_t years_run = static_cast<std::size_t>(next_year_ - scenario_.first_year());
  for (std::size_t k = 0; k < kOutputCount; ++k) {
    const OutputArray& array = results_[static_cast<OutputId>(k)];
    const std::vector<double> rows(array.values.begin(),
                                   array.values.begin() + static_cast<std::ptrdiff_t>(array.offset(years_run)));
    archive.put("results/" + std::string(output_catalogue()[k].name), rows);
  }
  return archive;
}

void Simulation::restore_state(const StateArchive& archive) {
  const auto seed = archive.get_value<std::uint64_t>("seed");
  const auto replicate = archive.get_value<std::uint64_t>("replicate");
  if (seed != seed_ || replicate != replicate_) {
    throw IoError("saved state: of seed " + std::to_string(seed) + ", replicate " + std::to_string(replicate) +
                  "; expected seed " + std::to_string(seed_) + ", replicate " + std::to_string(replicate_));
  }
  next_year_ = archive.get_value<std::int32_t>("next_year");
  if (next_year_ < scenario_.first_year() || next_year_ > scenario_.last_year()) {
    throw IoError("saved state: of the start of " + std::to_string(next_year_) + ", outside the scenario's years " +
                  std::to_string(scenario_.first_year()) + "-" + std::to_string(scenario_.last_year()));
  }
  const std::size_t enterprise_count = enterprises_.count();
  restore_table(archive, "workers/", workers_);
  restore_table(archive, "returners/", returners_);
  restore_table(archive, "enterprises/", enterprises_);
  if (enterprises_.count() != enterprise_count) {
    throw IoError("saved state: " + std::to_string(enterprises_.count()) + " enterprises, the scenario " +
                  std::to_string(enterprise_count));
  }
  for (const auto& enterprise_county : enterprises_.county) {
    if (enterprise_county >= scenario_.geography.counties.size()) {
      throw IoError("saved state: an enterprise of county " + std::to_string(enterprise_county) + ", the scenario has " +
                    std::to_string(scenario_.geography.counties.size()));
    }
  }
  archive.get("enterprises/hires_for_next_year", hires_by_enterprise_);
  archive.get("conditions/exam_capacity_share", conditions_.exam_capacity_share);
  if (hires_by_enterprise_.size() != enterprise_count ||
      conditions_.exam_capacity_share.size() != scenario_.geography.counties.size()) {
    throw IoError("saved state: hires or capacity shares do not match the scenario's enterprises and counties");
  }
  conditions_.diagnosis_capacity_share = archive.get_value<double>("conditions/diagnosis_capacity_share");
  conditions_.followup_coverage = archive.get_value<double>("conditions/followup_coverage");
  conditions_.migrant_insured_threshold = archive.get_value<std::uint64_t>("conditions/migrant_insured_threshold");
  effects_.restore(archive, "interventions/");
  compliance_.restore(archive, "compliance/");
  services_.restore(archive, "services/");
  supervision_.restore(archive, "supervision/");
  stations_.restore(archive, "stations/");
  const std::size_t years_run = static_cast<std::size_t>(next_year_ - scenario_.first_year());
  for (std::size_t k = 0; k < kOutputCount; ++k) {
    OutputArray& array = results_[static_cast<OutputId>(k)];
    const std::string name = "results/" + std::string(output_catalogue()[k].name);
    const auto rows = archive.get<double>(name);
    if (rows.size() != array.offset(years_run)) {
      throw IoError("saved state: " + name + " holds " + std::to_string(rows.size()) + " values, expected " +
                    std::to_string(array.offset(years_run)) + " for the years before " + std::to_string(next_year_));
    }
    std::copy(rows.begin(), rows.end(), array.values.begin());
  }
  // Room for the years of hiring ahead, as a fresh start reserves; reserved pages cost no memory until used.
  workers_.reserve(workers_.size() * 2);
}

}  // namespace pneumo
