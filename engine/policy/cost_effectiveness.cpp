#include "pneumoplan/policy/cost_effectiveness.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "pneumoplan/core/discounting.hpp"
#include "pneumoplan/results/replicate_summary.hpp"
#include "pneumoplan/scenario/intervention.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One replicate's yearly city costs by budget payer, and its discounted health outcomes, over the period.
struct ReplicateCosts {
  std::vector<std::array<double, kBudgetPayerCount>> by_year;  // [year of the period][budget payer]
  double dalys_discounted = 0.0, qaly_loss_discounted = 0.0, lost_income_discounted = 0.0;
};

double city_value(const ReplicateResults& r, OutputId id, std::size_t year_index) {
  return city_cell(r[id], year_index);
}

ReplicateCosts replicate_costs(const Scenario& scenario, const ReplicateResults& r, int first, int last) {
  const auto& p = scenario.parameters.economics;
  const auto reference = static_cast<int>(p.reference_year);
  ReplicateCosts out;
  for (int year = first; year <= last; ++year) {
    const auto y = static_cast<std::size_t>(year - scenario.first_year());
    std::array<double, kBudgetPayerCount> costs{};
    // Programme: the interventions, and the stations the model funds and runs (rehab_stations.cpp). A
    // rehab_threshold intervention's own cost is left out: the stations it adds are in the build spending.
    const double* interventions = r[OutputId::InterventionCost].year_row(y);
    costs[0] = interventions[scenario.interventions.size()];  // the total
    for (std::size_t k = 0; k < scenario.interventions.size(); ++k) {
      if (scenario.interventions[k].kind == InterventionKind::RehabThreshold) costs[0] -= interventions[k];
    }
    costs[0] += city_value(r, OutputId::RehabBuildSpending, y) + city_value(r, OutputId::RehabRunningCost, y);
    for (std::size_t k = 0; k < kPayerCount; ++k) {
      costs[1 + k] = city_value(r, static_cast<OutputId>(static_cast<std::size_t>(OutputId::PaidInjuryInsurance) + k), y);
    }
    out.by_year.push_back(costs);
    const double factor = discount_factor(p.discount_rate_per_year, year, reference);
    out.dalys_discounted += city_value(r, OutputId::DalysDiscounted, y);
    out.qaly_loss_discounted += city_value(r, OutputId::QalyLossDiscounted, y);
    out.lost_income_discounted += factor * city_value(r, OutputId::LostIncome, y);
  }
  return out;
}

double discounted_total(const ReplicateCosts& c, std::size_t payer, const EconomicsParameters& p, int first) {
  double total = 0.0;
  for (std::size_t k = 0; k < c.by_year.size(); ++k) {
    total += discount_factor(p.discount_rate_per_year, first + static_cast<int>(k), static_cast<int>(p.reference_year)) *
             c.by_year[k][payer];
  }
  return total;
}

std::string thousands(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.0f", value);
  std::string digits(buffer), out;
  const std::size_t start = digits[0] == '-' ? 1 : 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > start && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Ranks by mean net monetary benefit, 1 = highest; ties keep the packages' order.
std::vector<std::int64_t> ranks(const std::vector<double>& means) {
  std::vector<std::size_t> order(means.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return means[a] > means[b]; });
  std::vector<std::int64_t> rank(means.size());
  for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = static_cast<std::int64_t>(k + 1);
  return rank;
}

}  // namespace

std::string_view budget_payer_name(std::size_t k) { return k == 0 ? std::string_view("programme") : kPayerNames[k - 1]; }

WillingnessToPay default_willingness_to_pay(const EconomicsParameters& economics) {
  WillingnessToPay w;
  const double gdp = economics.gdp_per_capita_rmb;
  w.rmb_per_daly = {gdp, 3.0 * gdp};
  w.rmb_per_qaly = {gdp, 3.0 * gdp};
  w.basis = "1 and 3 times GDP per capita (economics.gdp_per_capita_rmb = " + thousands(gdp) + " RMB; WHO-CHOICE)";
  return w;
}

