#include "notifications/smtp_mailer.h"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>
#include <mutex>

#include "core/clock.h"
#include "notifications/messages.h"

namespace apertura::notifications {

namespace {

bool is_ascii(const std::string& text) {
  for (unsigned char c : text) {
    if (c >= 0x80 || c < 0x20) return false;
  }
  return true;
}

// "=?UTF-8?B?...?=" for a header value that is not plain ASCII.
std::string encoded_word(const std::string& text) {
  if (is_ascii(text)) return text;
  std::string out(sodium_base64_encoded_len(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return "=?UTF-8?B?" + out + "?=";
}

// Lines end in CRLF, whatever they ended in.
std::string crlf_lines(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') continue;
    if (text[i] == '\n') out += "\r\n";
    else out += text[i];
  }
  return out;
}

struct Upload {
  const std::string& text;
  size_t offset = 0;
};

size_t read_upload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  size_t room = size * count;
  size_t left = upload->text.size() - upload->offset;
  size_t n = left < room ? left : room;
  std::memcpy(buffer, upload->text.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// "Name <address>" or a bare address.
struct Mailbox {
  std::string name;
  std::string address;
};

Mailbox parse_mailbox(const std::string& text) {
  size_t open = text.find('<');
  size_t close = text.find('>', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return {"", text};
  std::string name = text.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return {name, text.substr(open + 1, close - open - 1)};
}

std::string format_message(const Message& message, const Mailbox& from, const std::string& message_id) {
  std::string from_header = from.name.empty() ? from.address : encoded_word(from.name) + " <" + from.address + ">";
  std::string headers = "From: " + from_header + "\r\n" + "To: " + message.recipient + "\r\n" +
                        "Subject: " + encoded_word(message.subject) + "\r\n" +
                        "Date: " + http_date(std::chrono::system_clock::now()) + "\r\n" +
                        "Message-ID: <" + message_id + ">\r\n" + "MIME-Version: 1.0\r\n" +
                        "Content-Type: text/plain; charset=UTF-8\r\n" + "Content-Transfer-Encoding: 8bit\r\n\r\n";
  std::string body = crlf_lines(message.body);
  if (body.size() < 2 || body.compare(body.size() - 2, 2, "\r\n") != 0) body += "\r\n";
  return headers + body;
}

}  // namespace

std::optional<std::string> SmtpMailer::send(const Message& message) const {
  init_curl_once();
  CURL* curl = curl_easy_init();
  if (!curl) return say(Msg::mailer_cannot_start);
  Mailbox from = parse_mailbox(settings_.from);
  size_t at = from.address.find('@');
  std::string domain = at == std::string::npos ? "apertura" : from.address.substr(at + 1);
  std::string text = format_message(message, from, "outbox-" + std::to_string(message.id) + "@" + domain);
  Upload upload{text};
  char error[CURL_ERROR_SIZE] = "";
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + message.recipient + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
  std::string envelope_from = "<" + from.address + ">";
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, envelope_from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  CURLcode result = curl_easy_perform(curl);
  long response = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  curl_slist_free_all(recipients);
  curl_easy_cleanup(curl);
  if (result == CURLE_OK) return std::nullopt;
  std::string why = error[0] ? error : curl_easy_strerror(result);
  if (response) why += " (respuesta " + std::to_string(response) + ")";
  return why;
}

}  // namespace apertura::notifications
