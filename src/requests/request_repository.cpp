#include "requests/request_repository.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/clock.h"

namespace apertura::requests {

namespace {

constexpr const char* kRegimeColumns =
    "SELECT id, code, name, jurisdiction_code, effective_from, effective_to, guarantor, legal_basis, verified, "
    "utc_offset_minutes, terms, created_at, updated_at, version FROM request_regimes ";

Regime regime_from(const store::Row& row) {
  Regime r;
  r.id = row.integer("id");
  r.code = row.text("code");
  r.name = row.text("name");
  r.jurisdiction_code = row.text("jurisdiction_code");
  r.effective_from = row.text("effective_from");
  r.effective_to = row.text("effective_to");
  r.guarantor = row.text("guarantor");
  r.legal_basis = row.text("legal_basis");
  r.verified = row.integer("verified") != 0;
  r.utc_offset_minutes = static_cast<int>(row.integer("utc_offset_minutes"));
  r.terms = parse_terms(nlohmann::json::parse(row.text("terms"), nullptr, false)).terms;
  r.created_at = row.text("created_at");
  r.updated_at = row.text("updated_at");
  r.version = row.integer("version");
  return r;
}

constexpr const char* kClosedColumns =
    "SELECT id, jurisdiction_code, starts_on, ends_on, kind, basis, created_by_name, created_at FROM closed_days ";

ClosedDaysRow closed_from(const store::Row& row) {
  ClosedDaysRow r;
  r.id = row.integer("id");
  r.jurisdiction_code = row.text("jurisdiction_code");
  r.days.from = row.text("starts_on");
  r.days.to = row.text("ends_on");
  r.days.kind = row.text("kind") == "suspension" ? DayOff::suspension : DayOff::non_working;
  r.days.basis = row.text("basis");
  r.created_by_name = row.text("created_by_name");
  r.created_at = row.text("created_at");
  return r;
}

constexpr const char* kRequestColumns =
    "SELECT id, folio, jurisdiction_id, institution_id, regime_id, requester_id, requester_name, show_name, contact, "
    "description, location_hint, delivery, notify_by, channel, captured_by, filed_at, received_on, status, "
    "term_start_on, extended_days, response_due_on, clarification_asked_on, clarification_due_on, outcome, answered_on, "
    "answered_late, requester_key_hash, topic, created_at, updated_at, version FROM information_requests ";

InformationRequest request_from(const store::Row& row) {
  InformationRequest r;
  r.id = row.integer("id");
  r.folio = row.text("folio");
  r.jurisdiction_id = row.integer("jurisdiction_id");
  r.institution_id = row.integer("institution_id");
  r.regime_id = row.integer("regime_id");
  r.requester_id = row.optional_integer("requester_id");
  r.requester_name = row.text("requester_name");
  r.show_name = row.integer("show_name") != 0;
  r.contact = row.text("contact");
  r.description = row.text("description");
  r.location_hint = row.text("location_hint");
  r.delivery = parse_delivery(row.text("delivery")).value_or(Delivery::electronic);
  r.notify_by = parse_notify_by(row.text("notify_by")).value_or(NotifyBy::portal);
  r.channel = parse_channel(row.text("channel")).value_or(Channel::web);
  r.captured_by = row.optional_integer("captured_by");
  r.filed_at = row.text("filed_at");
  r.received_on = row.text("received_on");
  r.status = parse_status(row.text("status")).value_or(RequestStatus::received);
  r.term_start_on = row.text("term_start_on");
  r.extended_days = static_cast<int>(row.integer("extended_days"));
  r.response_due_on = row.text("response_due_on");
  r.clarification_asked_on = row.text("clarification_asked_on");
  r.clarification_due_on = row.text("clarification_due_on");
  r.outcome = parse_outcome(row.text("outcome"));
  r.answered_on = row.text("answered_on");
  r.answered_late = row.integer("answered_late") != 0;
  r.requester_key_hash = row.text("requester_key_hash");
  r.topic = row.text("topic");
  r.created_at = row.text("created_at");
  r.updated_at = row.text("updated_at");
  r.version = row.integer("version");
  return r;
}

std::string placeholders(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += i ? ", ?" : "?";
  return text;
}

}  // namespace

std::vector<Regime> RegimeRepository::all(store::Connection& c) {
  std::vector<Regime> regimes;
  for (const auto& row : c.query(std::string(kRegimeColumns) + "ORDER BY jurisdiction_code, effective_from, id")) {
    regimes.push_back(regime_from(row));
  }
  return regimes;
}

std::optional<Regime> RegimeRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kRegimeColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return regime_from(*row);
}

