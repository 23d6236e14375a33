#include "plans/plan_service.h"

#include <charconv>
#include <cmath>
#include <map>

#include "audit/audit_log.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/text.h"
#include "plans/messages.h"
#include "plans/permissions.h"
#include "plans/plan_repository.h"

namespace apertura::plans {

namespace {

constexpr size_t kMaxTitle = 300;
constexpr size_t kMaxText = 10000;

std::optional<double> parse_number(const std::string& text) {
  std::string value = trim(text);
  for (char& c : value) {
    if (c == ',') c = '.';  // "12,5" as written in Mexico's forms
  }
  double number = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(number)) {
    return std::nullopt;
  }
  return number;
}


Error plan_not_found(int64_t id) { return Error::not_found(say(Msg::plan_not_found, id)); }

bool editable(PlanStatus status) { return status == PlanStatus::draft || status == PlanStatus::co_creation; }
bool reportable(PlanStatus status) { return status == PlanStatus::published || status == PlanStatus::in_progress; }

}  // namespace

Result<ActionPlan> PlanService::create_plan(const Actor& actor, const std::string& jurisdiction,
                                            const PlanInput& input) {
  if (auto error = plan_permissions().check(actor, PlanAction::create_plan)) return *error;
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  if (auto error = plan_permissions().check(actor, PlanAction::create_plan, place->id)) return *error;
  std::string now = now_timestamp();
  ActionPlan plan{0, place->id, trim(input.title), trim(input.starts_on), trim(input.ends_on),
                  trim(input.period_exception), PlanStatus::draft, "", std::nullopt, std::nullopt, now, now,
                  License::cc_by_4().id};
  auto license = License::choose(trim(input.license));
  if (!license) return license.error();
  plan.license = license->id;
  if (plan.title.empty()) plan.title = say(Msg::default_plan_title, place->name, plan.starts_on.substr(0, 4));
  if (utf8_length(plan.title) > kMaxTitle) {
    return Error::invalid(say(Msg::title_too_long), {{"title", say(Msg::at_most_300)}});
  }
  bool may_grant = actor.role == Role::admin || actor.role == Role::system;
  if (auto error = check_period(plan.starts_on, plan.ends_on, plan.period_exception, may_grant)) return *error;
  auto connection = database_.connect();
  try {
    store::Transaction transaction(*connection);
    plan.id = PlanRepository::insert(*connection, plan);
    audit::AuditLog::append_public(*connection, actor, "create", "action_plan", plan.id, plan.jurisdiction_id, nullptr, plan.to_json());
    transaction.commit();
  } catch (const store::UniqueViolation&) {
    return Error::conflict(say(Msg::plan_exists, place->name, plan.starts_on),
                           {{"starts_on", say(Msg::plan_exists_field)}});
  }
  return plan;
}

Result<std::vector<ActionPlan>> PlanService::plans_of(const std::string& jurisdiction) {
  auto place = jurisdictions_.find(jurisdiction);
  if (!place) return place.error();
  auto connection = database_.connect();
  return PlanRepository::for_jurisdiction(*connection, place->id);
}

std::optional<jurisdictions::Jurisdiction> PlanService::jurisdiction_of(const ActionPlan& plan) {
  return jurisdictions_.by_id(plan.jurisdiction_id);
}

std::vector<ActionPlan> PlanService::plans_in(int64_t jurisdiction_id) {
  auto connection = database_.connect();
  return PlanRepository::for_jurisdiction(*connection, jurisdiction_id);
}

Result<PlanDocument> PlanService::plan(int64_t plan_id) {
  auto connection = database_.connect();
  auto plan = PlanRepository::find(*connection, plan_id);
  if (!plan) return plan_not_found(plan_id);
  PlanDocument document{*plan, CommitmentRepository::for_plan(*connection, plan_id)};
  compute_bound(document.plan, document.commitments);
  return document;
}

