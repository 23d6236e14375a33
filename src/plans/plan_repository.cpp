#include "plans/plan_repository.h"

#include <map>

#include "core/clock.h"

namespace apertura::plans {

namespace {

constexpr const char* kMemberColumns =
    "SELECT id, jurisdiction_id, name, sector, organization, position, starts_on, ends_on, user_id FROM secretariat_members ";
constexpr const char* kPlanColumns =
    "SELECT id, jurisdiction_id, title, starts_on, ends_on, period_exception, status, self_assessment, "
    "published_at, closed_at, created_at, updated_at, license FROM action_plans ";
constexpr const char* kCommitmentColumns =
    "SELECT id, plan_id, number, title, problem, objective, aims, institution_id, counterpart, starts_on, ends_on, "
    "progress_method, withdrawn_reason, version FROM commitments ";
constexpr const char* kMilestoneColumns =
    "SELECT id, commitment_id, description, responsible, due_on, weight, status, completed_on, version FROM milestones ";
constexpr const char* kIndicatorColumns =
    "SELECT id, commitment_id, name, unit, baseline, target, current_value, source, measured_on, version, bound_measure, "
    "bound_institution_id FROM indicators ";

std::optional<double> optional_real(const store::Row& row, const char* column) {
  if (row.is_null(column)) return std::nullopt;
  return row.real(column);
}

SecretariatMember member_from(const store::Row& row) {
  return {row.integer("id"),          row.integer("jurisdiction_id"), row.text("name"),
          parse_sector(row.text("sector")).value_or(Sector::government),
          row.text("organization"),   row.text("position"),           row.text("starts_on"),
          row.optional_text("ends_on"),  row.optional_integer("user_id")};
}

ActionPlan plan_from(const store::Row& row) {
  return {row.integer("id"),
          row.integer("jurisdiction_id"),
          row.text("title"),
          row.text("starts_on"),
          row.text("ends_on"),
          row.text("period_exception"),
          parse_status(row.text("status")).value_or(PlanStatus::draft),
          row.text("self_assessment"),
          row.optional_text("published_at"),
          row.optional_text("closed_at"),
          row.text("created_at"),
          row.text("updated_at"),
          row.text("license")};
}

Commitment commitment_from(const store::Row& row) {
  Commitment c;
  c.id = row.integer("id");
  c.plan_id = row.integer("plan_id");
  c.number = static_cast<int>(row.integer("number"));
  c.title = row.text("title");
  c.problem = row.text("problem");
  c.objective = row.text("objective");
  c.aims = row.text("aims");
  c.institution_id = row.optional_integer("institution_id");
  c.counterpart = row.text("counterpart");
  c.starts_on = row.text("starts_on");
  c.ends_on = row.text("ends_on");
  c.progress_method = row.text("progress_method") == "weighted" ? ProgressMethod::weighted : ProgressMethod::even;
  c.withdrawn_reason = row.text("withdrawn_reason");
  c.version = row.integer("version");
  return c;
}

Milestone milestone_from(const store::Row& row) {
  return {row.integer("id"),
          row.integer("commitment_id"),
          row.text("description"),
          row.text("responsible"),
          row.text("due_on"),
          static_cast<int>(row.integer("weight")),
          parse_milestone_status(row.text("status")).value_or(MilestoneStatus::pending),
          row.optional_text("completed_on"),
          row.integer("version")};
}

Indicator indicator_from(const store::Row& row) {
  return {row.integer("id"),           row.integer("commitment_id"), row.text("name"),
          row.text("unit"),            optional_real(row, "baseline"), optional_real(row, "target"),
          optional_real(row, "current_value"), row.text("source"),  row.text("measured_on"),
          row.integer("version"),       row.text("bound_measure"), row.optional_integer("bound_institution_id")};
}

// Loads the milestones and indicators of the given commitments in two queries.
void attach_children(store::Connection& c, std::vector<Commitment>& commitments, const std::string& filter,
                     const store::Params& params) {
  std::map<int64_t, Commitment*> by_id;
  for (auto& commitment : commitments) by_id[commitment.id] = &commitment;
  for (const auto& row : c.query(std::string(kMilestoneColumns) + filter + " ORDER BY due_on, id", params)) {
    Milestone m = milestone_from(row);
    if (auto it = by_id.find(m.commitment_id); it != by_id.end()) it->second->milestones.push_back(m);
  }
  for (const auto& row : c.query(std::string(kIndicatorColumns) + filter + " ORDER BY id", params)) {
    Indicator i = indicator_from(row);
    if (auto it = by_id.find(i.commitment_id); it != by_id.end()) it->second->indicators.push_back(i);
  }
}

}  // namespace

std::vector<SecretariatMember> SecretariatRepository::members(store::Connection& c, int64_t jurisdiction_id) {
  std::vector<SecretariatMember> out;
  for (const auto& row : c.query(std::string(kMemberColumns) +
                                     "WHERE jurisdiction_id = ? ORDER BY sector, starts_on, id",
                                 {jurisdiction_id})) {
    out.push_back(member_from(row));
  }
  return out;
}

std::vector<SecretariatMember> SecretariatRepository::all_members(store::Connection& c) {
  std::vector<SecretariatMember> out;
  for (const auto& row : c.query(std::string(kMemberColumns) + "ORDER BY jurisdiction_id, sector, starts_on, id")) {
    out.push_back(member_from(row));
  }
  return out;
}

int64_t SecretariatRepository::insert(store::Connection& c, const SecretariatMember& m) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO secretariat_members (jurisdiction_id, name, sector, organization, position, starts_on, ends_on, "
      "user_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.jurisdiction_id, m.name, sector_name(m.sector), m.organization, m.position, m.starts_on, m.ends_on,
       m.user_id, now, now});
}