std::optional<Regime> RegimeRepository::by_code(store::Connection& c, const std::string& code) {
  auto row = c.query_one(std::string(kRegimeColumns) + "WHERE code = ?", {code});
  if (!row) return std::nullopt;
  return regime_from(*row);
}

std::optional<Regime> RegimeRepository::in_force(store::Connection& c, const std::string& jurisdiction_code,
                                                 const std::string& date) {
  // The jurisdiction's own regime sorts first ('' sorts before any code, so DESC).
  auto row = c.query_one(std::string(kRegimeColumns) +
                             "WHERE (jurisdiction_code = ? OR jurisdiction_code = '') AND effective_from <= ? "
                             "AND (effective_to = '' OR effective_to >= ?) "
                             "ORDER BY jurisdiction_code DESC, effective_from DESC, id DESC LIMIT 1",
                         {jurisdiction_code, date, date});
  if (!row) return std::nullopt;
  return regime_from(*row);
}

int64_t RegimeRepository::insert(store::Connection& c, const Regime& r) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO request_regimes (code, name, jurisdiction_code, effective_from, effective_to, guarantor, "
      "legal_basis, verified, utc_offset_minutes, terms, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.code, r.name, r.jurisdiction_code, r.effective_from, r.effective_to, r.guarantor, r.legal_basis, r.verified,
       r.utc_offset_minutes, r.terms_json().dump(), now, now});
}

bool RegimeRepository::update(store::Connection& c, const Regime& r) {
  c.execute(
      "UPDATE request_regimes SET name = ?, jurisdiction_code = ?, effective_from = ?, effective_to = ?, "
      "guarantor = ?, legal_basis = ?, verified = ?, utc_offset_minutes = ?, terms = ?, updated_at = ?, "
      "version = version + 1 WHERE id = ? AND version = ?",
      {r.name, r.jurisdiction_code, r.effective_from, r.effective_to, r.guarantor, r.legal_basis, r.verified,
       r.utc_offset_minutes, r.terms_json().dump(), now_timestamp(), r.id, r.version});
  return c.changes() == 1;
}

std::vector<ClosedDaysRow> ClosedDaysRepository::for_jurisdiction(store::Connection& c,
                                                                  const std::string& jurisdiction_code) {
  std::vector<ClosedDaysRow> rows;
  for (const auto& row : c.query(std::string(kClosedColumns) +
                                     "WHERE jurisdiction_code = ? OR jurisdiction_code = '' ORDER BY starts_on, id",
                                 {jurisdiction_code})) {
    rows.push_back(closed_from(row));
  }
  return rows;
}

std::vector<ClosedDaysRow> ClosedDaysRepository::all(store::Connection& c) {
  std::vector<ClosedDaysRow> rows;
  for (const auto& row : c.query(std::string(kClosedColumns) + "ORDER BY starts_on DESC, id DESC")) {
    rows.push_back(closed_from(row));
  }
  return rows;
}

int64_t ClosedDaysRepository::insert(store::Connection& c, const std::string& jurisdiction_code, const ClosedDays& days,
                                     const std::string& created_by_name) {
  return c.insert_returning_id(
      "INSERT INTO closed_days (jurisdiction_code, starts_on, ends_on, kind, basis, created_by_name, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {jurisdiction_code, days.from, days.to, days.kind == DayOff::suspension ? "suspension" : "non_working",
       days.basis, created_by_name, now_timestamp()});
}

int64_t RequestRepository::next_folio_number(store::Connection& c, const std::string& prefix) {
  c.execute("INSERT INTO request_folio_counters (prefix, last_number) VALUES (?, 0) ON CONFLICT (prefix) DO NOTHING",
            {prefix});
  auto row = c.query_one(
      "UPDATE request_folio_counters SET last_number = last_number + 1 WHERE prefix = ? RETURNING last_number",
      {prefix});
  return row->integer("last_number");
}

