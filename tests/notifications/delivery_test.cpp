#include <gtest/gtest.h>

#include <thread>

#include "core/clock.h"
#include "notifications/delivery_service.h"
#include "notifications/outbox.h"
#include "notifications/smtp_sink.h"
#include "support/test_app.h"
#include "support/test_database.h"

namespace apertura::notifications {
namespace {

using apertura::testing::SmtpSink;

class DeliveryTest : public apertura::testing::BackendTest {
 protected:
  int64_t enqueue(const std::string& recipient, const std::string& subject, const std::string& body) {
    auto connection = db().database().connect();
    return Outbox::enqueue(*connection, recipient, subject, body);
  }
  Message message(int64_t id) {
    auto connection = db().database().connect();
    return *Outbox::find(*connection, id);
  }
  void make_due(int64_t id) {
    db().database().connect()->execute("UPDATE outbox SET next_attempt_at = ? WHERE id = ?",
                                       {std::string("2000-01-01T00:00:00Z"), id});
  }
};

// What the sink receives is the message as written: UTF-8 subject and body,
// a line that starts with a dot kept (dot-stuffed on the wire), and the
// message is marked sent once.
TEST_P(DeliveryTest, MessagesAreSentBySmtpAndMarkedSent) {
  SmtpSink sink;
  DeliveryService delivery(db().database(), {sink.url(), "Órgano Garante <avisos@apertura.mx>"});
  int64_t first = enqueue("ana@example.mx", "Respuesta a tu propuesta «Mapa de obras»",
                          "Hola, Ana:\n\nLa propuesta se incorporó al plan.\n.Esta línea empieza con punto.\n");
  int64_t second = enqueue("luis@example.mx", "Restablece tu contraseña", "Abre el enlace en una hora.");
  DeliveryPass pass = delivery.deliver_due();
  EXPECT_EQ(pass.sent, 2);
  EXPECT_EQ(pass.failed, 0);
  auto messages = sink.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(sink.recipients()[0], "<ana@example.mx>");
  const std::string& wire = messages[0];
  EXPECT_NE(wire.find("To: ana@example.mx\r\n"), std::string::npos) << wire;
  EXPECT_NE(wire.find("Subject: =?UTF-8?B?"), std::string::npos) << wire;
  EXPECT_NE(wire.find("From: =?UTF-8?B?"), std::string::npos) << wire;
  EXPECT_NE(wire.find("<avisos@apertura.mx>"), std::string::npos) << wire;
  EXPECT_NE(wire.find("Content-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
  EXPECT_NE(wire.find("\r\nHola, Ana:\r\n\r\nLa propuesta se incorporó al plan.\r\n"), std::string::npos) << wire;
  EXPECT_NE(wire.find("\r\n..Esta línea empieza con punto.\r\n"), std::string::npos) << wire;
  for (int64_t id : {first, second}) {
    Message sent = message(id);
    EXPECT_TRUE(sent.sent_at.has_value());
    EXPECT_EQ(sent.attempts, 1);
    EXPECT_EQ(sent.last_error, "");
  }
  EXPECT_EQ(delivery.deliver_due().sent, 0);  // nothing is sent twice
  EXPECT_EQ(sink.messages().size(), 2u);
}

// A refusal is kept with the message and tried again later, after 1, 5, 30
// and 120 minutes; after five attempts the message stays unsent with its error.
TEST_P(DeliveryTest, ARefusedMessageIsRetriedLaterAndGivenUpAfterFiveAttempts) {
  SmtpSink sink;
  sink.refuse_recipients(true);
  DeliveryService delivery(db().database(), {sink.url(), "avisos@apertura.mx"});
  int64_t id = enqueue("nadie@example.mx", "Aviso", "Texto");
  std::string before = now_timestamp();
  DeliveryPass pass = delivery.deliver_due();
  EXPECT_EQ(pass.failed, 1);
  Message refused = message(id);
  EXPECT_FALSE(refused.sent_at.has_value());
  EXPECT_EQ(refused.attempts, 1);
  EXPECT_NE(refused.last_error.find("550"), std::string::npos) << refused.last_error;
  ASSERT_TRUE(refused.next_attempt_at.has_value());
  EXPECT_GT(*refused.next_attempt_at, before);  // about a minute from now, not due yet
  EXPECT_EQ(delivery.deliver_due().failed, 0);

  sink.refuse_recipients(false);
  make_due(id);
  EXPECT_EQ(delivery.deliver_due().sent, 1);
  EXPECT_TRUE(message(id).sent_at.has_value());
  EXPECT_EQ(message(id).attempts, 2);

  sink.refuse_recipients(true);
  int64_t hopeless = enqueue("tampoco@example.mx", "Aviso", "Texto");
  for (int attempt = 1; attempt <= 5; ++attempt) {
    make_due(hopeless);
    EXPECT_EQ(delivery.deliver_due().failed, 1) << attempt;
  }
  Message given_up = message(hopeless);
  EXPECT_EQ(given_up.attempts, DeliveryService::kMaxAttempts);
  EXPECT_FALSE(given_up.next_attempt_at.has_value());
  EXPECT_FALSE(given_up.sent_at.has_value());
  make_due(hopeless);
  db().database().connect()->execute("UPDATE outbox SET next_attempt_at = NULL WHERE id = ?", {hopeless});
  EXPECT_EQ(delivery.deliver_due().failed, 0);  // no sixth attempt
  EXPECT_EQ(DeliveryService::retry_delay(1), std::chrono::minutes(1));
  EXPECT_EQ(DeliveryService::retry_delay(4), std::chrono::minutes(120));
}

// No server at the address: the attempt fails with libcurl's reason and
// waits for its retry, and a worker that took a message keeps others off it.
TEST_P(DeliveryTest, AnUnreachableServerIsAFailedAttemptAndAClaimIsExclusive) {
  int port = 0;
  {
    SmtpSink closed;
    port = closed.port();
  }
  DeliveryService delivery(db().database(), {"smtp://127.0.0.1:" + std::to_string(port), "avisos@apertura.mx",
                                             std::chrono::seconds(5)});
  int64_t id = enqueue("ana@example.mx", "Aviso", "Texto");
  EXPECT_EQ(delivery.deliver_due().failed, 1);
  EXPECT_FALSE(message(id).last_error.empty());

  int64_t other = enqueue("luis@example.mx", "Aviso", "Texto");
  auto connection = db().database().connect();
  std::string now = now_timestamp();
  EXPECT_TRUE(Outbox::claim(*connection, other, now, "2999-01-01T00:00:00Z"));
  EXPECT_FALSE(Outbox::claim(*connection, other, now, "2999-01-01T00:00:00Z"));
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliveryTest, ::testing::ValuesIn(apertura::testing::available_backends()),
                         apertura::testing::BackendName());

// With SMTP configured, a password reset leaves by e-mail and the pages say
// so; without it, they say the message waits for an administrator.
TEST(DeliveryHttp, APasswordResetIsDeliveredWhenSmtpIsConfiguredAndThePagesSaySo) {
  SmtpSink sink;
  apertura::testing::TestApp app("sqlite", [&](app::Config& config) { config.smtp_url = sink.url(); });
  app.create_user("ana@example.mx", Role::citizen);
  EXPECT_NE(app.client().get("/contrasena/olvido").body.find("te enviaremos un enlace"), std::string::npos);
  auto asked = app.client().post_form("/contrasena/olvido", {{"email", "ana@example.mx"}});
  EXPECT_EQ(asked.status, 303u);
  ASSERT_NE(app.app().notifications().delivery(), nullptr);
  // The server's worker delivers it; a pass here makes it not wait for the next poll.
  app.app().notifications().delivery()->deliver_due();
  for (int i = 0; i < 100 && sink.messages().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  auto messages = sink.messages();
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages.back().find("/contrasena/restablecer"), std::string::npos);

  apertura::testing::TestApp offline("sqlite");
  EXPECT_EQ(offline.app().notifications().delivery(), nullptr);
  auto page = offline.client().get("/contrasena/olvido").body;
  EXPECT_EQ(page.find("te enviaremos"), std::string::npos);
  EXPECT_NE(page.find("no envía correos por sí mismo"), std::string::npos);
}

// Admins see every message with its delivery status, on a page and in the
// API; nobody else does.
TEST(DeliveryHttp, AdminsSeeEachMessageAndHowItsDeliveryWent) {
  apertura::testing::TestApp app("sqlite");
  app.create_user("admin@example.mx", Role::admin);
  app.create_user("ana@example.mx", Role::citizen);
  app.client().post_form("/contrasena/olvido", {{"email", "ana@example.mx"}});
  auto admin = app.signed_in_client("admin@example.mx");
  auto page = admin.get("/admin/mensajes");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("ana@example.mx"), std::string::npos);
  EXPECT_NE(page.body.find("En espera"), std::string::npos);
  EXPECT_NE(page.body.find("--smtp-url"), std::string::npos);
  auto api = admin.get("/api/v1/outbox").json();
  ASSERT_GE(api["data"].size(), 1u);
  EXPECT_EQ(api["data"][0]["status"], "waiting");
  EXPECT_EQ(api["data"][0]["attempts"], 0);
  EXPECT_EQ(app.signed_in_client("ana@example.mx").get("/api/v1/outbox").status, 403u);
  EXPECT_EQ(app.client().get("/api/v1/outbox").status, 401u);
}

}  // namespace
}  // namespace apertura::notifications