bool SecretariatRepository::is_active_member(store::Connection& c, int64_t jurisdiction_id, int64_t user_id,
                                             Sector sector, const std::string& today) {
  return c.query_one(
             "SELECT 1 AS found FROM secretariat_members WHERE jurisdiction_id = ? AND user_id = ? AND sector = ? "
             "AND starts_on <= ? AND (ends_on IS NULL OR ends_on = '' OR ends_on >= ?)",
             {jurisdiction_id, user_id, sector_name(sector), today, today})
      .has_value();
}

int64_t PlanRepository::insert(store::Connection& c, const ActionPlan& p) {
  return c.insert_returning_id(
      "INSERT INTO action_plans (jurisdiction_id, title, starts_on, ends_on, period_exception, status, "
      "self_assessment, created_at, updated_at, license) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {p.jurisdiction_id, p.title, p.starts_on, p.ends_on, p.period_exception, status_name(p.status),
       p.self_assessment, p.created_at, p.updated_at, p.license});
}

std::optional<ActionPlan> PlanRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kPlanColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return plan_from(*row);
}

std::vector<ActionPlan> PlanRepository::for_jurisdiction(store::Connection& c, int64_t jurisdiction_id) {
  std::vector<ActionPlan> out;
  for (const auto& row : c.query(std::string(kPlanColumns) + "WHERE jurisdiction_id = ? ORDER BY starts_on DESC",
                                 {jurisdiction_id})) {
    out.push_back(plan_from(row));
  }
  return out;
}

std::vector<ActionPlan> PlanRepository::all(store::Connection& c) {
  std::vector<ActionPlan> out;
  for (const auto& row : c.query(std::string(kPlanColumns) + "ORDER BY jurisdiction_id, starts_on DESC")) {
    out.push_back(plan_from(row));
  }
  return out;
}

bool PlanRepository::update_status(store::Connection& c, const ActionPlan& p, PlanStatus from) {
  return c.execute(
             "UPDATE action_plans SET status = ?, self_assessment = ?, published_at = ?, closed_at = ?, updated_at = ? "
             "WHERE id = ? AND status = ?",
             {status_name(p.status), p.self_assessment, p.published_at, p.closed_at, now_timestamp(), p.id,
              status_name(from)}) == 1;
}

