#include "plans/plan_rules.h"

#include <algorithm>
#include <cmath>

#include "core/date.h"
#include "plans/messages.h"

namespace apertura::plans {

std::optional<Error> check_period(const std::string& starts_on, const std::string& ends_on,
                                  const std::string& exception_reason, bool may_grant_exception) {
  Validation validation;
  validation.require(is_iso_date(starts_on), "starts_on", say(Msg::start_date_format));
  validation.require(is_iso_date(ends_on), "ends_on", say(Msg::end_date_format));
  if (!validation.ok()) return validation.error();
  if (ends_on <= starts_on) {
    return Error::invalid(say(Msg::must_end_after_start), {{"ends_on", say(Msg::end_after_start_field)}});
  }
  std::string one_year = add_years(starts_on, 1);
  bool one_year_long = ends_on == one_year || ends_on == add_days(one_year, -1);
  if (one_year_long) return std::nullopt;
  if (!may_grant_exception) {
    return Error::invalid(say(Msg::plan_lasts_a_year, starts_on, add_days(one_year, -1)),
                          {{"ends_on", say(Msg::plan_lasts_a_year_field)}});
  }
  if (exception_reason.empty()) {
    return Error::invalid(say(Msg::other_period_reason),
                          {{"period_exception", say(Msg::other_period_reason_field)}});
  }
  return std::nullopt;
}

std::optional<PlanStatus> next_status(PlanStatus from) {
  switch (from) {
    case PlanStatus::draft: return PlanStatus::co_creation;
    case PlanStatus::co_creation: return PlanStatus::published;
    case PlanStatus::published: return PlanStatus::in_progress;
    case PlanStatus::in_progress: return PlanStatus::closed;
    case PlanStatus::closed: return std::nullopt;
  }
  return std::nullopt;
}

std::vector<FieldError> publication_problems(const ActionPlan& plan, const std::vector<Commitment>& commitments) {
  std::vector<FieldError> problems;
  std::vector<int> numbers;
  for (const auto& c : commitments) numbers.push_back(c.number);
  for (int number = 1; number <= kCommitmentsPerPlan; ++number) {
    if (std::find(numbers.begin(), numbers.end(), number) == numbers.end()) {
      problems.push_back({"commitment_" + std::to_string(number), say(Msg::missing_commitment, number)});
    }
  }
  if (commitments.size() > kCommitmentsPerPlan) {
    problems.push_back({"commitments", say(Msg::exactly_five, commitments.size())});
  }
  for (const auto& c : commitments) {
    std::string field = "commitment_" + std::to_string(c.number);
    auto missing = [&](const std::string& part, const std::string& message) {
      problems.push_back({field + "." + part, say(Msg::commitment_lacks, c.number, message)});
    };
    if (c.title.empty()) missing("title", say(Msg::lacks_title));
    if (c.problem.empty()) missing("problem", say(Msg::lacks_problem));
    if (c.objective.empty()) missing("objective", say(Msg::lacks_objective));
    if (c.aims.empty()) missing("aims", say(Msg::lacks_aims));
    if (!c.institution_id) missing("institution_id", say(Msg::lacks_institution));
    if (c.counterpart.empty()) missing("counterpart", say(Msg::lacks_counterpart));
    if (c.starts_on.empty() || c.ends_on.empty()) {
      missing("dates", say(Msg::lacks_dates));
    } else if (c.starts_on < plan.starts_on || c.ends_on > plan.ends_on || c.ends_on < c.starts_on) {
      missing("dates", say(Msg::dates_outside_period, plan.starts_on, plan.ends_on));
    }
    bool measurable = std::any_of(c.indicators.begin(), c.indicators.end(),
                                  [](const Indicator& i) { return i.baseline && i.target; });
    if (!measurable) missing("indicators", say(Msg::lacks_indicator));
    auto dated = std::count_if(c.milestones.begin(), c.milestones.end(),
                               [](const Milestone& m) { return !m.due_on.empty(); });
    if (dated < 2) missing("milestones", say(Msg::lacks_milestones));
  }
  return problems;
}

std::string completion_name(CompletionLevel level) {
  switch (level) {
    case CompletionLevel::not_started: return "not_started";
    case CompletionLevel::limited: return "limited";
    case CompletionLevel::substantial: return "substantial";
    case CompletionLevel::complete: return "complete";
    case CompletionLevel::withdrawn: return "withdrawn";
  }
  return "not_started";
}

Progress progress_of(const Commitment& commitment) {
  Progress progress;
  double done = 0;
  double total = 0;
  for (const Milestone& m : commitment.milestones) {
    if (m.status == MilestoneStatus::cancelled) continue;
    double weight = commitment.progress_method == ProgressMethod::weighted ? std::max(m.weight, 0) : 1;
    total += weight;
    ++progress.counted_milestones;
    if (m.status == MilestoneStatus::completed) {
      done += weight;
      ++progress.completed_milestones;
    }
  }
  progress.share = total > 0 ? done / total : 0;
  progress.percent = static_cast<int>(std::floor(progress.share * 100 + 1e-9));
  if (!commitment.withdrawn_reason.empty()) {
    progress.level = CompletionLevel::withdrawn;
  } else if (progress.share >= 1 - 1e-9 && progress.counted_milestones > 0) {
    progress.level = CompletionLevel::complete;
  } else if (progress.share >= 0.5) {
    progress.level = CompletionLevel::substantial;
  } else if (progress.share > 0) {
    progress.level = CompletionLevel::limited;
  } else {
    progress.level = CompletionLevel::not_started;
  }
  return progress;
}

}  // namespace apertura::plans