std::string_view icer_status_name(IcerStatus status) {
  switch (status) {
    case IcerStatus::Ratio: return "ratio";
    case IcerStatus::Dominant: return "dominant";
    case IcerStatus::Dominated: return "dominated";
    case IcerStatus::LessCostlyLessEffective: return "less costly, less effective";
    case IcerStatus::NoHealthEffect: return "no health effect";
  }
  return "?";
}

Icer incremental_ratio(const std::vector<double>& cost, const std::vector<double>& gain) {
  Icer icer;
  const std::size_t n = std::min(cost.size(), gain.size());
  if (n == 0) return icer;
  double mean_cost = 0.0, mean_gain = 0.0;
  for (std::size_t r = 0; r < n; ++r) {
    mean_cost += cost[r];
    mean_gain += gain[r];
    const double c = cost[r], g = gain[r];
    if (g > 0.0 && c > 0.0) icer.quadrant_share[0] += 1.0;
    else if (g >= 0.0 && c <= 0.0 && (g > 0.0 || c < 0.0)) icer.quadrant_share[1] += 1.0;
    else if (g <= 0.0 && c >= 0.0 && (g < 0.0 || c > 0.0)) icer.quadrant_share[2] += 1.0;
    else if (g < 0.0 && c < 0.0) icer.quadrant_share[3] += 1.0;
  }
  for (double& share : icer.quadrant_share) share /= static_cast<double>(n);
  mean_cost /= static_cast<double>(n);
  mean_gain /= static_cast<double>(n);
  if (mean_gain == 0.0) return icer;  // no health effect: no ratio
  if (mean_gain > 0.0) {
    icer.status = mean_cost <= 0.0 ? IcerStatus::Dominant : IcerStatus::Ratio;
  } else {
    icer.status = mean_cost >= 0.0 ? IcerStatus::Dominated : IcerStatus::LessCostlyLessEffective;
  }
  if (icer.status != IcerStatus::Ratio && icer.status != IcerStatus::LessCostlyLessEffective) return icer;
  icer.ratio = mean_cost / mean_gain;
  // The replicates' own ratios only when every gain lies on the side of the mean gain: a gain near or across
  // zero would make the ratio's percentiles meaningless.
  std::vector<double> ratios;
  for (std::size_t r = 0; r < n; ++r) {
    if ((mean_gain > 0.0 && gain[r] <= 0.0) || (mean_gain < 0.0 && gain[r] >= 0.0)) return icer;
    ratios.push_back(cost[r] / gain[r]);
  }
  icer.p5 = quantile_type7(ratios, 0.05);
  icer.p95 = quantile_type7(ratios, 0.95);
  return icer;
}

