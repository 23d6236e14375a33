#include <gtest/gtest.h>

#include "store/data_version.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/search_index.h"
#include "support/test_database.h"

namespace apertura::store {
namespace {

using apertura::testing::TestDatabase;

using StoreTest = apertura::testing::BackendTest;

TEST_P(StoreTest, MigrationsAreRecordedAndNotReapplied) {
  auto connection = db().database().connect();
  EXPECT_EQ(current_schema_version(*connection), all_migrations().back().version);
  EXPECT_EQ(apply_migrations(db().database()), 0);
}

TEST_P(StoreTest, PostgreSQLCompressesLargeDocumentsWithLz4WhenItCan) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "a PostgreSQL setting";
  auto connection = db().database().connect();
  bool has_lz4 = true;
  try {
    connection->execute_script("SET default_toast_compression = 'lz4'");
  } catch (const std::exception&) {
    has_lz4 = false;
  }
  for (const char* column : {"ocds_releases.data", "compiled_releases.compiled"}) {
    std::string name(column);
    auto dot = name.find('.');
    auto row = connection->query_one(
        "SELECT attcompression::text AS c FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ?",
        {name.substr(0, dot), name.substr(dot + 1)});
    ASSERT_TRUE(row) << column;
    EXPECT_EQ(row->text("c"), has_lz4 ? "l" : "") << column;
  }
}

TEST_P(StoreTest, ValuesRoundTripWithTheirTypes) {
  auto connection = db().database().connect();
  connection->execute_script("CREATE TABLE sample (i BIGINT, d DOUBLE PRECISION, t TEXT, n TEXT)");
  connection->execute("INSERT INTO sample (i, d, t, n) VALUES (?, ?, ?, ?)",
                      {int64_t{9007199254740993}, 2.5, "Año fiscal — ñandú ✓", std::nullopt});
  auto row = connection->query_one("SELECT i, d, t, n FROM sample");
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->integer("i"), 9007199254740993);
  EXPECT_DOUBLE_EQ(row->real("d"), 2.5);
  EXPECT_EQ(row->text("t"), "Año fiscal — ñandú ✓");
  EXPECT_TRUE(row->is_null("n"));
  EXPECT_FALSE(row->optional_text("n").has_value());
  EXPECT_THROW((void)(*row)["missing"], StoreError);
}

TEST_P(StoreTest, BytesRoundTripAsBytesWithZerosAndHighBytes) {
  auto connection = db().database().connect();
  std::string type = GetParam() == "sqlite" ? "BLOB" : "BYTEA";
  connection->execute_script("CREATE TABLE blobs (b " + type + ")");
  std::string bytes("\x00\x01\xff\xfe\\x'\"\x00z", 10);
  connection->execute("INSERT INTO blobs (b) VALUES (?)", {Bytes{bytes}});
  connection->execute("INSERT INTO blobs (b) VALUES (?)", {Bytes{}});
  auto rows = connection->query("SELECT b FROM blobs ORDER BY length(b) DESC");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0]["b"].is_bytes());
  EXPECT_EQ(rows[0]["b"].as_text(), bytes);
  EXPECT_TRUE(rows[1]["b"].is_bytes());
  EXPECT_EQ(rows[1]["b"].as_text(), "");
}

TEST_P(StoreTest, UniqueViolationHasItsOwnType) {
  auto connection = db().database().connect();
  connection->execute_script("CREATE TABLE codes (code TEXT PRIMARY KEY)");
  connection->execute("INSERT INTO codes (code) VALUES (?)", {"14"});
  EXPECT_THROW(connection->execute("INSERT INTO codes (code) VALUES (?)", {"14"}), UniqueViolation);
}

TEST_P(StoreTest, TransactionRollsBackWhenNotCommitted) {
  auto connection = db().database().connect();
  connection->execute_script("CREATE TABLE items (name TEXT)");
  {
    Transaction transaction(*connection);
    connection->execute("INSERT INTO items (name) VALUES (?)", {"perdido"});
  }
  {
    Transaction transaction(*connection);
    connection->execute("INSERT INTO items (name) VALUES (?)", {"guardado"});
    transaction.commit();
  }
  auto rows = connection->query("SELECT name FROM items");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text("name"), "guardado");
}

