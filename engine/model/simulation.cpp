#include "pneumoplan/model/simulation.hpp"

#include <algorithm>
#include <tuple>
#include <cmath>

#include <tbb/blocked_range.h>
#include "pneumoplan/core/parallel_for.hpp"
#include "pneumoplan/core/run_alongside.hpp"

#include "pneumoplan/model/enterprise_dynamics.hpp"
#include "pneumoplan/model/person_propensity.hpp"

namespace pneumo {
namespace {

// Rows per task: large enough to amortise scheduling, small enough to balance two to sixteen cores.
constexpr std::size_t kRowsPerTask = 16384;

AxisSizes axis_sizes(const Scenario& scenario) {
  AxisSizes sizes;
  sizes.years = static_cast<std::size_t>(scenario.year_count());
  sizes.regions = scenario.geography.counties.size() + 1;
  sizes.townships = scenario.geography.townships.size() + 1;
  sizes.interventions = scenario.interventions.size() + 1;
  return sizes;
}

}  // namespace

Simulation::Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate)
    : Simulation(scenario, seed, replicate, Start::InitialWorkforce) {}

Simulation::Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate, const StateArchive& state)
    : Simulation(scenario, seed, replicate, Start::SavedState) {
  restore_state(state);
}

Simulation::Simulation(const Scenario& scenario, std::uint64_t seed, std::uint64_t replicate, Start start)
    : scenario_(scenario),
      rng_(seed, replicate),
      effects_(scenario, rng_),
      investments_(scenario, rng_),
      course_(scenario.parameters.disease, scenario.life_table),
      surveillance_(scenario.parameters.surveillance),
      compliance_(scenario),
      enterprises_(build_enterprises(scenario, rng_)),
      factory_(scenario, rng_, enterprises_, course_, surveillance_, compliance_),
      pass_(scenario, rng_, course_, surveillance_, enterprises_, conditions_),
      returns_(scenario, rng_, course_),
      services_(scenario),
      health_(scenario),
      supervision_(scenario, rng_),
      stations_(scenario, seed, replicate),
      results_(axis_sizes(scenario)),
      thread_tallies_(YearTally(scenario.geography.counties.size(), scenario.geography.townships.size(),
                                enterprises_.count())),
      year_tally_(scenario.geography.counties.size(), scenario.geography.townships.size(), enterprises_.count()),
      hires_by_enterprise_(enterprises_.count(), 0),
      next_year_(scenario.first_year()),
      seed_(seed),
      replicate_(replicate) {
  if (start == Start::SavedState) return;  // everything that follows comes from the saved state
  conditions_ = services_.opening_conditions(scenario.first_year());
  effects_.prepare(next_year_, enterprises_);
  update_enterprises_for_year(scenario_, rng_, enterprises_, next_year_, effects_);
  create_initial_workforce();
}

