#include <gtest/gtest.h>

#include "requests/request_service_fixture.h"

namespace apertura {
namespace {

using requests::AppealStatus;
using requests::AppealStepInput;
using testing::RequestServiceTest;

// Jalisco's guarantor chosen, with one of its officials, the finance
// unit's official, and a request answered on Friday 9 January 2026.
class AppealServiceTest : public RequestServiceTest {
 protected:
  void SetUp() override {
    RequestServiceTest::SetUp();
    if (IsSkipped()) return;
    auto& places = app_->app().jurisdictions();
    itei_ = places.add_institution(Actor::system(), "14", {"Instituto de Transparencia de Jalisco", "ITEI", ""}).take().id;
    auto unit_user = app_->create_user("unidad@example.mx", Role::official, finance_);
    unit_ = Actor{Role::official, unit_user.id, "Unidad", finance_};
    auto guarantor_user = app_->create_user("garante@example.mx", Role::official, itei_);
    guarantor_ = Actor{Role::official, guarantor_user.id, "Garante", itei_};
    auto chosen = service_->set_guarantor(admin_, "14", itei_);
    ASSERT_TRUE(chosen.ok()) << chosen.error().message;
    request_ = file_at("2026-01-05T17:00:00Z", finance_);
    now_ = "2026-01-09T17:00:00Z";
    auto answered = service_->work(unit_, request_.folio, {"answer", "Tras buscar no se encontró la relación.", "inexistent",
                                                           "CT-INEX-04/2026", -1});
    ASSERT_TRUE(answered.ok()) << answered.error().message;
  }

  Result<requests::Appeal> step(const Actor& actor, const std::string& when, AppealStepInput input) {
    now_ = when;
    return service_->work_appeal(actor, request_.folio, input);
  }

