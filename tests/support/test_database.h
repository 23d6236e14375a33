#pragma once
// A fresh, migrated database for each test, on every backend available:
// SQLite always (a temporary file), PostgreSQL when APERTURA_TEST_POSTGRES_URL
// names a server (each test gets its own schema, dropped afterwards).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/database.h"

namespace apertura::testing {

// Every backend: "sqlite" and "postgresql". The PostgreSQL cases are skipped
// (and reported as skipped) when APERTURA_TEST_POSTGRES_URL is not set, so the
// list of tests does not depend on the environment.
std::vector<std::string> available_backends();
bool postgres_configured();

class TestDatabase {
 public:
  // What a database holds before it is opened and migrated (a fixture of an
  // older schema): called with the SQLite file's path, or with the
  // PostgreSQL schema's name and a connection whose search path is that
  // schema.
  struct Before {
    std::function<void(const std::string& path)> sqlite;
    std::function<void(const std::string& schema, store::Connection& connection)> postgresql;
  };

  explicit TestDatabase(const std::string& backend, const Before& before = {});
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // The URL to open it again (as a restart would).
  const std::string& url() const { return url_; }
  store::Database& database();
  // Drops the pooled connections, as a process exit would.
  void close() { database_.reset(); }

 private:
  std::string backend_;
  std::string url_;
  std::string schema_;
  std::string path_;
  std::unique_ptr<store::Database> database_;
};

// A test that runs once per backend, on a fresh database made in SetUp.
class BackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  TestDatabase& db() { return *db_; }

 private:
  std::unique_ptr<TestDatabase> db_;
};

// Parameter names for INSTANTIATE_TEST_SUITE_P.
struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<std::string>& info) const { return info.param; }
};

}  // namespace apertura::testing