void PlanService::compute_bound(const ActionPlan& plan, std::vector<Commitment>& commitments) const {
  std::string today = today_iso();
  for (auto& commitment : commitments) {
    for (auto& indicator : commitment.indicators) {
      const Measure* measure = indicator.bound_measure.empty() ? nullptr : measures_.find(indicator.bound_measure);
      if (!measure) continue;
      // The plan's period so far: a figure of days that have not come is no figure.
      MeasureScope scope{plan.jurisdiction_id, indicator.bound_institution_id, plan.starts_on,
                         std::min(plan.ends_on, today)};
      indicator.source = say(Msg::bound_source, measure->label);
      indicator.measured_on = scope.until;
      indicator.current_value.reset();
      if (scope.from > scope.until) continue;
      if (auto measured = measure->compute(scope)) {
        indicator.current_value = measured->value;
        indicator.list_url = measured->list_url;
      }
    }
  }
}

Result<ActionPlan> PlanService::change_status(const Actor& actor, int64_t plan_id, const std::string& target,
                                              const std::string& self_assessment) {
  if (auto error = plan_permissions().check(actor, PlanAction::change_plan_status)) return *error;
  auto document = plan(plan_id);
  if (!document) return document.error();
  if (auto error = plan_permissions().check(actor, PlanAction::change_plan_status, document->plan.jurisdiction_id)) {
    return *error;
  }
  ActionPlan before = document->plan;
  auto wanted = parse_status(trim(target));
  auto next = next_status(before.status);
  if (!wanted || !next || *wanted != *next) {
    std::string expected = next ? status_label_es(*next) + " (" + status_name(*next) + ")" : say(Msg::no_next_status);
    return Error::invalid(say(Msg::one_step_at_a_time, status_label_es(before.status), expected),
                          {{"status", say(Msg::cannot_move_to, target)}});
  }
  ActionPlan after = before;
  after.status = *wanted;
  std::string now = now_timestamp();
  if (*wanted == PlanStatus::published) {
    auto problems = publication_problems(before, document->commitments);
    if (!problems.empty()) {
      return Error::invalid(say(Msg::not_publishable, problems.size()),
                            problems);
    }
    after.published_at = now;
  }
  if (*wanted == PlanStatus::closed) {
    after.self_assessment = trim(self_assessment);
    if (after.self_assessment.empty()) {
      return Error::invalid(say(Msg::self_assessment_needed),
                            {{"self_assessment", say(Msg::self_assessment_field)}});
    }
    after.closed_at = now;
  }
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  // Conditional on the status read above: of two changes at once, the second finds it gone.
  if (!PlanRepository::update_status(*connection, after, before.status)) {
    return Error::conflict(say(Msg::status_changed_meanwhile));
  }
  audit::AuditLog::append_public(*connection, actor, "change_status", "action_plan", after.id, after.jurisdiction_id, before.to_json(),
               after.to_json());
  transaction.commit();
  return after;
}

Result<PlanService::Context> PlanService::context_for(int64_t commitment_id) {
  auto connection = database_.connect();
  auto commitment = CommitmentRepository::find(*connection, commitment_id);
  if (!commitment) return Error::not_found(say(Msg::commitment_not_found, commitment_id));
  auto plan = PlanRepository::find(*connection, commitment->plan_id);
  if (!plan) return plan_not_found(commitment->plan_id);
  return Context{*plan, *commitment};
}

PlanAbilities PlanService::abilities(const Actor& actor, const PlanDocument& document) const {
  PlanAbilities abilities;
  int64_t place = document.plan.jurisdiction_id;
  if (plan_permissions().allows(actor, PlanAction::change_plan_status, place)) {
    abilities.next_status = next_status(document.plan.status);
  }
  abilities.add_commitment = plan_permissions().allows(actor, PlanAction::create_commitment, place) &&
                             editable(document.plan.status) && document.commitments.size() < kCommitmentsPerPlan;
  return abilities;
}

