#include "requests/appeal_repository.h"

#include "core/clock.h"

namespace apertura::requests {

namespace {

constexpr const char* kAppealColumns =
    "SELECT id, number, request_id, jurisdiction_id, institution_id, ground, reasons, filed_at, received_on, "
    "filing_due_on, status, prevented_on, prevention_due_on, admitted_on, allegations_due_on, resolution_due_on, extended, result, resolved_on, "
    "resolved_late, compliance_due_on, compliance_reported_on, compliance_late, created_at, updated_at, version "
    "FROM request_appeals ";

Appeal appeal_from(const store::Row& row) {
  Appeal a;
  a.id = row.integer("id");
  a.number = row.text("number");
  a.request_id = row.integer("request_id");
  a.jurisdiction_id = row.integer("jurisdiction_id");
  a.institution_id = row.integer("institution_id");
  a.ground = parse_ground(row.text("ground")).value_or(AppealGround::no_answer);
  a.reasons = row.text("reasons");
  a.filed_at = row.text("filed_at");
  a.received_on = row.text("received_on");
  a.filing_due_on = row.text("filing_due_on");
  a.status = parse_appeal_status(row.text("status")).value_or(AppealStatus::filed);
  a.prevented_on = row.text("prevented_on");
  a.prevention_due_on = row.text("prevention_due_on");
  a.admitted_on = row.text("admitted_on");
  a.allegations_due_on = row.text("allegations_due_on");
  a.resolution_due_on = row.text("resolution_due_on");
  a.extended = row.integer("extended") != 0;
  a.result = parse_appeal_result(row.text("result"));
  a.resolved_on = row.text("resolved_on");
  a.resolved_late = row.integer("resolved_late") != 0;
  a.compliance_due_on = row.text("compliance_due_on");
  a.compliance_reported_on = row.text("compliance_reported_on");
  a.compliance_late = row.integer("compliance_late") != 0;
  a.created_at = row.text("created_at");
  a.updated_at = row.text("updated_at");
  a.version = row.integer("version");
  return a;
}

constexpr const char* kOpenStatuses = "('filed', 'prevented', 'admitted', 'complying', 'compliance_reported')";

}  // namespace

int64_t AppealRepository::insert(store::Connection& c, const Appeal& a) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO request_appeals (number, request_id, jurisdiction_id, institution_id, ground, reasons, filed_at, "
      "received_on, filing_due_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {a.number, a.request_id, a.jurisdiction_id, a.institution_id, std::string(ground_name(a.ground)), a.reasons,
       a.filed_at, a.received_on, a.filing_due_on, std::string(appeal_status_name(a.status)), now, now});
}

std::optional<Appeal> AppealRepository::by_request(store::Connection& c, int64_t request_id) {
  auto row = c.query_one(std::string(kAppealColumns) + "WHERE request_id = ?", {request_id});
  if (!row) return std::nullopt;
  return appeal_from(*row);
}

bool AppealRepository::update(store::Connection& c, const Appeal& a) {
  c.execute(
      "UPDATE request_appeals SET status = ?, prevented_on = ?, prevention_due_on = ?, admitted_on = ?, "
      "allegations_due_on = ?, resolution_due_on = ?, "
      "extended = ?, result = ?, resolved_on = ?, resolved_late = ?, compliance_due_on = ?, "
      "compliance_reported_on = ?, compliance_late = ?, updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {std::string(appeal_status_name(a.status)), a.prevented_on, a.prevention_due_on, a.admitted_on,
       a.allegations_due_on, a.resolution_due_on,
       a.extended ? 1 : 0, a.result ? std::string(appeal_result_name(*a.result)) : std::string(), a.resolved_on,
       a.resolved_late ? 1 : 0, a.compliance_due_on, a.compliance_reported_on, a.compliance_late ? 1 : 0,
       now_timestamp(), a.id, a.version});
  return c.changes() == 1;
}

void AppealRepository::set_reasons(store::Connection& c, int64_t appeal_id, const std::string& reasons) {
  c.execute("UPDATE request_appeals SET reasons = ?, updated_at = ? WHERE id = ?", {reasons, now_timestamp(), appeal_id});
}

