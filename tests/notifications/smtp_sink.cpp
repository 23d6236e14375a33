#include "notifications/smtp_sink.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace apertura::testing {

namespace {

void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

// The next CRLF-ended line, or false when the client went away (bounded wait).
bool read_line(int fd, std::string& buffer, std::string& line) {
  while (true) {
    size_t end = buffer.find("\r\n");
    if (end != std::string::npos) {
      line = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      return true;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 10000) <= 0) return false;
    char chunk[4096];
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<size_t>(n));
  }
}

}  // namespace

SmtpSink::SmtpSink() {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 8) != 0) {
    throw std::runtime_error("the SMTP sink cannot listen on loopback");
  }
  socklen_t size = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] {
    while (!stopping_) {
      pollfd p{listener_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) continue;
      serve(client);
      ::close(client);
    }
  });
}

SmtpSink::~SmtpSink() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
  ::close(listener_);
}

void SmtpSink::serve(int client) {
  std::string buffer, line, recipient;
  write_all(client, "220 sink ESMTP\r\n");
  while (read_line(client, buffer, line)) {
    std::string verb = line.substr(0, 4);
    for (char& c : verb) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (verb == "EHLO" || verb == "HELO") {
      write_all(client, "250 sink\r\n");
    } else if (verb == "MAIL") {
      write_all(client, "250 OK\r\n");
    } else if (verb == "RCPT") {
      if (refuse_) {
        write_all(client, "550 5.1.1 no such mailbox\r\n");
      } else {
        recipient = line.substr(line.find(':') + 1);
        write_all(client, "250 OK\r\n");
      }
    } else if (verb == "DATA") {
      write_all(client, "354 go ahead\r\n");
      std::string data;
      while (read_line(client, buffer, line) && line != ".") data += line + "\r\n";
      {
        std::lock_guard lock(mutex_);
        messages_.push_back(data);
        recipients_.push_back(recipient);
      }
      write_all(client, "250 OK queued\r\n");
    } else if (verb == "QUIT") {
      write_all(client, "221 bye\r\n");
      return;
    } else {
      write_all(client, "250 OK\r\n");
    }
  }
}

std::vector<std::string> SmtpSink::messages() {
  std::lock_guard lock(mutex_);
  return messages_;
}

std::vector<std::string> SmtpSink::recipients() {
  std::lock_guard lock(mutex_);
  return recipients_;
}

}  // namespace apertura::testing
