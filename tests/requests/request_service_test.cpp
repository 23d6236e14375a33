#include <gtest/gtest.h>

#include <regex>

#include "requests/request_service.h"
#include "support/test_app.h"

namespace apertura {
namespace {

using requests::FilingInput;
using requests::RequestService;

// The requests service on each database, with a clock the test sets.
class RequestServiceTest : public apertura::testing::AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped()) return;
    finance_ = app_->create_jalisco_finance();
    auto& places = app_->app().jurisdictions();
    places.create(Actor::system(), {"20", "Oaxaca", "state"}).take();
    places.create(Actor::system(), {"18", "Nayarit", "state"}).take();
    oaxaca_health_ = places.add_institution(Actor::system(), "20", {"Servicios de Salud de Oaxaca", "SSO", ""}).take().id;
    nayarit_health_ = places.add_institution(Actor::system(), "18", {"Servicios de Salud de Nayarit", "SSN", ""}).take().id;
    service_ = std::make_unique<RequestService>(app_->app().database(), places, [this] { return now_; });
  }

  FilingInput asking(int64_t institution) {
    FilingInput input;
    input.institution_ids = {institution};
    input.description = "Solicito la relación de vehículos oficiales y el área que usa cada uno.";
    return input;
  }

  requests::InformationRequest file_at(const std::string& when, int64_t institution) {
    now_ = when;
    auto filed = service_->file(Actor::anonymous(), asking(institution));
    EXPECT_TRUE(filed.ok()) << (filed.ok() ? "" : filed.error().message);
    return filed->front();
  }

  std::string now_ = "2026-01-05T17:00:00Z";
  int64_t finance_ = 0;
  int64_t oaxaca_health_ = 0;
  int64_t nayarit_health_ = 0;
  std::unique_ptr<RequestService> service_;
};

TEST_P(RequestServiceTest, AResponseIsDueAfterTheRegimesTermInBusinessDaysFromTheDayAfterReceipt) {
  // Monday 5 January 2026, 11:00 in Mexico City: 20 business days from the
  // 6th, over 2 February (LFT art. 74 fr. II).
  auto first = file_at("2026-01-05T17:00:00Z", finance_);
  EXPECT_TRUE(std::regex_match(first.folio, std::regex("2026-I[0-9]+-000001"))) << first.folio;
  EXPECT_EQ(first.received_on, "2026-01-05");
  EXPECT_EQ(first.response_due_on, "2026-02-03");
  auto document = service_->find(first.folio).take();
  EXPECT_EQ(document.regime.code, "lgtaip-2025");
  EXPECT_EQ(document.response.first, "2026-01-06");
  EXPECT_EQ(document.response.days, 20);
  ASSERT_EQ(document.events.size(), 1u);
  EXPECT_EQ(document.events[0].kind, "filed");
  EXPECT_EQ(document.events[0].due_on, "2026-02-03");

  // 23:00 in Mexico City is still the 5th; the next number follows.
  auto late = file_at("2026-01-06T05:00:00Z", finance_);
  EXPECT_EQ(late.received_on, "2026-01-05");
  EXPECT_EQ(late.folio.substr(late.folio.size() - 6), "000002");
  // A Saturday's request is received on Monday 12th and due on 10 February.
  auto saturday = file_at("2026-01-10T17:00:00Z", finance_);
  EXPECT_EQ(saturday.received_on, "2026-01-12");
  EXPECT_EQ(saturday.response_due_on, "2026-02-10");
  // One request to two institutions is two cases with their own folios.
  now_ = "2026-01-07T17:00:00Z";
  FilingInput both = asking(finance_);
  both.institution_ids.push_back(oaxaca_health_);
  auto two = service_->file(Actor::anonymous(), both).take();
  ASSERT_EQ(two.size(), 2u);
  EXPECT_NE(two[0].folio, two[1].folio);
  EXPECT_EQ(two[1].folio, "2026-SSO-000001");
  // Institutions of two states that share an acronym share its numbers.
  auto jalisco_sso = app_->app().jurisdictions().add_institution(Actor::system(), "14", {"Sistema de Seguridad", "SSO", ""});
  EXPECT_EQ(file_at("2026-01-08T17:00:00Z", jalisco_sso->id).folio, "2026-SSO-000002");
}

