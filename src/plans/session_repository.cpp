#include "plans/session_repository.h"

#include "core/clock.h"
#include "core/text.h"

namespace apertura::plans {

namespace {

constexpr const char* kSessionColumns =
    "SELECT id, jurisdiction_id, held_on, place, agenda, minutes, attendance FROM secretariat_sessions ";

SecretariatSession session_from(const store::Row& row) {
  SecretariatSession s;
  s.id = row.integer("id");
  s.jurisdiction_id = row.integer("jurisdiction_id");
  s.held_on = row.text("held_on");
  s.place = row.text("place");
  s.agenda = row.text("agenda");
  s.minutes = row.text("minutes");
  for (const std::string& name : split(row.text("attendance"), '\n')) {
    if (!trim(name).empty()) s.attendance.push_back(trim(name));
  }
  return s;
}

constexpr const char* kDocumentColumns =
    "SELECT id, session_id, title, file_name, content_type, size, sha256, storage, added_by_name, created_at "
    "FROM session_documents ";

SessionDocument document_from(const store::Row& row) {
  return {row.integer("id"),        row.integer("session_id"), row.text("title"),
          row.text("file_name"),    row.text("content_type"),  row.integer("size"),
          row.text("sha256"),       row.text("storage"),       row.text("added_by_name"),
          row.text("created_at")};
}

SessionAgreement agreement_from(const store::Row& row) {
  return {row.integer("id"), row.integer("session_id"), row.text("description"), row.text("owner"),
          row.text("due_on"), row.text("status")};
}

}  // namespace

int64_t SessionRepository::insert(store::Connection& c, const SecretariatSession& session) {
  std::string attendance;
  for (const std::string& name : session.attendance) attendance += name + "\n";
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO secretariat_sessions (jurisdiction_id, held_on, place, agenda, minutes, attendance, created_at, "
      "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {session.jurisdiction_id, session.held_on, session.place, session.agenda, session.minutes, attendance, now, now});
}

std::vector<SecretariatSession> SessionRepository::for_jurisdiction(store::Connection& c, int64_t jurisdiction_id) {
  std::vector<SecretariatSession> out;
  for (const auto& row : c.query(std::string(kSessionColumns) + "WHERE jurisdiction_id = ? ORDER BY held_on DESC, id DESC",
                                 {jurisdiction_id})) {
    out.push_back(session_from(row));
  }
  return out;
}

std::optional<SecretariatSession> SessionRepository::find(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kSessionColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  SecretariatSession session = session_from(*row);
  for (const auto& agreement : c.query(
           "SELECT id, session_id, description, owner, due_on, status FROM session_agreements WHERE session_id = ? "
           "ORDER BY due_on, id",
           {id})) {
    session.agreements.push_back(agreement_from(agreement));
  }
  for (const auto& document : c.query(std::string(kDocumentColumns) + "WHERE session_id = ? ORDER BY id", {id})) {
    session.documents.push_back(document_from(document));
  }
  return session;
}

int64_t SessionRepository::insert_agreement(store::Connection& c, const SessionAgreement& agreement) {
  std::string now = now_timestamp();
  return c.insert_returning_id(
      "INSERT INTO session_agreements (session_id, description, owner, due_on, status, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {agreement.session_id, agreement.description, agreement.owner, agreement.due_on, agreement.status, now, now});
}

std::optional<SessionRepository::PlacedAgreement> SessionRepository::find_agreement(store::Connection& c,
                                                                                    int64_t agreement_id) {
  auto row = c.query_one(
      "SELECT a.id, a.session_id, a.description, a.owner, a.due_on, a.status, s.jurisdiction_id FROM session_agreements a "
      "JOIN secretariat_sessions s ON s.id = a.session_id WHERE a.id = ?",
      {agreement_id});
  if (!row) return std::nullopt;
  return PlacedAgreement{agreement_from(*row), row->integer("jurisdiction_id")};
}

void SessionRepository::mark_agreement_done(store::Connection& c, int64_t agreement_id) {
  c.execute("UPDATE session_agreements SET status = 'done', updated_at = ? WHERE id = ?", {now_timestamp(), agreement_id});
}

int64_t SessionRepository::insert_document(store::Connection& c, const SessionDocument& document) {
  return c.insert_returning_id(
      "INSERT INTO session_documents (session_id, title, file_name, content_type, size, sha256, storage, added_by_name, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {document.session_id, document.title, document.file_name, document.content_type, document.size, document.sha256,
       document.storage, document.added_by_name, document.created_at});
}

std::optional<SessionDocument> SessionRepository::find_document(store::Connection& c, int64_t id) {
  auto row = c.query_one(std::string(kDocumentColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return document_from(*row);
}

}  // namespace apertura::plans