void Simulation::create_initial_workforce() {
  std::vector<std::size_t> first_row(enterprises_.count() + 1, 0);
  for (std::size_t e = 0; e < enterprises_.count(); ++e) first_row[e + 1] = first_row[e] + enterprises_.target_workers[e];
  // Room for the years of hiring ahead; reserved pages cost no memory until used.
  workers_.reserve(first_row.back() * 2);
  workers_.resize(first_row.back());
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, enterprises_.count()), [&](const auto& range) {
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
  const bool last = year == scenario_.last_year();
  const auto& p = scenario_.parameters;
  effects_.prepare(year, enterprises_);
  conditions_.followup_coverage = effects_.followup_coverage(p.surveillance.followup_coverage);
  conditions_.migrant_insured_threshold =
      share_threshold_32(effects_.migrant_insured_share(p.compliance.migrant_insured_share));
  if (year != scenario_.first_year()) update_enterprises_for_year(scenario_, rng_, enterprises_, year, effects_);
  supervision_.update(year, effects_);
  const EnforcementTally enforcement =
      compliance_.update(rng_, enterprises_, year, supervision_.has_coordinator(), effects_);
  YearTally& tally = process_people(year);
  if (returns_.active()) follow_returners(year, tally);
  if (!last) {
    effects_.plan_closures(year + 1, enterprises_);
    lay_off(year, tally);
  }
  YearConditions next_conditions;
  const ServiceVolumes services =
      services_.account(year, enterprises_, tally, hires_by_enterprise_, conditions_, next_conditions, investments_);
  const auto& rehab_patients =
      p.rehab.patients_counted == PatientsCounted::True ? tally.patients_true : tally.patients_diagnosed;
  const RehabYear rehab_year =
      stations_.update(year, rehab_patients, effects_.station_threshold(p.rehab.station_threshold_patients));
  // The stations' service (one thread: the serving solver), the indicators and the record of this year run while
  // next year's hires are created on the other threads. Neither reads what the other writes: hiring writes only the
  // worker table and its plan; the service, indicators and record read the tally, enterprises and stations (the
  // enterprises' knowledge that hires bring is added after both, as before them).
  const auto record_year = [&] {
    const RehabService rehab = stations_.serve(year, rehab_patients);
    const IndicatorYear indicators =
        compute_indicators({scenario_, enterprises_, tally, enforcement, supervision_.has_coordinator(), stations_,
                            rehab_patients, rehab.covered, investments_},
                           year);
    InterventionEffects::CostInputs cost_inputs;
    for (const double exams : services.followup) cost_inputs.followup_exams += exams;
    cost_inputs.followup_baseline = p.surveillance.followup_coverage;
    cost_inputs.coordinators_by_county = supervision_.in_post_by_county();
    cost_inputs.new_stations = rehab_year.funded_below_plan_threshold;
    record(year, tally, services, enforcement, indicators, rehab_year, rehab,
           effects_.costs(year, enterprises_, tally, cost_inputs));
  };
  std::size_t free_rows = static_cast<std::size_t>(tally.free_rows);
  if (last) {
    record_year();
  } else {
    count_hires(year + 1, tally);
    run_alongside(record_year, [&] { free_rows = place_hires(year + 1); });
    welcome_hires(tally);
  }
  conditions_ = std::move(next_conditions);
  compact_if_sparse(free_rows);
  ++next_year_;
}

YearTally& Simulation::process_people(int year) {
  const AnnualPass::Year prepared = pass_.prepare(year);
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, workers_.size(), kRowsPerTask), [&](const auto& range) {
    pass_.run(workers_, prepared, range.begin(), range.end(), thread_tallies_.local());
  });
  std::vector<YearTally*> locals;
  for (auto& local : thread_tallies_) locals.push_back(&local);
  year_tally_.sum_and_clear(locals);
  year_tally_.fold_work_counts(locals, enterprises_.county);
  return year_tally_;
}

void Simulation::follow_returners(int year, YearTally& tally) {
  // Few people, one thread, after the workers: the order of rows is fixed, so results stay bit-identical for
  // any thread count.
  returns_.arrive(returners_, year);
  pass_.run_returners(returners_, year, tally);
  std::size_t released = 0;
  for (const auto death : returners_.death_year) released += death == kFreeRow;
  if (released > 0 && released * 4 >= returners_.size()) returners_.compact();
}

