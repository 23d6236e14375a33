#pragma once
// The requests domain's sentences for people, in one table (messages.cpp):
// filing, due dates and how they were counted, regimes and closed days.
#include <string>
#include <string_view>

#include "core/business_calendar.h"
#include "core/messages.h"
#include "requests/appeal.h"
#include "requests/information_request.h"
#include "requests/regime.h"
#include "requests/reproduction_cost.h"

namespace apertura::requests {

enum class Msg {
  request_not_found,
  regime_not_found,
  no_regime_in_force,
  institution_field,
  too_many_institutions,
  description_field,
  location_field,
  name_field,
  contact_field,
  contact_needed,
  delivery_field,
  notify_by_field,
  channel_field,
  capture_own_institution,
  status_filter_field,
  year_filter_field,
  outcome_filter_field,
  institution_filter_not_number,
  institution_filter_field,
  not_clarified_event,
  system_label,
  date_filter_field,
  code_field,
  code_taken,
  regime_name_field,
  effective_from_field,
  effective_to_field,
  guarantor_field,
  legal_basis_field,
  utc_offset_field,
  term_field,
  regime_changed_meanwhile,
  closed_from_field,
  closed_to_field,
  closed_kind_field,
  closed_basis_field,
  closed_span_field,
  filed_event,
  due_moved_event,
  not_your_institution,
  action_field,
  action_text_field,
  outcome_field,
  reference_field,
  not_open,
  clarify_once,
  clarify_too_late,
  extend_once,
  extend_too_late,
  request_changed_meanwhile,
  key_wrong,
  not_waiting_clarification,
  clarification_too_late,
  clarification_requested_event,
  clarified_event,
  extended_event,
  not_competent_event,
  answered_event,
  late_suffix,
  filed_mail_subject,
  filed_mail_body,
  unit_filed_mail_subject,
  unit_filed_mail_body,
  step_mail_subject,
  step_mail_body,
  due_soon_mail_subject,
  due_soon_mail_body,
  overdue_days,
  due_today,
  days_left,
  waiting_suffix,
  filing_rate_limited,
  institution_rate_limited,
  one_business_day,
  files_only_with_answer,
  too_many_files,
  file_refused,
  file_not_found,
  business_days,
  committee_suffix,
  requester_label,
  appeal_not_yet,
  appeal_not_possible,
  appeal_too_late,
  appeal_exists,
  appeal_not_found,
  ground_field,
  ground_no_answer_only,
  ground_answered,
  reasons_field,
  appeal_filed_event,
  not_guarantor,
  appeal_action_field,
  appeal_step_refused,
  appeal_changed_meanwhile,
  appeal_admitted_event,
  appeal_admitted_no_allegations_event,
  appeal_rejected_event,
  appeal_extend_once,
  appeal_extend_too_late,
  appeal_extended_event,
  appeal_result_field,
  appeal_resolved_event,
  compliance_due_suffix,
  allegations_closed,
  not_party,
  allegation_event,
  compliance_reported_event,
  complied_field,
  complied_event,
  not_complied_event,
  guarantor_institution_field,
  not_your_jurisdiction,
  measure_on_time_share,
  measure_received,
  measure_median_days,
  measure_appeals_changed_share,
  unit_percent,
  unit_requests,
  unit_business_days,
  redaction_target_field,
  redaction_event_field,
  redaction_text_field,
  redaction_unchanged,
  redaction_reason_field,
  redacted_event,
  cost_simple_pages,
  cost_certified_pages,
  cost_media,
  cost_shipping,
  cost_free_late,
  cost_waived,
  quantity_field,
  waiver_field,
  cost_only_when_delivering,
  no_fee_schedule,
  cost_to_pay_suffix,
  cost_free_suffix,
  cost_not_found,
  cost_action_field,
  cost_step_refused,
  cost_changed_meanwhile,
  payment_too_late,
  payment_reference_field,
  paid_event,
  collected_event,
  unpaid_event,
  fee_year_field,
  fee_price_field,
  fee_instructions_field,
  fee_changed_meanwhile,
  proof_failed,
  topic_field,
  clarification_moved_event,
  redacted_file_field,
  appeal_prevent_once,
  appeal_prevented_event,
  appeal_completed_event,
  appeal_prevention_over,
  appeal_prevention_running,
  redacted_file_event,
  topic_filter_field,
  proof_expired,
};

std::string_view text(Msg message);

template <typename... Values>
std::string say(Msg message, const Values&... values) {
  return fill_in(text(message), values...);
}

// "En trámite", "Respondida"...
std::string status_label_es(RequestStatus status);
// "Entrega electrónica", "Copias simples"...
std::string delivery_label_es(Delivery delivery);
std::string notify_by_label_es(NotifyBy notify_by);
std::string channel_label_es(Channel channel);
// "Se entregó la información", "Inexistente"...
std::string outcome_label_es(Outcome outcome);
// "En espera de admisión", "Admitido"...
std::string appeal_status_label_es(AppealStatus status);
// "Clasificación de la información", "Falta de respuesta en el plazo"...
std::string ground_label_es(AppealGround ground);
// "Confirma la respuesta", "Revoca la respuesta"...
std::string appeal_result_label_es(AppealResult result);
// "la descripción de la solicitud", "un paso de la historia"...
std::string redaction_target_label_es(const std::string& target);
// "Por pagar", "Disponible para recoger"...
std::string cost_status_label_es(CostStatus status);
// "Plazo de respuesta", "Ampliación del plazo"...
std::string term_label_es(TermKind term);
// "sábado o domingo", "día de descanso obligatorio (LFT art. 74 fr. II)"...
std::string day_off_label_es(const SkippedDay& day);

}  // namespace apertura::requests