int64_t RequestRepository::insert(store::Connection& c, const InformationRequest& r) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO information_requests (folio, jurisdiction_id, institution_id, regime_id, requester_id, "
      "requester_name, show_name, contact, description, location_hint, delivery, notify_by, channel, captured_by, "
      "filed_at, received_on, status, term_start_on, response_due_on, requester_key_hash, topic, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {r.folio, r.jurisdiction_id, r.institution_id, r.regime_id, r.requester_id, r.requester_name, r.show_name,
       r.contact, r.description, r.location_hint, delivery_name(r.delivery), notify_by_name(r.notify_by),
       channel_name(r.channel), r.captured_by, r.filed_at, r.received_on, status_name(r.status), r.term_start_on,
       r.response_due_on, r.requester_key_hash, r.topic, now, now});
}

std::optional<InformationRequest> RequestRepository::by_folio(store::Connection& c, const std::string& folio) {
  auto row = c.query_one(std::string(kRequestColumns) + "WHERE folio = ?", {folio});
  if (!row) return std::nullopt;
  return request_from(*row);
}

std::vector<std::pair<std::string, std::string>> RequestRepository::topics(store::Connection& c) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& row : c.query("SELECT slug, name FROM request_topics ORDER BY position")) {
    out.emplace_back(row.text("slug"), row.text("name"));
  }
  return out;
}

bool RequestRepository::set_topic(store::Connection& c, const InformationRequest& r, const std::string& topic) {
  c.execute("UPDATE information_requests SET topic = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
            {topic, now_timestamp(), r.id, r.version});
  return c.changes() == 1;
}

std::optional<InformationRequest> RequestRepository::by_id(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kRequestColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return request_from(*row);
}

Paged<InformationRequest> RequestRepository::list(store::Connection& c, const RequestFilter& filter,
                                                  const Slice& slice) {
  std::string where = "WHERE 1 = 1";
  store::Params params;
  if (filter.jurisdiction_id) {
    where += " AND jurisdiction_id = ?";
    params.push_back(*filter.jurisdiction_id);
  }
  if (filter.institution_id) {
    where += " AND institution_id = ?";
    params.push_back(*filter.institution_id);
  }
  if (filter.status) {
    where += " AND status = ?";
    params.push_back(std::string(status_name(*filter.status)));
  }
  if (filter.outcome) {
    where += " AND outcome = ?";
    params.push_back(std::string(outcome_name(*filter.outcome)));
  }
  if (!filter.topic.empty()) {
    where += " AND topic = ?";
    params.push_back(filter.topic);
  }
  if (!filter.received_from.empty()) {
    where += " AND received_on >= ?";
    params.push_back(filter.received_from);
  }
  if (!filter.received_to.empty()) {
    where += " AND received_on <= ?";
    params.push_back(filter.received_to);
  }
  Paged<InformationRequest> page;
  if (filter.ids) {
    // A text search: its hits, in their order of relevance, then the filters.
    if (filter.ids->empty()) return page;
    where += " AND id IN (" + placeholders(filter.ids->size()) + ")";
    for (int64_t id : *filter.ids) params.push_back(id);
    std::vector<InformationRequest> found;
    for (const auto& row : c.query(std::string(kRequestColumns) + where, params)) found.push_back(request_from(row));
    std::map<int64_t, size_t> rank;
    for (size_t i = 0; i < filter.ids->size(); ++i) rank[(*filter.ids)[i]] = i;
    std::sort(found.begin(), found.end(), [&](const auto& a, const auto& b) { return rank[a.id] < rank[b.id]; });
    page.total = static_cast<int64_t>(found.size());
    for (int64_t i = slice.offset; i < page.total && i < slice.offset + slice.limit; ++i) {
      page.items.push_back(found[static_cast<size_t>(i)]);
    }
    return page;
  }
  store::Params listed = params;
  listed.push_back(slice.limit);
  listed.push_back(slice.offset);
  for (const auto& row :
       c.query(std::string(kRequestColumns) + where + " ORDER BY received_on DESC, id DESC LIMIT ? OFFSET ?", listed)) {
    page.items.push_back(request_from(row));
  }
  page.total = needs_count(page.items.size(), slice)
                   ? c.query_one("SELECT COUNT(*) AS n FROM information_requests " + where, params)->integer("n")
                   : slice.offset + static_cast<int64_t>(page.items.size());
  return page;
}

