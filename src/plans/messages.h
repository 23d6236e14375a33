#pragma once
// The plans domain's sentences for people: every error, field hint and label
// its services and models give, in one table (messages.cpp). Services name a
// sentence and its values; the words live here, ready for a translation.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/messages.h"
#include "plans/plan.h"
#include "plans/plan_rules.h"

namespace apertura::plans {

enum class Msg {
  // plans and their status
  plan_not_found,
  default_plan_title,
  title_too_long,
  at_most_300,
  plan_exists,
  plan_exists_field,
  no_next_status,
  one_step_at_a_time,
  cannot_move_to,
  not_publishable,
  self_assessment_needed,
  self_assessment_field,
  status_changed_meanwhile,
  // the period of a plan
  start_date_format,
  end_date_format,
  must_end_after_start,
  end_after_start_field,
  plan_lasts_a_year,
  plan_lasts_a_year_field,
  other_period_reason,
  other_period_reason_field,
  // what a plan lacks to be published
  missing_commitment,
  exactly_five,
  commitment_lacks,
  lacks_title,
  lacks_problem,
  lacks_objective,
  lacks_aims,
  lacks_institution,
  lacks_counterpart,
  lacks_dates,
  dates_outside_period,
  lacks_indicator,
  lacks_milestones,
  // commitments
  commitment_not_found,
  only_responsible_institution,
  commitment_number_range,
  commitment_title_field,
  at_most_10000,
  invalid_characters,
  not_an_aim,
  date_format,
  within_plan_period,
  not_before_start,
  progress_method_field,
  institution_of_jurisdiction,
  commitment_number_taken,
  pick_other_number,
  commitments_while_editable,
  five_commitments_already,
  published_commitment_frozen,
  only_admin_changes_institution,
  withdraw_when_published,
  already_withdrawn,
  explain_withdrawal,
  withdrawal_reason_field,
  commitment_changed_meanwhile,
  // milestones and indicators
  milestone_changed_meanwhile,
  indicator_changed_meanwhile,
  milestones_before_publishing,
  milestone_description_field,
  milestone_due_field,
  weight_field,
  milestone_not_found,
  progress_when_published,
  pick_valid_status,
  milestone_status_field,
  completion_date_invalid,
  completion_date_field,
  indicators_before_publishing,
  indicator_name_field,
  measure_field,
  measure_institution_field,
  bound_source,
  bound_not_typed,
  number_field,
  indicator_not_found,
  values_when_published,
  measured_on_field,
  // secretariat and its sessions
  member_name_field,
  member_sector_field,
  member_organization_field,
  member_end_field,
  member_account_field,
  session_place_field,
  session_agenda_field,
  session_minutes_field,
  session_not_found,
  agreement_description_field,
  agreement_owner_field,
  agreement_due_field,
  agreement_not_found,
  document_title_field,
  document_not_found,
  document_file_missing,
  // evidence
  describe_evidence,
  evidence_title_field,
  link_invalid,
  link_field,
  no_such_process,
  process_field,
  only_civil_society_validates,
  verdict_field,
  contest_reason_field,
  at_most_2000,
  evidence_not_found,
  evidence_is_a_link,
  evidence_file_missing,
  evidence_changed_meanwhile,
};

// The Spanish sentence, with {} where values go.
std::string_view text(Msg message);

// The sentence with its values in place.
template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

// Labels for people.
std::string sector_label_es(Sector sector);
std::string status_label_es(PlanStatus status);
std::string milestone_status_label_es(MilestoneStatus status);
std::string completion_label_es(CompletionLevel level);
// The fourteen aims (a to n) of the 2015 declaration, with their short titles.
const std::vector<std::pair<char, std::string>>& declaration_aims();

}  // namespace apertura::plans