TEST_P(RequestServiceTest, ARequestKeepsTheRegimeInForceOnTheDayItWasReceived) {
  auto before = file_at("2025-03-20T17:00:00Z", finance_);
  auto after = file_at("2025-03-21T17:00:00Z", finance_);
  EXPECT_EQ(service_->find(before.folio)->regime.code, "lgtaip-2015");
  EXPECT_EQ(service_->find(after.folio)->regime.code, "lgtaip-2025");
  // Nayarit's own law (15 days) wins over the general one there.
  auto nayarit = file_at("2026-01-05T17:00:00Z", nayarit_health_);
  auto document = service_->find(nayarit.folio).take();
  EXPECT_EQ(document.regime.code, "nayarit-ltaip");
  EXPECT_FALSE(document.regime.verified);
  EXPECT_EQ(nayarit.response_due_on, "2026-01-26");
  // An amended regime changes no request filed under it before.
  auto regime = document.regime;
  requests::RegimeInput input{"", regime.name, regime.jurisdiction_code, regime.effective_from, "2026-01-31",
                              regime.guarantor, regime.legal_basis, false, "", {}, {}};
  auto amended = service_->amend_regime(Actor::system(), regime.id, regime.version, input).take();
  EXPECT_EQ(amended.effective_to, "2026-01-31");
  EXPECT_EQ(amended.version, regime.version + 1);
  auto february = file_at("2026-02-03T17:00:00Z", nayarit_health_);
  EXPECT_EQ(service_->find(february.folio)->regime.code, "lgtaip-2025");
  EXPECT_EQ(service_->find(nayarit.folio)->regime.code, "nayarit-ltaip");
}

TEST_P(RequestServiceTest, ClosedDaysAddedLaterMoveTheDueDatesOfOpenRequestsAndTheHistorySaysWhy) {
  auto jalisco = file_at("2026-01-05T17:00:00Z", finance_);
  auto oaxaca = file_at("2026-01-05T17:00:00Z", oaxaca_health_);
  Actor admin{Role::admin, 1, "Administración", std::nullopt};
  auto moved = service_->add_closed_days(admin, {"jalisco", "2026-01-19", "2026-01-23", "suspension",
                                                  "Acuerdo del garante, Periódico Oficial 16-01-2026"});
  ASSERT_TRUE(moved.ok()) << moved.error().message;
  EXPECT_EQ(*moved, 1);
  auto document = service_->find(jalisco.folio).take();
  EXPECT_EQ(document.request.response_due_on, "2026-02-10");
  EXPECT_EQ(document.response.due, "2026-02-10");
  int suspended = 0;
  for (const auto& day : document.response.skipped) suspended += day.kind == DayOff::suspension;
  EXPECT_EQ(suspended, 5);
  ASSERT_EQ(document.events.size(), 2u);
  EXPECT_EQ(document.events[1].kind, "due_date_moved");
  EXPECT_EQ(document.events[1].due_on, "2026-02-10");
  EXPECT_NE(document.events[1].note.find("2026-02-03"), std::string::npos);
  EXPECT_NE(document.events[1].note.find("Periódico Oficial 16-01-2026"), std::string::npos);
  EXPECT_EQ(service_->find(oaxaca.folio)->request.response_due_on, "2026-02-03");
  // Days closed everywhere move both.
  EXPECT_EQ(*service_->add_closed_days(admin, {"", "2026-01-26", "2026-01-26", "non_working", "Calendario nacional"}), 2);
  EXPECT_EQ(service_->find(oaxaca.folio)->request.response_due_on, "2026-02-04");
  EXPECT_EQ(service_->find(jalisco.folio)->request.response_due_on, "2026-02-11");
}

