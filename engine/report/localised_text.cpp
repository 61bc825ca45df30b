#include "pneumoplan/report/localised_text.hpp"

namespace pneumo {
namespace {

constexpr LocalisedText kEnglish{
    .year = "Year",
    .persons_per_year = "Persons per year",
    .persons = "Persons",
    .plan_period = "Plan period {1}–{2}",
    .band_key = "Shaded: 90 % interval over {1} replicates",
    .new_cases_title = "{1}: new pneumoconiosis cases per year (city)",
    .reported_cases = "Reported: diagnosed in the year, all stages",
    .true_cases = "True: onset of stage I",
    .prevalence_title = "{1}: living people with pneumoconiosis at year end (city)",
    .diagnosed_living = "Diagnosed, all stages",
    .stage_true = {"Stage I (true)", "Stage II (true)", "Stage III (true)"},
    .deaths_title = "{1}: deaths of people with pneumoconiosis per year (city)",
    .deaths_pneumoconiosis = "Deaths due to pneumoconiosis",
    .deaths_other_causes = "Deaths of patients from other causes",
    .indicator_title = "{1}: {2} (city)",
    .indicator_city_mean = "City value, mean over replicates",
    .target_key = "Target: {1}",
    .target_at_least = "≥ {1}",
    .target_at_most = "≤ {1}",
    .target_increasing = "rises every year",
    .no_target = "No target in this city's plan",
    .percent_axis = "Percent",
    .count_axis = "Number",
    .verdicts = {"met", "not met", "uncertain", "n/a", "input"},
    .scorecard_title = "{1}: plan indicators against targets (colour: verdict from the 90 % interval over {2} replicates; "
                       "number: mean)",
    .map_title = "{1}: {2} by township of residence, {3} (mean over replicates)",
    .patients_diagnosed = "diagnosed patients",
    .patients_true = "people with pneumoconiosis",
    .longitude = "Longitude (°E)",
    .latitude = "Latitude (°N)",
    .patients_count = "{1} patients",
    .station_most = "Station open in at least half the replicates",
    .station_some = "Station open in some replicates",
    .approximate_points = "Hollow: point derived, not surveyed",
    .comparison_title = "{1}: {2}, {3}–{4}",
    .baseline_suffix = " (baseline)",
    .difference_axis = "Above the bars: difference from the baseline, mean (90 % interval)",
    .comparison_key = "Bars: mean; whiskers: 90 % interval over {1} replicates",
    .verdicts_title = "{1}: plan indicators by package (verdicts from {2} replicates)",
    .report_title = "pneumoplan report: {1}",
    .comparison_report_title = "pneumoplan comparison report: {1}",
    .provenance = "Provenance",
    .results_file = "Results file",
    .scenario = "Scenario",
    .program = "Program",
    .commit = "Git commit",
    .seed = "Seed",
    .replicates = "Replicates",
    .simulated_years = "Simulated years",
    .generated_note = "Written by `pneumoplan report` from {1}. Every interval is the 90 % interval (5th to 95th "
                      "percentile) over the replicates; means are over the replicates.",
    .assumptions = "Key assumptions",
    .assumptions_intro = "What this run assumed, as recorded in the results file. Every parameter not listed below "
                         "takes the default shown by `pneumoplan params`, with its source.",
    .scenario_description = "Scenario",
    .counties_townships = "Counties / townships",
    .station_layout = "Rehabilitation station layout",
    .patients_counted = "Patients counted by the station rule",
    .overrides = "Command-line overrides (--set)",
    .non_default_parameters = "Parameters that differ from the defaults",
    .parameter = "Parameter",
    .value = "Value",
    .default_value = "Default",
    .unit = "Unit",
    .none = "none",
    .projections = "Projections",
    .projections_intro = "The city's cases, prevalence and deaths year by year; the plan period is shaded.",
    .plan_period_numbers = "The plan period in numbers, {1}–{2}",
    .quantity = "Quantity",
    .mean = "Mean",
    .interval_90 = "90 % interval",
    .sum_over_plan = "{1}, total {2}–{3}",
    .at_end_of_plan = "{1}, end of {2}",
    .reported_short = "Reported new cases (diagnosed)",
    .true_short = "True new cases (onset)",
    .living_true = "Living people with pneumoconiosis (true, all stages)",
    .diagnosed_short = "Living diagnosed patients",
    .rose_share = "rose every year in {1} of replicates",
    .scorecard = "Scorecard",
    .scorecard_intro = "Each indicator of the city's plan against its own target. Met: the whole 90 % interval meets "
                       "the target; not met: none of it does; uncertain: it straddles the target. For \"rises every "
                       "year\", the share of replicates that rose decides (met at 95 % or more). Input: the value comes from the "
                       "scenario's own files (institutions.csv), not from the model, so it is shown but not judged.",
    .indicator = "Indicator",
    .target = "Target",
    .verdict = "Verdict",
    .counties_verdicts = "The figure shows every county; the full table per county is in the run's .scorecard.md.",
    .indicators = "Indicators",
    .indicators_intro = "Each indicator's trajectory for the city against its target line.",
    .skipped_indicators = "Not drawn (no value in any shown year): {1}.",
    .map = "Township map",
    .map_intro = "Where patients live in {1}, and where the rehabilitation stations are.",
    .packages = "Packages",
    .package = "Package",
    .outcomes = "Outcomes",
    .outcome = "Outcome",
    .difference = "Difference from the baseline",
    .package_reports = "Run report",
    .results_missing = "results file {1} not found",
    .comparison_intro = "Policy packages of one scenario run on common random numbers: the same workers draw the same "
                        "numbers in every package, so differences show the policy, not the noise. Counts are summed "
                        "over {1}–{2}; differences are paired by replicate.",
    .verdicts_heading = "Plan indicators by package",
};

constexpr LocalisedText kChinese{
    .year = "年份",
    .persons_per_year = "人/年",
    .persons = "人",
    .plan_period = "规划期 {1}–{2}年",
    .band_key = "阴影：{1}次重复模拟的90%区间",
    .new_cases_title = "{1}：全市每年尘肺病新发病例",
    .reported_cases = "报告病例：当年诊断（各期合计）",
    .true_cases = "实际新发病例：壹期发病",
    .prevalence_title = "{1}：全市年末存活尘肺病患者",
    .diagnosed_living = "已诊断（各期合计）",
    .stage_true = {"壹期（实际）", "贰期（实际）", "叁期（实际）"},
    .deaths_title = "{1}：全市每年尘肺病患者死亡人数",
    .deaths_pneumoconiosis = "死于尘肺病",
    .deaths_other_causes = "患者死于其他原因",
    .indicator_title = "{1}：{2}（全市）",
    .indicator_city_mean = "全市值（重复模拟均值）",
    .target_key = "目标：{1}",
    .target_at_least = "≥ {1}",
    .target_at_most = "≤ {1}",
    .target_increasing = "逐年提高",
    .no_target = "本市规划未设目标",
    .percent_axis = "百分比",
    .count_axis = "数量",
    .verdicts = {"达标", "未达标", "不确定", "不适用", "输入值"},
    .scorecard_title = "{1}：规划指标评估（颜色：依据{2}次重复模拟90%区间的结论；数字：均值）",
    .map_title = "{1}：{3}年各乡镇（按居住地）{2}（重复模拟均值）",
    .patients_diagnosed = "已诊断患者",
    .patients_true = "尘肺病患者",
    .longitude = "经度（°E）",
    .latitude = "纬度（°N）",
    .patients_count = "{1}名患者",
    .station_most = "康复站（半数以上重复模拟中开设）",
    .station_some = "康复站（部分重复模拟中开设）",
    .approximate_points = "空心：位置为推算值",
    .comparison_title = "{1}：{2}，{3}–{4}年",
    .baseline_suffix = "（基线）",
    .difference_axis = "柱上数字：与基线之差，均值（90%区间）",
    .comparison_key = "柱：均值；误差线：{1}次重复模拟的90%区间",
    .verdicts_title = "{1}：各方案规划指标结论（{2}次重复模拟）",
    .report_title = "pneumoplan 报告：{1}",
    .comparison_report_title = "pneumoplan 方案比较报告：{1}",
    .provenance = "来源与版本",
    .results_file = "结果文件",
    .scenario = "情景",
    .program = "程序",
    .commit = "Git 提交",
    .seed = "随机种子",
    .replicates = "重复模拟次数",
    .simulated_years = "模拟年份",
    .generated_note = "由 `pneumoplan report` 根据 {1} 生成。区间均为各次重复模拟的90%区间（第5至第95百分位数），"
                      "均值为各次重复模拟的平均值。",
    .assumptions = "主要假设",
    .assumptions_intro = "本次运行的假设，取自结果文件。下表未列出的参数均取 `pneumoplan params` 所列默认值及其来源。",
    .scenario_description = "情景",
    .counties_townships = "区县 / 乡镇数",
    .station_layout = "康复站布局",
    .patients_counted = "康复站规则计数的患者",
    .overrides = "命令行覆盖参数（--set）",
    .non_default_parameters = "与默认值不同的参数",
    .parameter = "参数",
    .value = "取值",
    .default_value = "默认值",
    .unit = "单位",
    .none = "无",
    .projections = "预测",
    .projections_intro = "全市逐年病例、现患与死亡；阴影为规划期。",
    .plan_period_numbers = "规划期（{1}–{2}年）主要数字",
    .quantity = "指标",
    .mean = "均值",
    .interval_90 = "90%区间",
    .sum_over_plan = "{1}，{2}–{3}年合计",
    .at_end_of_plan = "{1}，{2}年末",
    .reported_short = "报告新病例（诊断）",
    .true_short = "实际新发病例（发病）",
    .living_true = "存活尘肺病患者（实际，各期合计）",
    .diagnosed_short = "存活的已诊断患者",
    .rose_share = "{1}的重复模拟逐年上升",
    .scorecard = "规划指标评估",
    .scorecard_intro = "本市规划各项指标与其目标比较。达标：整个90%区间满足目标；未达标：区间完全不满足；"
                       "不确定：区间跨越目标。\"逐年提高\"类指标按上升的重复模拟比例判断（≥95%为达标）。"
                       "输入值：数值直接来自情景文件（institutions.csv），并非模型模拟结果，只列出不评判。",
    .indicator = "指标",
    .target = "目标",
    .verdict = "结论",
    .counties_verdicts = "图中列出各区县；各区县完整表格见运行结果的 .scorecard.md 文件。",
    .indicators = "指标轨迹",
    .indicators_intro = "全市各指标逐年变化与目标线。",
    .skipped_indicators = "未绘制（所示年份均无数值）：{1}。",
    .map = "乡镇分布图",
    .map_intro = "{1}年患者居住地分布与康复站位置。",
    .packages = "政策方案",
    .package = "方案",
    .outcomes = "结果指标",
    .outcome = "结果指标",
    .difference = "与基线之差",
    .package_reports = "运行报告",
    .results_missing = "未找到结果文件 {1}",
    .comparison_intro = "同一情景下各政策方案采用共同随机数运行：同一工人在各方案中抽取相同的随机数，"
                        "因此差异反映政策而非随机波动。计数为{1}–{2}年合计；差值按重复模拟配对计算。",
    .verdicts_heading = "各方案规划指标结论",
};

}  // namespace

std::optional<Language> parse_language(std::string_view code) {
  if (code == "en") return Language::English;
  if (code == "zh") return Language::Chinese;
  return std::nullopt;
}

std::string language_code(Language language) { return language == Language::Chinese ? "zh" : "en"; }

const LocalisedText& localised_text(Language language) {
  return language == Language::Chinese ? kChinese : kEnglish;
}

std::string fill(std::string_view pattern, const std::vector<std::string>& values) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '1' &&
        pattern[i + 1] <= '9') {
      const std::size_t slot = static_cast<std::size_t>(pattern[i + 1] - '1');
      if (slot < values.size()) out += values[slot];
      i += 2;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

std::string_view indicator_name(IndicatorId id, Language language) {
  const auto& info = indicator_info(id);
  return language == Language::Chinese ? info.name_zh : info.name_en;
}

std::string_view verdict_text(Verdict verdict, Language language) {
  return localised_text(language).verdicts[static_cast<std::size_t>(verdict)];
}

}  // namespace pneumo
