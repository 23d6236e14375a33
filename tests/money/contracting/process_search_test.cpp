// Search over enough processes that a common word takes the index-walking
// plan: the page and the total must be the same as sorting every match.
#include <gtest/gtest.h>

#include <sstream>

#include "money/contracting/contracting_repository.h"
#include "money/contracting/demo_contracts.h"
#include "money/import/import_indexes.h"
#include "money/import/ocds_importer.h"
#include "store/migrations.h"
#include "support/test_database.h"

namespace apertura::money {
namespace {

class ProcessSearchTest : public testing::BackendTest {
 protected:
  // Demo processes: every buyer's name has "Jalisco" in it.
  int64_t import_demo(int64_t processes) {
    std::ostringstream releases;
    DemoContractsOptions options;
    options.processes = processes;
    write_demo_releases(releases, options);
    OcdsImporter importer(db().database(), Actor::system("prueba"));
    return importer.import_text(releases.str(), "demo.jsonl").rejected;
  }
};

TEST_P(ProcessSearchTest, ACommonWordGivesTheSameOrderAndTotalAsSortingEveryMatch) {
  ASSERT_EQ(import_demo(2100), 0);

  auto connection = db().database().connect();
  for (const std::string sort : {"recent", "oldest", "amount_desc", "amount_asc"}) {
    ProcessFilter filter;
    filter.text = "Jalisco";  // in every buyer's name
    filter.sort = sort;
    auto page = ContractingRepository::find_processes(*connection, filter, {20, 40}, 5000);
    EXPECT_EQ(page.total, 2100) << sort;
    EXPECT_FALSE(page.total_is_lower_bound);
    std::string order = sort == "recent"        ? "last_date DESC, id DESC"
                        : sort == "oldest"      ? "last_date ASC, id ASC"
                        : sort == "amount_desc" ? "amount DESC, id DESC"
                                                : "amount ASC, id ASC";
    auto expected = connection->query("SELECT ocid FROM contracting_processes ORDER BY " + order +
                                      " LIMIT 20 OFFSET 40");
    ASSERT_EQ(page.items.size(), expected.size()) << sort;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(page.items[i].ocid, expected[i].text("ocid")) << sort << " row " << i;
    }
  }
  // Filters on top of a common word: counted, not taken from the index.
  ProcessFilter direct;
  direct.text = "jalisco";
  direct.method = "direct";
  auto page = ContractingRepository::find_processes(*connection, direct, {10, 0});
  auto count = connection->query_one(
      "SELECT COUNT(*) AS n FROM contracting_processes WHERE procurement_method = 'direct'")->integer("n");
  EXPECT_EQ(page.total, count);
  EXPECT_FALSE(page.total_is_lower_bound);
  for (const auto& row : page.items) EXPECT_EQ(row.procurement_method, "direct");

