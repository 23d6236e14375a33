#pragma once
// Evidence on milestones. Rules:
// - admins, and officials of the commitment's institution, attach evidence
//   once the plan is published: a link (http or https) or a file of at most
//   10 MB whose content is a PDF, PNG, JPEG or UTF-8 CSV (checked from the
//   bytes, not from what the browser says);
// - civil-society members of the jurisdiction's secretariat (their account
//   linked to their membership) mark evidence validated or contested;
//   contesting needs a comment;
// - everything is public and audited; files are kept in the configured store.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "plans/evidence.h"
#include "plans/plan_service.h"
#include "plans/secretariat_service.h"
#include "store/database.h"
#include "store/file_store.h"

namespace apertura::plans {


class EvidenceService {
 public:
  // The title of a contracting process by its ocid, or nullopt when there is
  // none (the money domain answers; evidence only keeps the reference).
  using ContractLookup = std::function<std::optional<std::string>(const std::string& ocid)>;

  EvidenceService(store::Database& database, store::FileStore& files, PlanService& plans,
                  SecretariatService& secretariats, ContractLookup contract_title = {})
      : database_(database),
        files_(files),
        plans_(plans),
        secretariats_(secretariats),
        contract_title_(std::move(contract_title)) {}

  Result<Evidence> add_link(const Actor& actor, int64_t milestone_id, const std::string& title, const std::string& url);
  // A contracting process as evidence (a typed reference by ocid); the title
  // defaults to the process's own.
  Result<Evidence> add_contract(const Actor& actor, int64_t milestone_id, const std::string& title,
                                const std::string& ocid);
  Result<Evidence> add_file(const Actor& actor, int64_t milestone_id, const std::string& title,
                            const std::string& file_name, const std::string& data);
  Result<Evidence> validate(const Actor& actor, int64_t evidence_id, const std::string& verdict,
                            const std::string& comment);
  // Whether the actor may validate evidence of plans of this jurisdiction (for pages).
  bool may_validate(const Actor& actor, int64_t jurisdiction_id);
  std::vector<Evidence> for_milestones(const std::vector<int64_t>& milestone_ids);
  Result<Evidence> find(int64_t evidence_id);
  // The file's bytes; not_found for links or a missing file.
  Result<std::string> content(const Evidence& evidence);

 private:
  Result<Evidence> insert(const Actor& actor, Evidence evidence, int64_t jurisdiction_id, const std::string* data);

  store::Database& database_;
  store::FileStore& files_;
  PlanService& plans_;
  SecretariatService& secretariats_;
  ContractLookup contract_title_;
};

}  // namespace apertura::plans
