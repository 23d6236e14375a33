#include "web/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <limits>
#include <boost/asio.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/text.h"
#include "web/beast_request.h"
#include "web/gzip.h"
#include "web/multipart.h"

namespace apertura::web {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Applied to every response, whatever produced it.
void add_standard_headers(http::response<http::string_body>& response) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.set("X-Frame-Options", "DENY");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
  response.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  response.set(http::field::date, http_date(std::chrono::system_clock::now()));
}

}  // namespace

struct Server::State {
  ServerOptions options;
  Handler handler;
  net::io_context io;
  // On a strand of its own: the accept handler (any I/O thread) and stop()'s
  // close (posted to it) never touch the acceptor at once (ThreadSanitizer
  // saw them race when it was on the bare io_context).
  tcp::acceptor acceptor{net::make_strand(io)};
  std::vector<std::thread> threads;
  std::atomic<int> in_flight{0};
  std::atomic<bool> draining{false};
  std::atomic<bool> stopped{false};
  std::shared_ptr<spdlog::logger> access_log;

  template <class Body>
  http::response<http::string_body> respond(const http::request<Body>& raw, const std::string& remote,
                                            const std::string& body_file = "");
  void log_access(const http::request_header<>& raw, const std::string& remote, unsigned status, size_t bytes,
                  std::chrono::steady_clock::time_point start);
  bool body_goes_to_file(const http::request<http::empty_body>& header, const std::string& remote) const;
  void accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server::State* state) : stream_(std::move(socket)), state_(state) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "-" : endpoint.address().to_string();
  }
  // A body file left by a connection that ended mid-upload goes with it.
  ~Session() { remove_body_file(); }
  void run() { net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); }); }

 private:
  void read();
  void on_header(beast::error_code ec);
  void read_body();
  void on_read(beast::error_code ec);
  void remove_body_file();
  void write(http::response<http::string_body> response);
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  Server::State* state_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::request_parser<http::file_body>> file_parser_;
  std::shared_ptr<http::response<http::empty_body>> interim_;  // "100 Continue" while it is written
  std::string body_file_;
  std::shared_ptr<http::response<http::string_body>> response_;
};