CommitmentAbilities PlanService::abilities(const Actor& actor, const ActionPlan& plan,
                                           const Commitment& commitment) const {
  CommitmentAbilities abilities;
  const Context context{plan, commitment};
  abilities.responsible = !check_commitment_access(actor, context, false);
  abilities.edit = abilities.responsible && editable(plan.status);
  abilities.report = !check_commitment_access(actor, context, true) && reportable(plan.status);
  abilities.withdraw = plan_permissions().allows(actor, PlanAction::withdraw_commitment, plan.jurisdiction_id) &&
                       reportable(plan.status) && commitment.withdrawn_reason.empty();
  return abilities;
}

bool PlanService::may_manage_secretariat(const Actor& actor, int64_t jurisdiction_id) const {
  return plan_permissions().allows(actor, PlanAction::manage_secretariat, jurisdiction_id);
}

std::optional<Error> PlanService::check_commitment_access(const Actor& actor, const Context& context,
                                                          bool reporting) const {
  const Commitment& commitment = context.commitment;
  PlanAction action = reporting ? PlanAction::report_progress : PlanAction::edit_commitment;
  if (auto error = plan_permissions().check(actor, action, context.plan.jurisdiction_id)) return error;
  if (actor.role == Role::official &&
      (!actor.institution_id || !commitment.institution_id || *actor.institution_id != *commitment.institution_id)) {
    return Error::forbidden(say(Msg::only_responsible_institution));
  }
  return std::nullopt;
}

Result<Commitment> PlanService::validate(const ActionPlan& plan, const CommitmentInput& input, Commitment c) {
  Validation validation;
  if (!trim(input.number).empty() || c.number == 0) {
    auto number = parse_number(input.number);
    bool ok = number && *number >= 1 && *number <= kCommitmentsPerPlan && *number == std::floor(*number);
    validation.require(ok, "number", say(Msg::commitment_number_range));
    if (ok) c.number = static_cast<int>(*number);
  }
  c.title = trim(input.title);
  c.problem = trim(input.problem);
  c.objective = trim(input.objective);
  c.counterpart = trim(input.counterpart);
  c.starts_on = trim(input.starts_on);
  c.ends_on = trim(input.ends_on);
  validation.require(!c.title.empty() && utf8_length(c.title) <= kMaxTitle, "title",
                     say(Msg::commitment_title_field));
  validation.require(utf8_length(c.problem) <= kMaxText, "problem", say(Msg::at_most_10000));
  validation.require(utf8_length(c.objective) <= kMaxText, "objective", say(Msg::at_most_10000));
  validation.require(is_valid_utf8(c.title + c.problem + c.objective + c.counterpart), "title",
                     say(Msg::invalid_characters));
  std::string bad_letter;
  auto aims = normalize_aims(input.aims, &bad_letter);
  if (aims) c.aims = *aims;
  else validation.fail("aims", say(Msg::not_an_aim, bad_letter));
  for (const auto& [field, date] : {std::pair<const char*, std::string&>{"starts_on", c.starts_on},
                                    std::pair<const char*, std::string&>{"ends_on", c.ends_on}}) {
    if (date.empty()) continue;
    if (!is_iso_date(date)) validation.fail(field, say(Msg::date_format));
    else if (date < plan.starts_on || date > plan.ends_on)
      validation.fail(field, say(Msg::within_plan_period, plan.starts_on, plan.ends_on));
  }
  if (!c.starts_on.empty() && !c.ends_on.empty() && c.ends_on < c.starts_on) {
    validation.fail("ends_on", say(Msg::not_before_start));
  }
  std::string method = trim(input.progress_method);
  validation.require(method.empty() || method == "even" || method == "weighted", "progress_method",
                     say(Msg::progress_method_field));
  if (method == "weighted") c.progress_method = ProgressMethod::weighted;
  if (method == "even") c.progress_method = ProgressMethod::even;
  c.institution_id.reset();
  if (!trim(input.institution_id).empty()) {
    auto id = parse_number(input.institution_id);
    auto institution = id ? jurisdictions_.institution(static_cast<int64_t>(*id)) : std::nullopt;
    bool local = institution && institution->jurisdiction_id == plan.jurisdiction_id;
    validation.require(local, "institution_id", say(Msg::institution_of_jurisdiction));
    if (local) c.institution_id = institution->id;
  }
  if (!validation.ok()) return validation.error();
  return c;
}

