#include "plans/plan_rules.h"

#include <algorithm>
#include <cmath>

#include "core/date.h"

namespace apertura::plans {

std::optional<Error> check_period(const std::string& starts_on, const std::string& ends_on,
                                  const std::string& exception_reason, bool may_grant_exception) {
  Validation validation;
  validation.require(is_iso_date(starts_on), "starts_on", "escribe la fecha de inicio como AAAA-MM-DD");
  validation.require(is_iso_date(ends_on), "ends_on", "escribe la fecha de término como AAAA-MM-DD");
  if (!validation.ok()) return validation.error();
  if (ends_on <= starts_on) {
    return Error::invalid("El plan debe terminar después de empezar.", {{"ends_on", "debe ser posterior al inicio"}});
  }
  std::string one_year = add_years(starts_on, 1);
  bool one_year_long = ends_on == one_year || ends_on == add_days(one_year, -1);
  if (one_year_long) return std::nullopt;
  if (!may_grant_exception) {
    return Error::invalid("Un plan de acción dura un año: del " + starts_on + " al " + add_days(one_year, -1) + ".",
                          {{"ends_on", "el plan debe durar un año; solo la administración puede registrar otra duración"}});
  }
  if (exception_reason.empty()) {
    return Error::invalid("Un plan de acción dura un año; para otra duración escribe el motivo.",
                          {{"period_exception", "explica por qué el periodo no es de un año"}});
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
      problems.push_back({"commitment_" + std::to_string(number), "falta el compromiso " + std::to_string(number)});
    }
  }
  if (commitments.size() > kCommitmentsPerPlan) {
    problems.push_back({"commitments", "un plan tiene exactamente cinco compromisos; hay " +
                                           std::to_string(commitments.size())});
  }
  for (const auto& c : commitments) {
    std::string field = "commitment_" + std::to_string(c.number);
    auto missing = [&](const std::string& part, const std::string& message) {
      problems.push_back({field + "." + part, "compromiso " + std::to_string(c.number) + ": " + message});
    };
    if (c.title.empty()) missing("title", "falta el título");
    if (c.problem.empty()) missing("problem", "falta el problema público que atiende");
    if (c.objective.empty()) missing("objective", "falta el objetivo");
    if (c.aims.empty()) missing("aims", "elige al menos un fin de la declaración (a-n)");
    if (!c.institution_id) missing("institution_id", "falta la institución responsable");
    if (c.counterpart.empty()) missing("counterpart", "falta la contraparte de la sociedad civil");
    if (c.starts_on.empty() || c.ends_on.empty()) {
      missing("dates", "faltan las fechas de inicio y término");
    } else if (c.starts_on < plan.starts_on || c.ends_on > plan.ends_on || c.ends_on < c.starts_on) {
      missing("dates", "las fechas deben quedar dentro del periodo del plan (" + plan.starts_on + " a " +
                           plan.ends_on + ")");
    }
    bool measurable = std::any_of(c.indicators.begin(), c.indicators.end(),
                                  [](const Indicator& i) { return i.baseline && i.target; });
    if (!measurable) missing("indicators", "necesita al menos un indicador con línea base y meta");
    auto dated = std::count_if(c.milestones.begin(), c.milestones.end(),
                               [](const Milestone& m) { return !m.due_on.empty(); });
    if (dated < 2) missing("milestones", "necesita al menos dos hitos con fecha");
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

std::string completion_label_es(CompletionLevel level) {
  switch (level) {
    case CompletionLevel::not_started: return "Sin iniciar";
    case CompletionLevel::limited: return "Limitado";
    case CompletionLevel::substantial: return "Sustancial";
    case CompletionLevel::complete: return "Completo";
    case CompletionLevel::withdrawn: return "Retirado";
  }
  return "";
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
