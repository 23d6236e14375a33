#pragma once
// A minimal SMTP server on a free loopback port, for the delivery tests: it
// answers EHLO, MAIL, RCPT, DATA and QUIT, keeps what it received, and
// refuses recipients when told to.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace apertura::testing {

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Answers RCPT with 550 while set.
  void refuse_recipients(bool refuse) { refuse_ = refuse; }
  // The DATA of each accepted message, as it came (dot-stuffed, CRLF).
  std::vector<std::string> messages();
  // The envelope recipients of each accepted message.
  std::vector<std::string> recipients();

 private:
  void serve(int client);
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> refuse_{false};
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::string> messages_;
  std::vector<std::string> recipients_;
  std::thread thread_;
};

}  // namespace apertura::testing