  Actor admin_{Role::admin, 1, "Administración", std::nullopt};
  Actor unit_;
  Actor guarantor_;
  int64_t itei_ = 0;
  requests::InformationRequest request_;
};

TEST_P(AppealServiceTest, TheRequesterAppealsAnAnswerWithinTheTermAndOnlyOnce) {
  now_ = "2026-01-12T17:00:00Z";
  auto document = service_->find(request_.folio).take();
  // 15 business days from the day after the answer: 12 to 30 January.
  EXPECT_EQ(document.appeal_until, "2026-01-30");
  EXPECT_EQ(document.guarantor_name, "Instituto de Transparencia de Jalisco");
  EXPECT_EQ(service_->appeal(Actor::anonymous(), request_.folio, {"inexistence", "No buscaron en todas las áreas.", "otra"})
                .error()
                .fields.at(0)
                .field,
            "key");
  EXPECT_EQ(service_->appeal(Actor::anonymous(), request_.folio, {"no_answer", "No buscaron en todas las áreas.", request_.requester_key})
                .error()
                .fields.at(0)
                .field,
            "ground");
  EXPECT_EQ(service_->appeal(Actor::anonymous(), request_.folio, {"", "No buscaron en todas las áreas.", request_.requester_key})
                .error()
                .fields.at(0)
                .field,
            "ground");
  EXPECT_EQ(service_->appeal(Actor::anonymous(), request_.folio, {"inexistence", "corto", request_.requester_key})
                .error()
                .fields.at(0)
                .field,
            "reasons");
  EXPECT_FALSE(service_->find(request_.folio)->appeal);  // nothing written

  auto appeal = service_->appeal(Actor::anonymous(), request_.folio,
                                 {"inexistence", "No buscaron en todas las áreas.", request_.requester_key});
  ASSERT_TRUE(appeal.ok()) << appeal.error().message;
  EXPECT_EQ(appeal->number, "RR-" + request_.folio);
  EXPECT_EQ(appeal->status, AppealStatus::filed);
  EXPECT_EQ(appeal->received_on, "2026-01-12");
  EXPECT_EQ(appeal->filing_due_on, "2026-01-30");
  EXPECT_EQ(service_->appeal(Actor::anonymous(), request_.folio, {"inexistence", "Otra vez, por si acaso.", request_.requester_key})
                .error()
                .kind,
            ErrorKind::conflict);
  document = service_->find(request_.folio).take();
  ASSERT_TRUE(document.appeal);
  EXPECT_TRUE(document.appeal_until.empty());
  EXPECT_EQ(document.events.back().kind, "appeal_filed");
  EXPECT_NE(document.events.back().note.find("Declaración de inexistencia"), std::string::npos);
}

TEST_P(AppealServiceTest, AnAppealAfterItsTermIsRefusedWithTheDayItEnded) {
  now_ = "2026-02-03T17:00:00Z";
  auto late = service_->appeal(Actor::anonymous(), request_.folio,
                               {"inexistence", "No buscaron en todas las áreas.", request_.requester_key});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().kind, ErrorKind::conflict);
  EXPECT_NE(late.error().message.find("30 de enero de 2026"), std::string::npos) << late.error().message;
  EXPECT_TRUE(service_->find(request_.folio)->appeal_until.empty());
}

TEST_P(AppealServiceTest, SilenceIsAppealableOnlyOnceTheResponseTermEndsAndOnlyForNoAnswer) {
  auto silent = file_at("2026-01-05T17:00:00Z", finance_);  // due Tuesday 3 February
  now_ = "2026-02-03T17:00:00Z";
  auto early = service_->appeal(Actor::anonymous(), silent.folio, {"no_answer", "No me han respondido nada.", silent.requester_key});
  EXPECT_EQ(early.error().kind, ErrorKind::conflict);
  EXPECT_NE(early.error().message.find("3 de febrero de 2026"), std::string::npos) << early.error().message;
  now_ = "2026-02-04T17:00:00Z";
  EXPECT_EQ(service_->find(silent.folio)->appeal_until, "2026-02-24");
  EXPECT_EQ(service_->appeal(Actor::anonymous(), silent.folio, {"incomplete", "No me han respondido nada.", silent.requester_key})
                .error()
                .fields.at(0)
                .field,
            "ground");
  auto appeal = service_->appeal(Actor::anonymous(), silent.folio, {"no_answer", "No me han respondido nada.", silent.requester_key});
  ASSERT_TRUE(appeal.ok()) << appeal.error().message;
  EXPECT_EQ(appeal->filing_due_on, "2026-02-24");
}

TEST_P(AppealServiceTest, TheGuarantorAdmitsHearsResolvesAndChecksComplianceWithinItsTerms) {
  now_ = "2026-01-12T17:00:00Z";
  ASSERT_TRUE(service_->appeal(Actor::anonymous(), request_.folio,
                               {"inexistence", "No buscaron en todas las áreas.", request_.requester_key})
                  .ok());
  const std::string text = "Acuerdo del pleno del órgano garante.";
  // Only the guarantor's staff (or the jurisdiction's admins) take its steps.
  EXPECT_EQ(step(Actor::anonymous(), "2026-01-14T17:00:00Z", {"admit", text}).error().kind, ErrorKind::unauthenticated);
  EXPECT_EQ(step(unit_, "2026-01-14T17:00:00Z", {"admit", text}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(step(guarantor_, "2026-01-14T17:00:00Z", {"archive", text}).error().fields.at(0).field, "action");
  EXPECT_EQ(step(guarantor_, "2026-01-14T17:00:00Z", {"resolve", text, "confirm"}).error().kind, ErrorKind::conflict);
  EXPECT_EQ(step(guarantor_, "2026-01-14T17:00:00Z", {"admit", "corto"}).error().fields.at(0).field, "text");
  // Nobody alleges before admission.
  EXPECT_EQ(step(Actor::anonymous(), "2026-01-14T17:00:00Z", {"allege", text, "", "", request_.requester_key}).error().kind,
            ErrorKind::conflict);

  auto admitted = step(guarantor_, "2026-01-14T17:00:00Z", {"admit", text});
  ASSERT_TRUE(admitted.ok()) << admitted.error().message;
  EXPECT_EQ(admitted->status, AppealStatus::admitted);
  EXPECT_EQ(admitted->admitted_on, "2026-01-14");
  EXPECT_EQ(admitted->allegations_due_on, "2026-01-23");  // 7 business days, art. 153 fr. II
  EXPECT_EQ(admitted->resolution_due_on, "2026-03-12");   // 40, over 2 February (LFT art. 74)

  // Both parties allege while the term runs; strangers do not.
  EXPECT_EQ(step(Actor::anonymous(), "2026-01-20T17:00:00Z", {"allege", text, "", "", "otra"}).error().fields.at(0).field, "key");
  EXPECT_TRUE(step(Actor::anonymous(), "2026-01-20T17:00:00Z", {"allege", "Adjunto el oficio donde consta.", "", "", request_.requester_key}).ok());
  EXPECT_TRUE(step(unit_, "2026-01-21T17:00:00Z", {"allege", "Se buscó en todas las áreas competentes."}).ok());
  auto closed = step(unit_, "2026-01-26T17:00:00Z", {"allege", "Algo más que decir después."});
  EXPECT_NE(closed.error().message.find("23 de enero de 2026"), std::string::npos);

  // Extended once, before its term ends: 60 business days from admission.
  auto extended = step(guarantor_, "2026-03-02T17:00:00Z", {"extend", "Se amplía por la complejidad del asunto."});
  ASSERT_TRUE(extended.ok()) << extended.error().message;
  EXPECT_EQ(extended->resolution_due_on, "2026-04-10");  // over 16 March
  EXPECT_EQ(step(guarantor_, "2026-03-03T17:00:00Z", {"extend", "Otra ampliación más."}).error().kind, ErrorKind::invalid);
  // A stale copy is a conflict.
  AppealStepInput stale{"resolve", text, "modify"};
  stale.version = admitted->version;
  EXPECT_EQ(step(guarantor_, "2026-03-10T17:00:00Z", stale).error().kind, ErrorKind::conflict);
  EXPECT_EQ(step(guarantor_, "2026-03-10T17:00:00Z", {"resolve", text, "maybe"}).error().fields.at(0).field, "result");

  auto resolved = step(guarantor_, "2026-03-10T17:00:00Z", {"resolve", "Se modifica: debe buscar en el archivo.", "modify"});
  ASSERT_TRUE(resolved.ok()) << resolved.error().message;
  EXPECT_EQ(resolved->status, AppealStatus::complying);
  EXPECT_FALSE(resolved->resolved_late);
  EXPECT_EQ(resolved->compliance_due_on, "2026-03-25");  // 10 business days, over 16 March

  // Compliance not reported yet cannot be found done, nor wanting before its day.
  EXPECT_EQ(step(guarantor_, "2026-03-12T17:00:00Z", {"verify", text, "", "yes"}).error().kind, ErrorKind::conflict);
  EXPECT_EQ(step(guarantor_, "2026-03-12T17:00:00Z", {"verify", text, "", "no"}).error().kind, ErrorKind::conflict);
  EXPECT_EQ(step(guarantor_, "2026-03-12T17:00:00Z", {"report_compliance", text}).error().kind, ErrorKind::forbidden);
  auto reported = step(unit_, "2026-03-20T17:00:00Z", {"report_compliance", "Se entregó el expediente encontrado en el archivo."});
  ASSERT_TRUE(reported.ok()) << reported.error().message;
  EXPECT_EQ(reported->status, AppealStatus::compliance_reported);
  EXPECT_FALSE(reported->compliance_late);
  EXPECT_EQ(step(guarantor_, "2026-03-23T17:00:00Z", {"verify", text, "", "maybe"}).error().fields.at(0).field, "complied");
  auto verified = step(guarantor_, "2026-03-23T17:00:00Z", {"verify", "Se revisaron las constancias.", "", "yes"});
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(verified->status, AppealStatus::complied);
  EXPECT_EQ(step(guarantor_, "2026-03-24T17:00:00Z", {"verify", text, "", "no"}).error().kind, ErrorKind::conflict);

  auto document = service_->find(request_.folio).take();
  std::vector<std::string> kinds;
  for (const auto& event : document.events) kinds.push_back(event.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"filed", "answered", "appeal_filed", "appeal_admit", "appeal_allege", "appeal_allege",
                                             "appeal_extend", "appeal_resolve", "appeal_report_compliance", "appeal_verify"}));
  // The year's statistics count it.
  auto stats = service_->statistics({"jalisco", std::nullopt, 2026}).take();
  EXPECT_EQ(stats.total.appeals, 1);
  EXPECT_EQ(stats.total.appeals_modified, 1);
  EXPECT_EQ(stats.total.appeals_complied, 1);
  EXPECT_EQ(stats.total.appeals_open, 0);
}

TEST_P(AppealServiceTest, ThePreventionAsksTheAppellantOnceToCompleteItWithinItsTerm) {
  now_ = "2026-01-12T17:00:00Z";
  ASSERT_TRUE(service_->appeal(Actor::anonymous(), request_.folio,
                               {"inexistence", "No buscaron bien.", request_.requester_key}).ok());
  EXPECT_EQ(step(unit_, "2026-01-14T17:00:00Z", {"prevent", "Precise en qué áreas no se buscó la información."}).error().kind,
            ErrorKind::forbidden);
  // Wednesday 14 January: five business days, 15 to 21 January.
  auto prevented = step(guarantor_, "2026-01-14T17:00:00Z", {"prevent", "Precise en qué áreas no se buscó la información."});
  ASSERT_TRUE(prevented.ok()) << prevented.error().message;
  EXPECT_EQ(prevented->status, AppealStatus::prevented);
  EXPECT_EQ(prevented->prevention_due_on, "2026-01-21");
  EXPECT_EQ(prevented->running_due_on(), "2026-01-21");
  EXPECT_EQ(step(guarantor_, "2026-01-15T17:00:00Z", {"admit", "Se admite el recurso de revisión."}).error().kind,
            ErrorKind::conflict);  // waiting for the appellant
  EXPECT_EQ(step(guarantor_, "2026-01-21T17:00:00Z", {"reject", "No se completó el recurso en el plazo."}).error().kind,
            ErrorKind::invalid);  // the term still runs
  AppealStepInput complete{"complete", "No buscaron en la Dirección de Recursos Materiales ni en el archivo."};
  complete.key = "otra";
  EXPECT_EQ(step(Actor::anonymous(), "2026-01-21T17:00:00Z", complete).error().fields.at(0).field, "key");
  complete.key = request_.requester_key;
  auto completed = step(Actor::anonymous(), "2026-01-21T17:00:00Z", complete);
  ASSERT_TRUE(completed.ok()) << completed.error().message;
  EXPECT_EQ(completed->status, AppealStatus::filed);
  EXPECT_EQ(step(guarantor_, "2026-01-22T17:00:00Z", {"prevent", "Precise otra vez, por favor, qué le falta."}).error().kind,
            ErrorKind::invalid);  // only once
  auto admitted = step(guarantor_, "2026-01-22T17:00:00Z", {"admit", "Se admite el recurso de revisión."});
  ASSERT_TRUE(admitted.ok()) << admitted.error().message;
  auto document = service_->find(request_.folio).take();
  std::vector<std::string> kinds;
  for (const auto& event : document.events) kinds.push_back(event.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"filed", "answered", "appeal_filed", "appeal_prevent", "appeal_complete",
                                             "appeal_admit"}));
}