TEST_P(StoreTest, AFailedStatementInsideATransactionLeavesNothingBehind) {
  auto connection = db().database().connect();
  connection->execute_script("CREATE TABLE pairs (k TEXT PRIMARY KEY)");
  try {
    Transaction transaction(*connection);
    connection->execute("INSERT INTO pairs (k) VALUES (?)", {"a"});
    connection->execute("INSERT INTO pairs (k) VALUES (?)", {"a"});
    transaction.commit();
    FAIL() << "the duplicate key should have thrown";
  } catch (const UniqueViolation&) {
  }
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM pairs")->integer("n"), 0);
}

TEST_P(StoreTest, WrongParameterCountIsAnError) {
  auto connection = db().database().connect();
  EXPECT_THROW(connection->query("SELECT ? AS a", {}), StoreError);
}

TEST_P(StoreTest, PooledConnectionsAreReused) {
  {
    auto first = db().database().connect();
    first->execute_script("CREATE TABLE t (x INTEGER)");
  }
  for (int i = 0; i < 20; ++i) {
    auto connection = db().database().connect();
    connection->execute("INSERT INTO t (x) VALUES (?)", {i});
  }
  EXPECT_EQ(db().database().connect()->query_one("SELECT COUNT(*) AS n FROM t")->integer("n"), 20);
}

TEST_P(StoreTest, SearchFoldsAccentsMatchesPrefixesAndRanksTitlesFirst) {
  auto connection = db().database().connect();
  SearchIndex::upsert(*connection, {"thing", 1, std::nullopt, "Secretaría de Educación Pública", "educación básica"});
  SearchIndex::upsert(*connection, {"thing", 2, std::nullopt, "Congreso del Estado", "comisión de educación"});
  SearchIndex::upsert(*connection, {"other", 3, std::nullopt, "Educación", ""});
  auto hits = SearchIndex::search(*connection, "thing", "EDUCACION", 10, 0);
  EXPECT_EQ(hits.total, 2);
  ASSERT_EQ(hits.ids.size(), 2u);
  EXPECT_EQ(hits.ids[0], 1);  // title match outranks body match
  EXPECT_EQ(SearchIndex::search(*connection, "thing", "secret", 10, 0).ids, std::vector<int64_t>{1});
  EXPECT_EQ(SearchIndex::search(*connection, "thing", "congreso educacion", 10, 0).ids, std::vector<int64_t>{2});
  EXPECT_TRUE(SearchIndex::search(*connection, "thing", "inexistente", 10, 0).ids.empty());
}

TEST_P(StoreTest, SearchUpsertReplacesAndRemoveForgets) {
  auto connection = db().database().connect();
  SearchIndex::upsert(*connection, {"thing", 7, std::nullopt, "Nombre viejo", ""});
  SearchIndex::upsert(*connection, {"thing", 7, std::nullopt, "Nombre nuevo", ""});
  EXPECT_TRUE(SearchIndex::search(*connection, "thing", "viejo", 10, 0).ids.empty());
  EXPECT_EQ(SearchIndex::search(*connection, "thing", "nuevo", 10, 0).ids, std::vector<int64_t>{7});
  SearchIndex::remove(*connection, "thing", 7);
  EXPECT_TRUE(SearchIndex::search(*connection, "thing", "nuevo", 10, 0).ids.empty());
}