void Simulation::lay_off(int year, YearTally& tally) {
  // Where next year's jobs are fewer than the workers staying, exactly the excess is laid off: the staying
  // workers with the smallest layoff draws (ties broken by identity), so the choice is deterministic and the
  // same worker is chosen first in every scenario.
  const std::size_t n = enterprises_.count();
  std::vector<std::int64_t> excess(n, 0);
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, n, kEnterprisesPerTask), [&](const auto& range) {
    for (std::size_t e = range.begin(); e != range.end(); ++e) {
      const auto jobs = static_cast<std::int64_t>(enterprise_jobs(scenario_, enterprises_, e, year + 1));
      excess[e] = std::max<std::int64_t>(0, tally.staying[e] - jobs);
    }
  });
  if (std::none_of(excess.begin(), excess.end(), [](std::int64_t x) { return x > 0; })) return;
  struct Candidate {
    std::uint32_t enterprise;
    double draw;
    std::uint64_t id;
    std::size_t row;
  };
  tbb::enumerable_thread_specific<std::vector<Candidate>> found;
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, workers_.size(), kRowsPerTask), [&](const auto& range) {
    auto& local = found.local();
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      const std::uint32_t e = workers_.enterprise[i];
      if (excess[e] == 0 || workers_.exit_year[i] <= year || workers_.death_year[i] <= year) continue;
      local.push_back({e, rng_.uniform(workers_.rng_id[i], year, Purpose::Layoff), workers_.rng_id[i], i});
    }
  });
  std::vector<Candidate> candidates;
  for (auto& local : found) candidates.insert(candidates.end(), local.begin(), local.end());
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.enterprise, a.draw, a.id) < std::tie(b.enterprise, b.draw, b.id);
  });
  std::vector<std::int64_t> laid_off(enterprises_.count(), 0);
  for (const auto& c : candidates) {
    if (laid_off[c.enterprise] >= excess[c.enterprise]) continue;
    laid_off[c.enterprise] += 1;
    const std::size_t i = c.row;
    workers_.exit_year[i] = static_cast<std::int16_t>(year);
    tally.staying[c.enterprise] -= 1;
    tally.leavers[enterprises_.county[c.enterprise]] += 1;
    // A worker whose disease is already scheduled had their background death drawn conditionally on
    // surviving to their planned exit; that no longer holds, so redraw it from next year (they are alive now).
    if (workers_.stage[i] == 0 && workers_.onset_year[i] != kNever) {
      workers_.death_year[i] = static_cast<std::int16_t>(course_.death_year_after_work(
          rng_, workers_.rng_id[i], year, workers_.birth_year[i], WorkerTraits::female(workers_.traits[i])));
    }
  }
}

void Simulation::count_hires(int year, const YearTally& tally) {
  const std::size_t n = enterprises_.count();
  next_hires_.resize(n);
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, n, kEnterprisesPerTask), [&](const auto& range) {
    for (std::size_t e = range.begin(); e != range.end(); ++e) {
      const auto jobs = static_cast<std::int64_t>(enterprise_jobs(scenario_, enterprises_, e, year));
      next_hires_[e] = std::max<std::int64_t>(0, jobs - tally.staying[e]);
    }
  });
}

std::size_t Simulation::place_hires(int year) {
  // Each enterprise's hires on every thread; only the running sum that places them and the plan are serial.
  const std::size_t n = enterprises_.count();
  std::vector<std::size_t> first_slot(n + 1, 0);
  for (std::size_t e = 0; e < n; ++e) first_slot[e + 1] = first_slot[e] + static_cast<std::size_t>(next_hires_[e]);
  workers_.free_rows(hire_plan_.free_rows);
  plan_hire_rows(hire_plan_, workers_.enterprise.data(), first_slot, workers_.size());
  const HireRowPlan& plan = hire_plan_;
  if (plan.new_rows > 0) workers_.resize(workers_.size() + plan.new_rows);
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, n), [&](const auto& range) {
    for (std::size_t e = range.begin(); e != range.end(); ++e) {
      factory_.hire_all(workers_, static_cast<std::uint32_t>(e), year, first_slot[e + 1] - first_slot[e],
                        plan.rows.data(), first_slot[e]);
    }
  });
  return plan.still_free;
}

void Simulation::welcome_hires(const YearTally& tally) {
  // Hires bring the knowledge of new hires into the enterprise's share; they are next year's hires from now on.
  const double new_hire_knowledge = scenario_.parameters.knowledge.new_hire_share;
  pneumo::parallel_for(tbb::blocked_range<std::size_t>(0, enterprises_.count(), kEnterprisesPerTask),
                       [&](const auto& range) {
                         for (std::size_t e = range.begin(); e != range.end(); ++e) {
                           const std::int64_t hires = next_hires_[e];
                           if (hires <= 0) continue;
                           const double staying = static_cast<double>(tally.staying[e]);
                           enterprises_.knowledge_share[e] = static_cast<float>(
                               (enterprises_.knowledge_share[e] * staying +
                                new_hire_knowledge * static_cast<double>(hires)) /
                               (staying + static_cast<double>(hires)));
                         }
                       });
  hires_by_enterprise_.swap(next_hires_);
}

