#include "pneumoplan/research/published_life_table.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pneumoplan/core/csv.hpp"
#include "pneumoplan/core/error.hpp"
#include "pneumoplan/research/cohort.hpp"

namespace pneumo {

namespace {

double conditional(const PublishedLifeTable& table, std::size_t band) {
  const double at_risk = table.bands[band].effective_at_risk;
  return at_risk > 0.0 ? static_cast<double>(table.bands[band].cases) / at_risk : 0.0;
}

}  // namespace

double PublishedLifeTable::risk_at_lower_from_counts(std::size_t band) const {
  double survival = 1.0;
  for (std::size_t j = 0; j < band; ++j) survival *= 1.0 - conditional(*this, j);
  return 1.0 - survival;
}

double PublishedLifeTable::risk_at_lower_se(std::size_t band) const {
  double survival = 1.0, greenwood = 0.0;
  for (std::size_t j = 0; j < band; ++j) {
    const double q = conditional(*this, j);
    const double at_risk = bands[j].effective_at_risk;
    survival *= 1.0 - q;
    if (at_risk > 0.0 && q < 1.0) greenwood += q / (at_risk * (1.0 - q));
  }
  return survival * std::sqrt(greenwood);
}

std::vector<double> PublishedLifeTable::lower_limits() const {
  std::vector<double> limits;
  for (const auto& b : bands) limits.push_back(b.lower_mg_m3_y);
  return limits;
}

PublishedLifeTable read_published_life_table(const std::string& path) {
  const CsvTable table = CsvTable::read(
      path, {"band_lower_mg_m3_y", "band_upper_mg_m3_y", "cumulative_risk_at_lower"}, {"effective_at_risk", "cases"});
  PublishedLifeTable out;
  out.path = path;
  const auto& header = table.header();
  const bool has_at_risk = std::find(header.begin(), header.end(), "effective_at_risk") != header.end();
  const bool has_cases = std::find(header.begin(), header.end(), "cases") != header.end();
  if (has_at_risk != has_cases) {
    throw InputError(path, table.header_line(), "expected both columns effective_at_risk and cases, or neither");
  }
  out.has_counts = has_cases;
  for (const auto& row : table.records()) {
    PublishedBand band;
    band.line = row.line();
    band.lower_mg_m3_y = row.number("band_lower_mg_m3_y", 0.0, 1e6);
    const auto upper = row.optional_number("band_upper_mg_m3_y", 0.0, 1e6);
    band.upper_mg_m3_y = upper ? *upper : std::numeric_limits<double>::infinity();
    if (out.has_counts) {
      band.effective_at_risk = row.number("effective_at_risk", 0.0, 1e9);
      band.cases = row.integer("cases", 0, 1'000'000'000);
    }
    band.risk_at_lower = row.number("cumulative_risk_at_lower", 0.0, 1.0);
    if (band.upper_mg_m3_y <= band.lower_mg_m3_y) row.fail("band_upper_mg_m3_y above band_lower_mg_m3_y");
    if (static_cast<double>(band.cases) > band.effective_at_risk) row.fail("cases not above effective_at_risk");
    if (!out.bands.empty()) {
      const auto& previous = out.bands.back();
      if (!std::isfinite(previous.upper_mg_m3_y)) row.fail("no band after the open-ended one");
      // Published limits are often printed to the nearest 0.01 or so, leaving small gaps between bands.
      if (band.lower_mg_m3_y < previous.lower_mg_m3_y || band.lower_mg_m3_y > previous.upper_mg_m3_y + 0.1) {
        row.fail("band_lower_mg_m3_y at the previous band's upper limit (" +
                 std::to_string(previous.upper_mg_m3_y) + ")");
      }
    } else if (band.lower_mg_m3_y != 0.0) {
      row.fail("the first band starting at 0");
    }
    out.bands.push_back(band);
  }
  if (out.bands.empty()) throw InputError(path, 0, "expected at least one band");
  for (std::size_t k = 0; out.has_counts && k < out.bands.size(); ++k) {
    // A transcription check: the published risk must be the one its own counts give (rounding aside).
    const double recomputed = out.risk_at_lower_from_counts(k);
    if (std::abs(recomputed - out.bands[k].risk_at_lower) > 0.02) {
      throw InputError(path, out.bands[k].line,
                       "column 'cumulative_risk_at_lower': expected the risk the counts above give (" +
                           std::to_string(recomputed) + "), within 0.02");
    }
  }
  return out;
}

PublishedComparison compare_with_published(const PublishedLifeTable& published,
                                           const std::vector<CohortBand>& simulated_bands, double members_per_cohort,
                                           double tolerance_abs, double min_at_risk, double z,
                                           double printed_precision, const std::vector<double>& accepted_misfits) {
  PublishedComparison out;
  for (std::size_t k = 0; k < published.bands.size(); ++k) {
    BandComparison c;
    c.lower_mg_m3_y = published.bands[k].lower_mg_m3_y;
    c.published_at_risk = published.bands[k].effective_at_risk;
    c.published_risk = published.bands[k].risk_at_lower;
    c.published_se = published.risk_at_lower_se(k);
    if (k > 0 && k - 1 < simulated_bands.size()) {
      c.simulated_risk = simulated_bands[k - 1].cumulative_risk;
      c.simulated_se = simulated_bands[k - 1].cumulative_risk_se;
    }
    if (k < simulated_bands.size()) {
      const auto& b = simulated_bands[k];
      c.simulated_at_risk = members_per_cohort * (static_cast<double>(b.entering) - 0.5 * static_cast<double>(b.withdrawals));
    }
    c.difference = c.simulated_risk - c.published_risk;
    c.judged = !published.has_counts || c.published_at_risk >= min_at_risk;
    if (c.judged) {
      // A printed risk is only known to half its last digit; that is part of the tolerance too.
      // A published model's curve has no counts, hence no Greenwood error: only the absolute tolerance applies.
      c.tolerance = (published.has_counts ? std::min(tolerance_abs, z * std::hypot(c.published_se, c.simulated_se))
                                          : tolerance_abs) +
                    0.5 * printed_precision;
      c.within = std::abs(c.difference) <= c.tolerance;
      // A documented misfit passes only while it stays within the absolute tolerance.
      c.accepted = !c.within && std::abs(c.difference) <= tolerance_abs + 0.5 * printed_precision &&
                   std::find(accepted_misfits.begin(), accepted_misfits.end(), c.lower_mg_m3_y) != accepted_misfits.end();
      out.largest_abs_difference = std::max(out.largest_abs_difference, std::abs(c.difference));
      ++out.judged;
      out.outside += c.within || c.accepted ? 0 : 1;
      out.accepted += c.accepted ? 1 : 0;
    }
    out.bands.push_back(c);
  }
  return out;
}

}  // namespace pneumo
