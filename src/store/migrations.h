#pragma once
// One ordered set of schema migrations for both databases. Each is applied
// once, inside a transaction, and recorded in schema_migrations. SQL is shared;
// `{{id}}` becomes the dialect's auto-increment primary key, and a migration
// may carry extra statements for one dialect only (full-text search).
#include <string>
#include <vector>

#include "store/database.h"

namespace apertura::store {

struct Migration {
  int version;
  std::string name;
  std::string shared_sql;
  std::string sqlite_sql;
  std::string postgresql_sql;
};

const std::vector<Migration>& all_migrations();

// Applies every migration not yet recorded; returns how many it applied.
// Safe to run from several processes at once (PostgreSQL takes an advisory
// lock; SQLite's write lock serialises them).
int apply_migrations(Database& database);

// The highest applied version, 0 for an empty database.
int current_schema_version(Connection& connection);

}  // namespace apertura::store
