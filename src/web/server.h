#pragma once
// The HTTP server: Boost.Beast over Asio with a pool of threads sized to the
// cores. It knows nothing of the domains: it turns bytes into a Request, calls
// one Handler, and writes the Response back, with keep-alive, size limits,
// timeouts, gzip, security headers, an access log and a graceful stop that
// lets in-flight requests finish.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "web/router.h"

namespace apertura::web {

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port (tests)
  unsigned threads = 0;  // 0: one per core
  size_t body_limit = 16 * 1024 * 1024;
  size_t header_limit = 16 * 1024;
  std::chrono::seconds read_timeout{30};
  // POSTs to these paths whose body is not a multipart form are written to a
  // temporary file as they arrive (Request::body_file), up to
  // file_body_limit and file_body_timeout: uploads of any size in bounded memory.
  std::vector<std::string> file_body_paths;
  // Asked with the request's header alone before its body goes to a file;
  // when it says no, the body is read into memory under body_limit like any
  // other (so only those who may upload can fill the disk).
  std::function<bool(const Request&)> file_body_allowed;
  std::string file_body_dir;  // "" for the system's temporary directory
  uint64_t file_body_limit = uint64_t{8} << 30;
  std::chrono::seconds file_body_timeout{3600};
  std::chrono::seconds shutdown_grace{20};
  // Peers whose X-Forwarded-For names the client (web/request.h client_address).
  std::vector<std::string> trusted_proxies;
  // Called when the server begins to stop, before it waits for requests in
  // flight: work those requests wait on can end first.
  std::function<void()> on_stop;
  bool gzip = true;
  bool access_log = true;
};

class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts the threads; returns the bound port.
  uint16_t start();
  // Stops accepting, waits for in-flight requests (up to shutdown_grace), then
  // stops the threads. Safe to call from any thread, more than once.
  void stop();
  // Blocks until SIGINT or SIGTERM, then stops gracefully.
  void run_until_signal();

 public:
  struct State;  // defined in server.cpp; public so the connection sessions there can reach it

 private:
  std::unique_ptr<State> state_;
};

}  // namespace apertura::web