Result<Commitment> PlanService::save_commitment(const Actor& actor, const ActionPlan& plan, Commitment commitment,
                                                nlohmann::json before) {
  auto connection = database_.connect();
  try {
    store::Transaction transaction(*connection);
    bool created = commitment.id == 0;
    if (created) commitment.id = CommitmentRepository::insert(*connection, commitment);
    else if (!CommitmentRepository::update(*connection, commitment)) return Error::conflict(say(Msg::commitment_changed_meanwhile));
    else ++commitment.version;
    nlohmann::json after = commitment.to_json();
    after.erase("milestones");
    after.erase("indicators");
    audit::AuditLog::append_public(*connection, actor, created ? "create" : "update", "commitment", commitment.id, plan.jurisdiction_id,
                 std::move(before), std::move(after));
    transaction.commit();
  } catch (const store::UniqueViolation&) {
    return Error::conflict(say(Msg::commitment_number_taken, commitment.number),
                           {{"number", say(Msg::pick_other_number)}});
  }
  return commitment;
}

Result<Commitment> PlanService::add_commitment(const Actor& actor, int64_t plan_id, const CommitmentInput& input) {
  if (auto error = plan_permissions().check(actor, PlanAction::create_commitment)) return *error;
  auto document = plan(plan_id);
  if (!document) return document.error();
  if (auto error = plan_permissions().check(actor, PlanAction::create_commitment, document->plan.jurisdiction_id)) {
    return *error;
  }
  if (!editable(document->plan.status)) {
    return Error::conflict(say(Msg::commitments_while_editable));
  }
  if (document->commitments.size() >= kCommitmentsPerPlan) {
    return Error::conflict(say(Msg::five_commitments_already));
  }
  Commitment commitment;
  commitment.plan_id = plan_id;
  auto valid = validate(document->plan, input, commitment);
  if (!valid) return valid.error();
  return save_commitment(actor, document->plan, valid.value(), nullptr);
}

Result<Commitment> PlanService::update_commitment(const Actor& actor, int64_t commitment_id,
                                                  const CommitmentInput& input) {
  auto context = context_for(commitment_id);
  if (!context) return context.error();
  if (auto error = check_commitment_access(actor, *context, false)) return *error;
  if (!editable(context->plan.status)) {
    return Error::conflict(say(Msg::published_commitment_frozen));
  }
  auto valid = validate(context->plan, input, context->commitment);
  if (!valid) return valid.error();
  if (actor.role == Role::official && valid->institution_id != context->commitment.institution_id) {
    return Error::forbidden(say(Msg::only_admin_changes_institution));
  }
  nlohmann::json before = context->commitment.to_json();
  before.erase("milestones");
  before.erase("indicators");
  return save_commitment(actor, context->plan, valid.value(), std::move(before));
}

Result<Commitment> PlanService::commitment(int64_t commitment_id) {
  auto context = context_for(commitment_id);
  if (!context) return context.error();
  std::vector<Commitment> one{context->commitment};
  compute_bound(context->plan, one);
  return one.front();
}

std::optional<int64_t> PlanService::commitment_jurisdiction(int64_t commitment_id) {
  auto context = context_for(commitment_id);
  if (!context) return std::nullopt;
  return context->plan.jurisdiction_id;
}

