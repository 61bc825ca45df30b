#include "pneumoplan/policy/package_comparison.hpp"

#include <cmath>
#include <limits>
#include <set>

#include "pneumoplan/results/replicate_summary.hpp"

namespace pneumo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::vector<ComparisonOutcome> comparison_outcomes(const Scenario& scenario) {
  using R = OutcomeReading;
  std::vector<ComparisonOutcome> outcomes = {
      {"true_new_cases", "True new cases (onsets)", "真实新发病例（发病）", "persons", OutputId::NewCasesTrue,
       R::SumOverPeriod, true},
      {"reported_new_cases", "Reported new cases", "报告新病例", "persons", OutputId::NewDiagnoses, R::SumOverPeriod},
      {"pneumoconiosis_deaths", "Pneumoconiosis deaths", "尘肺病死亡", "persons", OutputId::DeathsPneumoconiosis,
       R::SumOverPeriod},
      {"living_patients_true", "Living patients at the end (true)", "期末现患病人（真实）", "persons",
       OutputId::PrevalentTrue, R::AtPeriodEnd},
      {"living_patients_diagnosed", "Living diagnosed patients at the end", "期末确诊现患病人", "persons",
       OutputId::PrevalentDiagnosed, R::AtPeriodEnd},
      {"patients_in_rehab_care", "Patients in rehabilitation care at the end", "期末接受康复服务的病人", "persons",
       OutputId::RehabPatientsServed, R::AtPeriodEnd},
      {"intervention_cost_rmb", "Intervention cost", "干预措施费用", "RMB", OutputId::InterventionCost,
       R::SumOverPeriod},
      {"station_building_cost_rmb", "Station building cost (cumulative)", "康复站建设费用（累计）", "RMB",
       OutputId::RehabStationCost, R::AtPeriodEnd},
      {"dalys_discounted", "DALYs (discounted)", "伤残调整寿命年（贴现）", "years", OutputId::DalysDiscounted,
       R::SumOverPeriod},
      {"qaly_loss_discounted", "QALYs lost (discounted)", "质量调整寿命年损失（贴现）", "QALYs",
       OutputId::QalyLossDiscounted, R::SumOverPeriod},
      {"medical_cost_rmb", "Medical cost of patients", "病人医疗费用", "RMB", OutputId::MedicalCost, R::SumOverPeriod},
      {"out_of_pocket_rmb", "Paid out of pocket", "个人自付", "RMB", OutputId::PaidOutOfPocket, R::SumOverPeriod},
      {"lost_income_rmb", "Lost income", "收入损失", "RMB", OutputId::LostIncome, R::SumOverPeriod},
      {"catastrophic_expenditure_patient_years", "Patient-years with catastrophic health expenditure",
       "发生灾难性卫生支出的病人年", "persons", OutputId::CatastrophicInjuryInsured, R::SumOverPeriod, false,
       {OutputId::CatastrophicDiagnosedUninsured, OutputId::CatastrophicUndiagnosed}},
      {"impoverished_patient_years", "Patient-years impoverished by medical costs", "因病致贫的病人年", "persons",
       OutputId::ImpoverishedInjuryInsured, R::SumOverPeriod, false,
       {OutputId::ImpoverishedDiagnosedUninsured, OutputId::ImpoverishedUndiagnosed}},
  };
  std::set<IndicatorId> seen;
  for (const auto& target : scenario.targets) {
    if (!seen.insert(target.indicator).second) continue;
    const auto& info = indicator_info(target.indicator);
    ComparisonOutcome o{"indicator_" + std::string(info.key), std::string(info.name_en), std::string(info.name_zh),
                        info.kind == IndicatorKind::Share ? "share" : target.unit, indicator_output(target.indicator),
                        R::AtTargetYear};
    if (target.comparator != Comparator::Increasing) o.target = target.target;
    o.comparator = target.comparator == Comparator::AtLeast ? ">=" : target.comparator == Comparator::AtMost ? "<="
                                                                                                               : "increasing";
    outcomes.push_back(std::move(o));
  }
  return outcomes;
}

std::string reading_text(OutcomeReading reading, int first, int last, int target_year, Language language) {
  const bool zh = language == Language::Chinese;
  switch (reading) {
    case OutcomeReading::SumOverPeriod:
      return zh ? std::to_string(first) + "–" + std::to_string(last) + "年合计"
                : "sum " + std::to_string(first) + "–" + std::to_string(last);
    case OutcomeReading::AtPeriodEnd:
      return zh ? std::to_string(last) + "年末" : "at the end of " + std::to_string(last);
    case OutcomeReading::AtTargetYear:
      return zh ? std::to_string(target_year) + "年" : "in " + std::to_string(target_year);
  }
  return "";
}

