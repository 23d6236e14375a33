#pragma once
// A Database hands out pooled connections. Each request or command takes a
// Lease for as long as it needs one; dropping the Lease returns the connection,
// or discards it if it broke (the next lease opens a fresh one).
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "store/connection.h"

namespace apertura::store {

class ConnectionPool;

class Lease {
 public:
  Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection);
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) noexcept = default;
  ~Lease();
  Connection* operator->() { return connection_.get(); }
  Connection& operator*() { return *connection_; }

 private:
  ConnectionPool* pool_;
  std::unique_ptr<Connection> connection_;
};

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;
  ConnectionPool(Factory factory, size_t max_size);
  Lease acquire();
  void release(std::unique_ptr<Connection> connection);

 private:
  Factory factory_;
  size_t max_size_;
  size_t open_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

class Database {
 public:
  Database(Dialect dialect, std::string description, ConnectionPool::Factory factory,
           size_t pool_size);
  Dialect dialect() const { return dialect_; }
  // The URL with any password removed, for logs.
  const std::string& description() const { return description_; }
  Lease connect() { return pool_.acquire(); }

 private:
  Dialect dialect_;
  std::string description_;
  ConnectionPool pool_;
};

// The file of a SQLite URL ("sqlite:PATH" or a bare path); nullopt for PostgreSQL.
std::optional<std::string> sqlite_path(const std::string& url);

// Opens "sqlite:PATH", a bare path, or "postgresql://..." / "postgres://...".
std::unique_ptr<Database> open_database(const std::string& url, size_t pool_size = 8);

}  // namespace apertura::store
