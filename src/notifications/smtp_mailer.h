#pragma once
// Sends one message by SMTP with libcurl: plain or TLS (smtps://, or
// STARTTLS when the server offers it), with the credentials of the URL.
#include <chrono>
#include <optional>
#include <string>

#include "notifications/outbox.h"

namespace apertura::notifications {

struct SmtpSettings {
  std::string url;   // "smtp://mail.example.mx:587", "smtps://user:password@mail.example.mx"
  std::string from;  // "Apertura <no-responder@example.mx>" or a bare address
  std::chrono::seconds timeout{30};
};

class SmtpMailer {
 public:
  explicit SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}
  // Sends the message as RFC 5322 text: From, To, a Subject (and sender's
  // name) encoded for any UTF-8 (RFC 2047), Date, Message-ID, and the body as
  // UTF-8 with CRLF line ends. nullopt when the server accepted it;
  // otherwise why not, as libcurl and the server said it.
  std::optional<std::string> send(const Message& message) const;

 private:
  SmtpSettings settings_;
};

}  // namespace apertura::notifications