Interval summarise_values(std::vector<double> values) {
  std::vector<double> kept;
  for (const double v : values) {
    if (!std::isnan(v)) kept.push_back(v);
  }
  if (kept.empty()) return {kNaN, kNaN, kNaN};
  double sum = 0.0;
  for (const double v : kept) sum += v;
  Interval out;
  out.mean = sum / static_cast<double>(kept.size());
  out.p5 = quantile_type7(kept, 0.05);
  out.p95 = quantile_type7(kept, 0.95);
  return out;
}

double read_outcome(const ComparisonOutcome& o, const ReplicateResults& r, int first_year, int period_first_year,
                    int period_last_year, int target_year) {
  const auto index = [&](int year) { return static_cast<std::size_t>(year - first_year); };
  const auto city = [&](std::size_t y) {
    double value = city_cell(r[o.output], y, o.stage_one_only);
    for (const OutputId id : o.plus) value += city_cell(r[id], y, o.stage_one_only);
    return value;
  };
  switch (o.reading) {
    case OutcomeReading::SumOverPeriod: {
      double total = 0.0;
      for (int year = period_first_year; year <= period_last_year; ++year) total += city(index(year));
      return total;
    }
    case OutcomeReading::AtPeriodEnd: return city(index(period_last_year));
    case OutcomeReading::AtTargetYear: return city(index(target_year));
  }
  return kNaN;
}

PackageComparison compare_packages(const Scenario& scenario, const std::vector<std::string>& packages,
                                   const std::vector<std::vector<ReplicateResults>>& runs, std::uint64_t seed,
                                   int period_first_year, int period_last_year, int target_year,
                                   const WillingnessToPay& wtp) {
  PackageComparison c;
  c.scenario_name = scenario.name;
  c.baseline = packages.front();
  c.seed = seed;
  c.replicates = static_cast<std::int64_t>(runs.front().size());
  c.period_first_year = period_first_year;
  c.period_last_year = period_last_year;
  c.target_year = target_year;
  c.packages = packages;
  c.city_name_zh = scenario.text.city_name(Language::Chinese, scenario.name);
  c.city_name_en = scenario.text.city_name(Language::English, scenario.name);
  for (const auto& name : packages) {
    c.labels_en.push_back(package_label(scenario.packages, name, Language::English));
    c.labels_zh.push_back(package_label(scenario.packages, name, Language::Chinese));
  }
  c.outcomes = comparison_outcomes(scenario);

  const std::size_t P = packages.size(), O = c.outcomes.size(), R = runs.front().size();
  c.per_replicate.assign(P, std::vector<std::vector<double>>(O, std::vector<double>(R, 0.0)));
  for (std::size_t p = 0; p < P; ++p) {
    for (std::size_t o = 0; o < O; ++o) {
      for (std::size_t r = 0; r < R; ++r) {
        c.per_replicate[p][o][r] = read_outcome(c.outcomes[o], runs[p][r], scenario.first_year(), period_first_year,
                                                period_last_year, target_year);
      }
    }
  }
  const auto outcome_index = [&](const std::string& name) {
    for (std::size_t o = 0; o < O; ++o) {
      if (c.outcomes[o].name == name) return o;
    }
    return O;
  };
  const std::size_t cases = outcome_index("true_new_cases"), deaths = outcome_index("pneumoconiosis_deaths"),
                    cost = outcome_index("intervention_cost_rmb");

  c.value.assign(P, std::vector<Interval>(O));
  c.difference.assign(P, std::vector<Interval>(O));
  for (std::size_t p = 0; p < P; ++p) {
    for (std::size_t o = 0; o < O; ++o) {
      c.value[p][o] = summarise_values(c.per_replicate[p][o]);
      std::vector<double> paired(R);
      for (std::size_t r = 0; r < R; ++r) paired[r] = c.per_replicate[p][o][r] - c.per_replicate[0][o][r];
      c.difference[p][o] = summarise_values(paired);
    }
    const auto negated = [&](std::size_t o) {
      std::vector<double> averted(R);
      for (std::size_t r = 0; r < R; ++r) averted[r] = c.per_replicate[0][o][r] - c.per_replicate[p][o][r];
      return summarise_values(averted);
    };
    c.cases_averted.push_back(negated(cases));
    c.deaths_averted.push_back(negated(deaths));
    c.incremental_cost_rmb.push_back(c.difference[p][cost]);
    const double averted = c.cases_averted.back().mean;
    c.cost_per_case_averted_rmb.push_back(averted > 0.0 ? c.incremental_cost_rmb.back().mean / averted : kNaN);
  }
  c.economics = analyse_cost_effectiveness(scenario, runs, period_first_year, period_last_year,
                                           wtp.empty() ? default_willingness_to_pay(scenario.parameters.economics) : wtp);
  return c;
}

}  // namespace pneumo
