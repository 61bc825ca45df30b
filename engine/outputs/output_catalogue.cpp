#include "pneumoplan/outputs/output_catalogue.hpp"

namespace pneumo {

std::string_view axis_name(Axis axis) {
  switch (axis) {
    case Axis::Year: return "year";
    case Axis::Region: return "region";
    case Axis::Stage: return "stage";
    case Axis::Township: return "township";
    case Axis::Industry: return "industry";
    case Axis::Intervention: return "intervention";
    case Axis::YearsSinceDiagnosis: return "years_since_diagnosis";
  }
  return "?";
}

const OutputSpec* find_output(std::string_view name) {
  for (const auto& spec : output_catalogue()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
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
      {"diagnoses_short_exposure", "persons", "Cases diagnosed during the year after 5 or fewer years of dust work.",
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
       "People held in the simulation at the end of the year (workers and former workers with disease present "
       "or scheduled).",
       {A::Year}, true},
      {"exams_periodic", "exams", "Periodic exams of workers performed in the year (expected number).",
       {A::Year, A::Region}, false},
      {"exams_pre_employment", "exams", "Pre-employment exams of the year's hires performed (expected number).",
       {A::Year, A::Region}, false},
      {"exams_exit", "exams", "Exit exams of the year's leavers performed (expected number).", {A::Year, A::Region},
       false},
      {"exams_followup", "exams", "Post-exit follow-up exams of former workers performed (expected number).",
       {A::Year, A::Region}, false},
      {"exam_capacity_share", "share",
       "Share of requested exams the county's institutions could perform (city: performed ÷ requested).",
       {A::Year, A::Region}, false},
      {"diagnosis_capacity_share", "share", "Share of diagnosis requests the city's diagnosis institutions could serve.",
       {A::Year}, false},
      {"false_positive_diagnoses", "persons",
       "Workers without pneumoconiosis diagnosed with it (screen and diagnosis both wrong; expected number).",
       {A::Year, A::Region}, false},
      {"new_diagnoses_by_township", "persons", "Cases diagnosed in the year by township of residence (last = outside).",
       {A::Year, A::Township}, true},
      {"inspections", "enterprises", "Enterprises inspected in the year.", {A::Year, A::Region}, true},
      {"violations_found", "cases", "Violation cases found by inspections.", {A::Year, A::Region}, true},
      {"cases_handled", "cases", "Violation cases investigated and handled within capacity.", {A::Year, A::Region},
       true},
      {"rehab_stations_open", "stations", "Townships with an open rehabilitation station at the end of the year.",
       {A::Year, A::Region}, true},
      {"concentrated_townships", "townships",
       "Townships where patients concentrate (at least the station threshold of counted patients).",
       {A::Year, A::Region}, true},
      {"rehab_station_open", "0/1", "1 where the township has an open rehabilitation station (last entry unused).",
       {A::Year, A::Township}, true},
      {"rehab_patients", "persons", "Patients the station layout counts (rehab.patients_counted), by township's county.",
       {A::Year, A::Region}, false},
      {"rehab_patients_served", "persons", "Counted patients served by an open station within station capacities.",
       {A::Year, A::Region}, false},
      {"rehab_patients_unmet", "persons", "Counted patients no open station has room for (or no station at all).",
       {A::Year, A::Region}, false},
      {"rehab_patients_within_reach", "persons",
       "Served patients whose station lies within rehab.covering_distance_km.", {A::Year, A::Region}, false},
      {"rehab_mean_distance_km", "km", "Mean road distance from served patients' townships to their station.",
       {A::Year, A::Region}, false},
      {"rehab_p90_distance_km", "km", "90th percentile of served patients' road distance to their station.",
       {A::Year, A::Region}, false},
      {"rehab_station_cost_rmb", "RMB",
       "Building cost paid for stations up to the end of the year, cumulative (failed builds included; stations.csv "
       "ones excluded).",
       {A::Year, A::Region}, false},
      {"intervention_cost_rmb", "RMB",
       "Cost of each intervention of the active package in the year: fixed cost in its start year plus units x "
       "cost per unit (docs/interventions.md); zero for interventions not in the package; last entry = total.",
       {A::Year, A::Intervention}, false},
      {"patient_years_by_stage_at_diagnosis", "person-years",
       "Diagnosed patients alive at the start of the year, by stage at diagnosis and whole years since the year of "
       "diagnosis (last bin open), city: the denominators of survival after diagnosis (pneumoplan survival).",
       {A::Year, A::Stage, A::YearsSinceDiagnosis}, true},
      {"patient_deaths_by_stage_at_diagnosis", "persons",
       "Deaths of any cause in the year among the patients of patient_years_by_stage_at_diagnosis, same axes.",
       {A::Year, A::Stage, A::YearsSinceDiagnosis}, true},
      {"rehab_stations_functioning", "stations",
       "Stations serving patients in the year: open, with every post filled and their running cost paid.",
       {A::Year, A::Region}, true},
      {"rehab_staff_in_post", "persons", "Trained staff in post at stations being built or open.", {A::Year, A::Region},
       true},
      {"rehab_stations_opened", "stations", "Stations opening in the year after their build time.", {A::Year, A::Region},
       true},
      {"rehab_station_open_failures", "stations", "Funded stations that failed to open at the end of their build time.",
       {A::Year, A::Region}, true},
      {"rehab_stations_closed", "stations",
       "Stations closing in the year (too few patients, or no running money, for rehab.close_after_years).",
       {A::Year, A::Region}, true},
      {"rehab_patients_seeking", "persons",
       "Counted patients seeking rehabilitation: uptake falling with the distance to the nearest functioning station.",
       {A::Year, A::Region}, false},
      {"rehab_funding_rmb", "RMB", "The city's station budget of the year (fixed part plus per counted patient).",
       {A::Year}, false},
      {"rehab_build_spending_rmb", "RMB", "Building cost of the stations funded in the year.", {A::Year, A::Region},
       false},
      {"rehab_running_cost_rmb", "RMB", "Running cost of open stations paid in the year.", {A::Year, A::Region}, false},
      {"coordinators_recruited", "persons", "Township supervision coordinators recruited in the year.",
       {A::Year, A::Region}, true},
      {"coordinators_lost", "persons", "Township supervision coordinators who left in the year.", {A::Year, A::Region},
       true},
      {"violation_backlog", "cases", "Violation cases found but not yet handled at the end of the year.",
       {A::Year, A::Region}, true},
      {"insurance_enrolled_dust_workers", "persons", "Dust-exposed workers enrolled in work-injury insurance.",
       {A::Year, A::Region}, true},
      {"institutions_from_investments", "institutions",
       "Institutions created or certified by the package's exam_capacity and diagnosis_capacity interventions, open "
       "in the year (county: exam institutions; city: all).",
       {A::Year, A::Region}, true},
      {"indicator_injury_insurance_enrolled", "persons",
       "Plan indicator: employees of insured enterprises enrolled in work-injury insurance (docs/indicators.md).",
       {A::Year, A::Region}, false},
      {"indicator_hazard_declaration_rate", "share", "Plan indicator: hazard declaration rate (docs/indicators.md).",
       {A::Year, A::Region}, false},
      {"indicator_workplace_monitoring_pass_rate", "share",
       "Plan indicator: workplace monitoring pass rate (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_radiation_dose_monitoring_rate", "share",
       "Plan indicator: radiation dose monitoring rate (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_knowledge_awareness_rate", "share",
       "Plan indicator: knowledge awareness rate (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_rehab_township_coverage", "share",
       "Plan indicator: rehabilitation coverage of concentrated townships (docs/indicators.md).",
       {A::Year, A::Region}, false},
      {"indicator_violation_case_handling_rate", "share",
       "Plan indicator: violation case handling rate (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_city_prevention_institute", "institutions",
       "Plan indicator: occupational disease prevention institutes (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_county_exam_institution_coverage", "share",
       "Plan indicator: counties with a public exam institution (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_city_diagnosis_institutions", "institutions",
       "Plan indicator: diagnosis institutions (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_hearing_protection_wearing_rate", "share",
       "Plan indicator: correct wearing of hearing protection (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_township_supervision_coverage", "share",
       "Plan indicator: townships with a supervision coordinator (docs/indicators.md).", {A::Year, A::Region}, false},
      {"indicator_city_radiation_exam_institutions", "institutions",
       "Plan indicator: exam institutions able to examine radiation workers (docs/indicators.md).",
       {A::Year, A::Region}, false},
      {"indicator_injury_insurance_dust_worker_share", "share",
       "Sub-indicator: dust-exposed workers enrolled in work-injury insurance ÷ dust-exposed workers "
       "(docs/indicators.md).",
       {A::Year, A::Region}, false},
  }};
  return catalogue;
}

}  // namespace pneumo
