#include "pneumoplan/output_catalogue.hpp"

namespace pneumo {

std::string_view axis_name(Axis axis) {
  switch (axis) {
    case Axis::Year: return "year";
    case Axis::Region: return "region";
    case Axis::Stage: return "stage";
    case Axis::Township: return "township";
    case Axis::Industry: return "industry";
  }
  return "?";
}

const std::array<OutputSpec, kOutputCount>& output_catalogue() {
  using A = Axis;
  static const std::array<OutputSpec, kOutputCount> catalogue = {{
      {"workers_employed", "persons", "Workers in dust work during the year, by workplace county.", {A::Year, A::Region}, true},
      {"workers_exposed", "persons", "Employed workers with a non-zero dust exposure during the year.", {A::Year, A::Region}, true},
      {"hires", "persons", "Workers hired at the start of the year.", {A::Year, A::Region}, true},
      {"leavers", "persons",
       "Workers leaving dust work at the end of the year (turnover, retirement, layoffs; deaths excluded).",
       {A::Year, A::Region}, true},
      {"cumulative_dust_p50", "mg/m3*y",
       "Median cumulative respirable dust of employed workers at the end of the year (histogram, ~9 % bins).",
       {A::Year, A::Region}, false},
      {"cumulative_dust_p90", "mg/m3*y", "90th percentile of cumulative respirable dust of employed workers.",
       {A::Year, A::Region}, false},
      {"cumulative_dust_p99", "mg/m3*y", "99th percentile of cumulative respirable dust of employed workers.",
       {A::Year, A::Region}, false},
      {"new_cases_true", "persons",
       "True new cases: people entering each stage during the year (stage I = onset), by last workplace county.",
       {A::Year, A::Region, A::Stage}, true},
      {"prevalent_true", "persons", "Living people with pneumoconiosis at the end of the year, by stage.",
       {A::Year, A::Region, A::Stage}, true},
      {"new_diagnoses", "persons", "Cases diagnosed and reported during the year, by stage at diagnosis.",
       {A::Year, A::Region, A::Stage}, true},
      {"prevalent_diagnosed", "persons", "Living diagnosed patients at the end of the year.", {A::Year, A::Region}, true},
      {"diagnoses_short_exposure", "persons", "Cases diagnosed during the year after fewer than 5 years of dust work.",
       {A::Year, A::Region}, true},
      {"diagnosis_age_years", "person-years",
       "Sum of ages at diagnosis of the year's diagnoses (divide by new_diagnoses for the mean age).",
       {A::Year, A::Region}, true},
      {"diagnosis_exposure_years", "person-years",
       "Sum of years of dust work of the year's diagnoses (divide by new_diagnoses for the mean).",
       {A::Year, A::Region}, true},
      {"deaths_pneumoconiosis", "persons", "Deaths due to pneumoconiosis during the year.", {A::Year, A::Region}, true},
      {"deaths_other_cause_patients", "persons", "Deaths of people with pneumoconiosis from other causes.",
       {A::Year, A::Region}, true},
      {"deaths_in_service", "persons", "Deaths of workers while in dust work (any cause).", {A::Year, A::Region}, true},
      {"patients_true_by_township", "persons",
       "Living people with pneumoconiosis at the end of the year by township of residence (migrant workers at "
       "home once they leave; last entry = outside the city).",
       {A::Year, A::Township}, true},
      {"patients_diagnosed_by_township", "persons",
       "Living diagnosed patients at the end of the year by township of residence (last entry = outside the city).",
       {A::Year, A::Township}, true},
      {"new_cases_true_by_industry", "persons", "True new stage I cases during the year by industry of last employer.",
       {A::Year, A::Industry}, true},
      {"simulated_people", "persons",
       "People held in the simulation at the end of the year (workers, former workers under follow-up, patients).",
       {A::Year}, true},
  }};
  return catalogue;
}

}  // namespace pneumo
