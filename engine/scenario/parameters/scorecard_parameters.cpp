// [scorecard] parameters: how the scorecard judges the plans' targets.
#include "parameter_helpers.hpp"

namespace pneumo::parameters {

void add_scorecard(std::vector<Spec>& s) {
  s.push_back(enum_choice("scorecard.increasing_rule", "every_year",
                          "the plans' wording: work-injury insurance enrolment rising every year (references.md §8)",
                          "How a target 'rises every year' is judged in a replicate: every_year (above the year before "
                          "in every year from the plan's first year to the evaluation year) or net_rise (above the "
                          "year before the plan's first year in the evaluation year).",
                          [](P& p) -> IncreasingRule& { return p.scorecard.increasing_rule; }, kIncreasingRuleNames));
}

}  // namespace pneumo::parameters