void Simulation::compact_if_sparse(std::size_t free_rows) {
  // Released rows are normally refilled by next year's hires; only a shrinking workforce leaves many
  // free. Compacting costs a full copy, so wait until a quarter of the rows are free.
  if (free_rows > 0 && free_rows * 4 >= workers_.size()) workers_.compact();
}

void Simulation::record(int year, const YearTally& t, const ServiceVolumes& services,
                        const EnforcementTally& enforcement, const IndicatorYear& indicators,
                        const RehabYear& rehab_year, const RehabService& rehab,
                        const std::vector<double>& intervention_costs) {
  const std::size_t y = static_cast<std::size_t>(year - scenario_.first_year());
  const std::size_t counties = scenario_.geography.counties.size();
  const std::size_t city = counties;

  const auto per_region = [&](OutputId id, const auto& counts) {
    double* row = results_[id].year_row(y);
    double total = 0.0;
    for (std::size_t c = 0; c < counties; ++c) {
      row[c] = static_cast<double>(counts[c]);
      total += row[c];
    }
    row[city] = total;
  };
  const auto per_region_with_city = [&](OutputId id, const auto& values) {
    double* row = results_[id].year_row(y);
    for (std::size_t r = 0; r <= counties; ++r) row[r] = static_cast<double>(values[r]);
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
  std::vector<std::int64_t> hires_by_county(counties, 0);
  for (std::size_t e = 0; e < enterprises_.count(); ++e) hires_by_county[enterprises_.county[e]] += hires_by_enterprise_[e];
  per_region(OutputId::Hires, hires_by_county);
  per_region(OutputId::Leavers, t.leavers);
  per_region(OutputId::PrevalentDiagnosed, t.prevalent_diagnosed);
  per_region(OutputId::DiagnosesShortExposure, t.diagnoses_short_exposure);
  per_region(OutputId::DiagnosisAgeYears, t.diagnosis_age_years);
  per_region(OutputId::DiagnosisExposureYears, t.diagnosis_exposure_years);
  per_region(OutputId::DeathsPneumoconiosis, t.deaths_pneumoconiosis);
  per_region(OutputId::DeathsOtherCausePatients, t.deaths_other_cause_patients);
  per_region(OutputId::DeathsInService, t.deaths_in_service);
  per_region(OutputId::DiagnosedAtWork, t.diagnosed_at_work);
  per_region(OutputId::RemovedFromDust, t.removed_from_dust);
  per_region_stage(OutputId::NewCasesTrue, t.new_cases);
  per_region_stage(OutputId::PrevalentTrue, t.prevalent);
  per_region_stage(OutputId::NewDiagnoses, t.new_diagnoses);
  copy(OutputId::PatientsTrueByTownship, t.patients_true);
  copy(OutputId::PatientsDiagnosedByTownship, t.patients_diagnosed);
  copy(OutputId::NewCasesTrueByIndustry, t.new_cases_by_industry);
  copy(OutputId::PatientYearsByStageAtDiagnosis, t.patient_years_by_stage_at_diagnosis);
  copy(OutputId::PatientDeathsByStageAtDiagnosis, t.patient_deaths_by_stage_at_diagnosis);
  health_.record(year, y, t, rehab.served, results_);
  results_[OutputId::SimulatedPeople].year_row(y)[0] = static_cast<double>(t.people);

  per_region(OutputId::ExamsPeriodic, services.periodic);
  per_region(OutputId::ExamsPreEmployment, services.pre_employment);
  per_region(OutputId::ExamsExit, services.exit);
  per_region(OutputId::ExamsFollowUp, services.followup);
  per_region(OutputId::FalsePositiveDiagnoses, services.false_positive_diagnoses);
  {
    // The capacity shares the year ran with; the city's is performed ÷ requested.
    double* row = results_[OutputId::ExamCapacityShare].year_row(y);
    double requested = 0.0, performed = 0.0;
    for (std::size_t c = 0; c < counties; ++c) {
      row[c] = conditions_.exam_capacity_share[c];
      requested += services.requested[c];
      performed += services.requested[c] * conditions_.exam_capacity_share[c];
    }
    row[city] = requested > 0.0 ? performed / requested : 1.0;
    results_[OutputId::DiagnosisCapacityShare].year_row(y)[0] = conditions_.diagnosis_capacity_share;
  }
  copy(OutputId::DiagnosesByTownship, t.diagnoses_by_township);
  per_region(OutputId::Inspections, enforcement.inspected);
  per_region(OutputId::ViolationsFound, enforcement.violations_found);
  per_region(OutputId::CasesHandled, enforcement.cases_handled);
  per_region_with_city(OutputId::RehabStationsOpen, indicators.stations_open);
  per_region_with_city(OutputId::ConcentratedTownships, indicators.concentrated_townships);
  per_region_with_city(OutputId::RehabPatients, rehab.patients);
  per_region_with_city(OutputId::RehabPatientsServed, rehab.served);
  per_region_with_city(OutputId::RehabPatientsUnmet, rehab.unmet);
  per_region_with_city(OutputId::RehabPatientsWithinReach, rehab.within_reach);
  per_region_with_city(OutputId::RehabMeanDistance, rehab.mean_km);
  per_region_with_city(OutputId::RehabP90Distance, rehab.p90_km);
  per_region_with_city(OutputId::RehabStationCost, rehab.cost_rmb);
  {
    double* row = results_[OutputId::RehabStationOpen].year_row(y);
    for (std::size_t k = 0; k + 1 < results_[OutputId::RehabStationOpen].shape[1]; ++k) row[k] = stations_.open(k);
    // Which stations served patients: the station site table replays the service from these (policy/station_sites).
    double* serving = results_[OutputId::RehabStationFunctioning].year_row(y);
    for (std::size_t k = 0; k + 1 < results_[OutputId::RehabStationFunctioning].shape[1]; ++k) {
      serving[k] = stations_.functioning(k);
    }
  }
  per_region_with_city(OutputId::RehabStationsFunctioning, rehab.functioning);
  per_region_with_city(OutputId::RehabStaffInPost, rehab.staff);
  per_region_with_city(OutputId::RehabStationsOpened, rehab_year.opened);
  per_region_with_city(OutputId::RehabStationOpenFailures, rehab_year.open_failures);
  per_region_with_city(OutputId::RehabStationsClosed, rehab_year.closed);
  per_region_with_city(OutputId::RehabPatientsSeeking, rehab.seeking);
  results_[OutputId::RehabFunding].year_row(y)[0] = rehab_year.funding_rmb;
  per_region_with_city(OutputId::RehabBuildSpending, rehab_year.build_spending_rmb);
  per_region_with_city(OutputId::RehabRunningCost, rehab_year.running_cost_rmb);
  per_region(OutputId::CoordinatorsRecruited, supervision_.recruited());
  per_region(OutputId::CoordinatorsLost, supervision_.lost());
  per_region(OutputId::ViolationBacklog, enforcement.backlog_end);
  per_region_with_city(OutputId::InsuranceEnrolledDustWorkers, indicators.insured_dust_workers);
  per_region_with_city(OutputId::InstitutionsFromInvestments, investments_.open_by_region(year));
  for (std::size_t k = 0; k < kIndicatorCount; ++k) {
    per_region_with_city(indicator_output(static_cast<IndicatorId>(k)), indicators.values[k]);
  }
  {
    double* row = results_[OutputId::InterventionCost].year_row(y);
    double total = 0.0;
    for (std::size_t k = 0; k < intervention_costs.size(); ++k) {
      row[k] = intervention_costs[k];
      total += intervention_costs[k];
    }
    row[intervention_costs.size()] = total;
  }

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
}

}  // namespace pneumo
