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

// The message as the server receives it (RFC 5322): From, To, a Subject
// encoded for any UTF-8 (RFC 2047), Date, Message-ID, and the body as UTF-8
// text with CRLF line ends.
std::string format_message(const Message& message, const std::string& from, const std::string& message_id);

// The address inside "Name <address>", or the text itself.
std::string address_of(const std::string& mailbox);

class SmtpMailer {
 public:
  explicit SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {}
  // nullopt when the server accepted the message; otherwise why not, as
  // libcurl and the server said it.
  std::optional<std::string> send(const Message& message) const;
  const SmtpSettings& settings() const { return settings_; }

 private:
  SmtpSettings settings_;
};

}  // namespace apertura::notifications