void Session::read() {
  parser_.reset();
  file_parser_.reset();
  header_parser_.emplace();
  header_parser_->header_limit(static_cast<std::uint32_t>(state_->options.header_limit));
  // The body's limit depends on where it goes; it is set once the header is in.
  header_parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
  stream_.expires_after(state_->options.read_timeout);
  http::async_read_header(stream_, buffer_, *header_parser_,
                          [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
}

// Once the header is in, the body goes to memory or, for a large upload, to a file.
void Session::on_header(beast::error_code ec) {
  if (ec) return on_read(ec);
  // A declared length is checked here: the parser checks its limit against it
  // only while it reads the header (chunked bodies are checked as they arrive).
  bool to_file = state_->body_goes_to_file(header_parser_->get(), remote_);
  auto length = header_parser_->content_length();
  if (length && *length > (to_file ? state_->options.file_body_limit : state_->options.body_limit)) {
    return on_read(http::error::body_limit);
  }
  // A client that sent "Expect: 100-continue" waits for this before the body
  // (curl does for large uploads); a refusal above has already answered it.
  bool expects_continue = beast::iequals(header_parser_->get()[http::field::expect], "100-continue");
  // Beast reads as much as the buffer has room for, at least 512 bytes: the
  // few bytes left after a header made a large upload arrive in 512-byte reads
  // and writes (30 MB/s on this machine).
  // The room goes back once the request is read (an idle connection keeps none).
  if (length.value_or(0) > buffer_.capacity() || header_parser_->chunked()) {
    buffer_.reserve(to_file ? (1u << 18) : (1u << 16));
  }
  if (to_file) {
    std::filesystem::path dir = state_->options.file_body_dir.empty() ? std::filesystem::temp_directory_path()
                                                                       : std::filesystem::path(state_->options.file_body_dir);
    body_file_ = (dir / ("apertura-upload-" + random_token(12))).string();
    file_parser_.emplace(std::move(*header_parser_));
    file_parser_->body_limit(state_->options.file_body_limit);
    beast::error_code open_error;
    file_parser_->get().body().open(body_file_.c_str(), beast::file_mode::write_new, open_error);
    if (open_error) {
      spdlog::error("cannot open a file for an upload: {}", open_error.message());
      body_file_.clear();
      return close();
    }
    stream_.expires_after(state_->options.file_body_timeout);
  } else {
    parser_.emplace(std::move(*header_parser_));
    parser_->body_limit(state_->options.body_limit);
  }
  if (!expects_continue) return read_body();
  interim_ = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
  http::async_write(stream_, *interim_, [self = shared_from_this()](beast::error_code write_error, size_t) {
    self->interim_.reset();
    if (write_error) return self->close();
    self->read_body();
  });
}

void Session::read_body() {
  auto done = [self = shared_from_this()](beast::error_code read_error, size_t) { self->on_read(read_error); };
  if (file_parser_) return http::async_read(stream_, buffer_, *file_parser_, std::move(done));
  http::async_read(stream_, buffer_, *parser_, std::move(done));
}

void Session::remove_body_file() {
  if (body_file_.empty()) return;
  if (file_parser_) file_parser_->get().body().close();
  std::error_code ignored;
  std::filesystem::remove(body_file_, ignored);
  body_file_.clear();
}

void Session::on_read(beast::error_code ec) {
  if (ec) remove_body_file();
  if (ec == http::error::end_of_stream || ec == beast::error::timeout) return close();
  if (ec == http::error::body_limit || ec == http::error::header_limit) {
    ++state_->in_flight;
    http::response<http::string_body> response{http::status::payload_too_large, 11};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.body() = "La solicitud es demasiado grande.\n";
    response.keep_alive(false);
    add_standard_headers(response);
    response.prepare_payload();
    return write(std::move(response));
  }
  if (ec) return;
  if (buffer_.size() == 0) buffer_.shrink_to_fit();
  ++state_->in_flight;
  if (file_parser_) {
    file_parser_->get().body().close();
    auto response = state_->respond(file_parser_->get(), remote_, body_file_);
    remove_body_file();
    return write(std::move(response));
  }
  write(state_->respond(parser_->get(), remote_));
}

void Session::write(http::response<http::string_body> response) {
  response_ = std::make_shared<http::response<http::string_body>>(std::move(response));
  bool keep_alive = response_->keep_alive() && !state_->draining;
  if (!keep_alive) response_->keep_alive(false);
  http::async_write(stream_, *response_,
                    [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                      --self->state_->in_flight;
                      self->response_.reset();
                      if (ec || !keep_alive) return self->close();
                      self->read();
                    });
}

}  // namespace

// A POST to one of the file paths that is not a form (forms are parsed in
// memory), from a client the application lets write there.
bool Server::State::body_goes_to_file(const http::request<http::empty_body>& header,
                                      const std::string& remote) const {
  if (header.method() != http::verb::post || multipart_boundary(header[http::field::content_type])) return false;
  if (header.version() >= 11 && header.count(http::field::host) != 1) return false;  // refused unread
  std::string_view target = header.target();
  std::string_view path = target.substr(0, target.find('?'));
  if (std::find(options.file_body_paths.begin(), options.file_body_paths.end(), path) ==
      options.file_body_paths.end()) {
    return false;
  }
  return !options.file_body_allowed || options.file_body_allowed(to_request(header, remote));
}

template <class Body>
http::response<http::string_body> Server::State::respond(const http::request<Body>& raw, const std::string& remote,
                                                         const std::string& body_file) {
  auto start = std::chrono::steady_clock::now();
  Request request = to_request(raw, remote);
  request.remote_address = client_address(request, remote, options.trusted_proxies);
  request.body_file = body_file;
  Response result;
  try {
    result = handler(request);
  } catch (const std::exception& e) {
    spdlog::error("unhandled error for {} {}: {}", request.method, for_log(request.target), for_log(e.what()));
    result = Response::text("Error interno del servidor.\n", 500);
  }
  http::response<http::string_body> response{static_cast<http::status>(result.status),
                                             raw.version()};
  response.set(http::field::content_type, result.content_type);
  for (auto& [name, value] : result.headers) {
    // A line break in a header would let input split the response.
    if (value.find_first_of("\r\n") != std::string::npos || name.find_first_of("\r\n:") != std::string::npos) {
      spdlog::error("dropped a header with a line break for {} {}", request.method, request.target);
      continue;
    }
    response.insert(name, value);
  }
  add_standard_headers(response);
  bool compress = options.gzip && result.body.size() >= 1024 &&
                  is_compressible(result.content_type) &&
                  accepts_gzip(raw[http::field::accept_encoding]);
  if (compress) {
    if (auto packed = gzip_compress(result.body)) {
      result.body = std::move(*packed);
      response.set(http::field::content_encoding, "gzip");
    }
  }
  if (is_compressible(result.content_type)) response.set(http::field::vary, "Accept-Encoding");
  response.body() = std::move(result.body);
  response.keep_alive(raw.keep_alive());
  response.prepare_payload();
  size_t bytes = response.body().size();
  if (raw.method() == http::verb::head) response.body().clear();
  log_access(raw, remote, result.status, bytes, start);
  return response;
}

void Server::State::log_access(const http::request_header<>& raw,
                               const std::string& remote, unsigned status, size_t bytes,
                               std::chrono::steady_clock::time_point start) {
  if (!access_log) return;
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  // Combined Log Format, plus the time taken in microseconds.
  access_log->info("{} - - [{}] \"{} {} HTTP/{}.{}\" {} {} \"{}\" \"{}\" {}us", remote,
                   now_timestamp(), std::string(raw.method_string()), std::string(raw.target()),
                   raw.version() / 10, raw.version() % 10, status, bytes,
                   std::string(raw[http::field::referer]),
                   std::string(raw[http::field::user_agent]), micros);
}

void Server::State::accept() {
  acceptor.async_accept(net::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!acceptor.is_open() || ec == net::error::operation_aborted) return;
      spdlog::warn("accept failed: {}", ec.message());
    } else {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);  // responses go out whole; don't wait for ACKs
      std::make_shared<Session>(std::move(socket), this)->run();
    }
    if (acceptor.is_open()) accept();
  });
}