Result<Commitment> PlanService::withdraw_commitment(const Actor& actor, int64_t commitment_id, const std::string& reason) {
  if (auto error = plan_permissions().check(actor, PlanAction::withdraw_commitment)) return *error;
  auto context = context_for(commitment_id);
  if (!context) return context.error();
  if (auto error = plan_permissions().check(actor, PlanAction::withdraw_commitment, context->plan.jurisdiction_id)) {
    return *error;
  }
  if (!reportable(context->plan.status)) {
    return Error::conflict(say(Msg::withdraw_when_published));
  }
  if (!context->commitment.withdrawn_reason.empty()) {
    return Error::conflict(say(Msg::already_withdrawn));
  }
  Commitment after = context->commitment;
  after.withdrawn_reason = trim(reason);
  if (after.withdrawn_reason.empty() || utf8_length(after.withdrawn_reason) > 2000) {
    return Error::invalid(say(Msg::explain_withdrawal), {{"withdrawn_reason", say(Msg::withdrawal_reason_field)}});
  }
  nlohmann::json before = context->commitment.to_json();
  before.erase("milestones");
  before.erase("indicators");
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  // Conditional on the version read: of two withdrawals at once, one is written.
  if (!CommitmentRepository::update(*connection, after)) return Error::conflict(say(Msg::commitment_changed_meanwhile));
  ++after.version;
  nlohmann::json after_json = after.to_json();
  after_json.erase("milestones");
  after_json.erase("indicators");
  audit::AuditLog::append_public(*connection, actor, "withdraw", "commitment", after.id, context->plan.jurisdiction_id, std::move(before),
               std::move(after_json));
  transaction.commit();
  return after;
}

Result<Milestone> PlanService::add_milestone(const Actor& actor, int64_t commitment_id, const MilestoneInput& input) {
  auto context = context_for(commitment_id);
  if (!context) return context.error();
  if (auto error = check_commitment_access(actor, *context, false)) return *error;
  if (!editable(context->plan.status)) {
    return Error::conflict(say(Msg::milestones_before_publishing));
  }
  Validation validation;
  Milestone milestone;
  milestone.commitment_id = commitment_id;
  milestone.description = trim(input.description);
  milestone.responsible = trim(input.responsible);
  milestone.due_on = trim(input.due_on);
  validation.require(!milestone.description.empty() && utf8_length(milestone.description) <= 2000, "description",
                     say(Msg::milestone_description_field));
  if (!milestone.due_on.empty()) {
    validation.require(is_iso_date(milestone.due_on) && milestone.due_on >= context->plan.starts_on &&
                           milestone.due_on <= context->plan.ends_on,
                       "due_on", say(Msg::milestone_due_field));
  }
  if (!trim(input.weight).empty()) {
    auto weight = parse_number(input.weight);
    bool ok = weight && *weight >= 0 && *weight <= 100 && *weight == std::floor(*weight);
    validation.require(ok, "weight", say(Msg::weight_field));
    if (ok) milestone.weight = static_cast<int>(*weight);
  }
  if (!validation.ok()) return validation.error();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  milestone.id = MilestoneRepository::insert(*connection, milestone);
  audit::AuditLog::append_public(*connection, actor, "create", "milestone", milestone.id, context->plan.jurisdiction_id, nullptr,
               milestone.to_json());
  transaction.commit();
  return milestone;
}

std::optional<int64_t> PlanService::jurisdiction_of_milestone(int64_t milestone_id) {
  auto connection = database_.connect();
  auto milestone = MilestoneRepository::find(*connection, milestone_id);
  if (!milestone) return std::nullopt;
  auto commitment = CommitmentRepository::find(*connection, milestone->commitment_id);
  if (!commitment) return std::nullopt;
  auto plan = PlanRepository::find(*connection, commitment->plan_id);
  return plan ? std::optional<int64_t>(plan->jurisdiction_id) : std::nullopt;
}

Result<int64_t> PlanService::check_reporting(const Actor& actor, int64_t milestone_id) {
  std::optional<Milestone> milestone;
  {
    auto connection = database_.connect();
    milestone = MilestoneRepository::find(*connection, milestone_id);
  }
  if (!milestone) return Error::not_found(say(Msg::milestone_not_found, milestone_id));
  auto context = context_for(milestone->commitment_id);
  if (!context) return context.error();
  if (auto error = check_commitment_access(actor, *context, true)) return *error;
  if (!reportable(context->plan.status)) {
    return Error::conflict(say(Msg::progress_when_published));
  }
  return context->plan.jurisdiction_id;
}

