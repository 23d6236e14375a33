#pragma once
// The whole application on a test database, served over HTTP on a free
// loopback port, with helpers to create accounts and sign in.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>

#include "app/application.h"
#include "support/http_client.h"
#include "support/test_database.h"
#include "web/server.h"

namespace apertura::testing {

class TestApp {
 public:
  // `adjust` changes the configuration before the application is built.
  explicit TestApp(const std::string& backend, std::function<void(app::Config&)> adjust = {});
  ~TestApp();

  app::Application& app() { return *application_; }
  uint16_t port() const { return port_; }
  HttpClient client() const { return HttpClient(port_); }
  TestDatabase& database() { return database_; }
  // Where the server writes request bodies that go to a file (its own, removed with it).
  const std::string& upload_dir() const { return upload_dir_; }

  // Stops the server and the application and starts them again on the same
  // database, as a process restart would.
  void restart();

  // Creates an account with the given role (through the service, as the CLI does).
  accounts::User create_user(const std::string& email, Role role,
                             std::optional<int64_t> institution_id = std::nullopt);
  // The federation and Jalisco (INEGI 14) with Jalisco's finance ministry;
  // returns the ministry's institution id (officials in tests belong to it).
  int64_t create_jalisco_finance();
  // A client signed in as that account (password "contrasena-segura").
  HttpClient signed_in_client(const std::string& email);

  static constexpr const char* kPassword = "contrasena-segura";

 private:
  void start();
  TestDatabase database_;
  std::function<void(app::Config&)> adjust_;
  std::unique_ptr<app::Application> application_;
  std::unique_ptr<web::Server> server_;
  uint16_t port_ = 0;
  std::string upload_dir_;
};

// A test run once per backend against the whole application; the
// PostgreSQL run is skipped when no server is configured.
class AppTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql" && !postgres_configured()) {
      GTEST_SKIP() << "APERTURA_TEST_POSTGRES_URL is not set";
    }
    app_ = std::make_unique<TestApp>(GetParam());
  }
  std::unique_ptr<TestApp> app_;
};

}  // namespace apertura::testing