TEST_P(StoreTest, NewestSearchWalksNewestFirstFiltersByPlaceAndCountsUpToAThousand) {
  auto connection = db().database().connect();
  {
    Transaction transaction(*connection);
    // 1,205 about water, every fifth in jurisdiction 2 (and so in that order by id), then others.
    for (int i = 1; i <= 1205; ++i) {
      SearchIndex::upsert(*connection, {"thing", i, i % 5 == 0 ? std::optional<int64_t>(2) : std::optional<int64_t>(1),
                                        "Organismo", "pipas de agua potable"});
    }
    SearchIndex::upsert(*connection, {"other", 5000, 2, "Agua", "agua potable"});
    SearchIndex::upsert(*connection, {"thing", 6000, 2, "Organismo", "drenaje"});
    transaction.commit();
  }
  auto first = SearchIndex::newest(*connection, "thing", "agua potable", std::nullopt, 3, 0);
  EXPECT_EQ(first.ids, (std::vector<int64_t>{1205, 1204, 1203}));
  EXPECT_EQ(first.total, 1000);
  EXPECT_TRUE(first.total_is_lower_bound);
  // In one place the count is exact, and pages go on newest first.
  auto place = SearchIndex::newest(*connection, "thing", "AGUA", 2, 2, 1);
  EXPECT_EQ(place.ids, (std::vector<int64_t>{1200, 1195}));  // after 1205
  EXPECT_EQ(place.total, 241);
  EXPECT_FALSE(place.total_is_lower_bound);
  // A page past the cap is still counted up to it.
  auto deep = SearchIndex::newest(*connection, "thing", "potable", std::nullopt, 10, 1195);
  EXPECT_EQ(deep.ids, (std::vector<int64_t>{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
  EXPECT_EQ(deep.total, 1205);
  EXPECT_FALSE(deep.total_is_lower_bound);
  EXPECT_TRUE(SearchIndex::newest(*connection, "thing", "agua drenaje", std::nullopt, 10, 0).ids.empty());
  EXPECT_TRUE(SearchIndex::newest(*connection, "thing", "   ", std::nullopt, 10, 0).ids.empty());
}

TEST_P(StoreTest, SearchPagesAndReportsTheTotalPastTheEnd) {
  auto connection = db().database().connect();
  for (int i = 1; i <= 5; ++i) SearchIndex::upsert(*connection, {"thing", i, std::nullopt, "Municipio", ""});
  auto second = SearchIndex::search(*connection, "thing", "municipio", 2, 2);
  EXPECT_EQ(second.ids.size(), 2u);
  EXPECT_EQ(second.total, 5);
  auto beyond = SearchIndex::search(*connection, "thing", "municipio", 2, 10);
  EXPECT_TRUE(beyond.ids.empty());
  EXPECT_EQ(beyond.total, 5);
}

TEST_P(StoreTest, HostileSearchTextIsOnlyWords) {
  auto connection = db().database().connect();
  SearchIndex::upsert(*connection, {"thing", 1, std::nullopt, "Jalisco", ""});
  // Operators and quotes of either full-text syntax are dropped, not interpreted.
  EXPECT_EQ(SearchIndex::search(*connection, "thing", "jal\" * ( & ! :* ' ^", 10, 0).ids,
            std::vector<int64_t>{1});
  EXPECT_TRUE(SearchIndex::search(*connection, "thing", "\"*&|!", 10, 0).ids.empty());
}

// Only PostgreSQL has a server connection to lose.
class PostgresConnectionTest : public apertura::testing::BackendTest {};

TEST_P(PostgresConnectionTest, APooledConnectionRecoversWhenTheServerDropsIt) {
  auto connection = db().database().connect();
  int64_t pid = connection->query_one("SELECT pg_backend_pid() AS pid")->integer("pid");
  {
    // What a server restart does to every open connection.
    auto other = db().database().connect();
    other->query("SELECT pg_terminate_backend(?)", {pid});
  }
  EXPECT_EQ(connection->query_one("SELECT 7 AS n")->integer("n"), 7);
  EXPECT_NE(connection->query_one("SELECT pg_backend_pid() AS pid")->integer("pid"), pid);
}

TEST_P(PostgresConnectionTest, ALostConnectionInsideATransactionFailsLoudly) {
  auto connection = db().database().connect();
  connection->execute_script("CREATE TABLE kept (x INTEGER)");
  int64_t pid = connection->query_one("SELECT pg_backend_pid() AS pid")->integer("pid");
  {
    Transaction transaction(*connection);
    connection->execute("INSERT INTO kept (x) VALUES (1)");
    db().database().connect()->query("SELECT pg_terminate_backend(?)", {pid});
    // Retrying here would silently drop the first half of the transaction.
    EXPECT_THROW(connection->execute("INSERT INTO kept (x) VALUES (2)"), ConnectionLost);
  }
  EXPECT_EQ(db().database().connect()->query_one("SELECT COUNT(*) AS n FROM kept")->integer("n"), 0);
}

// Every committed write to a public table raises the data version once, in
// its own transaction; a rollback, a read, a schema change or a write to a
// private table (sessions, outbox...) does not.
TEST_P(StoreTest, PublicWritesRaiseTheDataVersionOncePerCommit) {
  auto connection = db().database().connect();
  connection->execute_script("CREATE TABLE notices (title TEXT)");
  int64_t start = current_data_version(*connection);
  connection->execute("INSERT INTO notices (title) VALUES (?)", {"uno"});
  EXPECT_EQ(current_data_version(*connection), start + 1) << "a write outside a transaction";
  {
    Transaction transaction(*connection);
    connection->execute("INSERT INTO notices (title) VALUES (?)", {"dos"});
    connection->execute("UPDATE notices SET title = ? WHERE title = ?", {"tres", "uno"});
    transaction.commit();
  }
  EXPECT_EQ(current_data_version(*connection), start + 2) << "one raise for a transaction of two writes";
  {
    Transaction transaction(*connection);
    connection->execute("DELETE FROM notices");
  }
  EXPECT_EQ(current_data_version(*connection), start + 2) << "a rollback raises nothing";
  EXPECT_EQ(connection->query("SELECT title FROM notices").size(), 2u);
  connection->query("SELECT title FROM notices");
  connection->execute_script("CREATE INDEX notices_title ON notices(title)");
  connection->execute("DELETE FROM outbox");
  EXPECT_EQ(current_data_version(*connection), start + 2) << "reads, schema and private tables raise nothing";
  // Another connection (another server's) sees the raise.
  auto other = db().database().connect();
  connection->execute("DELETE FROM notices WHERE title = ?", {"dos"});
  EXPECT_EQ(current_data_version(*other), start + 3);

  // A write that matched no row changed nothing people see: a worker polling
  // its queue must not make every cached page stale.
  connection->execute("UPDATE notices SET title = ? WHERE title = ?", {"x", "no-existe"});
  connection->query("UPDATE notices SET title = ? WHERE title = ? RETURNING title", {"x", "no-existe"});
  {
    Transaction transaction(*connection);
    connection->execute("DELETE FROM notices WHERE title = ?", {"no-existe"});
    transaction.commit();
  }
  EXPECT_EQ(current_data_version(*connection), start + 3) << "writes that changed no row raise nothing";
  EXPECT_EQ(connection->query("UPDATE notices SET title = ? RETURNING title", {"cuatro"}).size(), 1u);
  EXPECT_EQ(current_data_version(*connection), start + 4) << "a write read through RETURNING raises it";
}

TEST(DataVersion, WritesArePublicUnlessTheyTouchAPrivateTable) {
  EXPECT_TRUE(writes_public_data("INSERT INTO plans (a) VALUES (1)"));
  EXPECT_TRUE(writes_public_data("  insert or ignore into ocds_releases (a) values (1)"));
  EXPECT_TRUE(writes_public_data("-- note\nUPDATE action_plans SET status = ? WHERE id = ?"));
  EXPECT_TRUE(writes_public_data("DELETE FROM red_flags WHERE process_id = ?"));
  EXPECT_TRUE(writes_public_data("REPLACE INTO search_documents VALUES (1)"));
  EXPECT_TRUE(writes_public_data("WITH old AS (SELECT 1) UPDATE commitments SET x = 1"));
  EXPECT_TRUE(writes_public_data("INSERT INTO \"users\" (a) VALUES (1)"));
  EXPECT_FALSE(writes_public_data("WITH old AS (SELECT 1) SELECT * FROM old"));
  EXPECT_FALSE(writes_public_data("SELECT * FROM plans"));
  EXPECT_FALSE(writes_public_data("CREATE INDEX x ON plans(a)"));
  EXPECT_FALSE(writes_public_data("PRAGMA foreign_keys=ON"));
  EXPECT_FALSE(writes_public_data("INSERT INTO sessions (token_hash) VALUES (?)"));
  EXPECT_FALSE(writes_public_data("UPDATE outbox SET status = ?"));
  EXPECT_FALSE(writes_public_data("DELETE FROM password_resets"));
  EXPECT_FALSE(writes_public_data("INSERT INTO login_failures (a) VALUES (1)"));
  EXPECT_FALSE(writes_public_data("INSERT INTO schema_migrations (version) VALUES (24)"));
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresConnectionTest, ::testing::Values(std::string("postgresql")),
                         apertura::testing::BackendName());

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

TEST(Placeholders, AreNumberedOutsideQuotes) {
  EXPECT_EQ(to_numbered_placeholders("a = ? AND b = '?' AND c IN (?, ?)"), "a = $1 AND b = '?' AND c IN ($2, $3)");
}

TEST(SearchTerms, AreFoldedWordsOnly) {
  EXPECT_EQ(SearchIndex::query_terms("¿Dónde está   Tlaxcala-2025?"),
            (std::vector<std::string>{"donde", "esta", "tlaxcala", "2025"}));
}

}  // namespace
}  // namespace apertura::store