Result<Milestone> PlanService::report_milestone(const Actor& actor, int64_t milestone_id, const std::string& status,
                                                const std::string& completed_on) {
  auto jurisdiction_id = check_reporting(actor, milestone_id);
  if (!jurisdiction_id) return jurisdiction_id.error();
  std::optional<Milestone> milestone;
  {
    auto connection = database_.connect();
    milestone = MilestoneRepository::find(*connection, milestone_id);
  }
  auto new_status = parse_milestone_status(trim(status));
  if (!new_status) {
    return Error::invalid(say(Msg::pick_valid_status), {{"status", say(Msg::milestone_status_field)}});
  }
  Milestone before = *milestone;
  milestone->status = *new_status;
  milestone->completed_on.reset();
  if (*new_status == MilestoneStatus::completed) {
    std::string date = trim(completed_on).empty() ? today_iso() : trim(completed_on);
    if (!is_iso_date(date) || date > today_iso()) {
      return Error::invalid(say(Msg::completion_date_invalid),
                            {{"completed_on", say(Msg::completion_date_field)}});
    }
    milestone->completed_on = date;
  }
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  if (!MilestoneRepository::update(*connection, *milestone)) return Error::conflict(say(Msg::milestone_changed_meanwhile));
  ++milestone->version;
  audit::AuditLog::append_public(*connection, actor, "update", "milestone", milestone->id, *jurisdiction_id, before.to_json(),
               milestone->to_json());
  transaction.commit();
  return *milestone;
}

Result<Indicator> PlanService::add_indicator(const Actor& actor, int64_t commitment_id, const IndicatorInput& input) {
  auto context = context_for(commitment_id);
  if (!context) return context.error();
  if (auto error = check_commitment_access(actor, *context, false)) return *error;
  if (!editable(context->plan.status)) {
    return Error::conflict(say(Msg::indicators_before_publishing));
  }
  Validation validation;
  Indicator indicator;
  indicator.commitment_id = commitment_id;
  indicator.name = trim(input.name);
  indicator.unit = trim(input.unit);
  indicator.source = trim(input.source);
  validation.require(!indicator.name.empty() && utf8_length(indicator.name) <= 300, "name",
                     say(Msg::indicator_name_field));
  if (!trim(input.measure).empty()) {
    const Measure* measure = measures_.find(trim(input.measure));
    validation.require(measure != nullptr, "measure", say(Msg::measure_field));
    if (measure) {
      indicator.bound_measure = measure->key;
      if (indicator.unit.empty()) indicator.unit = measure->unit;
    }
    if (!trim(input.measure_institution).empty()) {
      auto id = parse_number(input.measure_institution);
      auto institution = id ? jurisdictions_.institution(static_cast<int64_t>(*id)) : std::nullopt;
      bool ours = institution && institution->jurisdiction_id == context->plan.jurisdiction_id;
      validation.require(ours, "measure_institution", say(Msg::measure_institution_field));
      if (ours) indicator.bound_institution_id = institution->id;
    }
  }
  for (const auto& [field, text, slot] :
       {std::tuple<const char*, const std::string&, std::optional<double>*>{"baseline", input.baseline, &indicator.baseline},
        std::tuple<const char*, const std::string&, std::optional<double>*>{"target", input.target, &indicator.target}}) {
    if (trim(text).empty()) continue;
    *slot = parse_number(text);
    validation.require(slot->has_value(), field, say(Msg::number_field));
  }
  if (!validation.ok()) return validation.error();
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  indicator.id = IndicatorRepository::insert(*connection, indicator);
  audit::AuditLog::append_public(*connection, actor, "create", "indicator", indicator.id, context->plan.jurisdiction_id, nullptr,
               indicator.to_json());
  transaction.commit();
  return indicator;
}

