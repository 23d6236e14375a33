#include <gtest/gtest.h>

#include "audit/audit_log.h"
#include "support/test_database.h"

namespace apertura::audit {
namespace {

class AuditLogTest : public apertura::testing::BackendTest {
 protected:
  void append(int n) {
    auto connection = db().database().connect();
    for (int i = 0; i < n; ++i) {
      store::Transaction transaction(*connection);
      AuditLog::append(*connection, Actor::system("prueba"),
                       {"create", "thing", std::to_string(i), std::nullopt, i % 2 == 0, nullptr,
                        {{"name", "cosa " + std::to_string(i)}}});
      transaction.commit();
    }
  }
};

TEST_P(AuditLogTest, ChainsEntriesAndVerifies) {
  append(5);
  auto connection = db().database().connect();
  auto result = AuditLog::verify(*connection);
  EXPECT_TRUE(result.ok) << result.problem;
  EXPECT_EQ(result.entries, 5);
  auto entries = AuditLog::list(*connection, false, 10, 0);
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[0].seq, 5);                          // newest first
  EXPECT_EQ(entries[0].previous_hash, entries[1].hash);  // linked
  EXPECT_EQ(entries[4].previous_hash, "");
  EXPECT_EQ(AuditLog::hash_of(entries[2]), entries[2].hash);
}

TEST_P(AuditLogTest, PublicListingHidesPrivateEntries) {
  append(4);
  auto connection = db().database().connect();
  EXPECT_EQ(AuditLog::count(*connection, true), 2);
  EXPECT_EQ(AuditLog::count(*connection, false), 4);
  for (const auto& entry : AuditLog::list(*connection, true, 10, 0)) EXPECT_TRUE(entry.change.is_public);
}

TEST_P(AuditLogTest, DetectsAnEditedEntry) {
  append(3);
  auto connection = db().database().connect();
  connection->execute("UPDATE audit_log SET after_json = ? WHERE seq = 2", {R"({"name":"otra cosa"})"});
  auto result = AuditLog::verify(*connection);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.broken_at, 2);
  EXPECT_NE(result.problem.find("modificado"), std::string::npos);
}

TEST_P(AuditLogTest, DetectsADeletedEntry) {
  append(3);
  auto connection = db().database().connect();
  connection->execute("DELETE FROM audit_log WHERE seq = 2");
  auto result = AuditLog::verify(*connection);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.broken_at, 3);
  EXPECT_NE(result.problem.find("borrada"), std::string::npos);
}

TEST_P(AuditLogTest, DetectsACutTail) {
  append(3);
  auto connection = db().database().connect();
  connection->execute("DELETE FROM audit_log WHERE seq = 3");
  auto result = AuditLog::verify(*connection);
  EXPECT_FALSE(result.ok);
  EXPECT_NE(result.problem.find("final"), std::string::npos);
}

TEST_P(AuditLogTest, AnEntryRolledBackWithItsChangeLeavesTheChainIntact) {
  append(1);
  auto connection = db().database().connect();
  {
    store::Transaction transaction(*connection);
    AuditLog::append(*connection, Actor::system(), {"create", "thing", "x", std::nullopt, true, nullptr, nullptr});
  }
  append(1);
  auto result = AuditLog::verify(*connection);
  EXPECT_TRUE(result.ok) << result.problem;
  EXPECT_EQ(result.entries, 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura::audit