CostEffectiveness analyse_cost_effectiveness(const Scenario& scenario,
                                             const std::vector<std::vector<ReplicateResults>>& runs,
                                             int first, int last, const WillingnessToPay& wtp) {
  const auto& p = scenario.parameters.economics;
  CostEffectiveness ce;
  ce.discount_rate_per_year = p.discount_rate_per_year;
  ce.reference_year = static_cast<int>(p.reference_year);
  ce.price_year = static_cast<int>(p.price_year);
  ce.first_year = first;
  ce.last_year = last;
  ce.wtp = wtp;
  for (int year = first; year <= last; ++year) ce.budget_years.push_back(year);
  if (runs.empty()) return ce;
  const std::size_t P = runs.size(), R = runs.front().size(), Y = ce.budget_years.size();

  std::vector<std::vector<ReplicateCosts>> costs(P);
  for (std::size_t k = 0; k < P; ++k) {
    for (const auto& r : runs[k]) costs[k].push_back(replicate_costs(scenario, r, first, last));
  }
  const auto paired = [&](std::size_t k, auto value_of) {
    std::vector<double> v(R);
    for (std::size_t r = 0; r < R; ++r) v[r] = value_of(costs[k][r]) - value_of(costs[0][r]);
    return v;
  };
  const auto total_cost = [&](const ReplicateCosts& c) {
    double total = 0.0;
    for (std::size_t payer = 0; payer < kBudgetPayerCount; ++payer) total += discounted_total(c, payer, p, first);
    return total;
  };
  for (std::size_t k = 0; k < P; ++k) {
    // Health gains are the reference's loss minus the package's: negated paired differences.
    std::vector<double> dalys = paired(k, [](const ReplicateCosts& c) { return -c.dalys_discounted; });
    std::vector<double> qalys = paired(k, [](const ReplicateCosts& c) { return -c.qaly_loss_discounted; });
    std::vector<double> cost = paired(k, total_cost);
    ce.dalys_averted.push_back(dalys);
    ce.qalys_gained.push_back(qalys);
    ce.incremental_cost_rmb.push_back(cost);
    ce.dalys_averted_summary.push_back(summarise_values(dalys));
    ce.qalys_gained_summary.push_back(summarise_values(qalys));
    ce.incremental_cost_summary.push_back(summarise_values(cost));
    ce.lost_income_averted_rmb.push_back(
        summarise_values(paired(k, [](const ReplicateCosts& c) { return -c.lost_income_discounted; })));
    std::vector<Interval> by_payer;
    for (std::size_t payer = 0; payer < kBudgetPayerCount; ++payer) {
      by_payer.push_back(summarise_values(
          paired(k, [&](const ReplicateCosts& c) { return discounted_total(c, payer, p, first); })));
    }
    ce.incremental_cost_by_payer.push_back(by_payer);
    ce.icer_per_daly.push_back(incremental_ratio(cost, dalys));
    ce.icer_per_qaly.push_back(incremental_ratio(cost, qalys));

    const auto benefit = [&](const std::vector<double>& thresholds, const std::vector<double>& gain,
                             std::vector<Interval>& nmb, std::vector<double>& probability) {
      for (const double lambda : thresholds) {
        std::vector<double> v(R);
        double positive = 0.0;
        for (std::size_t r = 0; r < R; ++r) {
          v[r] = lambda * gain[r] - cost[r];
          positive += v[r] > 0.0 ? 1.0 : 0.0;
        }
        nmb.push_back(summarise_values(v));
        probability.push_back(R > 0 ? positive / static_cast<double>(R) : kNaN);
      }
    };
    ce.nmb_daly.emplace_back();
    ce.nmb_qaly.emplace_back();
    ce.probability_cost_effective_daly.emplace_back();
    ce.probability_cost_effective_qaly.emplace_back();
    benefit(wtp.rmb_per_daly, dalys, ce.nmb_daly.back(), ce.probability_cost_effective_daly.back());
    benefit(wtp.rmb_per_qaly, qalys, ce.nmb_qaly.back(), ce.probability_cost_effective_qaly.back());

    std::vector<std::vector<Interval>> years(Y);
    for (std::size_t y = 0; y < Y; ++y) {
      for (std::size_t payer = 0; payer <= kBudgetPayerCount; ++payer) {
        years[y].push_back(summarise_values(paired(k, [&](const ReplicateCosts& c) {
          if (payer < kBudgetPayerCount) return c.by_year[y][payer];
          double total = 0.0;
          for (const double v : c.by_year[y]) total += v;
          return total;
        })));
      }
    }
    ce.budget_impact_rmb.push_back(years);
  }
  const auto rank_all = [&](const std::vector<std::vector<Interval>>& nmb, std::size_t thresholds) {
    std::vector<std::vector<std::int64_t>> out(P, std::vector<std::int64_t>(thresholds, 0));
    for (std::size_t w = 0; w < thresholds; ++w) {
      std::vector<double> means(P);
      for (std::size_t k = 0; k < P; ++k) means[k] = nmb[k][w].mean;
      const auto rank = ranks(means);
      for (std::size_t k = 0; k < P; ++k) out[k][w] = rank[k];
    }
    return out;
  };
  ce.rank_daly = rank_all(ce.nmb_daly, wtp.rmb_per_daly.size());
  ce.rank_qaly = rank_all(ce.nmb_qaly, wtp.rmb_per_qaly.size());
  return ce;
}

}  // namespace pneumo
