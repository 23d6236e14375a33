#pragma once
// SQL for jurisdictions and institutions, and their entries in the search index.
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "jurisdictions/jurisdiction.h"
#include "store/connection.h"

namespace apertura::jurisdictions {

class JurisdictionRepository {
 public:
  static Paged<Jurisdiction> list(store::Connection& c, std::optional<Level> level, const Slice& slice);
  static std::vector<Jurisdiction> find_by_ids(store::Connection& c, const std::vector<int64_t>& ids);
  static std::optional<Jurisdiction> find_by_slug(store::Connection& c, const std::string& slug);
  static std::optional<Jurisdiction> find_by_code(store::Connection& c, const std::string& code);
  static std::optional<Jurisdiction> find_by_id(store::Connection& c, int64_t id);
  static int64_t insert(store::Connection& c, const Jurisdiction& jurisdiction);
};

class InstitutionRepository {
 public:
  static Paged<Institution> list_for(store::Connection& c, int64_t jurisdiction_id, const Slice& slice);
  static std::optional<Institution> find_by_id(store::Connection& c, int64_t id);
  static std::optional<Institution> find(store::Connection& c, int64_t jurisdiction_id,
                                         const std::string& slug);
  static int64_t insert(store::Connection& c, const Institution& institution);
};

}  // namespace apertura::jurisdictions