Paged<Appeal> AppealRepository::list(store::Connection& c, const AppealFilter& filter, const Slice& slice) {
  std::string where = "WHERE 1 = 1";
  store::Params params;
  if (filter.jurisdiction_id) {
    where += " AND jurisdiction_id = ?";
    params.emplace_back(*filter.jurisdiction_id);
  }
  if (filter.institution_id) {
    where += " AND institution_id = ?";
    params.emplace_back(*filter.institution_id);
  }
  if (filter.status) {
    where += " AND status = ?";
    params.emplace_back(std::string(appeal_status_name(*filter.status)));
  }
  if (filter.open_only) where += std::string(" AND status IN ") + kOpenStatuses;
  Paged<Appeal> page;
  store::Params listed = params;
  listed.emplace_back(slice.limit);
  listed.emplace_back(slice.offset);
  for (const auto& row :
       c.query(std::string(kAppealColumns) + where + " ORDER BY received_on DESC, id DESC LIMIT ? OFFSET ?", listed)) {
    page.items.push_back(appeal_from(row));
  }
  auto total = c.query_one("SELECT COUNT(*) AS n FROM request_appeals " + where, params);
  page.total = total ? total->integer("n") : 0;
  return page;
}

std::vector<AppealCountsRow> AppealRepository::counts(store::Connection& c, const StatsFilter& f) {
  std::vector<store::Value> params;
  std::string sql = std::string(
                        "SELECT institution_id, COUNT(*) AS filed, "
                        "SUM(CASE WHEN status IN ") + kOpenStatuses + " THEN 1 ELSE 0 END) AS open, "
                        "SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END) AS rejected, "
                        "SUM(CASE WHEN result = 'confirm' THEN 1 ELSE 0 END) AS confirmed, "
                        "SUM(CASE WHEN result = 'revoke' THEN 1 ELSE 0 END) AS revoked, "
                        "SUM(CASE WHEN result = 'modify' THEN 1 ELSE 0 END) AS modified, "
                        "SUM(CASE WHEN result = 'dismiss' THEN 1 ELSE 0 END) AS dismissed, "
                        "SUM(CASE WHEN status = 'complied' THEN 1 ELSE 0 END) AS complied, "
                        "SUM(CASE WHEN status = 'not_complied' THEN 1 ELSE 0 END) AS not_complied "
                        "FROM request_appeals " +
                    stats_where(f, params) + " GROUP BY institution_id";
  std::vector<AppealCountsRow> rows;
  for (const auto& row : c.query(sql, params)) {
    rows.push_back({row.integer("institution_id"), row.integer("filed"), row.integer("open"), row.integer("rejected"),
                    row.integer("confirmed"), row.integer("revoked"), row.integer("modified"), row.integer("dismissed"),
                    row.integer("complied"), row.integer("not_complied")});
  }
  return rows;
}

std::optional<int64_t> AppealRepository::guarantor_of(store::Connection& c, int64_t jurisdiction_id) {
  auto row = c.query_one("SELECT institution_id FROM request_guarantors WHERE jurisdiction_id = ?", {jurisdiction_id});
  if (!row) return std::nullopt;
  return row->integer("institution_id");
}

std::vector<std::pair<int64_t, int64_t>> AppealRepository::guarantors(store::Connection& c) {
  std::vector<std::pair<int64_t, int64_t>> found;
  for (const auto& row : c.query("SELECT jurisdiction_id, institution_id FROM request_guarantors ORDER BY jurisdiction_id")) {
    found.emplace_back(row.integer("jurisdiction_id"), row.integer("institution_id"));
  }
  return found;
}

void AppealRepository::set_guarantor(store::Connection& c, int64_t jurisdiction_id, int64_t institution_id) {
  c.execute(
      "INSERT INTO request_guarantors (jurisdiction_id, institution_id, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (jurisdiction_id) DO UPDATE SET institution_id = excluded.institution_id, updated_at = excluded.updated_at",
      {jurisdiction_id, institution_id, now_timestamp()});
}

}  // namespace apertura::requests