Result<Indicator> PlanService::record_indicator(const Actor& actor, int64_t indicator_id, const std::string& value,
                                                const std::string& measured_on) {
  std::optional<Indicator> indicator;
  {
    auto connection = database_.connect();
    indicator = IndicatorRepository::find(*connection, indicator_id);
  }
  if (!indicator) return Error::not_found(say(Msg::indicator_not_found, indicator_id));
  auto context = context_for(indicator->commitment_id);
  if (!context) return context.error();
  if (auto error = check_commitment_access(actor, *context, true)) return *error;
  if (!reportable(context->plan.status)) {
    return Error::conflict(say(Msg::values_when_published));
  }
  if (!indicator->bound_measure.empty()) return Error::conflict(say(Msg::bound_not_typed));
  Validation validation;
  auto number = parse_number(value);
  std::string date = trim(measured_on).empty() ? today_iso() : trim(measured_on);
  validation.require(number.has_value(), "current_value", say(Msg::number_field));
  validation.require(is_iso_date(date) && date <= today_iso(), "measured_on",
                     say(Msg::measured_on_field));
  if (!validation.ok()) return validation.error();
  Indicator before = *indicator;
  indicator->current_value = number;
  indicator->measured_on = date;
  auto connection = database_.connect();
  store::Transaction transaction(*connection);
  if (!IndicatorRepository::update(*connection, *indicator)) return Error::conflict(say(Msg::indicator_changed_meanwhile));
  ++indicator->version;
  audit::AuditLog::append_public(*connection, actor, "update", "indicator", indicator->id, context->plan.jurisdiction_id,
               before.to_json(), indicator->to_json());
  transaction.commit();
  return *indicator;
}

std::vector<jurisdictions::Institution> PlanService::institutions_for(const ActionPlan& plan) {
  return jurisdictions_.institutions(plan.jurisdiction_id, {1000, 0}).items;
}

std::string PlanService::institution_name(std::optional<int64_t> institution_id) {
  if (!institution_id) return {};
  auto institution = jurisdictions_.institution(*institution_id);
  return institution ? institution->name : std::string();
}

std::vector<JurisdictionProgress> PlanService::overview(const std::string& today) {
  auto places = jurisdictions_.list({}, {10000, 0});
  auto connection = database_.connect();
  std::map<int64_t, ActionPlan> shown;  // by jurisdiction
  for (auto& plan : PlanRepository::all(*connection)) {  // newest first within a jurisdiction
    auto it = shown.find(plan.jurisdiction_id);
    if (it == shown.end()) shown.emplace(plan.jurisdiction_id, std::move(plan));
    else if (it->second.status == PlanStatus::draft && plan.status != PlanStatus::draft) it->second = std::move(plan);
  }
  std::vector<int64_t> plan_ids;
  for (const auto& [jurisdiction, plan] : shown) plan_ids.push_back(plan.id);
  std::map<int64_t, std::vector<Commitment>> commitments;  // by plan
  for (auto& commitment : CommitmentRepository::for_plans(*connection, plan_ids)) {
    commitments[commitment.plan_id].push_back(std::move(commitment));
  }
  std::map<int64_t, std::vector<SecretariatMember>> members;  // by jurisdiction
  for (auto& member : SecretariatRepository::all_members(*connection)) {
    members[member.jurisdiction_id].push_back(std::move(member));
  }

  std::vector<JurisdictionProgress> rows;
  for (const auto& place : places.items) {
    if (place.level == jurisdictions::Level::municipality) continue;
    JurisdictionProgress row{place, std::nullopt, 0, 0, false};
    row.constituted = secretariat_on(place.id, std::move(members[place.id]), today).constituted();
    if (auto it = shown.find(place.id); it != shown.end()) {
      row.plan = it->second;
      const auto& list = commitments[it->second.id];
      double sum = 0;
      for (const auto& commitment : list) {
        sum += progress_of(commitment).share;
        for (const auto& milestone : commitment.milestones) row.overdue_milestones += milestone.overdue_on(today);
      }
      if (!list.empty()) row.average_progress = sum / static_cast<double>(list.size());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace apertura::plans
