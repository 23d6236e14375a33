#include <gtest/gtest.h>

#include <regex>

#include "audit/audit_log.h"
#include "notifications/outbox.h"
#include "requests/request_service_fixture.h"

namespace apertura {
namespace {

using requests::FilingInput;
using requests::RequestService;
using testing::RequestServiceTest;

TEST_P(RequestServiceTest, AResponseIsDueAfterTheRegimesTermInBusinessDaysFromTheDayAfterReceipt) {
  // Monday 5 January 2026, 11:00 in Mexico City: 20 business days from the
  // 6th, over 2 February (LFT art. 74 fr. II).
  auto first = file_at("2026-01-05T17:00:00Z", finance_);
  EXPECT_EQ(first.folio, "2026-SHP-000001");  // Secretaría de la Hacienda Pública, without an acronym
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

TEST_P(RequestServiceTest, AnInstitutionWithoutAcronymGetsItsNamesInitialsInTheFolio) {
  auto& places = app_->app().jurisdictions();
  auto congress = places.add_institution(Actor::system(), "14", {"Congreso del Estado de Jalisco", "", ""}).take().id;
  auto court = places.add_institution(Actor::system(), "14", {"Órgano de Administración Judicial", "", ""}).take().id;
  EXPECT_EQ(file_at("2026-01-05T17:00:00Z", congress).folio, "2026-CEJ-000001");
  EXPECT_EQ(file_at("2026-01-05T17:00:00Z", court).folio, "2026-OAJ-000001");
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
  EXPECT_NE(document.events[1].note.find("del 3 de febrero de 2026 al 10 de febrero de 2026"), std::string::npos)
      << document.events[1].note;
  EXPECT_NE(document.events[1].note.find("Periódico Oficial 16-01-2026"), std::string::npos);
  EXPECT_EQ(service_->find(oaxaca.folio)->request.response_due_on, "2026-02-03");
  // Days closed everywhere move both.
  EXPECT_EQ(*service_->add_closed_days(admin, {"", "2026-01-26", "2026-01-26", "non_working", "Calendario nacional"}), 2);
  EXPECT_EQ(service_->find(oaxaca.folio)->request.response_due_on, "2026-02-04");
  EXPECT_EQ(service_->find(jalisco.folio)->request.response_due_on, "2026-02-11");
}

TEST_P(RequestServiceTest, ClosedDaysAddedWhileAClarificationIsAwaitedMoveTheRequestersTerm) {
  auto filed = file_at("2026-01-05T17:00:00Z", finance_);
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  now_ = "2026-01-09T17:00:00Z";
  auto asked = service_->work(official, filed.folio, {"clarify", "Indique el periodo que busca, por favor.", "", "", -1});
  ASSERT_TRUE(asked.ok()) << asked.error().message;
  EXPECT_EQ(asked->clarification_due_on, "2026-01-23");  // 10 business days, 12 to 23 January
  // A suspension of 19 to 23 January: the ten days are 12-16 and 26-30 January.
  Actor admin{Role::admin, 1, "Administración", std::nullopt};
  EXPECT_EQ(*service_->add_closed_days(admin, {"jalisco", "2026-01-19", "2026-01-23", "suspension", "Acuerdo del garante"}), 1);
  auto document = service_->find(filed.folio).take();
  EXPECT_EQ(document.request.clarification_due_on, "2026-01-30");
  EXPECT_EQ(document.events.back().kind, "due_date_moved");
  EXPECT_NE(document.events.back().note.find("El plazo para aclarar la solicitud pasó del 23 de enero de 2026 al 30 de enero de 2026"),
            std::string::npos)
      << document.events.back().note;
  // The daily close counts from the moved day.
  now_ = "2026-01-27T17:00:00Z";
  EXPECT_EQ(service_->close_unclarified(), 0);
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

TEST_P(RequestServiceTest, ARequestIsFiledUnderATopicTheUnitCorrectsAndTheArchiveFiltersByIt) {
  auto topics = service_->topics();
  ASSERT_GE(topics.size(), 10u);
  EXPECT_EQ(topics.front().first, "personal");
  auto input = asking(finance_);
  input.topic = "astrologia";
  EXPECT_EQ(service_->file(Actor::anonymous(), input).error().fields.at(0).field, "topic");
  input.topic = "bienes";
  auto vehicles = service_->file(Actor::anonymous(), input).take()[0];
  EXPECT_EQ(vehicles.topic, "bienes");
  auto untopical = file_at("2026-01-06T17:00:00Z", finance_);
  EXPECT_EQ(untopical.topic, "");

  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  Actor elsewhere{Role::official, user.id, "Otra", oaxaca_health_};
  EXPECT_EQ(service_->set_topic(Actor::anonymous(), untopical.folio, "bienes").error().kind, ErrorKind::unauthenticated);
  EXPECT_EQ(service_->set_topic(elsewhere, untopical.folio, "bienes").error().kind, ErrorKind::forbidden);
  EXPECT_EQ(service_->set_topic(official, untopical.folio, "nada").error().fields.at(0).field, "topic");
  EXPECT_EQ(service_->set_topic(official, untopical.folio, "bienes", untopical.version + 3).error().kind, ErrorKind::conflict);
  auto set = service_->set_topic(official, untopical.folio, "bienes", untopical.version);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->topic, "bienes");

  requests::RequestQuery query;
  query.topic = "bienes";
  EXPECT_EQ(service_->search(query, {10, 0}).take().total, 2);
  query.text = "vehiculos";
  EXPECT_EQ(service_->search(query, {10, 0}).take().total, 2);
  query.text = "";
  query.topic = "salud";
  EXPECT_EQ(service_->search(query, {10, 0}).take().total, 0);
  query.topic = "nada";
  EXPECT_EQ(service_->search(query, {10, 0}).error().kind, ErrorKind::bad_request);
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

// The dates below were counted by hand on the 2026 calendar: 2 February is
// the first Monday of February (LFT art. 74 fr. II).
TEST_P(RequestServiceTest, OfficialsClarifyExtendAndAnswerOnceEachAndTheTermsFollowTheLaw) {
  auto filed = file_at("2026-01-05T17:00:00Z", finance_);  // received Monday 5 January
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  Actor elsewhere{Role::official, user.id, "Otra", oaxaca_health_};
  Actor citizen{Role::citizen, 3, "Ana", std::nullopt};
  requests::WorkInput clarify{"clarify", "Indique el periodo y el área de los vehículos.", "", "", filed.version};

  EXPECT_EQ(service_->work(Actor::anonymous(), filed.folio, clarify).error().kind, ErrorKind::unauthenticated);
  EXPECT_EQ(service_->work(citizen, filed.folio, clarify).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(service_->work(elsewhere, filed.folio, clarify).error().kind, ErrorKind::forbidden);
  requests::WorkInput bad{"archive", "corto", "", "", -1};
  auto refused = service_->work(official, filed.folio, bad);
  EXPECT_EQ(refused.error().fields.at(0).field, "action");
  bad.action = "answer";
  EXPECT_EQ(service_->work(official, filed.folio, bad).error().fields.at(0).field, "text");
  bad.text = "Se entrega la relación solicitada.";
  EXPECT_EQ(service_->work(official, filed.folio, bad).error().fields.at(0).field, "outcome");

  // Friday 9 January is within the 5 days (6-12 January) to ask; the
  // requester then has 10 business days, 12 to 23 January.
  now_ = "2026-01-09T17:00:00Z";
  auto asked = service_->work(official, filed.folio, clarify);
  ASSERT_TRUE(asked.ok()) << asked.error().message;
  EXPECT_EQ(asked->status, requests::RequestStatus::clarification_requested);
  EXPECT_EQ(asked->clarification_due_on, "2026-01-23");
  clarify.version = -1;
  EXPECT_EQ(service_->work(official, filed.folio, clarify).error().kind, ErrorKind::invalid);  // once
  requests::WorkInput answer{"answer", "Se entrega la relación solicitada.", "delivered", "", -1};
  EXPECT_EQ(service_->work(official, filed.folio, answer).error().fields.at(0).field, "action");
  // A stale copy is a conflict, not a second step.
  requests::WorkInput stale = answer;
  stale.version = filed.version;
  EXPECT_EQ(service_->work(official, filed.folio, stale).error().kind, ErrorKind::conflict);

  // Only the requester answers: with the key, which is kept only as a hash.
  EXPECT_EQ(service_->clarify(citizen, filed.folio, "no-es-la-clave", "El periodo es 2025, todas las áreas.").error().fields.at(0).field,
            "key");
  EXPECT_EQ(service_->find(filed.folio)->request.to_public_json().dump().find(filed.requester_key), std::string::npos);
  // Wednesday 14 January: the 20 days start again on the 15th and end on
  // 12 February (2 February skipped).
  now_ = "2026-01-14T17:00:00Z";
  auto clarified = service_->clarify(Actor::anonymous(), filed.folio, filed.requester_key, "El periodo es 2025, todas las áreas.");
  ASSERT_TRUE(clarified.ok()) << clarified.error().message;
  EXPECT_EQ(clarified->status, requests::RequestStatus::received);
  EXPECT_EQ(clarified->term_start_on, "2026-01-14");
  EXPECT_EQ(clarified->response_due_on, "2026-02-12");
  EXPECT_EQ(service_->clarify(Actor::anonymous(), filed.folio, filed.requester_key, "Otra vez lo mismo, por favor.").error().kind,
            ErrorKind::conflict);

  // The extension needs the committee's resolution and adds 10 days: 26 February.
  requests::WorkInput extend{"extend", "Se requiere buscar en los archivos de cinco áreas.", "", "", -1};
  EXPECT_EQ(service_->work(official, filed.folio, extend).error().fields.at(0).field, "reference");
  extend.reference = "CT-04/2026";
  now_ = "2026-02-10T17:00:00Z";
  auto extended = service_->work(official, filed.folio, extend);
  ASSERT_TRUE(extended.ok()) << extended.error().message;
  EXPECT_EQ(extended->status, requests::RequestStatus::extended);
  EXPECT_EQ(extended->extended_days, 10);
  EXPECT_EQ(extended->response_due_on, "2026-02-26");
  EXPECT_EQ(service_->work(official, filed.folio, extend).error().kind, ErrorKind::invalid);  // once

  // An answer after the due date is recorded, and recorded as late;
  // inexistence needs the committee's resolution.
  now_ = "2026-02-27T17:00:00Z";
  EXPECT_TRUE(service_->find(filed.folio)->overdue);
  requests::WorkInput inexistent{"answer", "No se encontró la relación en ninguna área.", "inexistent", "", -1};
  EXPECT_EQ(service_->work(official, filed.folio, inexistent).error().fields.at(0).field, "reference");
  auto answered = service_->work(official, filed.folio, answer);
  ASSERT_TRUE(answered.ok()) << answered.error().message;
  EXPECT_EQ(answered->status, requests::RequestStatus::answered);
  EXPECT_EQ(answered->outcome, std::optional(requests::Outcome::delivered));
  EXPECT_EQ(answered->answered_on, "2026-02-27");
  EXPECT_FALSE(service_->find(filed.folio)->overdue);
  EXPECT_EQ(service_->work(official, filed.folio, answer).error().kind, ErrorKind::conflict);  // closed
  auto document = service_->find(filed.folio).take();
  std::vector<std::string> kinds;
  for (const auto& event : document.events) kinds.push_back(event.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"filed", "clarification_requested", "clarified", "extended", "answered"}));
  EXPECT_NE(document.events.back().note.find("fuera de plazo: vencía el 26 de febrero de 2026"), std::string::npos)
      << document.events.back().note;
  // Nothing is left for the unit.
  EXPECT_TRUE(service_->queue(official)->empty());
}

TEST_P(RequestServiceTest, LateStepsAreRefusedOrCloseTheRequestAsTheLawSays) {
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  // Asking to clarify after the 5th business day (12 January) is refused.
  auto first = file_at("2026-01-05T17:00:00Z", finance_);
  now_ = "2026-01-13T17:00:00Z";
  requests::WorkInput clarify{"clarify", "Indique el periodo y el área de los vehículos.", "", "", -1};
  auto late_ask = service_->work(official, first.folio, clarify);
  ASSERT_FALSE(late_ask.ok());
  EXPECT_NE(late_ask.error().message.find("12 de enero de 2026"), std::string::npos) << late_ask.error().message;
  // Extending after the due date (3 February) is refused.
  now_ = "2026-02-04T17:00:00Z";
  auto late_extend = service_->work(official, first.folio, {"extend", "Se requiere más tiempo para buscar.", "", "CT-1", -1});
  ASSERT_FALSE(late_extend.ok());
  EXPECT_NE(late_extend.error().message.find("3 de febrero de 2026"), std::string::npos);

  // A clarification that comes after its 10 days closes the request as not filed.
  auto second = file_at("2026-01-05T17:00:00Z", finance_);
  now_ = "2026-01-06T17:00:00Z";
  ASSERT_TRUE(service_->work(official, second.folio, clarify).ok());  // due 20 January
  // The queue counts the clarification's days, soonest first.
  now_ = "2026-01-16T17:00:00Z";
  auto queue = service_->queue(official).take();
  ASSERT_EQ(queue.size(), 2u);
  EXPECT_EQ(queue[0].request.folio, second.folio);
  EXPECT_EQ(queue[0].business_days_left, 2);   // 19 and 20 January
  EXPECT_EQ(queue[1].business_days_left, 11);  // 19 January to 3 February, 2 February skipped
  now_ = "2026-01-21T17:00:00Z";
  auto too_late = service_->clarify(Actor::anonymous(), second.folio, second.requester_key, "El periodo es 2025, todas las áreas.");
  ASSERT_FALSE(too_late.ok());
  EXPECT_EQ(service_->find(second.folio)->request.status, requests::RequestStatus::not_filed);

  // Incompetence noticed after 3 days is accepted and marked late.
  auto third = file_at("2026-01-05T17:00:00Z", finance_);
  now_ = "2026-01-09T17:00:00Z";
  auto incompetent = service_->work(official, third.folio,
                                    {"not_competent", "Corresponde a la Secretaría de Administración del estado.", "", "", -1});
  ASSERT_TRUE(incompetent.ok()) << incompetent.error().message;
  EXPECT_EQ(incompetent->status, requests::RequestStatus::not_competent);
  auto events = service_->find(third.folio)->events;
  EXPECT_NE(events.back().note.find("fuera de plazo: vencía el 8 de enero de 2026"), std::string::npos) << events.back().note;
}

TEST_P(RequestServiceTest, StatisticsCountAYearsRequestsPerInstitutionAndTheMedianInBusinessDays) {
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  file_at("2025-06-02T17:00:00Z", finance_);
  auto on_time = file_at("2026-01-05T17:00:00Z", finance_);
  auto late = file_at("2026-01-05T17:00:00Z", finance_);
  auto elsewhere = file_at("2026-01-05T17:00:00Z", finance_);
  file_at("2026-01-05T17:00:00Z", finance_);  // never answered: due 3 February
  file_at("2026-01-07T17:00:00Z", oaxaca_health_);
  now_ = "2026-01-06T17:00:00Z";
  ASSERT_TRUE(service_->work(official, elsewhere.folio, {"not_competent", "Corresponde a la Secretaría de Administración.", "", "", -1}).ok());
  now_ = "2026-01-09T17:00:00Z";
  ASSERT_TRUE(service_->work(official, on_time.folio, {"answer", "Se entrega la relación completa.", "delivered", "", -1}).ok());
  now_ = "2026-02-27T17:00:00Z";
  ASSERT_TRUE(service_->work(official, late.folio, {"answer", "Se entrega una parte de la relación.", "partial", "", -1}).ok());

  auto stats = service_->statistics({"jalisco", std::nullopt, 0});
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_EQ(stats->year, 2026);
  ASSERT_EQ(stats->institutions.size(), 1u);
  const auto& t = stats->institutions[0];
  EXPECT_EQ(t.institution_id, finance_);
  EXPECT_EQ(t.received, 4);
  EXPECT_EQ(t.answered, 2);
  EXPECT_EQ(t.not_competent, 1);
  EXPECT_EQ(t.responded(), 3);
  EXPECT_EQ(t.on_time, 2);
  EXPECT_EQ(t.late, 1);
  EXPECT_EQ(t.open, 1);
  EXPECT_EQ(t.overdue, 1);
  EXPECT_EQ(t.outcomes.at(requests::Outcome::delivered), 1);
  EXPECT_EQ(t.outcomes.at(requests::Outcome::partial), 1);
  // 1 (5 to 6 January), 4 (to the 9th) and 38 (to 27 February, 2 February skipped).
  EXPECT_EQ(t.median_business_days, std::optional<double>(4.0));
  EXPECT_EQ(stats->total.received, 4);
  EXPECT_EQ(stats->years, (std::vector<int>{2026, 2025}));

  auto everywhere = service_->statistics({"", std::nullopt, 2026}).take();
  EXPECT_EQ(everywhere.institutions.size(), 2u);
  EXPECT_EQ(everywhere.total.received, 5);
  EXPECT_EQ(everywhere.total.open, 2);
  EXPECT_EQ(service_->statistics({"jalisco", std::nullopt, 2025})->total.received, 1);
  EXPECT_EQ(service_->statistics({"", oaxaca_health_, 2026})->total.received, 1);
  EXPECT_EQ(service_->statistics({"", std::nullopt, 1999}).error().kind, ErrorKind::bad_request);
  EXPECT_EQ(service_->statistics({"atlantida", std::nullopt, 0}).error().kind, ErrorKind::not_found);

  // The archive filters by outcome and by the day received.
  requests::RequestQuery partial;
  partial.outcome = "partial";
  auto found = service_->search(partial, {10, 0}).take();
  ASSERT_EQ(found.total, 1);
  EXPECT_EQ(found.items[0].folio, late.folio);
  requests::RequestQuery january;
  january.from = "2026-01-06";
  january.to = "2026-01-31";
  EXPECT_EQ(service_->search(january, {10, 0})->total, 1);  // Oaxaca's, received the 7th
  january.from = "2026-01-05";
  EXPECT_EQ(service_->search(january, {10, 0})->total, 5);
  january.to = "31/01/2026";
  EXPECT_EQ(service_->search(january, {10, 0}).error().fields.at(0).field, "to");
  partial.outcome = "perdida";
  EXPECT_EQ(service_->search(partial, {10, 0}).error().kind, ErrorKind::bad_request);
}

TEST_P(RequestServiceTest, TheRequesterAndTheUnitHearOfEachStepThroughTheOutbox) {
  requests::Correspondents who{[](int64_t) { return std::optional<std::string>(); },
                               [this](int64_t institution) {
                                 return institution == finance_ ? std::vector<std::string>{"unidad@jalisco.gob.mx"}
                                                                : std::vector<std::string>{};
                               },
                               "https://portal.example.mx"};
  RequestService service(app_->app().database(), app_->app().jurisdictions(), [this] { return now_; }, who);
  FilingInput input = asking(finance_);
  input.contact = "ana@example.mx";
  input.notify_by = "email";
  auto filed = service.file(Actor::anonymous(), input).take()[0];
  auto connection = app_->app().database().connect();
  auto to_requester = notifications::Outbox::latest_for(*connection, "ana@example.mx");
  ASSERT_EQ(to_requester.size(), 1u);
  EXPECT_NE(to_requester[0].subject.find(filed.folio), std::string::npos);
  EXPECT_NE(to_requester[0].body.find(filed.requester_key), std::string::npos);
  EXPECT_NE(to_requester[0].body.find("https://portal.example.mx/solicitudes/" + filed.folio), std::string::npos);
  EXPECT_NE(to_requester[0].body.find("3 de febrero de 2026"), std::string::npos);
  auto to_unit = notifications::Outbox::latest_for(*connection, "unidad@jalisco.gob.mx");
  ASSERT_EQ(to_unit.size(), 1u);
  EXPECT_NE(to_unit[0].body.find("vehículos oficiales"), std::string::npos);
  EXPECT_EQ(to_unit[0].body.find(filed.requester_key), std::string::npos);

  Actor admin{Role::admin, 1, "Administración", std::nullopt};
  now_ = "2026-01-07T17:00:00Z";
  ASSERT_TRUE(service.work(admin, filed.folio, {"clarify", "Indique el periodo que le interesa.", "", "", -1}).ok());
  to_requester = notifications::Outbox::latest_for(*connection, "ana@example.mx");
  ASSERT_EQ(to_requester.size(), 2u);
  EXPECT_NE(to_requester[0].subject.find("Se pidió aclarar"), std::string::npos) << to_requester[0].subject;
  EXPECT_NE(to_requester[0].body.find("Indique el periodo que le interesa."), std::string::npos);
  ASSERT_TRUE(service.clarify(Actor::anonymous(), filed.folio, filed.requester_key, "Todo 2025, por favor.").ok());
  to_unit = notifications::Outbox::latest_for(*connection, "unidad@jalisco.gob.mx");
  ASSERT_EQ(to_unit.size(), 2u);
  EXPECT_NE(to_unit[0].body.find("Todo 2025, por favor."), std::string::npos);
  // A refused step sends nothing.
  EXPECT_FALSE(service.work(admin, filed.folio, {"clarify", "Otra aclaración, por favor.", "", "", -1}).ok());
  EXPECT_EQ(notifications::Outbox::latest_for(*connection, "ana@example.mx").size(), 2u);
}

TEST_P(RequestServiceTest, UnitsAreWarnedOnceADayOfCasesDueWithinThreeBusinessDays) {
  requests::Correspondents who{{}, [this](int64_t institution) {
                                 return institution == finance_ ? std::vector<std::string>{"unidad@jalisco.gob.mx"}
                                                                : std::vector<std::string>{};
                               },
                               "https://portal.example.mx"};
  RequestService service(app_->app().database(), app_->app().jurisdictions(), [this] { return now_; }, who);
  now_ = "2026-01-05T17:00:00Z";
  auto soon = service.file(Actor::anonymous(), asking(finance_)).take()[0];  // due 3 February
  now_ = "2026-01-20T17:00:00Z";
  auto later = service.file(Actor::anonymous(), asking(finance_)).take()[0];
  service.file(Actor::anonymous(), asking(oaxaca_health_)).take();  // a unit without officials
  auto connection = app_->app().database().connect();
  auto before = notifications::Outbox::latest_for(*connection, "unidad@jalisco.gob.mx", 100).size();

  now_ = "2026-01-26T17:00:00Z";  // 6 business days left: no warning yet
  EXPECT_EQ(service.remind_due_soon(), 0);
  now_ = "2026-01-29T17:00:00Z";  // 30 January and 3 February left (2 February is a holiday)
  EXPECT_EQ(service.remind_due_soon(), 1);
  EXPECT_EQ(service.remind_due_soon(), 0);  // once a day
  auto warned = notifications::Outbox::latest_for(*connection, "unidad@jalisco.gob.mx", 100);
  ASSERT_EQ(warned.size(), before + 1);
  EXPECT_NE(warned[0].body.find(soon.folio + ": quedan 2 días hábiles"), std::string::npos) << warned[0].body;
  EXPECT_EQ(warned[0].body.find(later.folio), std::string::npos);
  now_ = "2026-02-04T17:00:00Z";
  EXPECT_EQ(service.remind_due_soon(), 1);
  warned = notifications::Outbox::latest_for(*connection, "unidad@jalisco.gob.mx", 100);
  EXPECT_NE(warned[0].body.find(soon.folio + ": venció hace 1 día hábil"), std::string::npos) << warned[0].body;
}

TEST_P(RequestServiceTest, PortalFilingsAreLimitedPerAddressAccountAndInstitutionAndARefusalWritesNothing) {
  requests::FilingLimits limits{2, 3, 2, 4};
  RequestService service(app_->app().database(), app_->app().jurisdictions(), [this] { return now_; }, {}, limits);
  auto from = [this](const std::string& address, int64_t institution) {
    FilingInput input = asking(institution);
    input.remote_address = address;
    return input;
  };
  now_ = "2026-01-05T17:00:00Z";
  EXPECT_TRUE(service.file(Actor::anonymous(), from("192.0.2.1", finance_)).ok());
  now_ = "2026-01-05T17:10:00Z";
  EXPECT_TRUE(service.file(Actor::anonymous(), from("192.0.2.1", finance_)).ok());
  auto third = service.file(Actor::anonymous(), from("192.0.2.1", finance_));
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().kind, ErrorKind::too_many_requests);
  EXPECT_NE(third.error().message.find("Espera una hora"), std::string::npos);
  EXPECT_EQ(service.search({}, {100, 0})->total, 2);  // nothing written
  EXPECT_TRUE(service.file(Actor::anonymous(), from("192.0.2.2", finance_)).ok());  // another address
  // An hour later the address may file once more, then its day is full (3).
  now_ = "2026-01-05T18:05:00Z";
  EXPECT_TRUE(service.file(Actor::anonymous(), from("192.0.2.1", oaxaca_health_)).ok());
  now_ = "2026-01-05T19:10:00Z";
  EXPECT_EQ(service.file(Actor::anonymous(), from("192.0.2.1", oaxaca_health_)).error().kind, ErrorKind::too_many_requests);
  // The institution took 3 from the portal today; the fourth fills it.
  EXPECT_TRUE(service.file(Actor::anonymous(), from("192.0.2.3", finance_)).ok());
  auto full = service.file(Actor::anonymous(), from("192.0.2.4", finance_));
  EXPECT_EQ(full.error().kind, ErrorKind::too_many_requests);
  EXPECT_NE(full.error().message.find("Esta institución"), std::string::npos);
  // Staff typing in a phoned request are not counted.
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  FilingInput phoned = from("192.0.2.1", finance_);
  phoned.channel = "phone";
  EXPECT_TRUE(service.file(Actor{Role::official, user.id, "Funcionaria", finance_}, phoned).ok());
  // A signed-in account counts as itself, wherever it files from.
  Actor ana{Role::citizen, app_->create_user("ana@example.mx", Role::citizen).id, "Ana", std::nullopt};
  EXPECT_TRUE(service.file(ana, from("192.0.2.1", oaxaca_health_)).ok());
  EXPECT_TRUE(service.file(ana, from("192.0.2.9", oaxaca_health_)).ok());
  EXPECT_EQ(service.file(ana, from("192.0.2.10", oaxaca_health_)).error().kind, ErrorKind::too_many_requests);
  // The next day starts afresh.
  now_ = "2026-01-06T19:11:00Z";
  EXPECT_TRUE(service.file(Actor::anonymous(), from("192.0.2.1", finance_)).ok());
}

TEST_P(RequestServiceTest, SimilarRequestsMatchAnyTellingWordBestFirst) {
  auto vehicles = file_at("2026-01-05T17:00:00Z", finance_);  // "vehículos oficiales y el área que usa cada uno"
  FilingInput cleaning = asking(finance_);
  cleaning.description = "Solicito los contratos de limpieza de oficinas vigentes en 2026 y su monto.";
  auto other = service_->file(Actor::anonymous(), cleaning).take()[0];
  requests::RequestQuery query;
  query.similar_to = "Quiero saber qué vehículos tiene asignados y quién los maneja";
  auto found = service_->search(query, {10, 0}).take();
  ASSERT_EQ(found.total, 1) << "only the vehicles request shares a telling word";
  EXPECT_EQ(found.items[0].folio, vehicles.folio);
  query.similar_to = "contratos de vehículos";
  found = service_->search(query, {10, 0}).take();
  EXPECT_EQ(found.total, 2);
  // Words every request uses match nothing by themselves.
  query.similar_to = "Solicito información sobre";
  EXPECT_EQ(service_->search(query, {10, 0})->total, 0) << "no telling word, nothing alike";
  query.similar_to = "contratos de limpieza";
  query.status = "answered";
  EXPECT_EQ(service_->search(query, {10, 0})->total, 0);
  (void)other;
}

TEST_P(RequestServiceTest, TheDailyCloseTakesUnclarifiedRequestsAsNotFiledOnceTheirTermEnds) {
  Actor admin{Role::admin, 1, "Administración", std::nullopt};
  auto waiting = file_at("2026-01-05T17:00:00Z", finance_);
  auto open = file_at("2026-01-05T17:00:00Z", finance_);
  now_ = "2026-01-06T17:00:00Z";
  ASSERT_TRUE(service_->work(admin, waiting.folio, {"clarify", "Indique el periodo que le interesa.", "", "", -1}).ok());
  now_ = "2026-01-20T23:00:00Z";  // still the 20th in Mexico City: the last day to clarify
  EXPECT_EQ(service_->close_unclarified(), 0);
  now_ = "2026-01-21T17:00:00Z";
  EXPECT_EQ(service_->close_unclarified(), 1);
  EXPECT_EQ(service_->close_unclarified(), 0);
  auto closed = service_->find(waiting.folio).take();
  EXPECT_EQ(closed.request.status, requests::RequestStatus::not_filed);
  EXPECT_EQ(closed.events.back().kind, "not_filed");
  EXPECT_NE(closed.events.back().note.find("20 de enero de 2026"), std::string::npos);
  EXPECT_EQ(service_->find(open.folio)->request.status, requests::RequestStatus::received);
}

TEST_P(RequestServiceTest, RedactedPersonalDataNeverLeavesThePrivateRecord) {
  now_ = "2026-01-05T17:00:00Z";
  requests::FilingInput input = asking(finance_);
  input.description = "Soy Juan Pérez Gómez, CURP PEGJ800101HJCRMNA9, y pido los vehículos oficiales de mi colonia.";
  input.location_hint = "Vivo en Calle Olmo 12, colonia Centro.";
  auto filed = service_->file(Actor::anonymous(), input).take().front();
  auto user = app_->create_user("funcionaria@example.mx", Role::official, finance_);
  Actor official{Role::official, user.id, "Funcionaria", finance_};
  Actor elsewhere{Role::official, user.id, "Otra", oaxaca_health_};
  const std::string redacted = "Soy [testado], CURP [testado], y pido los vehículos oficiales de mi colonia.";
  requests::RedactionInput redaction{"description", std::nullopt, redacted, "nombre y CURP de quien solicita"};
  EXPECT_EQ(service_->redact(Actor::anonymous(), filed.folio, redaction).error().kind, ErrorKind::unauthenticated);
  EXPECT_EQ(service_->redact(elsewhere, filed.folio, redaction).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(service_->redact(official, filed.folio, {"title", std::nullopt, redacted, "nombre"}).error().fields.at(0).field, "target");
  EXPECT_EQ(service_->redact(official, filed.folio, {"description", std::nullopt, filed.description, "nombre"}).error().fields.at(0).field,
            "text");
  EXPECT_EQ(service_->redact(official, filed.folio, {"description", std::nullopt, redacted, ""}).error().fields.at(0).field, "reason");
  EXPECT_EQ(service_->redact(official, filed.folio, {"event", 999999, "[testado]", "nombre"}).error().fields.at(0).field, "event_id");
  ASSERT_TRUE(service_->redact(official, filed.folio, redaction).ok());
  ASSERT_TRUE(service_->redact(official, filed.folio, {"location_hint", std::nullopt, "Vivo en [testado].", "domicilio"}).ok());

  auto document = service_->find(filed.folio).take();
  EXPECT_EQ(document.request.description, redacted);
  EXPECT_EQ(document.request.location_hint, "Vivo en [testado].");
  EXPECT_EQ(document.events.back().kind, "redacted");
  EXPECT_NE(document.events.back().note.find("domicilio"), std::string::npos);
  // Neither search nor "similar requests" finds it by the words taken out.
  for (const char* word : {"PEGJ800101HJCRMNA9", "Gomez", "Olmo"}) {
    requests::RequestQuery text;
    text.text = word;
    EXPECT_EQ(service_->search(text, {10, 0})->total, 0) << word;
    requests::RequestQuery similar;
    similar.similar_to = std::string(word) + " vehiculos";
    auto hits = service_->search(similar, {10, 0}).take();
    for (const auto& hit : hits.items) EXPECT_EQ(hit.description.find(word), std::string::npos);
  }
  requests::RequestQuery kept_words;
  kept_words.text = "vehiculos colonia";
  EXPECT_EQ(service_->search(kept_words, {10, 0})->total, 1);
  // The public audit log never held the requester's words; the private one has both versions.
  auto connection = app_->app().database().connect();
  std::string everything_public;
  for (const auto& entry : audit::AuditLog::list(*connection, true, 1000, 0)) {
    everything_public += audit::public_json(entry).dump();
  }
  EXPECT_EQ(everything_public.find("PEGJ800101HJCRMNA9"), std::string::npos);
  EXPECT_EQ(everything_public.find("Olmo"), std::string::npos);
  std::string everything;
  for (const auto& entry : audit::AuditLog::list(*connection, false, 1000, 0)) everything += entry.change.before.dump();
  EXPECT_NE(everything.find("PEGJ800101HJCRMNA9"), std::string::npos);
  auto kept = requests::RequestRepository::redactions(*connection, filed.id);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].original, input.description);
  EXPECT_EQ(kept[0].redacted, redacted);
  EXPECT_EQ(kept[1].original, input.location_hint);

  // A step's note too (here the answer, which named the requester).
  now_ = "2026-01-09T17:00:00Z";
  ASSERT_TRUE(service_->work(official, filed.folio, {"answer", "Juan Pérez: se entrega la relación.", "delivered", "", -1}).ok());
  int64_t answer_id = service_->find(filed.folio)->events.back().id;
  ASSERT_TRUE(service_->redact(official, filed.folio, {"event", answer_id, "[testado]: se entrega la relación.", "nombre"}).ok());
  auto after = service_->find(filed.folio).take();
  for (const auto& event : after.events) EXPECT_EQ(event.note.find("Juan"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, RequestServiceTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
