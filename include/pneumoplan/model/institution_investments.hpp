// Institutions that the plan's capacity investments create or certify through the model. Each active
// exam_capacity intervention with a positive intensity is a project in each county it targets (a public
// occupational-health exam institution of that county); each diagnosis_capacity intervention is one project
// for the city (a diagnosis institution). A project makes its first attempt in the intervention's start
// year; an attempt succeeds with probability 1 − institutions.certification_failure_probability and the
// institution then opens institutions.certification_delay_years later; a failed attempt is known after the
// same delay (at least a year), when the next attempt starts, as long as the intervention runs. An open
// institution serves, at intensity × strength exams (or diagnoses) a year, until the intervention ends.
// Every attempt draws from (project, year, InstitutionCertification), so the same project succeeds or fails
// alike in every package that contains it. Institutions of institutions.csv are not projects: they are the
// scenario's inventory.
#pragma once

#include <cstdint>
#include <vector>

#include "pneumoplan/core/random_stream.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

class InstitutionInvestments {
 public:
  InstitutionInvestments(const Scenario& scenario, const RandomStream& rng);

  // Capacity of the open created institutions in `year`.
  double exam_capacity_added(std::size_t county, int year) const;
  double diagnosis_capacity_added(int year) const;

  // Created institutions open in `year`: a public exam institution of `county`; the city's diagnosis ones.
  bool county_has_exam_institution(std::size_t county, int year) const;
  int diagnosis_institutions(int year) const;
  // Created institutions open in `year` per region (counties, then the city; the city adds its diagnosis ones).
  std::vector<std::int64_t> open_by_region(int year) const;

  struct Project {
    std::size_t intervention;  // index into Scenario::interventions
    int county;                // −1: the city
    int opens_year;            // kNoYear when no attempt succeeds while the intervention runs
  };
  const std::vector<Project>& projects() const { return projects_; }
  static constexpr int kNoYear = 1 << 30;

 private:
  bool open(const Project& p, int year) const;

  const Scenario& scenario_;
  std::vector<Project> projects_;
};

}  // namespace pneumo
