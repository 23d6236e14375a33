#pragma once
// Every SQL statement of the secretariat's sessions, their agreements and
// documents. No rules: SessionService decides, this reads and writes.
#include <optional>
#include <string>
#include <vector>

#include "plans/session.h"
#include "store/connection.h"

namespace apertura::plans {

struct SessionRepository {
  // Inserts the session (its attendance one name a line) and returns its id.
  static int64_t insert(store::Connection& c, const SecretariatSession& session);
  // Newest first.
  static std::vector<SecretariatSession> for_jurisdiction(store::Connection& c, int64_t jurisdiction_id);
  // The session with its agreements (by due date) and documents.
  static std::optional<SecretariatSession> find(store::Connection& c, int64_t id);

  static int64_t insert_agreement(store::Connection& c, const SessionAgreement& agreement);
  struct PlacedAgreement {
    SessionAgreement agreement;
    int64_t jurisdiction_id = 0;
  };
  // An agreement with the jurisdiction of its session.
  static std::optional<PlacedAgreement> find_agreement(store::Connection& c, int64_t agreement_id);
  static void mark_agreement_done(store::Connection& c, int64_t agreement_id);

  static int64_t insert_document(store::Connection& c, const SessionDocument& document);
  static std::optional<SessionDocument> find_document(store::Connection& c, int64_t id);
};

}  // namespace apertura::plans
