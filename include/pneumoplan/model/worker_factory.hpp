// Creates workers: new hires at the start of a year, and the workforce already present in the first
// simulated year together with the work history it brings (years worked, dust breathed, disease begun).
#pragma once

#include <array>
#include <cstdint>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/model/alias_table.hpp"
#include "pneumoplan/model/compliance_model.hpp"
#include "pneumoplan/model/disease_course.hpp"
#include "pneumoplan/model/enterprise_table.hpp"
#include "pneumoplan/model/home_sampler.hpp"
#include "pneumoplan/model/surveillance.hpp"
#include "pneumoplan/model/worker_table.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class WorkerFactory {
 public:
  WorkerFactory(const Scenario& scenario, const RandomStream& rng, const EnterpriseTable& enterprises,
                const DiseaseCourse& course, const Surveillance& surveillance, const ComplianceModel& compliance);

  // Row `row` becomes the `slot`-th worker `enterprise` hires at the start of `year`.
  void hire(WorkerTable& workers, std::size_t row, std::uint32_t enterprise, int year, std::uint32_t slot) const;

  // The same as hire() for slots 0 .. count − 1 of `enterprise`, slot s into rows[first + s]: identical
  // workers, made faster by computing the enterprise's constants once and the random numbers of several
  // hires together (their Philox rounds then overlap in the processor instead of waiting on each other).
  void hire_all(WorkerTable& workers, std::uint32_t enterprise, int year, std::size_t count, const std::size_t* rows,
                std::size_t first) const;

  // Row `row` becomes the `slot`-th worker of `enterprise` in the first simulated year, with the years
  // they had already worked there and the exposure, and possibly disease (and its diagnosis), those years
  // brought.
  void initial(WorkerTable& workers, std::size_t row, std::uint32_t enterprise, std::uint32_t slot) const;

  // Annual probability of leaving dust work for this size class and employment type.
  double turnover_rate(SizeClass size, EmploymentType type) const;

 private:
  struct Draws;
  struct EnterpriseHiring;
  EnterpriseHiring hiring_of(std::uint32_t enterprise) const;
  Draws draw(std::uint64_t id, std::uint32_t enterprise) const;
  Draws draw_from(const std::array<std::uint64_t, 4>& bits, const EnterpriseHiring& h) const;
  void place(WorkerTable& workers, std::size_t row, std::uint64_t id, std::uint32_t enterprise, const Draws& d,
             int hire_year, int birth_year) const;
  void place(WorkerTable& workers, std::size_t row, std::uint64_t id, const EnterpriseHiring& h, const Draws& d,
             int hire_year, int birth_year) const;
  int retirement_exit_year(int birth_year, bool female) const;
  std::int64_t years_until_exit(double u, std::uint32_t enterprise, EmploymentType type) const;

  const Scenario& scenario_;
  const RandomStream& rng_;
  const EnterpriseTable& enterprises_;
  const DiseaseCourse& course_;
  const Surveillance& surveillance_;
  const ComplianceModel& compliance_;
  HomeSampler homes_;
  // Constants of the hiring draws, computed once: the distribution of the hiring age in whole years
  // (a truncated normal, rounded) and log(1 − turnover rate) by size class and employment type.
  std::array<AliasTable, 2> hire_age_;  // by sex: men, women
  std::array<int, 2> retirement_age_rounded_years_{};  // by sex: the retirement age rounded, as exits use it
  std::array<std::array<double, kEmploymentTypeCount>, kSizeClassCount> log_stay_{};
};

}  // namespace pneumo