TEST_P(AppealServiceTest, AnAppealNotCompletedInItsTermIsRejectedAndCannotBeCompletedLate) {
  now_ = "2026-01-12T17:00:00Z";
  ASSERT_TRUE(service_->appeal(Actor::anonymous(), request_.folio,
                               {"inexistence", "No buscaron bien.", request_.requester_key}).ok());
  ASSERT_TRUE(step(guarantor_, "2026-01-14T17:00:00Z", {"prevent", "Precise en qué áreas no se buscó la información."}).ok());
  AppealStepInput late{"complete", "No buscaron en la Dirección de Recursos Materiales ni en el archivo."};
  late.key = request_.requester_key;
  auto refused = step(Actor::anonymous(), "2026-01-22T17:00:00Z", late);
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid);
  EXPECT_NE(refused.error().message.find("venció el 21 de enero de 2026"), std::string::npos) << refused.error().message;
  auto rejected = step(guarantor_, "2026-01-22T17:00:00Z", {"reject", "No se completó el recurso en el plazo."});
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ(rejected->status, AppealStatus::rejected);
}

TEST_P(AppealServiceTest, ALateResolutionIsMarkedAndRejectedAppealsEndThere) {
  auto other = file_at("2026-01-05T17:00:00Z", finance_);
  now_ = "2026-01-12T17:00:00Z";
  ASSERT_TRUE(service_->appeal(Actor::anonymous(), request_.folio, {"inexistence", "No buscaron en todas las áreas.", request_.requester_key}).ok());
  ASSERT_TRUE(step(guarantor_, "2026-01-13T17:00:00Z", {"admit", "Se admite el recurso."}).ok());
  auto late = step(guarantor_, "2026-04-01T17:00:00Z", {"resolve", "Se confirma la respuesta.", "confirm"});
  ASSERT_TRUE(late.ok()) << late.error().message;
  EXPECT_EQ(late->status, AppealStatus::resolved);
  EXPECT_TRUE(late->resolved_late);
  EXPECT_NE(service_->find(request_.folio)->events.back().note.find("fuera de plazo"), std::string::npos);

  // Without a guarantor chosen, the jurisdiction's admins work its appeals.
  now_ = "2026-02-04T17:00:00Z";
  ASSERT_TRUE(service_->appeal(Actor::anonymous(), other.folio, {"no_answer", "No me han respondido nada.", other.requester_key}).ok());
  Actor oaxaca_admin{Role::admin, 1, "Administración de Oaxaca", std::nullopt,
                     app_->app().jurisdictions().find("20")->id};
  EXPECT_FALSE(service_->may_work_appeal(oaxaca_admin, other.jurisdiction_id));
  EXPECT_TRUE(service_->may_work_appeal(admin_, other.jurisdiction_id));
  auto rejected = service_->work_appeal(admin_, other.folio, {"reject", "Se desecha: se presentó ante otra autoridad."});
  ASSERT_TRUE(rejected.ok()) << rejected.error().message;
  EXPECT_EQ(rejected->status, AppealStatus::rejected);
  EXPECT_EQ(service_->work_appeal(admin_, other.folio, {"admit", "Se admite el recurso."}).error().kind, ErrorKind::conflict);

  // Only admins choose guarantors, and among the jurisdiction's institutions.
  EXPECT_EQ(service_->set_guarantor(guarantor_, "14", itei_).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(service_->set_guarantor(admin_, "14", oaxaca_health_).error().fields.at(0).field, "institution_id");
  EXPECT_EQ(service_->set_guarantor(oaxaca_admin, "14", itei_).error().kind, ErrorKind::forbidden);
  auto appeals = service_->appeals({"jalisco", std::nullopt, "open"}, {10, 0}).take();
  EXPECT_EQ(appeals.total, 0);
  appeals = service_->appeals({"jalisco", std::nullopt, ""}, {10, 0}).take();
  EXPECT_EQ(appeals.total, 2);
  EXPECT_EQ(service_->appeals({"", std::nullopt, "nonsense"}, {10, 0}).error().kind, ErrorKind::bad_request);
}

INSTANTIATE_TEST_SUITE_P(Backends, AppealServiceTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
