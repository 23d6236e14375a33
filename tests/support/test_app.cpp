#include "support/test_app.h"

#include <filesystem>
#include <stdexcept>

#include "core/crypto.h"

namespace apertura::testing {

TestApp::TestApp(const std::string& backend, std::function<void(app::Config&)> adjust)
    : database_(backend), adjust_(std::move(adjust)) {
  upload_dir_ = (std::filesystem::temp_directory_path() / ("apertura-test-uploads-" + random_token(6))).string();
  std::filesystem::create_directories(upload_dir_);
  start();
}

TestApp::~TestApp() {
  if (server_) server_->stop();
  std::error_code ignored;
  std::filesystem::remove_all(upload_dir_, ignored);
}

void TestApp::start() {
  app::Config config;
  config.db = database_.url();
  config.upload_dir = upload_dir_;
  config.check_links = false;  // tests call check_links themselves, on loopback
  if (adjust_) adjust_(config);
  accounts::AccountSettings settings;
  settings.password_cost = PasswordCost::minimal;
  application_ = std::make_unique<app::Application>(config, settings);
  web::ServerOptions options;
  options.port = 0;
  options.threads = 2;
  options.access_log = false;
  options.shutdown_grace = std::chrono::seconds(5);
  application_->configure(options);
  application_->start_background_work();
  server_ = std::make_unique<web::Server>(options, application_->handler());
  port_ = server_->start();
}

void TestApp::restart() {
  server_->stop();
  server_.reset();
  application_.reset();
  database_.close();
  start();
}

accounts::User TestApp::create_user(const std::string& email, Role role, std::optional<int64_t> institution_id) {
  auto user = application_->accounts().create_user(Actor::system(), {email, "Persona " + email, kPassword, role,
                                                                     institution_id, ""});
  if (!user) throw std::runtime_error("create_user failed: " + user.error().message);
  return user.value();
}

HttpClient TestApp::signed_in_client(const std::string& email) {
  HttpClient client(port_);
  auto response = client.post_form("/entrar", {{"email", email}, {"password", kPassword}, {"next", "/"}});
  if (response.status != 303) throw std::runtime_error("sign-in failed with status " + std::to_string(response.status));
  return client;
}

int64_t TestApp::create_jalisco_finance() {
  auto& places = application_->jurisdictions();
  places.create(Actor::system(), {"00", "Estados Unidos Mexicanos", "federal"}).take();
  places.create(Actor::system(), {"14", "Jalisco", "state"}).take();
  return places.add_institution(Actor::system(), "14", {"Secretaría de la Hacienda Pública", "", ""}).take().id;
}

}  // namespace apertura::testing
