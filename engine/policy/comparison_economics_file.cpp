// /economics of comparison.h5: everything the cost-effectiveness analysis found, by package. Like the rest of
// the file every dataset has units and a description and named dimensions: the scales it needs beyond the
// package and replicate ones lie in the root group (payer, payer_and_total, budget_year, quadrant and the
// willingness-to-pay thresholds), where netCDF tools look for them.
#include <string>
#include <type_traits>
#include <vector>

#include "pneumoplan/policy/comparison_economics.hpp"
#include "pneumoplan/policy/interval_datasets.hpp"

namespace pneumo {
namespace {

template <typename Row>
std::vector<typename Row::value_type> flatten(const std::vector<Row>& rows) {
  std::vector<typename Row::value_type> out;
  for (const auto& row : rows) out.insert(out.end(), row.begin(), row.end());
  return out;
}

// A dataset, described and attached to its scales.
template <typename Values>
void write(hid_t group, const std::string& name, const std::vector<hsize_t>& dims, const Values& values,
           const std::vector<std::string>& scales, const std::string& units, const std::string& description) {
  if constexpr (std::is_same_v<typename Values::value_type, std::string>) {
    h5::write_strings(group, name, dims, values);
  } else {
    h5::write_dataset(group, name, dims, values);
  }
  h5::describe_dataset(group, name, units, description);
  if (!scales.empty()) h5::attach_dimension_scales(group, name, scales);  // a scale itself has none
}

template <typename Values>
void write_scale(hid_t root, const std::string& name, const Values& values, const std::string& units,
                 const std::string& description) {
  write(root, name, {values.size()}, values, {}, units, description);
  h5::make_dimension_scale(root, name, name);
}

void write_icers(hid_t parent, const std::string& name, const std::vector<Icer>& icers, const std::string& units,
                 const std::string& per) {
  auto group = h5::create_group(parent, name);
  h5::describe(group.id(), units, "incremental cost-effectiveness ratio per " + per);
  std::vector<double> ratio, p5, p95, shares;
  std::vector<std::string> status;
  for (const auto& icer : icers) {
    ratio.push_back(icer.ratio);
    p5.push_back(icer.p5);
    p95.push_back(icer.p95);
    status.emplace_back(icer_status_name(icer.status));
    shares.insert(shares.end(), icer.quadrant_share.begin(), icer.quadrant_share.end());
  }
  const hsize_t P = icers.size();
  write(group.id(), "ratio", {P}, ratio, {"/package"}, units,
        "mean incremental cost / mean health gain per " + per + " where status is a ratio, else NaN");
  write(group.id(), "p5", {P}, p5, {"/package"}, units,
        "5th percentile of the replicates' own ratios (NaN unless every replicate's gain has the mean gain's sign)");
  write(group.id(), "p95", {P}, p95, {"/package"}, units, "95th percentile of the replicates' own ratios (as p5)");
  write(group.id(), "status", {P}, status, {"/package"}, "",
        "ratio, dominant, dominated, less costly, less effective, or no health effect");
  write(group.id(), "quadrant_share", {P, kQuadrantNames.size()}, shares, {"/package", "/quadrant"}, "share",
        "share of replicates in each quadrant of the cost-effectiveness plane (both differences 0: none)");
}

void write_benefit(hid_t parent, const std::string& name, const std::string& scale,
                   const std::vector<std::vector<Interval>>& nmb, const std::vector<std::vector<double>>& probability,
                   const std::vector<std::vector<std::int64_t>>& rank, std::size_t thresholds, const std::string& per) {
  auto group = h5::create_group(parent, name);
  h5::describe(group.id(), "", "net monetary benefit per " + per + " at each willingness-to-pay threshold");
  const hsize_t P = nmb.size(), W = thresholds;
  const std::vector<std::string> scales = {"/package", scale};
  write_interval_group(group.id(), "net_monetary_benefit_rmb", {P, W}, flatten(nmb), scales, "RMB",
                  "threshold x health gain - incremental cost, by replicate");
  write(group.id(), "probability_cost_effective", {P, W}, flatten(probability), scales, "share",
        "share of replicates whose net monetary benefit is positive");
  write(group.id(), "rank", {P, W}, flatten(rank), scales, "",
        "rank by mean net monetary benefit, 1 the highest (the reference's is 0)");
}

}  // namespace

void write_economics_group(hid_t root, const PackageComparison& c) {
  const CostEffectiveness& e = c.economics;
  const hsize_t P = c.packages.size(), R = static_cast<hsize_t>(c.replicates), B = kBudgetPayerCount,
                Y = e.budget_years.size();
  std::vector<std::string> payers, payers_and_total;
  for (std::size_t k = 0; k < kBudgetPayerCount; ++k) payers.emplace_back(budget_payer_name(k));
  payers_and_total = payers;
  payers_and_total.emplace_back("total");
  write_scale(root, "payer", payers, "", "who bears a cost: the programme, then the payers of medical care");
  write_scale(root, "payer_and_total", payers_and_total, "", "the payers, then their total");
  write_scale(root, "budget_year", std::vector<std::int64_t>(e.budget_years.begin(), e.budget_years.end()),
              "calendar year", "the years of the comparison period (budget impact)");
  write_scale(root, "quadrant", std::vector<std::string>(kQuadrantNames.begin(), kQuadrantNames.end()), "",
              "quadrants of the cost-effectiveness plane");
  write_scale(root, "wtp_rmb_per_daly", e.wtp.rmb_per_daly, "RMB/DALY",
              "willingness-to-pay thresholds per DALY averted (/economics wtp_basis)");
  write_scale(root, "wtp_rmb_per_qaly", e.wtp.rmb_per_qaly, "RMB/QALY",
              "willingness-to-pay thresholds per QALY gained (/economics wtp_basis)");

  auto group = h5::create_group(root, "economics");
  const hid_t g = group.id();
  h5::describe(g, "", "cost-effectiveness and budget impact of each package against the reference "
                      "(docs/interventions.md)");
  h5::write_attribute(g, "discount_rate_per_year", e.discount_rate_per_year);
  h5::write_attribute(g, "reference_year", static_cast<std::int64_t>(e.reference_year));
  h5::write_attribute(g, "price_year", static_cast<std::int64_t>(e.price_year));
  h5::write_attribute(g, "period_first_year", static_cast<std::int64_t>(e.first_year));
  h5::write_attribute(g, "period_last_year", static_cast<std::int64_t>(e.last_year));
  h5::write_attribute(g, "perspective",
                      std::string("every payer: the programme (interventions, stations funded and running) and medical "
                                  "care paid by work-injury insurance, employers, basic insurance, medical aid and "
                                  "patients; lost income apart"));
  h5::write_attribute(g, "wtp_basis", e.wtp.basis);
  h5::write_attribute(g, "icer_interval",
                      std::string("5th-95th percentile of the replicates' own ratios, only when every replicate's "
                                  "health gain has the sign of the mean gain"));

  const std::string discounted = "discounted to " + std::to_string(e.reference_year) + ", summed over " +
                                 std::to_string(e.first_year) + "-" + std::to_string(e.last_year) +
                                 ", reference minus package by replicate";
  write_interval_group(g, "dalys_averted", {P}, e.dalys_averted_summary, {"/package"}, "years", "DALYs " + discounted);
  write_interval_group(g, "qalys_gained", {P}, e.qalys_gained_summary, {"/package"}, "QALYs", "QALYs lost " + discounted);
  write_interval_group(g, "incremental_cost_rmb", {P}, e.incremental_cost_summary, {"/package"}, "RMB",
                  "cost to every payer, package minus reference, discounted");
  write_interval_group(g, "incremental_cost_by_payer_rmb", {P, B}, flatten(e.incremental_cost_by_payer),
                  {"/package", "/payer"}, "RMB", "cost to each payer, package minus reference, discounted");
  write_interval_group(g, "lost_income_averted_rmb", {P}, e.lost_income_averted_rmb, {"/package"}, "RMB",
                  "lost income " + discounted);
  write(g, "dalys_averted_per_replicate", {P, R}, flatten(e.dalys_averted), {"/package", "/replicate"}, "years",
        "DALYs " + discounted);
  write(g, "qalys_gained_per_replicate", {P, R}, flatten(e.qalys_gained), {"/package", "/replicate"}, "QALYs",
        "QALYs lost " + discounted);
  write(g, "incremental_cost_rmb_per_replicate", {P, R}, flatten(e.incremental_cost_rmb),
        {"/package", "/replicate"}, "RMB", "cost to every payer, package minus reference, discounted, by replicate");
  write_icers(g, "icer_rmb_per_daly_averted", e.icer_per_daly, "RMB/DALY", "DALY averted");
  write_icers(g, "icer_rmb_per_qaly_gained", e.icer_per_qaly, "RMB/QALY", "QALY gained");
  write_benefit(g, "per_daly", "/wtp_rmb_per_daly", e.nmb_daly, e.probability_cost_effective_daly, e.rank_daly,
                e.wtp.rmb_per_daly.size(), "DALY averted");
  write_benefit(g, "per_qaly", "/wtp_rmb_per_qaly", e.nmb_qaly, e.probability_cost_effective_qaly, e.rank_qaly,
                e.wtp.rmb_per_qaly.size(), "QALY gained");
  std::vector<Interval> budget;
  for (const auto& package : e.budget_impact_rmb) {
    for (const auto& year : package) budget.insert(budget.end(), year.begin(), year.end());
  }
  write_interval_group(g, "budget_impact_rmb", {P, Y, B + 1}, budget, {"/package", "/budget_year", "/payer_and_total"},
                  "RMB", "cost by year and payer, package minus reference, undiscounted");
}

}  // namespace pneumo
