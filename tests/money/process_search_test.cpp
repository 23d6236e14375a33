// Search over enough processes that a common word takes the index-walking
// plan: the page and the total must be the same as sorting every match.
#include <gtest/gtest.h>

#include <sstream>

#include "money/contracting_repository.h"
#include "money/demo_contracts.h"
#include "money/ocds_importer.h"
#include "support/test_database.h"

namespace apertura::money {
namespace {

class ProcessSearchTest : public testing::BackendTest {};

TEST_P(ProcessSearchTest, ACommonWordGivesTheSameOrderAndTotalAsSortingEveryMatch) {
  std::ostringstream releases;
  DemoContractsOptions options;
  options.processes = 2100;
  write_demo_releases(releases, options);
  OcdsImporter importer(db().database(), Actor::system("prueba"));
  ASSERT_EQ(importer.import_text(releases.str(), "demo.jsonl").rejected, 0);

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

INSTANTIATE_TEST_SUITE_P(Backends, ProcessSearchTest, ::testing::ValuesIn(testing::available_backends()),
                         testing::BackendName());

}  // namespace
}  // namespace apertura::money