int64_t CommitmentRepository::insert(store::Connection& c, const Commitment& m) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO commitments (plan_id, number, title, problem, objective, aims, institution_id, counterpart, "
      "starts_on, ends_on, progress_method, withdrawn_reason, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.plan_id, m.number, m.title, m.problem, m.objective, m.aims, m.institution_id, m.counterpart, m.starts_on,
       m.ends_on, m.progress_method == ProgressMethod::weighted ? "weighted" : "even", m.withdrawn_reason, now, now});
}

bool CommitmentRepository::update(store::Connection& c, const Commitment& m) {
  return c.execute(
             "UPDATE commitments SET title = ?, problem = ?, objective = ?, aims = ?, institution_id = ?, "
             "counterpart = ?, starts_on = ?, ends_on = ?, progress_method = ?, withdrawn_reason = ?, updated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {m.title, m.problem, m.objective, m.aims, m.institution_id, m.counterpart, m.starts_on, m.ends_on,
              m.progress_method == ProgressMethod::weighted ? "weighted" : "even", m.withdrawn_reason, now_timestamp(),
              m.id, m.version}) == 1;
}

std::optional<Commitment> CommitmentRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kCommitmentColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  std::vector<Commitment> one = {commitment_from(*row)};
  attach_children(c, one, "WHERE commitment_id = ?", {id});
  return one.front();
}

std::vector<Commitment> CommitmentRepository::for_plans(store::Connection& c, const std::vector<int64_t>& plan_ids) {
  std::vector<Commitment> out;
  if (plan_ids.empty()) return out;
  store::Params params(plan_ids.begin(), plan_ids.end());
  std::string in = "(" + store::placeholder_list(params.size()) + ")";
  for (const auto& row : c.query(std::string(kCommitmentColumns) + "WHERE plan_id IN " + in + " ORDER BY plan_id, number",
                                 params)) {
    out.push_back(commitment_from(row));
  }
  attach_children(c, out, "WHERE commitment_id IN (SELECT id FROM commitments WHERE plan_id IN " + in + ")", params);
  return out;
}

std::vector<Commitment> CommitmentRepository::for_plan(store::Connection& c, int64_t plan_id) {
  std::vector<Commitment> out;
  for (const auto& row : c.query(std::string(kCommitmentColumns) + "WHERE plan_id = ? ORDER BY number", {plan_id})) {
    out.push_back(commitment_from(row));
  }
  attach_children(c, out, "WHERE commitment_id IN (SELECT id FROM commitments WHERE plan_id = ?)", {plan_id});
  return out;
}

int64_t MilestoneRepository::insert(store::Connection& c, const Milestone& m) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO milestones (commitment_id, description, responsible, due_on, weight, status, completed_on, "
      "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.commitment_id, m.description, m.responsible, m.due_on, m.weight, milestone_status_name(m.status),
       m.completed_on, now, now});
}

std::optional<Milestone> MilestoneRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kMilestoneColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return milestone_from(*row);
}

bool MilestoneRepository::update(store::Connection& c, const Milestone& m) {
  return c.execute(
             "UPDATE milestones SET description = ?, responsible = ?, due_on = ?, weight = ?, status = ?, "
             "completed_on = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
             {m.description, m.responsible, m.due_on, m.weight, milestone_status_name(m.status), m.completed_on,
              now_timestamp(), m.id, m.version}) == 1;
}

int64_t IndicatorRepository::insert(store::Connection& c, const Indicator& i) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO indicators (commitment_id, name, unit, baseline, target, current_value, source, measured_on, "
      "bound_measure, bound_institution_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {i.commitment_id, i.name, i.unit, i.baseline, i.target, i.current_value, i.source, i.measured_on, i.bound_measure,
       i.bound_institution_id, now, now});
}

std::optional<Indicator> IndicatorRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kIndicatorColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return indicator_from(*row);
}

bool IndicatorRepository::update(store::Connection& c, const Indicator& i) {
  return c.execute(
             "UPDATE indicators SET name = ?, unit = ?, baseline = ?, target = ?, current_value = ?, source = ?, "
             "measured_on = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
             {i.name, i.unit, i.baseline, i.target, i.current_value, i.source, i.measured_on, now_timestamp(), i.id,
              i.version}) == 1;
}

}  // namespace apertura::plans
