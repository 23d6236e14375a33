#pragma once
// Jurisdictions and their institutions. Rules:
// - a code is the INEGI key: 2 digits for the federation ("00") and states
//   ("01".."32"), 5 digits for a municipality (state code + 3 digits);
// - a state's parent is the federation; a municipality's parent is the state
//   whose code starts its own; the federation has no parent;
// - names are required (at most 200 characters); slugs are derived from names
//   and unique;
// - only admins (the guarantor body) and the command line create them;
// - everything created is public and goes to the audit log and the search index.
#include <optional>
#include <string>

#include "core/actor.h"
#include "core/paging.h"
#include "jurisdictions/permissions.h"
#include "core/result.h"
#include "jurisdictions/jurisdiction.h"
#include "store/database.h"

namespace apertura::jurisdictions {


struct NewJurisdiction {
  std::string code;
  std::string name;
  std::string level;  // "federal", "state", "municipality"
};

struct NewInstitution {
  std::string name;
  std::string acronym;
  std::string website;
};

struct JurisdictionQuery {
  std::string text;  // full-text; empty lists all
  std::optional<Level> level;
};

class JurisdictionService {
 public:
  explicit JurisdictionService(store::Database& database);

  Paged<Jurisdiction> list(const JurisdictionQuery& query, const Slice& slice);
  // By slug ("jalisco") or INEGI code ("14").
  Result<Jurisdiction> find(const std::string& slug_or_code);
  // What the pages offer, by the rules the service applies.
  bool may_create_jurisdiction(const Actor& actor) const;
  bool may_add_institution(const Actor& actor, int64_t jurisdiction_id) const;
  std::optional<Jurisdiction> by_id(int64_t id);
  std::optional<Jurisdiction> parent_of(const Jurisdiction& jurisdiction);
  Result<Jurisdiction> create(const Actor& actor, const NewJurisdiction& input);

  Paged<Institution> institutions(int64_t jurisdiction_id, const Slice& slice);
  Result<Institution> add_institution(const Actor& actor, const std::string& jurisdiction,
                                      const NewInstitution& input);
  bool institution_exists(int64_t institution_id);
  std::optional<Institution> institution(int64_t institution_id);
  // The institution with this slug in that jurisdiction, if any.
  std::optional<Institution> institution_by_slug(int64_t jurisdiction_id, const std::string& slug);

 private:
  store::Database& database_;
};

}  // namespace apertura::jurisdictions
