// The report of a comparison of policy packages: provenance, the packages (with links to each package's
// own run report where it was written), every outcome as bars and as a table of values and paired
// differences from the baseline, and the plan indicators' verdicts per package.
#pragma once

#include <string>
#include <vector>

#include "pneumoplan/policy/comparison_reader.hpp"
#include "pneumoplan/report/figure_folder.hpp"
#include "pneumoplan/report/localised_text.hpp"
#include "pneumoplan/report/report_document.hpp"

namespace pneumo {

struct PackageReportLink {
  std::string report;   // relative path of the package's run report; empty when not written
  std::string problem;  // why not (e.g. its results file is missing)
};

// `package_reports` is indexed like comparison.packages.
ReportDocument comparison_report(const ComparisonFile& comparison, Language language,
                                 const std::vector<WrittenFigure>& figures, const std::string& figure_folder,
                                 const std::vector<PackageReportLink>& package_reports);

}  // namespace pneumo
