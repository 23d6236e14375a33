#include <gtest/gtest.h>

#include <set>

#include "store/migrations.h"

namespace apertura::store {
namespace {

// The binary's migrations run 1, 2, 3... with no gap, each named, and keep
// the names the schema_migrations rows of existing databases carry.
TEST(Migrations, TheEmbeddedFilesRunFromOneWithNoGapAndKeepTheirNames) {
  const auto& migrations = all_migrations();
  ASSERT_GE(migrations.size(), 17u);
  std::set<std::string> names;
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(migrations[i].name.empty()) << migrations[i].version;
    EXPECT_TRUE(names.insert(migrations[i].name).second) << "two migrations named " << migrations[i].name;
    EXPECT_FALSE(migrations[i].shared_sql.empty() && migrations[i].sqlite_sql.empty() &&
                 migrations[i].postgresql_sql.empty())
        << migrations[i].version;
  }
  const char* recorded[] = {"foundation",
                            "action plans",
                            "co-creation proposals",
                            "evidence",
                            "secretariat sessions",
                            "contracting processes (OCDS)",
                            "evidence references",
                            "jurisdiction scope and session documents",
                            "budget execution",
                            "red-flag list indexes",
                            "process search in date order",
                            "zstd dictionaries",
                            "OCDS import jobs",
                            "lz4 for large documents (PostgreSQL)",
                            "contentless process search (SQLite)",
                            "process search without document sizes (SQLite)",
                            "organisations' party ids apart from process parties"};
  for (size_t i = 0; i < std::size(recorded); ++i) EXPECT_EQ(migrations[i].name, recorded[i]);
  // Which database each of the first seventeen concerns, as before the files.
  EXPECT_TRUE(migrations[10].shared_sql.empty() && migrations[10].postgresql_sql.empty());  // 11: SQLite only
  EXPECT_TRUE(migrations[13].shared_sql.empty() && migrations[13].sqlite_sql.empty());      // 14: PostgreSQL only
  EXPECT_FALSE(migrations[16].shared_sql.empty() || migrations[16].sqlite_sql.empty() ||
               migrations[16].postgresql_sql.empty());                                       // 17: all three
}

TEST(Migrations, FilesGroupByVersionWhateverTheirOrder) {
  auto migrations = migrations_from_files({
      {"migrations/0002_second.postgresql.sql", "-- name: second\nSELECT 2;"},
      {"migrations/0001_first.sql", "-- name: the first one\nCREATE TABLE a (id INTEGER);"},
      {"migrations/0001_first.sqlite.sql", "-- name: the first one\nCREATE INDEX a_id ON a(id);"},
  });
  ASSERT_EQ(migrations.size(), 2u);
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "the first one");
  EXPECT_NE(migrations[0].shared_sql.find("CREATE TABLE a"), std::string::npos);
  EXPECT_NE(migrations[0].sqlite_sql.find("CREATE INDEX"), std::string::npos);
  EXPECT_TRUE(migrations[0].postgresql_sql.empty());
  EXPECT_EQ(migrations[1].name, "second");
  EXPECT_TRUE(migrations[1].shared_sql.empty());
}

// Each mistake a developer adding a migration may make stops the binary
// with a message naming it, before any database is touched.
TEST(Migrations, MisnamedDuplicatedOrMissingVersionsAreRefusedByName) {
  auto refusal = [](std::vector<MigrationFile> files) -> std::string {
    try {
      migrations_from_files(files);
    } catch (const std::logic_error& error) {
      return error.what();
    }
    return "accepted";
  };
  EXPECT_NE(refusal({{"migrations/1_first.sql", "-- name: a\n"}}).find("1_first.sql"), std::string::npos);
  EXPECT_NE(refusal({{"migrations/0001_first.mysql.sql", "-- name: a\n"}}).find("is not named"), std::string::npos);
  EXPECT_NE(refusal({{"migrations/0001_first.sql", "CREATE TABLE a (id INTEGER);"}}).find("-- name:"),
            std::string::npos);
  EXPECT_NE(refusal({{"migrations/0001_first.sql", "-- name: a\n"}, {"migrations/0001_other.sql", "-- name: b\n"}})
                .find("share version 1"),
            std::string::npos);
  EXPECT_NE(refusal({{"migrations/0001_first.sql", "-- name: a\n"}, {"migrations/0003_third.sql", "-- name: c\n"}})
                .find("migration 2 is missing"),
            std::string::npos);
  EXPECT_NE(refusal({{"migrations/0002_second.sql", "-- name: b\n"}}).find("migration 1 is missing"),
            std::string::npos);
  EXPECT_EQ(refusal({{"migrations/0001_first.sql", "-- name: a\n"}}), "accepted");
}

}  // namespace
}  // namespace apertura::store
