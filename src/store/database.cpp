#include "store/database.h"

#include "store/data_version.h"

#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"

namespace apertura::store {

Lease::Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

Lease::~Lease() {
  if (pool_ && connection_) pool_->release(std::move(connection_));
}

ConnectionPool::ConnectionPool(Factory factory, size_t max_size)
    : factory_(std::move(factory)), max_size_(max_size == 0 ? 1 : max_size) {}

Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || open_ < max_size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(this, factory_());
  } catch (...) {
    lock.lock();
    --open_;
    available_.notify_one();
    throw;
  }
}

void ConnectionPool::release(std::unique_ptr<Connection> connection) {
  bool keep = connection->healthy();
  std::lock_guard lock(mutex_);
  if (keep) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  available_.notify_one();
}

Database::Database(Dialect dialect, std::string description, ConnectionPool::Factory factory,
                   size_t pool_size)
    : dialect_(dialect), description_(std::move(description)), pool_(std::move(factory), pool_size) {}

namespace {
std::string redact_password(const std::string& url) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}
}  // namespace

std::optional<std::string> sqlite_path(const std::string& url) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return std::nullopt;
  return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
}

std::unique_ptr<Database> open_database(const std::string& url, size_t pool_size) {
  std::optional<std::string> file = sqlite_path(url);
  if (!file) {
    auto database = std::make_unique<Database>(
        Dialect::postgresql, redact_password(url),
        [url] { return std::make_unique<VersionedConnection>(std::make_unique<PostgresConnection>(url)); }, pool_size);
    database->connect();  // fail at start-up, not at the first request
    return database;
  }
  std::string path = *file;
  if (path.empty()) throw StoreError("the SQLite URL names no file: " + url);
  auto database = std::make_unique<Database>(
      Dialect::sqlite, "sqlite:" + path,
      [path] { return std::make_unique<VersionedConnection>(std::make_unique<SqliteConnection>(path)); }, pool_size);
  database->connect();
  return database;
}

}  // namespace apertura::store
