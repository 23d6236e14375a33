// Reproduction costs: the quote's rule (free pages, certified copies, a late
// answer, a waiver), and the service's steps (priced with the answer, paid,
// collected, closed unpaid) with the fee schedules admins keep.
#include <gtest/gtest.h>

#include "requests/reproduction_cost.h"
#include "requests/request_service_fixture.h"

namespace apertura {
namespace {

using requests::CostQuantities;
using requests::CostStatus;
using requests::Delivery;
using requests::FeeSchedule;
using requests::quote_cost;
using testing::RequestServiceTest;

FeeSchedule schedule() {
  FeeSchedule s;
  s.simple_page_cents = 200;
  s.certified_page_cents = 2800;
  s.medium_cents = 2000;
  s.shipping_cents = 18000;
  return s;
}

TEST(QuoteCost, FollowsTheLawLineByLine) {
  struct Case {
    const char* what;
    Delivery delivery;
    CostQuantities quantities;
    bool late;
    const char* waiver;
    int64_t amount;
    bool free_reason;
  };
  const Case cases[] = {
      {"20 simple pages are free", Delivery::copies, {20, 0, false}, false, "", 0, false},
      {"45 simple pages: 25 charged", Delivery::copies, {45, 0, false}, false, "", 25 * 200, false},
      {"certified pages are all charged", Delivery::certified_copies, {10, 0, false}, false, "", 10 * 2800, false},
      {"media and shipping", Delivery::electronic, {0, 2, true}, false, "", 2 * 2000 + 18000, false},
      {"everything", Delivery::copies, {21, 1, true}, false, "", 200 + 2000 + 18000, false},
      {"a late answer is free", Delivery::copies, {45, 0, true}, true, "", 0, true},
      {"a waiver makes it free", Delivery::certified_copies, {3, 0, false}, false, "Persona adulta mayor sin ingresos", 0, true},
      {"nothing to waive when free anyway", Delivery::copies, {5, 0, false}, false, "Sin ingresos", 0, false},
  };
  for (const auto& c : cases) {
    auto quote = quote_cost(c.delivery, schedule(), 20, c.quantities, c.late, c.waiver);
    EXPECT_EQ(quote.amount_cents, c.amount) << c.what;
    EXPECT_EQ(!quote.free_reason.empty(), c.free_reason) << c.what;
  }
  auto lines = quote_cost(Delivery::copies, schedule(), 20, {45, 0, true}, false, "").lines;
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].label, "Copias simples: 45 hojas, las primeras 20 sin costo");
  EXPECT_EQ(lines[0].quantity, 25);
  EXPECT_EQ(lines[0].cents, 5000);
  EXPECT_EQ(lines[1].label, "Envío por correo");
  EXPECT_EQ(quote_cost(Delivery::copies, schedule(), 20, {45, 0, false}, false, "Sin ingresos").free_reason,
            "La Unidad de Transparencia exentó el pago: Sin ingresos");
}

class ReproductionCostTest : public RequestServiceTest {
 protected:
  requests::InformationRequest file_copies(const std::string& when, const std::string& delivery = "copies") {
    now_ = when;
    auto input = asking(finance_);
    input.delivery = delivery;
    auto filed = service_->file(Actor::anonymous(), input);
    EXPECT_TRUE(filed.ok()) << (filed.ok() ? "" : filed.error().message);
    return filed->front();
  }
  Actor official() {
    if (!official_user_) official_user_ = app_->create_user("funcionaria@example.mx", Role::official, finance_).id;
    return {Role::official, official_user_, "Funcionaria", finance_};
  }
  requests::WorkInput answer(const std::string& pages, bool shipping = false) {
    requests::WorkInput input{"answer", "Se entregan las copias de la relación solicitada.", "delivered", "", -1};
    input.pages = pages;
    input.shipping = shipping;
    return input;
  }
  int64_t official_user_ = 0;
};