  // Above the exact-count limit SQLite stops counting (a lookup per match is
  // the slow part of such searches) and says the total is a lower bound;
  // the page itself is the same, and asking past the limit still pages on.
  ASSERT_GT(count, 300);
  auto capped = ContractingRepository::find_processes(*connection, direct, {10, 0}, 300);
  EXPECT_EQ(capped.total, 300);
  EXPECT_TRUE(capped.total_is_lower_bound);
  ASSERT_EQ(capped.items.size(), page.items.size());
  for (size_t i = 0; i < page.items.size(); ++i) EXPECT_EQ(capped.items[i].ocid, page.items[i].ocid);
  auto further = ContractingRepository::find_processes(*connection, direct, {10, 300}, 300);
  EXPECT_EQ(further.items.size(), 10u);
  EXPECT_EQ(further.total, 310);
}

TEST_P(ProcessSearchTest, AWordWithABuyerOrASupplierGivesWhatSortingEveryMatchGives) {
  ASSERT_EQ(import_demo(2100), 0);
  auto connection = db().database().connect();
  int64_t supplier = connection->query_one(
      "SELECT organization_id FROM process_parties WHERE role = 'supplier' GROUP BY organization_id "
      "ORDER BY COUNT(*) DESC, organization_id LIMIT 1")->integer("organization_id");
  // A buyer the supplier sold to through an open tender, so that all three filters meet.
  int64_t buyer = connection->query_one(
      "SELECT p.buyer_id FROM contracting_processes p JOIN process_parties s ON s.process_id = p.id "
      "WHERE s.organization_id = ? AND s.role = 'supplier' AND p.procurement_method = 'open' "
      "ORDER BY p.id LIMIT 1", {supplier})->integer("buyer_id");
  struct Case {
    std::string name;
    std::string condition;
    ProcessFilter filter;
  };
  ProcessFilter by_buyer, by_supplier, by_both, by_buyer_open;
  by_buyer.buyer_id = buyer;
  by_buyer_open.buyer_id = buyer;
  by_buyer_open.method = "open";
  by_supplier.supplier_id = supplier;
  by_both.buyer_id = buyer;
  by_both.supplier_id = supplier;
  by_both.method = "open";
  std::string of_supplier = "id IN (SELECT process_id FROM process_parties WHERE organization_id = " +
                            std::to_string(supplier) + " AND role = 'supplier')";
  std::vector<Case> cases = {
      {"buyer", "buyer_id = " + std::to_string(buyer), by_buyer},
      {"supplier", of_supplier, by_supplier},
      {"buyer, open", "buyer_id = " + std::to_string(buyer) + " AND procurement_method = 'open'", by_buyer_open},
      {"both", "buyer_id = " + std::to_string(buyer) + " AND procurement_method = 'open' AND " + of_supplier, by_both},
  };
  for (auto& [name, condition, filter] : cases) {
    for (const std::string sort : {"recent", "oldest"}) {
      filter.text = "jalisco";  // in every buyer's name
      filter.sort = sort;
      std::string order = sort == "recent" ? "last_date DESC, id DESC" : "last_date ASC, id ASC";
      auto expected = connection->query("SELECT ocid FROM contracting_processes WHERE " + condition + " ORDER BY " +
                                        order);
      ASSERT_GT(expected.size(), 0u) << name;
      for (Slice slice : {Slice{5, 0}, Slice{5, 5}, Slice{500, 0}}) {
        auto page = ContractingRepository::find_processes(*connection, filter, slice, 5000);
        EXPECT_EQ(page.total, static_cast<int64_t>(expected.size())) << name << " " << sort;
        EXPECT_FALSE(page.total_is_lower_bound);
        size_t end = std::min(expected.size(), static_cast<size_t>(slice.offset + slice.limit));
        ASSERT_EQ(page.items.size(), end - std::min(end, static_cast<size_t>(slice.offset))) << name << " " << sort;
        for (size_t i = 0; i < page.items.size(); ++i) {
          EXPECT_EQ(page.items[i].ocid, expected[slice.offset + i].text("ocid")) << name << " " << sort << " " << i;
        }
      }
      // Counted no further than the cap.
      auto capped = ContractingRepository::find_processes(*connection, filter, {5, 0}, 3);
      EXPECT_EQ(capped.total, std::min<int64_t>(5, static_cast<int64_t>(expected.size()))) << name;
      EXPECT_EQ(capped.total_is_lower_bound, expected.size() > 5) << name;
    }
  }
}

TEST_P(ProcessSearchTest, ADateRangeOnTopOfAWordKeepsTheWholeLastDay) {
  ASSERT_EQ(import_demo(600), 0);
  auto connection = db().database().connect();
  for (const std::string sort : {"recent", "oldest"}) {
    ProcessFilter filter;
    filter.text = "jalisco";
    filter.date_from = "2024-03-01";
    filter.date_to = "2024-09-30";
    filter.sort = sort;
    auto page = ContractingRepository::find_processes(*connection, filter, {500, 0}, 5000);
    auto expected = connection->query(
        "SELECT ocid FROM contracting_processes WHERE last_date >= '2024-03-01' AND last_date < '2024-09-30T99' "
        "ORDER BY last_date " + std::string(sort == "recent" ? "DESC, id DESC" : "ASC, id ASC"));
    ASSERT_GT(expected.size(), 20u);
    ASSERT_EQ(page.items.size(), expected.size()) << sort;
    EXPECT_EQ(page.total, static_cast<int64_t>(expected.size()));
    for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(page.items[i].ocid, expected[i].text("ocid")) << i;
  }
}

std::string titled_release(const std::string& ocid, const std::string& id, const std::string& date,
                           const std::string& title) {
  return nlohmann::json{{"ocid", ocid}, {"id", id}, {"date", date}, {"tag", {"tender"}},
                        {"tender", {{"id", "t1"}, {"title", title}}}}
             .dump() +
         "\n";
}

// The ocids a search by words finds, newest first.
std::vector<std::string> ocids_matching(store::Connection& connection, const std::string& text) {
  ProcessFilter filter;
  filter.text = text;
  std::vector<std::string> ocids;
  for (const auto& row : ContractingRepository::find_processes(connection, filter, {20, 0}).items) {
    ocids.push_back(row.ocid);
  }
  return ocids;
}

TEST_P(ProcessSearchTest, WordsMatchInEitherNumberAndAnUpdatedProcessIsFoundOnce) {
  OcdsImporter importer(db().database(), Actor::system("prueba"));
  importer.import_text(titled_release("ocds-a-1", "r1", "2024-01-05T10:00:00Z", "Compra de patrullas") +
                           titled_release("ocds-a-2", "r1", "2024-02-05T10:00:00Z", "Construcción de un aula") +
                           titled_release("ocds-a-3", "r1", "2024-03-05T10:00:00Z", "Luz para el parque municipal"),
                       "a.jsonl");
  // A later release moves the process's date (and its place in the index).
  importer.import_text(titled_release("ocds-a-1", "r2", "2024-06-05T10:00:00Z", "Compra de patrullas nuevas"),
                       "b.jsonl");
  auto connection = db().database().connect();
  auto ocids_for = [&](const std::string& text) { return ocids_matching(*connection, text); };
  EXPECT_EQ(ocids_for("patrulla"), std::vector<std::string>{"ocds-a-1"});
  EXPECT_EQ(ocids_for("PATRULLAS nuevas"), std::vector<std::string>{"ocds-a-1"});
  EXPECT_EQ(ocids_for("construcciones aulas"), std::vector<std::string>{"ocds-a-2"});
  EXPECT_EQ(ocids_for("luces"), std::vector<std::string>{"ocds-a-3"});
  EXPECT_TRUE(ocids_for("bicicletas").empty());
  if (connection->dialect() == store::Dialect::sqlite) {
    // The index cannot be scanned (no table of sizes): its word counts show
    // that the process's row under its old date was taken out.
    connection->execute_script("CREATE VIRTUAL TABLE temp.search_words USING fts5vocab(main, process_search, 'row')");
    EXPECT_EQ(connection->query_one("SELECT doc FROM search_words WHERE term = 'compra'")->integer("doc"), 1);
    EXPECT_EQ(connection->query_one("SELECT doc FROM search_words WHERE term = 'de'")->integer("doc"), 2);
  }
  // A title that changes takes its old words out of the index.
  importer.import_text(titled_release("ocds-a-3", "r2", "2024-07-05T10:00:00Z", "Bancas para el jardín municipal"),
                       "c.jsonl");
  EXPECT_TRUE(ocids_for("luces").empty());
  EXPECT_TRUE(ocids_for("parque").empty());
  EXPECT_EQ(ocids_for("banca jardin"), std::vector<std::string>{"ocds-a-3"});
  // A word in both titles: the process is found once, under its new key.
  EXPECT_EQ(ocids_for("municipal"), std::vector<std::string>{"ocds-a-3"});
}

// Back to the party rows as they were before migration 17: with each
// organisation's party id (and, on SQLite, a rowid).
void undo_party_ids_migration(store::Connection& connection) {
  if (connection.dialect() == store::Dialect::postgresql) {
    connection.execute_script(
        "ALTER TABLE process_parties ADD COLUMN party_id TEXT NOT NULL DEFAULT '';"
        "UPDATE process_parties p SET party_id = COALESCE((SELECT MIN(i.party_id) FROM organization_party_ids i "
        "WHERE i.organization_id = p.organization_id), '');"
        "DROP TABLE organization_party_ids;"
        "CREATE INDEX process_parties_party ON process_parties(party_id, organization_id);");
    return;
  }
  connection.execute_script(
      "CREATE TABLE old_parties (process_id BIGINT NOT NULL REFERENCES contracting_processes(id) ON DELETE CASCADE, "
      "organization_id BIGINT NOT NULL REFERENCES ocds_organizations(id), "
      "role TEXT NOT NULL CHECK (role IN ('buyer', 'supplier', 'tenderer')), amount DOUBLE PRECISION, "
      "party_id TEXT NOT NULL DEFAULT '', PRIMARY KEY (process_id, organization_id, role));"
      "INSERT INTO old_parties SELECT p.process_id, p.organization_id, p.role, p.amount, "
      "COALESCE((SELECT MIN(i.party_id) FROM organization_party_ids i "
      "WHERE i.organization_id = p.organization_id), '') "
      "FROM process_parties p;"
      "DROP TABLE process_parties; DROP TABLE organization_party_ids;"
      "ALTER TABLE old_parties RENAME TO process_parties;"
      "CREATE INDEX process_parties_organization ON process_parties(organization_id, role);"
      "CREATE INDEX process_parties_party ON process_parties(party_id, organization_id);");
}

// Migration 17 keeps each organisation's party ids apart, and on SQLite
// keys the party rows by process.
TEST_P(ProcessSearchTest, AStoreWithPartyIdsOnItsPartyRowsKeepsThemThroughMigration17) {
  OcdsImporter importer(db().database(), Actor::system("prueba"));
  importer.import_text(
      nlohmann::json{{"ocid", "ocds-p-1"}, {"id", "r1"}, {"date", "2024-01-05T10:00:00Z"}, {"tag", {"award"}},
                     {"buyer", {{"id", "MX-RFC-SFP"}, {"name", "Secretaría de Finanzas"}}},
                     {"awards", {{{"id", "a1"}, {"suppliers", {{{"id", "MX-RFC-AAA"}, {"name", "Proveedora A"}}}}}}}}
              .dump() +
          "\n",
      "a.jsonl");
  auto connection = db().database().connect();
  auto pairs = [&] {
    std::vector<std::string> out;
    for (const auto& row : connection->query(
             "SELECT i.party_id, o.name FROM organization_party_ids i JOIN ocds_organizations o "
             "ON o.id = i.organization_id ORDER BY 1")) {
      out.push_back(row.text("party_id") + " = " + row.text("name"));
    }
    return out;
  };
  const std::vector<std::string> expected = {"MX-RFC-AAA = Proveedora A", "MX-RFC-SFP = Secretaría de Finanzas"};
  EXPECT_EQ(pairs(), expected);
  undo_party_ids_migration(*connection);
  connection->execute_script("DELETE FROM schema_migrations WHERE version = 17");
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM process_parties WHERE party_id <> ''")->integer("n"), 2);

  EXPECT_EQ(store::apply_migrations(db().database()), 1);
  EXPECT_EQ(pairs(), expected);
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM process_parties")->integer("n"), 2);
  EXPECT_FALSE(ImportIndexes::exists(*connection, "process_parties_party"));
  if (connection->dialect() == store::Dialect::sqlite) {
    EXPECT_NE(connection->query_one("SELECT sql FROM sqlite_master WHERE name = 'process_parties'")
                  ->text("sql")
                  .find("WITHOUT ROWID"),
              std::string::npos);
  }
}

// Migrations 15 and 16 made SQLite's index contentless and dropped its table
// of sizes: a store indexed before them keeps finding its processes, and can
// still take old words out.
TEST(ProcessSearchMigration, AStoreIndexedWithTheOldTableKeepsItsSearch) {
  testing::TestDatabase db("sqlite");
  OcdsImporter importer(db.database(), Actor::system("prueba"));
  importer.import_text(titled_release("ocds-m-1", "r1", "2024-01-05T10:00:00Z", "Compra de patrullas") +
                           titled_release("ocds-m-2", "r1", "2024-02-05T10:00:00Z", "Luz para el parque"),
                       "a.jsonl");
  {
    // Back to the table as migration 11 made it, with the same rows.
    auto connection = db.database().connect();
    connection->execute_script(
        "CREATE VIRTUAL TABLE old_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');"
        "INSERT INTO old_search (rowid, body) "
        "SELECT CAST(strftime('%s', substr(p.last_date, 1, 19)) AS INTEGER) * 2147483648 + p.id, b.body "
        "FROM contracting_processes p JOIN process_search_bodies b ON b.process_id = p.id;"
        "DROP TABLE process_search; DROP TABLE process_search_bodies;"
        "ALTER TABLE old_search RENAME TO process_search;");
    // Migration 17 came after: undone too, so that all three apply again.
    undo_party_ids_migration(*connection);
    connection->execute_script("DELETE FROM schema_migrations WHERE version IN (15, 16, 17);");
    EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM process_search")->integer("n"), 2);
  }
  EXPECT_EQ(store::apply_migrations(db.database()), 3);
  auto connection = db.database().connect();
  auto ocids_for = [&](const std::string& text) { return ocids_matching(*connection, text); };
  EXPECT_EQ(ocids_for("patrulla"), std::vector<std::string>{"ocds-m-1"});
  EXPECT_FALSE(connection->query_one("SELECT 1 AS one FROM sqlite_master WHERE name = 'process_search_docsize'"));
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM process_search_bodies")->integer("n"), 2);
  importer.import_text(titled_release("ocds-m-2", "r2", "2024-07-05T10:00:00Z", "Bancas para el jardín"), "b.jsonl");
  EXPECT_TRUE(ocids_for("parque").empty());
  EXPECT_EQ(ocids_for("jardin"), std::vector<std::string>{"ocds-m-2"});
}

TEST_P(ProcessSearchTest, AProcessWithoutAnAmountComesLastInEitherAmountOrder) {
  ASSERT_EQ(import_demo(2100), 0);  // past the count above which the amount index is walked
  OcdsImporter importer(db().database(), Actor::system("prueba"));
  importer.import_text(titled_release("ocds-sin-monto", "r1", "2024-05-05T10:00:00Z", "Compra en Jalisco sin monto"),
                       "sin-monto.jsonl");
  auto connection = db().database().connect();
  for (const std::string sort : {"amount_desc", "amount_asc"}) {
    ProcessFilter filter;
    filter.text = "Jalisco";
    filter.sort = sort;
    auto first = ContractingRepository::find_processes(*connection, filter, {20, 0}, 5000);
    ASSERT_EQ(first.items.size(), 20u) << sort;
    EXPECT_TRUE(first.items.front().amount.has_value()) << sort;
    auto last = ContractingRepository::find_processes(*connection, filter, {20, 2090}, 5000);
    ASSERT_EQ(last.items.size(), 11u) << sort;
    EXPECT_EQ(last.items.back().ocid, "ocds-sin-monto") << sort;
    EXPECT_TRUE(last.items[9].amount.has_value()) << sort;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ProcessSearchTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
