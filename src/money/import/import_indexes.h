#pragma once
// The secondary indexes of the contracting tables that lists and red flags
// read but an import never does. An import into a store with no contracting
// processes yet drops them and builds each once at its end, from sorted rows:
// keeping them up to date row by row was most of a large first import's time.
// An import that is killed leaves them missing; start-up builds them again.
#include <vector>

#include "store/connection.h"
#include "store/database.h"

namespace apertura::money {

class ImportIndexes {
 public:
  // Drops the indexes when the store has no contracting process; true if it did.
  static bool drop_if_store_empty(store::Connection& connection);
  // Creates whichever of the indexes are missing (cheap when none is), and
  // says how many it built.
  static int build_missing(store::Connection& connection);
  // Whether the store has an index of that name.
  static bool exists(store::Connection& connection, const char* name);
  // The names of the indexes (for tests and checks).
  static std::vector<const char*> names();
};

// Drops the indexes for one import when the store is empty, and builds them
// when the import ends, whether it ends well or not.
class DeferredImportIndexes {
 public:
  explicit DeferredImportIndexes(store::Database& database);
  ~DeferredImportIndexes();
  DeferredImportIndexes(const DeferredImportIndexes&) = delete;
  DeferredImportIndexes& operator=(const DeferredImportIndexes&) = delete;
  // Builds them now, so that an error reaches the caller.
  void finish();

 private:
  store::Database& database_;
  bool dropped_ = false;
};

}  // namespace apertura::money