TEST_P(ReproductionCostTest, AnAnswerWithCopiesIsPricedPaidAndCollectedWithinItsTerms) {
  auto filed = file_copies("2026-01-05T17:00:00Z");
  // Answered Monday 12 January: 30 business days to pay, from the 13th,
  // skipping Monday 2 February (LFT art. 74 fr. II): 24 February.
  now_ = "2026-01-12T17:00:00Z";
  auto answered = service_->work(official(), filed.folio, answer("45", true));
  ASSERT_TRUE(answered.ok()) << answered.error().message;
  auto document = service_->find(filed.folio).take();
  ASSERT_TRUE(document.cost.has_value());
  EXPECT_EQ(document.cost->status, CostStatus::awaiting_payment);
  EXPECT_EQ(document.cost->quote.amount_cents, 25 * 200 + 18000);
  EXPECT_EQ(document.cost->payment_due_on, "2026-02-24");
  EXPECT_FALSE(document.payment_instructions.empty());
  EXPECT_NE(document.events.back().note.find("Costo de reproducción: $230.00 MXN; puede pagarse hasta el 24 de febrero de 2026"),
            std::string::npos)
      << document.events.back().note;

  // Only the institution's officials record the payment, with its receipt.
  Actor citizen{Role::citizen, 3, "Ana", std::nullopt};
  EXPECT_EQ(service_->work_cost(citizen, filed.folio, {"paid", "REC-1", -1}).error().kind, ErrorKind::forbidden);
  EXPECT_EQ(service_->work_cost(official(), filed.folio, {"paid", "", -1}).error().fields.at(0).field, "reference");
  EXPECT_EQ(service_->work_cost(official(), filed.folio, {"collected", "", -1}).error().kind, ErrorKind::invalid);
  EXPECT_EQ(service_->work_cost(official(), filed.folio, {"paid", "REC-1", document.cost->version + 7}).error().kind,
            ErrorKind::conflict);
  now_ = "2026-02-20T17:00:00Z";
  auto paid = service_->work_cost(official(), filed.folio, {"paid", "REC-2026-0042", document.cost->version});
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, CostStatus::available);
  EXPECT_EQ(paid->paid_on, "2026-02-20");
  EXPECT_GT(paid->available_until, "2026-05-01");  // 60 business days later
  auto collected = service_->work_cost(official(), filed.folio, {"collected", "", -1});
  ASSERT_TRUE(collected.ok()) << collected.error().message;
  EXPECT_EQ(collected->status, CostStatus::collected);
  EXPECT_EQ(service_->work_cost(official(), filed.folio, {"collected", "", -1}).error().kind, ErrorKind::invalid);
  std::vector<std::string> kinds;
  auto after = service_->find(filed.folio).take();
  for (const auto& event : after.events) kinds.push_back(event.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"filed", "answered", "cost_paid", "cost_collected"}));
  // The audit log keeps each step.
  auto connection = app_->app().database().connect();
  EXPECT_EQ(connection->query_one("SELECT COUNT(*) AS n FROM audit_log WHERE entity_kind = 'request_cost'")->integer("n"), 2);
}

TEST_P(ReproductionCostTest, ACostNotPaidInItsTermClosesTheDeliveryOnce) {
  auto filed = file_copies("2026-01-05T17:00:00Z", "certified_copies");
  now_ = "2026-01-12T17:00:00Z";
  ASSERT_TRUE(service_->work(official(), filed.folio, answer("3")).ok());
  EXPECT_EQ(service_->find(filed.folio)->cost->quote.amount_cents, 3 * 2800);
  now_ = "2026-02-24T20:00:00Z";  // the last day: still payable
  EXPECT_EQ(service_->close_unpaid(), 0);
  now_ = "2026-02-25T20:00:00Z";
  EXPECT_EQ(service_->close_unpaid(), 1);
  EXPECT_EQ(service_->close_unpaid(), 0);
  auto document = service_->find(filed.folio).take();
  EXPECT_EQ(document.cost->status, CostStatus::unpaid);
  EXPECT_EQ(document.events.back().kind, "cost_unpaid");
  auto late = service_->work_cost(official(), filed.folio, {"paid", "REC-9", -1});
  EXPECT_EQ(late.error().kind, ErrorKind::invalid);
  EXPECT_NE(late.error().message.find("Concluida sin pago"), std::string::npos) << late.error().message;
}

TEST_P(ReproductionCostTest, ALateAnswerOrAWaiverDeliversFreeAndFewPagesCostNothing) {
  auto filed = file_copies("2026-01-05T17:00:00Z");
  now_ = "2026-03-02T17:00:00Z";  // after the 20 days
  ASSERT_TRUE(service_->work(official(), filed.folio, answer("300", true)).ok());
  auto late = service_->find(filed.folio)->cost.value();
  EXPECT_EQ(late.quote.amount_cents, 0);
  EXPECT_EQ(late.status, CostStatus::available);
  EXPECT_NE(late.quote.free_reason.find("fuera de plazo"), std::string::npos);

  auto waived = file_copies("2026-01-05T17:00:00Z");
  now_ = "2026-01-06T17:00:00Z";
  auto input = answer("300");
  input.waiver = "Quien solicita acreditó no tener ingresos.";
  ASSERT_TRUE(service_->work(official(), waived.folio, input).ok());
  EXPECT_EQ(service_->find(waived.folio)->cost->quote.amount_cents, 0);

  auto few = file_copies("2026-01-05T17:00:00Z");
  ASSERT_TRUE(service_->work(official(), few.folio, answer("12")).ok());
  auto cost = service_->find(few.folio)->cost.value();
  EXPECT_EQ(cost.quote.amount_cents, 0);
  EXPECT_TRUE(cost.quote.free_reason.empty());
  EXPECT_EQ(cost.status, CostStatus::available);
}

