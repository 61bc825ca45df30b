#include "pneumoplan/simulation.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "pneumoplan/enterprise_dynamics.hpp"

namespace pneumo {
namespace {

// Rows per task: large enough to amortise scheduling, small enough to balance two to sixteen cores.
constexpr std::size_t kRowsPerTask = 16384;

AxisSizes axis_sizes(const Scenario& scenario) {
  AxisSizes sizes;
  sizes.years = static_cast<std::size_t>(scenario.year_count());
  sizes.regions = scenario.geography.counties.size() + 1;
  sizes.townships = scenario.geography.townships.size() + 1;
  return sizes;
}

}  // namespace

Simulation::Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate)
    : scenario_(scenario),
      rng_(seed, replicate),
      course_(scenario.parameters.disease, scenario.life_table),
      surveillance_(scenario.parameters.surveillance),
      enterprises_(build_enterprises(scenario, rng_)),
      factory_(scenario, rng_, enterprises_, course_, surveillance_),
      pass_(scenario, rng_, course_, surveillance_, enterprises_),
      results_(axis_sizes(scenario)),
      thread_tallies_(YearTally(scenario.geography.counties.size(), scenario.geography.townships.size(),
                                enterprises_.count())),
      hires_by_county_(scenario.geography.counties.size(), 0),
      next_year_(scenario.first_year()) {
  update_enterprises_for_year(scenario_, rng_, enterprises_, next_year_);
  create_initial_workforce();
}

void Simulation::create_initial_workforce() {
  std::vector<std::size_t> first_row(enterprises_.count() + 1, 0);
  for (std::size_t e = 0; e < enterprises_.count(); ++e) first_row[e + 1] = first_row[e] + enterprises_.target_workers[e];
  // Room for the years of hiring ahead; reserved pages cost no memory until used.
  workers_.reserve(first_row.back() * 2);
  workers_.resize(first_row.back());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, enterprises_.count()), [&](const auto& range) {
    for (std::size_t e = range.begin(); e != range.end(); ++e) {
      for (std::size_t k = 0; k < enterprises_.target_workers[e]; ++k) {
        factory_.initial(workers_, first_row[e] + k, static_cast<std::uint32_t>(e), static_cast<std::uint32_t>(k));
      }
    }
  });
}

void Simulation::run(const std::function<void(int year)>& after_year) {
  while (!finished()) {
    const int year = next_year_;
    step_year();
    if (after_year) after_year(year);
  }
}

void Simulation::step_year() {
  const int year = next_year_;
  if (year != scenario_.first_year()) update_enterprises_for_year(scenario_, rng_, enterprises_, year);
  YearTally tally = process_people(year);
  std::size_t free_rows = static_cast<std::size_t>(tally.free_rows);
  if (year < scenario_.last_year()) {
    lay_off(year, tally);
    record(year, tally);
    free_rows = hire_for(year + 1, tally);
  } else {
    record(year, tally);
  }
  compact_if_sparse(free_rows);
  ++next_year_;
}

YearTally Simulation::process_people(int year) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, workers_.size(), kRowsPerTask), [&](const auto& range) {
    pass_.run(workers_, year, range.begin(), range.end(), thread_tallies_.local());
  });
  YearTally total(scenario_.geography.counties.size(), scenario_.geography.townships.size(), enterprises_.count());
  for (auto& local : thread_tallies_) {
    total.add(local);
    local.clear();
  }
  return total;
}

void Simulation::lay_off(int year, YearTally& tally) {
  // Where next year's jobs are fewer than the workers staying, each staying worker is laid off with the
  // enterprise's excess share.
  std::vector<double> layoff_share(enterprises_.count(), 0.0);
  bool any = false;
  for (std::size_t e = 0; e < enterprises_.count(); ++e) {
    const auto jobs = static_cast<std::int64_t>(enterprise_jobs(scenario_, enterprises_, e, year + 1));
    if (tally.staying[e] > jobs) {
      layoff_share[e] = static_cast<double>(tally.staying[e] - jobs) / static_cast<double>(tally.staying[e]);
      any = true;
    }
  }
  if (!any) return;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, workers_.size(), kRowsPerTask), [&](const auto& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const std::uint32_t e = workers_.enterprise[i];
      if (layoff_share[e] == 0.0 || workers_.exit_year[i] <= year || workers_.death_year[i] <= year) continue;
      if (rng_.uniform(workers_.rng_id[i], year, Purpose::Layoff) < layoff_share[e]) {
        workers_.exit_year[i] = static_cast<std::int16_t>(year);
        std::atomic_ref<std::int64_t>(tally.staying[e]).fetch_sub(1, std::memory_order_relaxed);
        std::atomic_ref<std::int64_t>(tally.leavers[enterprises_.county[e]]).fetch_add(1, std::memory_order_relaxed);
      }
    }
  });
}