TEST_P(RequestServiceTest, BadFilingsAreRefusedFieldByFieldAndNothingIsWritten) {
  FilingInput input = asking(finance_);
  input.description = "corto";
  input.notify_by = "email";
  input.delivery = "fax";
  auto refused = service_->file(Actor::anonymous(), input);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid);
  std::set<std::string> fields;
  for (const auto& field : refused.error().fields) fields.insert(field.field);
  EXPECT_EQ(fields, (std::set<std::string>{"description", "delivery", "contact"}));

  FilingInput nowhere = asking(999999);
  EXPECT_EQ(service_->file(Actor::anonymous(), nowhere).error().fields.at(0).field, "institution_ids");
  FilingInput none = asking(finance_);
  none.institution_ids.clear();
  EXPECT_EQ(service_->file(Actor::anonymous(), none).error().fields.at(0).field, "institution_ids");
  // Only staff type in a request that came by phone, and only for their institution.
  FilingInput phoned = asking(oaxaca_health_);
  phoned.channel = "phone";
  EXPECT_EQ(service_->file(Actor::anonymous(), phoned).error().kind, ErrorKind::unauthenticated);
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  EXPECT_EQ(service_->file(official, phoned).error().fields.at(0).field, "institution_ids");
  phoned.institution_ids = {finance_};
  auto captured = service_->file(official, phoned).take();
  EXPECT_EQ(captured[0].channel, requests::Channel::phone);
  EXPECT_EQ(captured[0].captured_by, std::optional<int64_t>(user.id));
  EXPECT_EQ(service_->search({}, {100, 0})->total, 1);
}

TEST_P(RequestServiceTest, TheContactIsNeverPublicAndTheNameOnlyWhenChosen) {
  FilingInput input = asking(finance_);
  input.requester_name = "Ana Ruiz";
  input.contact = "ana@example.mx";
  input.notify_by = "email";
  auto hidden = service_->file(Actor::anonymous(), input).take()[0];
  input.show_name = true;
  auto shown = service_->file(Actor::anonymous(), input).take()[0];
  EXPECT_EQ(hidden.to_public_json().dump().find("ana@example.mx"), std::string::npos);
  EXPECT_EQ(hidden.to_public_json().dump().find("Ana Ruiz"), std::string::npos);
  EXPECT_EQ(shown.to_public_json()["requester_name"], "Ana Ruiz");
  EXPECT_EQ(shown.to_public_json().dump().find("ana@example.mx"), std::string::npos);
}

TEST_P(RequestServiceTest, OnlyAdminsAmendRegimesAndAStaleCopyIsAConflict) {
  auto regimes = service_->regimes();
  ASSERT_EQ(regimes.size(), 3u);
  requests::Regime regime = regimes[0];
  requests::RegimeInput input{"", regime.name, "", regime.effective_from, regime.effective_to, regime.guarantor,
                              regime.legal_basis, regime.verified, "", {{"response", "15"}}, {{"response", "134"}}};
  Actor citizen{Role::citizen, 3, "Ana", std::nullopt};
  EXPECT_EQ(service_->amend_regime(citizen, regime.id, regime.version, input).error().kind, ErrorKind::forbidden);
  Actor admin{Role::admin, 1, "Administración", std::nullopt};
  auto amended = service_->amend_regime(admin, regime.id, regime.version, input).take();
  EXPECT_EQ(amended.days(requests::TermKind::response), 15);
  EXPECT_EQ(amended.days(requests::TermKind::extension), regime.days(requests::TermKind::extension));
  auto stale = service_->amend_regime(admin, regime.id, regime.version, input);
  EXPECT_EQ(stale.error().kind, ErrorKind::conflict);
  input.term_values["response"] = "0";
  input.effective_to = "2000-01-01";
  auto invalid = service_->amend_regime(admin, regime.id, amended.version, input);
  ASSERT_FALSE(invalid.ok());
  std::set<std::string> fields;
  for (const auto& field : invalid.error().fields) fields.insert(field.field);
  EXPECT_EQ(fields, (std::set<std::string>{"terms.response", "effective_to"}));
  // A new regime needs every term and a free code.
  requests::RegimeInput copy = input;
  copy.code = "lgtaip-2025";
  copy.effective_to = "";
  copy.term_values["response"] = "10";
  EXPECT_EQ(service_->add_regime(admin, copy).error().fields.at(0).field, "terms.extension");
  for (requests::TermKind kind : requests::all_terms()) {
    copy.term_values.emplace(std::string(requests::term_name(kind)), "5");
  }
  EXPECT_EQ(service_->add_regime(admin, copy).error().fields.at(0).field, "code");
  copy.code = "jalisco-ltaip";
  copy.jurisdiction_code = "jalisco";
  auto added = service_->add_regime(admin, copy).take();
  EXPECT_EQ(added.jurisdiction_code, "14");
  EXPECT_EQ(added.days(requests::TermKind::response), 10);
  auto jalisco = file_at("2026-01-05T17:00:00Z", finance_);
  EXPECT_EQ(jalisco.response_due_on, "2026-01-19");
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestServiceTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
