// A published exposure–response life table (the SAS/actuarial tables of cohort papers) and its comparison
// with a simulated cohort band by band. Such tables list, per band of cumulative exposure, the EFFECTIVE
// number at risk (entering − withdrawals/2, not the number entering), the cases, and the cumulative risk at
// the band's LOWER limit. File format: docs/cohort-format.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pneumo {

struct PublishedBand {
  double lower_mg_m3_y = 0.0;
  double upper_mg_m3_y = 0.0;  // +inf for an open last band
  double effective_at_risk = 0.0;  // entering − withdrawals/2, as published
  std::int64_t cases = 0;
  double risk_at_lower = 0.0;      // as published: cumulative risk at lower_mg_m3_y
  long line = 0;               // in the table's file, for messages
};

struct PublishedLifeTable {
  std::string path;
  std::vector<PublishedBand> bands;
  // False for a table of a published fitted model's risks (no counts): every band is judged against the
  // absolute tolerance only, and a fit matches the risks by least squares.
  bool has_counts = true;

  // Greenwood standard error of the cumulative risk at band `band`'s lower limit, from the counts.
  double risk_at_lower_se(std::size_t band) const;
  // The cumulative risk at band `band`'s lower limit recomputed from the counts (actuarial method).
  double risk_at_lower_from_counts(std::size_t band) const;
  std::vector<double> lower_limits() const;
};

// Reads a published table (CSV: band_lower_mg_m3_y, band_upper_mg_m3_y, cumulative_risk_at_lower, and for a
// life table effective_at_risk and cases); refuses with file:line bands that are not contiguous and ascending,
// more cases than workers at risk, or a published risk more than 0.02 from the one its own counts give (a
// transcription check).
PublishedLifeTable read_published_life_table(const std::string& path);

struct BandComparison {
  double lower_mg_m3_y = 0.0;
  double published_at_risk = 0.0;  // effective number at risk in the band
  double published_risk = 0.0, published_se = 0.0;
  double simulated_risk = 0.0, simulated_se = 0.0;
  double simulated_at_risk = 0.0;  // effective number at risk in the simulated band, per cohort of the file's size
  double difference = 0.0;  // simulated − published
  double tolerance = 0.0;   // min(tolerance_abs, z · √(se_pub² + se_sim²)) + printed_precision/2, where judged
  bool judged = false;      // enough workers were at risk in the band to judge it
  bool within = true;
  bool accepted = false;    // outside its Greenwood tolerance but within tolerance_abs, documented as a misfit
};

struct PublishedComparison {
  std::vector<BandComparison> bands;  // empty when no published table was given
  double largest_abs_difference = 0.0;  // over judged bands
  int judged = 0;
  int outside = 0;   // judged bands beyond their tolerance and not accepted
  int accepted = 0;  // judged bands beyond their Greenwood tolerance, accepted as documented misfits
};

// Compares risks at every band's lower limit: the published one with the simulated one (the simulated
// cumulative risk at the end of the band before). `simulated_bands` must have the published lower limits;
// `members_per_cohort` scales the simulated numbers at risk to one cohort (members ÷ replicates ÷ size = 1/R).
struct CohortBand;
PublishedComparison compare_with_published(const PublishedLifeTable& published,
                                           const std::vector<CohortBand>& simulated_bands, double members_per_cohort,
                                           double tolerance_abs, double min_at_risk, double z,
                                           double printed_precision = 0.0,
                                           const std::vector<double>& accepted_misfits = {});

}  // namespace pneumo