std::vector<InformationRequest> RequestRepository::open_in(store::Connection& c, const std::string& jurisdiction_code) {
  std::vector<InformationRequest> found;
  for (const auto& row : c.query(std::string(kRequestColumns) +
                                     "WHERE status IN ('received', 'clarification_requested', 'extended') "
                                     "AND (? = '' OR jurisdiction_id IN (SELECT id FROM jurisdictions WHERE code = ?)) "
                                     "ORDER BY id",
                                 {jurisdiction_code, jurisdiction_code})) {
    found.push_back(request_from(row));
  }
  return found;
}

bool RequestRepository::set_due_date(store::Connection& c, const InformationRequest& r, const std::string& due_on) {
  c.execute(
      "UPDATE information_requests SET response_due_on = ?, updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {due_on, now_timestamp(), r.id, r.version});
  return c.changes() == 1;
}

bool RequestRepository::set_clarification_due(store::Connection& c, const InformationRequest& r,
                                              const std::string& due_on) {
  c.execute(
      "UPDATE information_requests SET clarification_due_on = ?, updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ? AND status = 'clarification_requested'",
      {due_on, now_timestamp(), r.id, r.version});
  return c.changes() == 1;
}

bool RequestRepository::update_state(store::Connection& c, const InformationRequest& r) {
  c.execute(
      "UPDATE information_requests SET status = ?, term_start_on = ?, extended_days = ?, response_due_on = ?, "
      "clarification_asked_on = ?, clarification_due_on = ?, outcome = ?, answered_on = ?, answered_late = ?, updated_at = ?, "
      "version = version + 1 WHERE id = ? AND version = ?",
      {status_name(r.status), r.term_start_on, r.extended_days, r.response_due_on, r.clarification_asked_on,
       r.clarification_due_on, r.outcome ? std::string(outcome_name(*r.outcome)) : std::string(), r.answered_on,
       r.answered_late ? 1 : 0, now_timestamp(), r.id, r.version});
  return c.changes() == 1;
}

std::vector<InformationRequest> RequestRepository::queue(store::Connection& c, std::optional<int64_t> institution_id,
                                                         std::optional<int64_t> jurisdiction_id) {
  std::vector<InformationRequest> found;
  for (const auto& row : c.query(std::string(kRequestColumns) +
                                     "WHERE status IN ('received', 'clarification_requested', 'extended') "
                                     "AND (? = 0 OR institution_id = ?) AND (? = 0 OR jurisdiction_id = ?) "
                                     "ORDER BY response_due_on, id LIMIT 1000",
                                 {institution_id.value_or(0), institution_id.value_or(0), jurisdiction_id.value_or(0),
                                  jurisdiction_id.value_or(0)})) {
    found.push_back(request_from(row));
  }
  return found;
}

namespace {

constexpr std::array<std::string_view, 5> kOutcomeNames{"delivered", "partial", "classified", "inexistent", "already_public"};

}  // namespace

// Only the filters given, so that each database picks the index for them.
std::string stats_where(const StatsFilter& f, std::vector<store::Value>& params) {
  std::string where = "WHERE received_on >= ? AND received_on < ?";
  params.push_back(f.from);
  params.push_back(f.until);
  if (f.jurisdiction_id) {
    where += " AND jurisdiction_id = ?";
    params.push_back(*f.jurisdiction_id);
  }
  if (f.institution_id) {
    where += " AND institution_id = ?";
    params.push_back(*f.institution_id);
  }
  return where;
}

std::vector<RequestCountsRow> RequestRepository::counts(store::Connection& c, const StatsFilter& f) {
  std::vector<store::Value> params{f.today};
  std::string sql =
      "SELECT institution_id, COUNT(*) AS received, "
      "SUM(CASE WHEN status = 'answered' THEN 1 ELSE 0 END) AS answered, "
      "SUM(CASE WHEN status = 'not_competent' THEN 1 ELSE 0 END) AS not_competent, "
      "SUM(CASE WHEN status IN ('answered', 'not_competent') AND answered_late = 0 THEN 1 ELSE 0 END) AS on_time, "
      "SUM(CASE WHEN status IN ('answered', 'not_competent') AND answered_late = 1 THEN 1 ELSE 0 END) AS late, "
      "SUM(CASE WHEN status IN ('received', 'clarification_requested', 'extended') THEN 1 ELSE 0 END) AS open, "
      "SUM(CASE WHEN status IN ('received', 'extended') AND response_due_on < ? THEN 1 ELSE 0 END) AS overdue, "
      "SUM(CASE WHEN extended_days > 0 THEN 1 ELSE 0 END) AS extended, "
      "SUM(CASE WHEN clarification_asked_on <> '' THEN 1 ELSE 0 END) AS clarified, "
      "SUM(CASE WHEN status = 'not_filed' THEN 1 ELSE 0 END) AS not_filed";
  for (auto name : kOutcomeNames) {
    sql += ", SUM(CASE WHEN outcome = '" + std::string(name) + "' THEN 1 ELSE 0 END) AS outcome_" + std::string(name);
  }
  sql += " FROM information_requests " + stats_where(f, params) + " GROUP BY institution_id";
  std::vector<RequestCountsRow> rows;
  for (const auto& row : c.query(sql, params)) {
    RequestCountsRow r;
    r.institution_id = row.integer("institution_id");
    r.received = row.integer("received");
    r.answered = row.integer("answered");
    r.not_competent = row.integer("not_competent");
    r.on_time = row.integer("on_time");
    r.late = row.integer("late");
    r.open = row.integer("open");
    r.overdue = row.integer("overdue");
    r.extended = row.integer("extended");
    r.clarified = row.integer("clarified");
    r.not_filed = row.integer("not_filed");
    for (auto name : kOutcomeNames) r.outcomes[std::string(name)] = row.integer("outcome_" + std::string(name));
    rows.push_back(std::move(r));
  }
  return rows;
}

std::vector<ResponseSpanRow> RequestRepository::response_spans(store::Connection& c, const StatsFilter& f) {
  std::vector<store::Value> params;
  std::string sql = "SELECT institution_id, received_on, answered_on, COUNT(*) AS n FROM information_requests " +
                    stats_where(f, params) +
                    " AND status IN ('answered', 'not_competent') GROUP BY institution_id, received_on, answered_on";
  std::vector<ResponseSpanRow> rows;
  for (const auto& row : c.query(sql, params)) {
    rows.push_back({row.integer("institution_id"), row.text("received_on"), row.text("answered_on"), row.integer("n")});
  }
  return rows;
}

std::vector<int> RequestRepository::years(store::Connection& c, std::optional<int64_t> jurisdiction_id) {
  std::vector<store::Value> params;
  std::string sql = "SELECT DISTINCT substr(received_on, 1, 4) AS year FROM information_requests";
  if (jurisdiction_id) {
    sql += " WHERE jurisdiction_id = ?";
    params.push_back(*jurisdiction_id);
  }
  std::vector<int> years;
  for (const auto& row : c.query(sql + " ORDER BY year DESC", params)) years.push_back(std::stoi(row.text("year")));
  return years;
}

std::vector<InformationRequest> RequestRepository::open_due_by(store::Connection& c, const std::string& date) {
  std::vector<InformationRequest> found;
  for (const auto& row : c.query(std::string(kRequestColumns) +
                                     "WHERE (status IN ('received', 'extended') AND response_due_on <= ?) "
                                     "OR (status = 'clarification_requested' AND clarification_due_on <= ?) "
                                     "ORDER BY institution_id, response_due_on, id",
                                 {date, date})) {
    found.push_back(request_from(row));
  }
  return found;
}

bool RequestRepository::mark_reminded(store::Connection& c, int64_t institution_id, const std::string& day) {
  c.execute("INSERT INTO request_reminders (institution_id, sent_on) VALUES (?, ?) ON CONFLICT DO NOTHING",
            {institution_id, day});
  return c.changes() == 1;
}

namespace {
constexpr const char* kFileColumns =
    "SELECT id, request_id, event_kind, file_name, content_type, size, sha256, storage, created_at FROM request_files ";

RequestFile file_from(const store::Row& row) {
  return {row.integer("id"),         row.integer("request_id"), row.text("event_kind"), row.text("file_name"),
          row.text("content_type"), row.integer("size"),       row.text("sha256"),     row.text("storage"),
          row.text("created_at")};
}
}  // namespace

int64_t RequestRepository::insert_file(store::Connection& c, const RequestFile& f) {
  return c.insert_returning_id(
      "INSERT INTO request_files (request_id, event_kind, file_name, content_type, size, sha256, storage, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {f.request_id, f.event_kind, f.file_name, f.content_type, f.size, f.sha256, f.storage, f.created_at});
}

std::vector<RequestFile> RequestRepository::files(store::Connection& c, int64_t request_id) {
  std::vector<RequestFile> found;
  for (const auto& row : c.query(std::string(kFileColumns) + "WHERE request_id = ? ORDER BY id", {request_id})) {
    found.push_back(file_from(row));
  }
  return found;
}

std::optional<RequestFile> RequestRepository::file(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kFileColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return file_from(*row);
}

void RequestRepository::replace_file(store::Connection& c, const RequestFile& original, const RequestFile& redacted,
                                     const std::string& reason, std::optional<int64_t> by, const std::string& by_name,
                                     const std::string& at) {
  c.execute(
      "INSERT INTO request_file_redactions (request_id, file_id, original_name, original_sha256, original_size, "
      "redacted_sha256, reason, created_by, created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {original.request_id, original.id, original.file_name, original.sha256, original.size, redacted.sha256, reason, by,
       by_name, at});
  c.execute("UPDATE request_files SET file_name = ?, content_type = ?, size = ?, sha256 = ?, storage = ? WHERE id = ?",
            {redacted.file_name, redacted.content_type, redacted.size, redacted.sha256, redacted.storage, original.id});
}

void RequestRepository::add_event(store::Connection& c, const RequestEvent& e) {
  c.execute("INSERT INTO request_events (request_id, kind, at, actor_name, note, due_on) VALUES (?, ?, ?, ?, ?, ?)",
            {e.request_id, e.kind, e.at.empty() ? now_timestamp() : e.at, e.actor_name, e.note, e.due_on});
}

std::vector<RequestEvent> RequestRepository::events(store::Connection& c, int64_t request_id) {
  std::vector<RequestEvent> events;
  for (const auto& row :
       c.query("SELECT id, request_id, kind, at, actor_name, note, due_on FROM request_events WHERE request_id = ? "
               "ORDER BY id",
               {request_id})) {
    events.push_back({row.integer("id"), row.integer("request_id"), row.text("kind"), row.text("at"),
                      row.text("actor_name"), row.text("note"), row.text("due_on")});
  }
  return events;
}

void RequestRepository::set_texts(store::Connection& c, int64_t request_id, const std::string& description,
                                  const std::string& location_hint) {
  c.execute("UPDATE information_requests SET description = ?, location_hint = ?, updated_at = ? WHERE id = ?",
            {description, location_hint, now_timestamp(), request_id});
}

void RequestRepository::set_event_note(store::Connection& c, int64_t event_id, const std::string& note) {
  c.execute("UPDATE request_events SET note = ? WHERE id = ?", {note, event_id});
}

void RequestRepository::insert_redaction(store::Connection& c, const Redaction& r) {
  c.execute(
      "INSERT INTO request_redactions (request_id, target, event_id, original, redacted, reason, created_by, "
      "created_by_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.request_id, r.target, r.event_id, r.original, r.redacted, r.reason, r.created_by, r.created_by_name, r.created_at});
}

std::vector<Redaction> RequestRepository::redactions(store::Connection& c, int64_t request_id) {
  std::vector<Redaction> found;
  for (const auto& row : c.query("SELECT request_id, target, event_id, original, redacted, reason, created_by, "
                                 "created_by_name, created_at FROM request_redactions WHERE request_id = ? ORDER BY id",
                                 {request_id})) {
    found.push_back({row.integer("request_id"), row.text("target"), row.optional_integer("event_id"), row.text("original"),
                     row.text("redacted"), row.text("reason"), row.optional_integer("created_by"),
                     row.text("created_by_name"), row.text("created_at")});
  }
  return found;
}

}  // namespace apertura::requests
