#pragma once
// One ordered set of schema migrations for both databases, read from the
// files of migrations/ (embedded in the binary). Each is applied once, inside
// a transaction, and recorded in schema_migrations. "NNNN_name.sql" is shared
// by both databases; "NNNN_name.sqlite.sql" and "NNNN_name.postgresql.sql"
// add statements for one of them (after the shared ones), and a migration
// may have only those. Each file's first line is "-- name: <what it does>",
// the name recorded. `{{id}}` becomes the dialect's auto-increment primary key.
#include <string>
#include <string_view>
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

struct MigrationFile {
  std::string path;  // "migrations/0001_foundation.sql"
  std::string_view sql;
};

// The migrations those files make, in version order. Throws std::logic_error
// naming the file or version when a file is misnamed or lacks its name line,
// when two names share a version, or when versions do not run 1, 2, 3... with
// no gap.
std::vector<Migration> migrations_from_files(const std::vector<MigrationFile>& files);

// The binary's migrations.
const std::vector<Migration>& all_migrations();

// Applies every migration not yet recorded; returns how many it applied.
// Safe to run from several processes at once (PostgreSQL takes an advisory
// lock; SQLite's write lock serialises them).
int apply_migrations(Database& database);

// The highest applied version, 0 for an empty database.
int current_schema_version(Connection& connection);

}  // namespace apertura::store