TEST_P(ReproductionCostTest, WrongQuantitiesOrAnAnswerThatDeliversNothingAreRefusedAndNothingIsWritten) {
  auto filed = file_copies("2026-01-05T17:00:00Z");
  now_ = "2026-01-06T17:00:00Z";
  EXPECT_EQ(service_->work(official(), filed.folio, answer("cuarenta")).error().fields.at(0).field, "pages");
  EXPECT_EQ(service_->work(official(), filed.folio, answer("1000000")).error().fields.at(0).field, "pages");
  auto inexistent = answer("10");
  inexistent.outcome = "inexistent";
  inexistent.reference = "CT-01/2026";
  EXPECT_EQ(service_->work(official(), filed.folio, inexistent).error().fields.at(0).field, "pages");
  requests::WorkInput not_competent{"not_competent", "Corresponde a la Secretaría de Salud.", "", "", -1};
  not_competent.pages = "5";
  EXPECT_EQ(service_->work(official(), filed.folio, not_competent).error().fields.at(0).field, "pages");
  // Without a fee schedule no answer can be priced.
  app_->app().database().connect()->execute("DELETE FROM request_fee_schedules");
  auto unpriced = service_->work(official(), filed.folio, answer("45"));
  EXPECT_NE(unpriced.error().message.find("No hay cuotas de reproducción registradas para Jalisco en 2026"),
            std::string::npos)
      << unpriced.error().message;
  auto document = service_->find(filed.folio).take();
  EXPECT_EQ(document.request.status, requests::RequestStatus::received);
  EXPECT_FALSE(document.cost.has_value());
  EXPECT_EQ(document.events.size(), 1u);
  // An answer that reproduces nothing needs no schedule.
  ASSERT_TRUE(service_->work(official(), filed.folio, answer("")).ok());
  EXPECT_FALSE(service_->find(filed.folio)->cost.has_value());
}

TEST_P(ReproductionCostTest, AdminsKeepTheFeeSchedulesAndAJurisdictionsOwnWinsFromItsYear) {
  Actor admin{Role::admin, 1, "Administración", std::nullopt};
  requests::FeeScheduleInput input{"jalisco", "2026", "1.50", "$30", "25", "1,200.5",
                                   "En la recaudadora de la Secretaría de la Hacienda Pública.",
                                   "Ley de Ingresos del Estado de Jalisco 2026", false, -1};
  EXPECT_EQ(service_->save_fee_schedule(official(), input).error().kind, ErrorKind::forbidden);
  auto bad = input;
  bad.simple_page = "uno cincuenta";
  bad.year = "26";
  auto refused = service_->save_fee_schedule(admin, bad);
  ASSERT_FALSE(refused.ok());
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_EQ(refused.error().fields[0].field, "year");
  EXPECT_EQ(refused.error().fields[1].field, "simple_page");
  auto saved = service_->save_fee_schedule(admin, input);
  ASSERT_TRUE(saved.ok()) << saved.error().message;
  EXPECT_EQ(saved->jurisdiction_code, "14");
  EXPECT_EQ(saved->simple_page_cents, 150);
  EXPECT_EQ(saved->certified_page_cents, 3000);
  EXPECT_EQ(saved->shipping_cents, 120050);
  // Saving the same year amends it; a stale copy is a conflict.
  input.simple_page = "1.75";
  input.version = saved->version;
  auto amended = service_->save_fee_schedule(admin, input);
  ASSERT_TRUE(amended.ok()) << amended.error().message;
  EXPECT_EQ(amended->id, saved->id);
  EXPECT_EQ(amended->simple_page_cents, 175);
  EXPECT_EQ(service_->save_fee_schedule(admin, input).error().kind, ErrorKind::conflict);
  EXPECT_EQ(service_->fee_schedules().size(), 2u);

  // Jalisco's own prices price its answers from 2026 on.
  auto filed = file_copies("2026-01-05T17:00:00Z");
  ASSERT_TRUE(service_->work(official(), filed.folio, answer("30")).ok());
  EXPECT_EQ(service_->find(filed.folio)->cost->quote.amount_cents, 10 * 175);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReproductionCostTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

}  // namespace
}  // namespace apertura
