#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>

#include "audit/audit_log.h"
#include "jurisdictions/jurisdiction_service.h"
#include "money/contracting/contracting_service.h"
#include "plans/plan_service.h"
#include "store/migrations.h"
#include "support/test_database.h"

namespace apertura::store {
namespace {

// A gzipped fixture of tests/fixtures/schema-17/ (see its README), whole.
std::string read_gzip(const std::string& name) {
  std::string path = std::string(APERTURA_TEST_FIXTURES) + "/schema-17/" + name;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) throw std::runtime_error("cannot open the fixture " + path);
  std::string out;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<size_t>(read));
  gzclose(file);
  if (read < 0) throw std::runtime_error("cannot read the fixture " + path);
  return out;
}

// pg_dump's text into `schema`, without its psql-only lines, its own CREATE
// SCHEMA, and its emptying of the search path (the connection keeps `schema`).
std::string dump_for_schema(std::string dump, const std::string& schema) {
  std::string out;
  size_t start = 0;
  while (start < dump.size()) {
    size_t end = dump.find('\n', start);
    if (end == std::string::npos) end = dump.size();
    std::string_view line(dump.data() + start, end - start);
    // Whole lines only: a blank line may be inside a multi-line text value.
    bool skipped = line.rfind("\\restrict ", 0) == 0 || line.rfind("\\unrestrict ", 0) == 0 ||
                   line == "CREATE SCHEMA fixture17;" ||
                   line.rfind("SELECT pg_catalog.set_config('search_path'", 0) == 0;
    if (!skipped) {
      out.append(line);
      out += '\n';
    }
    start = end + 1;
  }
  for (size_t at = out.find("fixture17"); at != std::string::npos; at = out.find("fixture17", at + schema.size())) {
    out.replace(at, 9, schema);
  }
  return out;
}

class MigrationUpgradeTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql" && !apertura::testing::postgres_configured()) {
      GTEST_SKIP() << "APERTURA_TEST_POSTGRES_URL is not set";
    }
    apertura::testing::TestDatabase::Before before;
    before.sqlite = [](const std::string& path) {
      std::ofstream out(path, std::ios::binary);
      out << read_gzip("apertura.db.gz");
    };
    before.postgresql = [](const std::string& schema, Connection& connection) {
      connection.execute_script(dump_for_schema(read_gzip("postgresql.sql.gz"), schema));
      ASSERT_EQ(current_schema_version(connection), 17);
    };
    db_ = std::make_unique<apertura::testing::TestDatabase>(GetParam(), before);
  }

  int64_t count(const std::string& table) {
    return db_->database().connect()->query_one("SELECT COUNT(*) AS n FROM " + table)->integer("n");
  }

  std::unique_ptr<apertura::testing::TestDatabase> db_;
};

// A database written at schema 17 by the code before migrations were files
// is recognised as such, brought to the current schema, and keeps every row:
// the services read it and write to it as to a new one.
TEST_P(MigrationUpgradeTest, ADatabaseWrittenAtSchema17UpgradesInPlaceWithItsRows) {
  auto connection = db_->database().connect();
  EXPECT_EQ(current_schema_version(*connection), static_cast<int>(all_migrations().size()));
  auto names = connection->query("SELECT version, name FROM schema_migrations ORDER BY version");
  ASSERT_GE(names.size(), 17u);
  for (size_t i = 0; i < 17; ++i) EXPECT_EQ(names[i].text("name"), all_migrations()[i].name) << i + 1;

  const std::pair<const char*, int64_t> expected[] = {
      {"jurisdictions", 13},         {"institutions", 39},     {"users", 4},
      {"action_plans", 2},           {"commitments", 10},      {"milestones", 28},
      {"indicators", 10},            {"secretariat_members", 6}, {"proposals", 3},
      {"proposal_comments", 1},      {"ocds_releases", 50},    {"contracting_processes", 16},
      {"compiled_releases", 16},     {"red_flags", 8},         {"budget_lines", 120},
      {"audit_log", 160}};
  for (const auto& [table, rows] : expected) EXPECT_EQ(count(table), rows) << table;
  EXPECT_TRUE(audit::AuditLog::verify(*connection).ok);
  // Migration 18: the plans written before it are CC BY 4.0.
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM action_plans WHERE license = 'CC-BY-4.0'")->integer("n"), 2);

  jurisdictions::JurisdictionService places(db_->database());
  plans::PlanService plans(db_->database(), places);
  auto jalisco = plans.plans_of("14");
  ASSERT_TRUE(jalisco.ok());
  ASSERT_FALSE(jalisco->empty());
  EXPECT_EQ(plans.plan(jalisco->back().id)->commitments.size(), 5u);
  money::ContractingService contracting(db_->database());
  auto processes = contracting.find({}, {100, 0});
  EXPECT_EQ(processes.total, 16);
  ASSERT_FALSE(processes.items.empty());
  EXPECT_TRUE(contracting.process(processes.items.front().ocid).ok());
  // Migration 23: each release is the first copy of its ocid + id, not the publisher's compilation.
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM ocds_releases WHERE copy_number = 0 AND "
                                  "publisher_compiled = 0")->integer("n"),
            50);
  EXPECT_EQ(contracting.process(processes.items.front().ocid)->releases.size(),
            static_cast<size_t>(processes.items.front().release_count));
  // New rows take ids after the old ones (PostgreSQL's sequences came along).
  auto created = places.create(Actor::system(), {"32", "Zacatecas", "state"});
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 13);
  EXPECT_EQ(count("jurisdictions"), 14);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationUpgradeTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura::store
