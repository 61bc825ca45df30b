#include "pneumoplan/model/memory_estimate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "pneumoplan/core/error.hpp"
#include "pneumoplan/model/exposure_histogram.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/model/year_tally.hpp"
#include "pneumoplan/outputs/output_catalogue.hpp"
#include "pneumoplan/scenario/disease_stage.hpp"
#include "pneumoplan/scenario/industry.hpp"

namespace pneumo {
namespace {

// Resident size of the program before it reads anything: measured at about 25 MB (docs/reliability.md).
constexpr double kProgramBytes = 32.0 * 1024 * 1024;
// EnterpriseTable's columns (about 100 bytes), the simulation's hires per enterprise for this year and the next,
// and hiring's count of those placed (8 bytes each).
constexpr double kBytesPerEnterprise = 128.0;
// Worker rows: released rows wait for hires and for compaction (up to a quarter free), former workers with
// a disease to come stay, and a growing table is copied when it outgrows its reservation.
constexpr double kRowsPerPeakJob = 2.0;
// Rows in use: jobs, released rows waiting (up to a quarter) and former workers with a disease to come.
constexpr double kStateRowsPerPeakJob = 1.5;
// Hiring's row lists, kept from year to year at their largest (hire_rows.hpp): released rows and rows for hires, 8
// bytes each. Released rows when hiring starts are those left last year (under a quarter of the rows in use, or the
// table is compacted) and this year's, taken together as up to half the rows; a year's hires as up to a quarter.
constexpr double kHireListBytesPerPeakJob = 8.0 * (0.5 + 0.25) * kStateRowsPerPeakJob;

// Count vectors of one YearTally (year_tally.hpp): per county, county × stage, county × histogram bin,
// county × payer, county × coverage group, county × sex × age at death, per township and "outside", per
// industry, and per enterprise two counts and the annual pass's four packed 4-byte counts (two cells' worth).
double tally_bytes(const Scenario& scenario, double enterprises) {
  const double counties = static_cast<double>(scenario.geography.counties.size());
  const double townships = static_cast<double>(scenario.geography.townships.size()) + 1.0;
  const double per_county = 15.0 + 3.0 * kStageCount + static_cast<double>(ExposureHistogram::kBins) +
                            static_cast<double>(kPayerCount) + 3.0 * static_cast<double>(kCoverageGroupCount) +
                            2.0 * static_cast<double>(kDeathAgeBins);
  const double cells = counties * per_county + 3.0 * townships + static_cast<double>(kIndustryCount) + 4.0 * enterprises;
  return 8.0 * cells;
}

// Values of one replicate's output `spec`.
double output_cells(const Scenario& scenario, const OutputSpec& spec) {
  double cells = 1.0;
  for (const Axis axis : spec.axes) {
    switch (axis) {
      case Axis::Year: cells *= scenario.year_count(); break;
      case Axis::Region: cells *= static_cast<double>(scenario.geography.counties.size() + 1); break;
      case Axis::Stage: cells *= kStageCount; break;
      case Axis::Township: cells *= static_cast<double>(scenario.geography.townships.size() + 1); break;
      case Axis::Industry: cells *= kIndustryCount; break;
      case Axis::Intervention: cells *= static_cast<double>(scenario.interventions.size() + 1); break;
      case Axis::YearsSinceDiagnosis: cells *= static_cast<double>(kYearsSinceDiagnosisBins); break;
    }
  }
  return cells;
}

std::uint64_t to_bytes(double bytes) {
  constexpr double kMax = static_cast<double>(std::numeric_limits<std::uint64_t>::max());
  return bytes >= kMax ? std::numeric_limits<std::uint64_t>::max() : static_cast<std::uint64_t>(std::ceil(bytes));
}

std::uint64_t add(std::uint64_t a, std::uint64_t b) {
  return a > std::numeric_limits<std::uint64_t>::max() - b ? std::numeric_limits<std::uint64_t>::max() : a + b;
}

std::uint64_t multiply(std::uint64_t a, double factor) { return to_bytes(static_cast<double>(a) * factor); }

}  // namespace

MemoryEstimate estimate_run_memory(const Scenario& scenario, std::int64_t replicates, int threads,
                                   const HeldRuns& held) {
  MemoryEstimate e;
  const std::int64_t runs_kept = held.runs;
  e.states_per_running_replicate = std::max<std::int64_t>(0, held.states_per_running_replicate);
  e.states_per_replicate = std::max<std::int64_t>(0, held.states_per_replicate);
  e.replicates = replicates;
  e.runs_kept = std::max<std::int64_t>(1, runs_kept);
  e.concurrent_simulations = static_cast<int>(std::max<std::int64_t>(1, std::min<std::int64_t>(threads, replicates)));

  double enterprises = 0.0;
  for (const auto& s : scenario.strata) {
    double index = 0.0;
    for (int year = scenario.first_year(); year <= scenario.last_year(); ++year) {
      index = std::max(index, scenario.trends.workforce_index(s.industry, s.county, year));
    }
    // Jobs are rounded up to whole workers per enterprise: at most one more per enterprise.
    e.peak_jobs += (static_cast<double>(s.workers) + static_cast<double>(s.enterprises)) * index;
    enterprises += static_cast<double>(s.enterprises);
  }
  const double townships = static_cast<double>(scenario.geography.townships.size());
  const double distance_bytes = 8.0 * townships * townships;

  double inputs = 0.0;
  for (const auto& [name, text] : scenario.input_files) inputs += static_cast<double>(text.size());
  e.program_bytes = to_bytes(kProgramBytes);
  e.scenario_bytes = to_bytes(distance_bytes + inputs);

  // Each simulation keeps a copy of the distances for its station layout, and the solver that serves patients each
  // year a copy of the open stations' distances by township (at most one table more, stations/transportation.hpp);
  // an optimised layout's solver is taken to need twice as much again.
  const bool optimised = scenario.parameters.rehab.layout == StationLayout::Optimised;
  e.simulation_bytes = to_bytes(kRowsPerPeakJob * e.peak_jobs * static_cast<double>(WorkerTable::bytes_per_worker()) +
                                kHireListBytesPerPeakJob * e.peak_jobs +
                                kBytesPerEnterprise * enterprises +
                                (static_cast<double>(threads) + 2.0) * tally_bytes(scenario, enterprises) +
                                distance_bytes * (optimised ? 4.0 : 2.0));

  double cells = 0.0, largest = 0.0;
  for (const auto& spec : output_catalogue()) {
    const double c = output_cells(scenario, spec);
    cells += c;
    largest = std::max(largest, c);
  }
  e.results_bytes = to_bytes(8.0 * cells);
  // A saved state holds the rows in use (not the reservation), the enterprises and the results so far.
  e.state_bytes = to_bytes(kStateRowsPerPeakJob * e.peak_jobs * static_cast<double>(WorkerTable::bytes_per_worker()) +
                           kBytesPerEnterprise * enterprises + 8.0 * cells);
  // Writing: each thread gathers an output's values of every replicate as doubles and as integers, then mean and
  // three quantiles, and a batch of 16 outputs' datasets is held, compressed (at most their raw size), until
  // written (results/results_file.cpp).
  const double reps = static_cast<double>(replicates);
  e.writing_bytes = to_bytes(8.0 * largest * (reps + 4.0) * (std::max(1.0, static_cast<double>(threads)) + 16.0) +
                             8.0 * largest * reps * std::max(1.0, static_cast<double>(threads)));
  return e;
}

std::uint64_t MemoryEstimate::total_bytes() const {
  const std::uint64_t results = multiply(results_bytes, static_cast<double>(replicates) * static_cast<double>(runs_kept));
  const std::uint64_t running = multiply(simulation_bytes, concurrent_simulations);
  const std::uint64_t states =
      multiply(state_bytes, static_cast<double>(concurrent_simulations) * static_cast<double>(states_per_running_replicate) +
                                static_cast<double>(replicates) * static_cast<double>(states_per_replicate));
  return add(add(add(program_bytes, scenario_bytes), states), add(results, std::max(running, writing_bytes)));
}

std::string MemoryEstimate::describe() const {
  char text[512];
  std::snprintf(text, sizeof text,
                "%s (%d simulation%s at a time x %s each for worker rows of up to %.0f jobs, enterprises, tallies "
                "and township distances; results of %lld replicate%s x %s%s;%s scenario %s; program %s)",
                format_bytes(static_cast<double>(total_bytes())).c_str(), concurrent_simulations,
                concurrent_simulations == 1 ? "" : "s", format_bytes(static_cast<double>(simulation_bytes)).c_str(),
                peak_jobs, static_cast<long long>(replicates), replicates == 1 ? "" : "s",
                format_bytes(static_cast<double>(results_bytes)).c_str(),
                runs_kept > 1 ? (" x " + std::to_string(runs_kept) + " runs kept").c_str() : "",
                states_per_running_replicate + states_per_replicate > 0
                    ? (" saved states " + std::to_string(states_per_running_replicate) + " per running and " +
                       std::to_string(states_per_replicate) + " per replicate x " +
                       format_bytes(static_cast<double>(state_bytes)) + ";").c_str()
                    : "",
                format_bytes(static_cast<double>(scenario_bytes)).c_str(),
                format_bytes(static_cast<double>(program_bytes)).c_str());
  return text;
}

void check_run_fits(const Scenario& scenario, const MemoryEstimate& estimate, std::uint64_t limit_bytes,
                    const std::string& limit_source) {
  if (estimate.total_bytes() <= limit_bytes) return;
  throw InputError(scenario.directory, 0,
                   "expected a run that fits in memory: it needs an estimated " + estimate.describe() +
                       ", more than the " + format_bytes(static_cast<double>(limit_bytes)) + " " + limit_source +
                       "; use fewer --threads (simulations at a time) or --replicates, or a smaller scenario");
}

std::string format_bytes(double bytes) {
  static const char* const units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  int unit = 0;
  while (bytes >= 1024.0 && unit < 6) {
    bytes /= 1024.0;
    ++unit;
  }
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
  return text;
}

std::optional<std::uint64_t> parse_memory_size(const std::string& raw) {
  std::string text;
  for (const char c : raw) {
    if (c != ' ') text += c;
  }
  std::size_t end = 0;
  while (end < text.size() && ((text[end] >= '0' && text[end] <= '9') || text[end] == '.')) ++end;
  if (end == 0) return std::nullopt;
  double number = 0.0;
  if (std::sscanf(text.substr(0, end).c_str(), "%lf", &number) != 1 || !std::isfinite(number)) return std::nullopt;
  std::string unit = text.substr(end);
  for (auto& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.size() > 1 && unit.substr(unit.size() - 2) == "IB") unit.resize(unit.size() - 2);
  else if (unit.size() > 1 && unit.back() == 'B') unit.pop_back();
  double scale = 1.0;
  if (unit == "" || unit == "B") scale = 1.0;
  else if (unit == "K") scale = 1024.0;
  else if (unit == "M") scale = 1024.0 * 1024;
  else if (unit == "G") scale = 1024.0 * 1024 * 1024;
  else if (unit == "T") scale = 1024.0 * 1024 * 1024 * 1024;
  else return std::nullopt;
  const double bytes = number * scale;
  if (bytes < 1.0 || bytes > 9.0e18) return std::nullopt;
  return static_cast<std::uint64_t>(bytes);
}

}  // namespace pneumo
