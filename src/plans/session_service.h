#pragma once
// Sessions of the secretariat. Rules: a session has a date (AAAA-MM-DD), a
// place or link, and an agenda; minutes (Markdown) and attendance (one name
// per line) may follow; an agreement has a description, an owner and a due
// date, and is pending or done; documents are PDF, PNG, JPEG or CSV files of
// at most 10 MB, checked by their content. Only admins of the jurisdiction
// record them; all are public and audited.
#include <string>
#include <vector>

#include "core/result.h"
#include "jurisdictions/jurisdiction_service.h"
#include "plans/session.h"
#include "store/database.h"
#include "store/file_store.h"

namespace apertura::plans {

struct SessionInput {
  std::string held_on;
  std::string place;
  std::string agenda;
  std::string minutes;
  std::string attendance;  // one name per line
};

struct AgreementInput {
  std::string description;
  std::string owner;
  std::string due_on;
};

class SessionService {
 public:
  SessionService(store::Database& database, jurisdictions::JurisdictionService& jurisdictions,
                 store::FileStore& files)
      : database_(database), jurisdictions_(jurisdictions), files_(files) {}

  Result<SecretariatSession> record(const Actor& actor, const std::string& jurisdiction, const SessionInput& input);
  // Whether the actor may record sessions, agreements and documents there.
  bool may_manage(const Actor& actor, int64_t jurisdiction_id) const;
  // Newest first, without agreements.
  Result<std::vector<SecretariatSession>> sessions_of(const std::string& jurisdiction);
  Result<SecretariatSession> session(int64_t id);
  Result<SessionAgreement> add_agreement(const Actor& actor, int64_t session_id, const AgreementInput& input);
  Result<SessionAgreement> complete_agreement(const Actor& actor, int64_t agreement_id);
  Result<SessionDocument> add_document(const Actor& actor, int64_t session_id, const std::string& title,
                                       const std::string& file_name, const std::string& data);
  Result<SessionDocument> document(int64_t id);
  Result<std::string> document_content(const SessionDocument& document);

 private:
  store::Database& database_;
  jurisdictions::JurisdictionService& jurisdictions_;
  store::FileStore& files_;
};

}  // namespace apertura::plans
