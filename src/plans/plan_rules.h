#pragma once
// The rules of the action-plan cycle that need no database, so they can be
// read and tested on their own:
// - a plan lasts one year (start + 1 year, or start + 1 year - 1 day); any
//   other period needs an admin's written reason;
// - a plan moves forward one state at a time: draft -> co_creation ->
//   published -> in_progress -> closed; closing needs a self-assessment;
// - a plan is published only with exactly five commitments, numbered 1 to 5,
//   each complete: title, problem, objective, at least one aim, responsible
//   institution, civil-society counterpart, start and end inside the plan's
//   period, at least one indicator with baseline and target ("measurable"),
//   and at least two dated milestones;
// - progress comes from the milestones (evenly or by weight, cancelled ones
//   left out) and reads as the Open Government Partnership's completion
//   levels: not started, limited (< 50%), substantial (>= 50%), complete.
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "plans/plan.h"

namespace apertura::plans {

constexpr int kCommitmentsPerPlan = 5;

// nullopt when the period is acceptable; else the error naming the fields.
std::optional<Error> check_period(const std::string& starts_on, const std::string& ends_on,
                                  const std::string& exception_reason, bool may_grant_exception);

// The state a plan may move to from `from`, if any.
std::optional<PlanStatus> next_status(PlanStatus from);

// Every missing piece, commitment by commitment; empty when the plan may be published.
std::vector<FieldError> publication_problems(const ActionPlan& plan, const std::vector<Commitment>& commitments);

enum class CompletionLevel { not_started, limited, substantial, complete, withdrawn };
std::string completion_name(CompletionLevel level);

struct Progress {
  double share = 0;  // 0 to 1
  int percent = 0;   // rounded down, for display
  CompletionLevel level = CompletionLevel::not_started;
  int completed_milestones = 0;
  int counted_milestones = 0;
};

Progress progress_of(const Commitment& commitment);

}  // namespace apertura::plans