std::size_t Simulation::hire_for(int year, const YearTally& tally) {
  std::vector<std::size_t> first_slot(enterprises_.count() + 1, 0);
  std::fill(hires_by_county_.begin(), hires_by_county_.end(), 0);
  for (std::size_t e = 0; e < enterprises_.count(); ++e) {
    const auto jobs = static_cast<std::int64_t>(enterprise_jobs(scenario_, enterprises_, e, year));
    const std::int64_t hires = std::max<std::int64_t>(0, jobs - tally.staying[e]);
    first_slot[e + 1] = first_slot[e] + static_cast<std::size_t>(hires);
    hires_by_county_[enterprises_.county[e]] += hires;
  }
  // Hire k (in enterprise order) goes to the k-th released row, then to new rows at the end.
  const std::vector<std::size_t> free = workers_.free_rows();
  const std::size_t total = first_slot.back();
  const std::size_t base = workers_.size();
  if (total > free.size()) workers_.resize(base + total - free.size());
  const auto row_of = [&](std::size_t k) { return k < free.size() ? free[k] : base + (k - free.size()); };
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, enterprises_.count()), [&](const auto& range) {
    for (std::size_t e = range.begin(); e != range.end(); ++e) {
      for (std::size_t k = first_slot[e]; k < first_slot[e + 1]; ++k) {
        factory_.hire(workers_, row_of(k), static_cast<std::uint32_t>(e), year,
                      static_cast<std::uint32_t>(k - first_slot[e]));
      }
    }
  });
  return free.size() > total ? free.size() - total : 0;
}

void Simulation::compact_if_sparse(std::size_t free_rows) {
  // Released rows are normally refilled by next year's hires; only a shrinking workforce leaves many
  // free. Compacting costs a full copy, so wait until a quarter of the rows are free.
  if (free_rows > 0 && free_rows * 4 >= workers_.size()) workers_.compact();
}

void Simulation::record(int year, const YearTally& t) {
  const std::size_t y = static_cast<std::size_t>(year - scenario_.first_year());
  const std::size_t counties = scenario_.geography.counties.size();
  const std::size_t city = counties;

  const auto per_region = [&](OutputId id, const std::vector<std::int64_t>& counts) {
    double* row = results_[id].year_row(y);
    double total = 0.0;
    for (std::size_t c = 0; c < counties; ++c) {
      row[c] = static_cast<double>(counts[c]);
      total += row[c];
    }
    row[city] = total;
  };
  const auto per_region_stage = [&](OutputId id, const std::vector<std::int64_t>& counts) {
    double* row = results_[id].year_row(y);
    for (std::size_t s = 0; s < kStageCount; ++s) row[city * kStageCount + s] = 0.0;
    for (std::size_t c = 0; c < counties; ++c) {
      for (std::size_t s = 0; s < kStageCount; ++s) {
        row[c * kStageCount + s] = static_cast<double>(counts[c * kStageCount + s]);
        row[city * kStageCount + s] += row[c * kStageCount + s];
      }
    }
  };
  const auto copy = [&](OutputId id, const std::vector<std::int64_t>& counts) {
    double* row = results_[id].year_row(y);
    for (std::size_t k = 0; k < counts.size(); ++k) row[k] = static_cast<double>(counts[k]);
  };

  per_region(OutputId::WorkersEmployed, t.employed);
  per_region(OutputId::WorkersExposed, t.exposed);
  per_region(OutputId::Hires, hires_by_county_);
  per_region(OutputId::Leavers, t.leavers);
  per_region(OutputId::PrevalentDiagnosed, t.prevalent_diagnosed);
  per_region(OutputId::DiagnosesShortExposure, t.diagnoses_short_exposure);
  per_region(OutputId::DiagnosisAgeYears, t.diagnosis_age_years);
  per_region(OutputId::DiagnosisExposureYears, t.diagnosis_exposure_years);
  per_region(OutputId::DeathsPneumoconiosis, t.deaths_pneumoconiosis);
  per_region(OutputId::DeathsOtherCausePatients, t.deaths_other_cause_patients);
  per_region(OutputId::DeathsInService, t.deaths_in_service);
  per_region_stage(OutputId::NewCasesTrue, t.new_cases);
  per_region_stage(OutputId::PrevalentTrue, t.prevalent);
  per_region_stage(OutputId::NewDiagnoses, t.new_diagnoses);
  copy(OutputId::PatientsTrueByTownship, t.patients_true);
  copy(OutputId::PatientsDiagnosedByTownship, t.patients_diagnosed);
  copy(OutputId::NewCasesTrueByIndustry, t.new_cases_by_industry);
  results_[OutputId::SimulatedPeople].year_row(y)[0] = static_cast<double>(t.people);

  // Percentiles per county and for the city from the merged histogram.
  constexpr std::size_t B = ExposureHistogram::kBins;
  std::vector<std::int64_t> city_histogram(B, 0);
  const OutputId percentile_ids[] = {OutputId::CumulativeDustP50, OutputId::CumulativeDustP90,
                                     OutputId::CumulativeDustP99};
  const double levels[] = {0.5, 0.9, 0.99};
  for (std::size_t c = 0; c < counties; ++c) {
    const std::int64_t* histogram = t.dust_histogram.data() + c * B;
    for (std::size_t b = 0; b < B; ++b) city_histogram[b] += histogram[b];
    for (std::size_t k = 0; k < 3; ++k) results_[percentile_ids[k]].year_row(y)[c] = ExposureHistogram::quantile(histogram, levels[k]);
  }
  for (std::size_t k = 0; k < 3; ++k) {
    results_[percentile_ids[k]].year_row(y)[city] = ExposureHistogram::quantile(city_histogram.data(), levels[k]);
  }
  std::fill(hires_by_county_.begin(), hires_by_county_.end(), 0);
}

}  // namespace pneumo
