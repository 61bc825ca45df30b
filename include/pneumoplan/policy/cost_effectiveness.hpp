// Cost-effectiveness and budget impact of policy packages against the reference package (the first compared),
// from paired replicates: replicate r of every package is the same simulated city on common random numbers, so
// the package's incremental cost and health gain are measured replicate by replicate (docs/interventions.md,
// "Cost-effectiveness and budget impact").
//
// Over the comparison period, discounted to economics.reference_year at economics.discount_rate_per_year:
//   health gain   DALYs averted = Σ_year (dalys_discounted of the reference − of the package), and QALYs gained
//                 the same with qaly_loss_discounted;
//   cost          programme (intervention costs, stations funded and their running costs) plus
//                 medical care by payer (work-injury insurance, employers, basic insurance, medical aid, out of
//                 pocket) — every payer, lost income kept apart.
// ICER = mean incremental cost ÷ mean health gain, reported as a ratio only where it means "cost per unit
// gained" (more effective and more costly) or "saving per unit forgone" (less effective and less costly); a
// package that gains health for no more money is "dominant", one that loses health for no less money
// "dominated". Its 90 % interval is the 5th-95th percentile of the replicates' own ratios, given only when every
// replicate's health gain has the sign of the mean gain (otherwise a ratio of a gain near or across zero would
// mislead); the shares of replicates in each quadrant of the cost-effectiveness plane are given always.
// Net monetary benefit at a threshold λ: λ × gain − cost, by replicate; its mean ranks the packages (the
// reference's is 0) and the share of replicates with a positive one is the probability the package is
// cost-effective at λ. Budget impact: the undiscounted paired cost difference by year and payer.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "pneumoplan/model/patient_payments.hpp"
#include "pneumoplan/outputs/replicate_results.hpp"
#include "pneumoplan/policy/replicate_interval.hpp"
#include "pneumoplan/scenario/scenario.hpp"

namespace pneumo {

// Who bears a cost in compare: the programme, then the payers of medical care in Payer order.
inline constexpr std::size_t kBudgetPayerCount = 1 + kPayerCount;
std::string_view budget_payer_name(std::size_t k);  // "programme", "injury_insurance", ...

struct WillingnessToPay {
  std::vector<double> rmb_per_daly, rmb_per_qaly;
  std::string basis;  // how the thresholds were chosen
  bool empty() const { return rmb_per_daly.empty() && rmb_per_qaly.empty(); }
};
// 1 and 3 times economics.gdp_per_capita_rmb, per DALY averted and per QALY gained (WHO-CHOICE).
WillingnessToPay default_willingness_to_pay(const EconomicsParameters& economics);

enum class IcerStatus : std::uint8_t { Ratio, Dominant, Dominated, LessCostlyLessEffective, NoHealthEffect };
std::string_view icer_status_name(IcerStatus status);

// Quadrants of the cost-effectiveness plane, by a replicate's health gain and incremental cost.
inline constexpr std::array<std::string_view, 4> kQuadrantNames = {
    "more_effective_more_costly", "dominant", "dominated", "less_effective_less_costly"};

struct Icer {
  IcerStatus status = IcerStatus::NoHealthEffect;
  double ratio = std::numeric_limits<double>::quiet_NaN();  // RMB per unit of health; NaN unless a ratio
  double p5 = std::numeric_limits<double>::quiet_NaN(), p95 = std::numeric_limits<double>::quiet_NaN();
  std::array<double, 4> quadrant_share{};  // replicates with both differences exactly 0 are in none
};

// The ICER of paired replicates: incremental cost and health gain of each replicate.
Icer incremental_ratio(const std::vector<double>& incremental_cost, const std::vector<double>& health_gain);

struct CostEffectiveness {
  double discount_rate_per_year = 0.0;
  int reference_year = 0, price_year = 0;
  int first_year = 0, last_year = 0;  // the period summed
  WillingnessToPay wtp;
  std::vector<int> budget_years;  // the period's years
  // [package][replicate], paired against the reference package, discounted sums over the period
  std::vector<std::vector<double>> dalys_averted, qalys_gained, incremental_cost_rmb;
  std::vector<Interval> dalys_averted_summary, qalys_gained_summary, incremental_cost_summary;  // [package]
  std::vector<Interval> lost_income_averted_rmb;                   // [package], discounted
  std::vector<std::vector<Interval>> incremental_cost_by_payer;    // [package][budget payer], discounted
  std::vector<Icer> icer_per_daly, icer_per_qaly;                  // [package]
  std::vector<std::vector<Interval>> nmb_daly, nmb_qaly;           // [package][threshold], RMB
  std::vector<std::vector<double>> probability_cost_effective_daly, probability_cost_effective_qaly;
  std::vector<std::vector<std::int64_t>> rank_daly, rank_qaly;     // [package][threshold]: 1 = highest mean NMB
  // [package][year][budget payer, then the total]: package − reference, undiscounted
  std::vector<std::vector<std::vector<Interval>>> budget_impact_rmb;

  bool empty() const { return dalys_averted.empty(); }
};

// `runs[p]`: package p's replicates, the reference first.
CostEffectiveness analyse_cost_effectiveness(const Scenario& scenario,
                                             const std::vector<std::vector<ReplicateResults>>& runs,
                                             int period_first_year, int period_last_year, const WillingnessToPay& wtp);

}  // namespace pneumo
