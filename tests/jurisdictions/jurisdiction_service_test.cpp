#include <gtest/gtest.h>

#include "audit/audit_log.h"
#include "jurisdictions/jurisdiction_service.h"
#include "support/test_database.h"

namespace apertura::jurisdictions {
namespace {

class JurisdictionServiceTest : public apertura::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped()) return;
    service_ = std::make_unique<JurisdictionService>(db().database());
    ASSERT_TRUE(service_->create(admin, {"00", "Estados Unidos Mexicanos", "federal"}).ok());
    ASSERT_TRUE(service_->create(admin, {"14", "Jalisco", "state"}).ok());
    ASSERT_TRUE(service_->create(admin, {"20", "Oaxaca", "state"}).ok());
  }
  std::unique_ptr<JurisdictionService> service_;
  Actor admin{Role::admin, 1, "Admin", std::nullopt};
};

TEST_P(JurisdictionServiceTest, CreatesWithParentSlugAuditAndSearch) {
  auto guadalajara = service_->create(admin, {"14039", "Guadalajara", "municipality"});
  ASSERT_TRUE(guadalajara.ok()) << guadalajara.error().message;
  EXPECT_EQ(guadalajara->slug, "guadalajara");
  EXPECT_EQ(guadalajara->parent_id, service_->find("14")->id);
  auto found = service_->list({"guadalaj", std::nullopt}, {10, 0});
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].code, "14039");
  auto connection = db().database().connect();
  auto entries = audit::AuditLog::list(*connection, true, 1, 0);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].change.entity_kind, "jurisdiction");
  EXPECT_EQ(entries[0].change.after.value("name", ""), "Guadalajara");
}

TEST_P(JurisdictionServiceTest, ValidatesCodesAndLevels) {
  auto bad = service_->create(admin, {"1a", "", "state"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(service_->create(admin, {"14", "Otro", "country"}).error().fields.at(0).field, "level");
  EXPECT_EQ(service_->create(admin, {"140", "Corto", "municipality"}).error().fields.at(0).field, "code");
  auto orphan = service_->create(admin, {"31001", "Abalá", "municipality"});
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(orphan.error().message.find("31"), std::string::npos);
}

TEST_P(JurisdictionServiceTest, DuplicateCodeIsAConflictAndWritesNothing) {
  auto connection = db().database().connect();
  int64_t before = audit::AuditLog::count(*connection, false);
  auto again = service_->create(admin, {"14", "Jalisco otra vez", "state"});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(audit::AuditLog::count(*connection, false), before);
  EXPECT_TRUE(service_->list({"otra vez", std::nullopt}, {10, 0}).items.empty());
}

TEST_P(JurisdictionServiceTest, ListsFederalFirstThenStatesByCodeAndFiltersByLevel) {
  auto all = service_->list({}, {10, 0});
  ASSERT_EQ(all.total, 3);
  EXPECT_EQ(all.items[0].code, "00");
  EXPECT_EQ(all.items[1].code, "14");
  auto states = service_->list({"", Level::state}, {1, 1});
  EXPECT_EQ(states.total, 2);
  ASSERT_EQ(states.items.size(), 1u);
  EXPECT_EQ(states.items[0].code, "20");
}

TEST_P(JurisdictionServiceTest, FindsBySlugOrCode) {
  EXPECT_EQ(service_->find("oaxaca")->code, "20");
  EXPECT_EQ(service_->find("20")->slug, "oaxaca");
  EXPECT_EQ(service_->find("atlantida").error().kind, ErrorKind::not_found);
}

TEST_P(JurisdictionServiceTest, InstitutionsAreValidatedAndUniquePerJurisdiction) {
  auto added = service_->add_institution(admin, "jalisco", {"Secretaría de la Hacienda Pública", "SHP", "https://hacienda.jalisco.gob.mx"});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_TRUE(service_->institution_exists(added->id));
  EXPECT_EQ(service_->add_institution(admin, "jalisco", {"Secretaría de la Hacienda Pública", "", ""}).error().kind,
            ErrorKind::conflict);
  EXPECT_TRUE(service_->add_institution(admin, "oaxaca", {"Secretaría de la Hacienda Pública", "", ""}).ok());
  auto bad = service_->add_institution(admin, "jalisco", {"", "", "javascript:alert(1)"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(service_->institutions(service_->find("14")->id, {10, 0}).total, 1);
}

TEST_P(JurisdictionServiceTest, OnlyAdminsCreate) {
  Actor official{Role::official, 2, "Funcionaria", 1};
  EXPECT_EQ(service_->create(official, {"21", "Puebla", "state"}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(service_->add_institution(Actor::anonymous(), "jalisco", {"X", "", ""}).error().kind,
            ErrorKind::unauthenticated);
}

INSTANTIATE_TEST_SUITE_P(Backends, JurisdictionServiceTest,
                         ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura::jurisdictions
