#include "store/migrations.h"

#include <spdlog/spdlog.h>

#include <map>
#include <regex>
#include <set>
#include <stdexcept>

#include "core/clock.h"
#include "core/embedded_files.h"

namespace apertura::store {

namespace {

std::string for_dialect(const std::string& sql, Dialect dialect) {
  static const std::regex id_token(R"(\{\{id\}\})");
  return std::regex_replace(sql, id_token,
                            dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                                       : "BIGSERIAL PRIMARY KEY");
}

// "0006_contracting_processes.sqlite.sql" -> 6, "contracting_processes", "sqlite".
struct FileName {
  int version = 0;
  std::string slug;
  std::string dialect;  // "", "sqlite" or "postgresql"
};

FileName parse_file_name(const std::string& path) {
  static const std::regex pattern(R"(^(?:.*/)?([0-9]{4})_([a-z0-9_]+?)(?:\.(sqlite|postgresql))?\.sql$)");
  std::smatch match;
  if (!std::regex_match(path, match, pattern)) {
    throw std::logic_error("migration file " + path +
                           " is not named NNNN_name.sql, NNNN_name.sqlite.sql or NNNN_name.postgresql.sql");
  }
  return {std::stoi(match[1].str()), match[2].str(), match[3].str()};
}

// The text after "-- name: " on the file's first line.
std::string name_line(const MigrationFile& file) {
  static const std::string prefix = "-- name: ";
  std::string_view first = file.sql.substr(0, file.sql.find('\n'));
  if (first.substr(0, prefix.size()) != prefix || first.size() == prefix.size()) {
    throw std::logic_error("migration file " + file.path + " does not start with a line \"-- name: ...\"");
  }
  return std::string(first.substr(prefix.size()));
}

void ensure_migrations_table(Connection& connection) {
  connection.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
}

}  // namespace

std::vector<Migration> migrations_from_files(const std::vector<MigrationFile>& files) {
  std::map<int, Migration> by_version;
  std::map<int, std::string> slugs;
  for (const MigrationFile& file : files) {
    FileName name = parse_file_name(file.path);
    auto [slug, new_version] = slugs.emplace(name.version, name.slug);
    if (!new_version && slug->second != name.slug) {
      throw std::logic_error("migrations " + slug->second + " and " + name.slug + " share version " +
                             std::to_string(name.version));
    }
    Migration& migration = by_version[name.version];
    migration.version = name.version;
    std::string& sql = name.dialect.empty()          ? migration.shared_sql
                       : name.dialect == "sqlite"    ? migration.sqlite_sql
                                                     : migration.postgresql_sql;
    if (!sql.empty()) throw std::logic_error("migration file " + file.path + " appears twice");
    sql = std::string(file.sql);
    // The shared file names the migration; a migration for one database names it in its own file.
    if (name.dialect.empty() || migration.name.empty()) migration.name = name_line(file);
  }
  std::vector<Migration> ordered;
  for (auto& [version, migration] : by_version) {
    if (version != static_cast<int>(ordered.size()) + 1) {
      throw std::logic_error("migration " + std::to_string(ordered.size() + 1) + " is missing: versions go from 1 with no gap");
    }
    ordered.push_back(std::move(migration));
  }
  return ordered;
}

const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> migrations = [] {
    std::vector<MigrationFile> files;
    for (const EmbeddedFile& file : embedded_files()) {
      if (file.path.rfind("migrations/", 0) == 0) files.push_back({std::string(file.path), file.data});
    }
    return migrations_from_files(files);
  }();
  return migrations;
}

int current_schema_version(Connection& connection) {
  ensure_migrations_table(connection);
  auto row = connection.query_one("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations");
  return row ? static_cast<int>(row->integer("version")) : 0;
}

int apply_migrations(Database& database) {
  auto connection = database.connect();
  Transaction transaction(*connection);
  if (database.dialect() == Dialect::postgresql) {
    // Serialises concurrent start-ups of several app servers.
    connection->query("SELECT pg_advisory_xact_lock(7274361)");
  }
  ensure_migrations_table(*connection);
  std::set<int64_t> recorded;
  for (const Row& row : connection->query("SELECT version FROM schema_migrations")) recorded.insert(row.integer("version"));
  int applied = 0;
  for (const Migration& migration : all_migrations()) {
    if (recorded.count(migration.version)) continue;
    const std::string& extra =
        database.dialect() == Dialect::sqlite ? migration.sqlite_sql : migration.postgresql_sql;
    std::string sql = migration.shared_sql.empty() || extra.empty() ? migration.shared_sql + extra
                                                                    : migration.shared_sql + "\n" + extra;
    // A migration may concern one database only.
    if (!sql.empty()) connection->execute_script(for_dialect(sql, database.dialect()));
    connection->execute(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
        {migration.version, migration.name, now_timestamp()});
    spdlog::info("applied migration {} ({})", migration.version, migration.name);
    ++applied;
  }
  transaction.commit();
  return applied;
}

}  // namespace apertura::store
