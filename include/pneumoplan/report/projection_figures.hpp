// The city's projections with 90 % bands over replicates and the plan period shaded:
//   new_cases:  reported new cases (diagnoses, all stages) and true new cases (onset of stage I);
//   prevalence: living people with pneumoconiosis at year end by stage (true), and those diagnosed;
//   deaths:     deaths due to pneumoconiosis and deaths of patients from other causes.
#pragma once

#include "pneumoplan/report/figure.hpp"
#include "pneumoplan/report/figure_options.hpp"
#include "pneumoplan/results/results_reader.hpp"

namespace pneumo {

Figure new_cases_figure(const ResultsFile& results, const FigureOptions& options);
Figure prevalence_figure(const ResultsFile& results, const FigureOptions& options);
Figure deaths_figure(const ResultsFile& results, const FigureOptions& options);

}  // namespace pneumo