Server::Server(ServerOptions options, Handler handler) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
  state_->handler = std::move(handler);
  if (state_->options.access_log) {
    state_->access_log = spdlog::get("access");
    if (!state_->access_log) state_->access_log = spdlog::default_logger()->clone("access");
  }
}

Server::~Server() { stop(); }

uint16_t Server::start() {
  auto address = net::ip::make_address(state_->options.address);
  tcp::endpoint endpoint{address, state_->options.port};
  state_->acceptor.open(endpoint.protocol());
  state_->acceptor.set_option(net::socket_base::reuse_address(true));
  state_->acceptor.bind(endpoint);
  state_->acceptor.listen(net::socket_base::max_listen_connections);
  uint16_t port = state_->acceptor.local_endpoint().port();
  state_->accept();
  unsigned count = state_->options.threads;
  if (count == 0) count = std::max(2u, std::thread::hardware_concurrency());
  for (unsigned i = 0; i < count; ++i) {
    state_->threads.emplace_back([this] { state_->io.run(); });
  }
  spdlog::info("listening on http://{}:{} with {} threads", state_->options.address, port, count);
  return port;
}

void Server::stop() {
  if (state_->stopped.exchange(true)) return;
  state_->draining = true;
  if (state_->options.on_stop) state_->options.on_stop();
  net::post(state_->acceptor.get_executor(), [this] {
    beast::error_code ec;
    state_->acceptor.close(ec);
  });
  auto deadline = std::chrono::steady_clock::now() + state_->options.shutdown_grace;
  // Two quiet checks in a row: a request whose read just completed has had
  // time to be counted.
  int quiet = 0;
  while (quiet < 2 && std::chrono::steady_clock::now() < deadline) {
    quiet = state_->in_flight == 0 ? quiet + 1 : 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (state_->in_flight > 0) {
    spdlog::warn("stopping with {} requests still running", state_->in_flight.load());
  }
  state_->io.stop();
  for (auto& thread : state_->threads) {
    if (thread.joinable() && thread.get_id() != std::this_thread::get_id()) thread.join();
  }
  state_->threads.clear();
}

void Server::run_until_signal() {
  net::io_context signals_io;
  net::signal_set signals(signals_io, SIGINT, SIGTERM);
  signals.async_wait([](beast::error_code, int signal) {
    spdlog::info("received signal {}, finishing requests in flight", signal);
  });
  signals_io.run();
  stop();
  spdlog::info("stopped");
}

}  // namespace apertura::web
