#include "app/application.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "store/data_version.h"
#include "store/migrations.h"
#include "web/middleware.h"

namespace apertura::app {

namespace {

money::FlagSettings load_flag_settings(const std::string& path) {
  if (path.empty()) return money::FlagSettings::defaults();
  std::ifstream in(path);
  if (!in) throw std::runtime_error("no se puede leer el archivo de señales de riesgo " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto settings = money::FlagSettings::from_ini(text.str());
  if (!settings) throw std::runtime_error(path + ": " + settings.error().message);
  return *settings;
}

std::unique_ptr<store::Database> open_and_migrate(const Config& config) {
  auto database = store::open_database(config.db);
  store::apply_migrations(*database);
  return database;
}
}  // namespace

Application::Application(const Config& config, accounts::AccountSettings account_settings)
    : config_(config),
      database_(open_and_migrate(config)),
      assets_(config.assets_dir.empty() ? web::Assets::embedded()
                                        : web::Assets::from_directory(config.assets_dir)),
      templates_(assets_),
      pages_(templates_, assets_),
      files_(store::make_file_store(config.files_dir)) {
  store::Database& database = *database_;
  if (config.page_cache_mb > 0) page_cache_ = std::make_unique<web::PageCache>(size_t{config.page_cache_mb} << 20);
  // The domains, each built on those before it.
  std::optional<notifications::SmtpSettings> smtp;
  if (!config.smtp_url.empty()) smtp = notifications::SmtpSettings{config.smtp_url, config.smtp_from};
  notifications_ = add<notifications::NotificationsDomain>(database, smtp);
  jurisdictions_ = add<jurisdictions::JurisdictionsDomain>(database);
  accounts_ = add<accounts::AccountsDomain>(
      database, jurisdictions_->service(), account_settings,
      accounts::AccountRoutesOptions{config_.secure_cookies, config_.public_url, notifications_->delivers_mail()});
  audit_ = add<audit::AuditDomain>(database);
  money_ = add<money::MoneyDomain>(database, *jurisdictions_, load_flag_settings(config.flags_settings),
                                   config.upload_dir);
  plans_ = add<plans::PlansDomain>(database, *jurisdictions_, accounts_->service(), *files_,
                                   [money = money_](const std::string& ocid) {
                                     return money->contracting().process_title(ocid);
                                   });
  participation_ = add<participation::ParticipationDomain>(database, jurisdictions_->service(), *plans_,
                                                           accounts_->service(), config_.public_url);
  requests_ = add<requests::RequestsDomain>(database, jurisdictions_->service(), accounts_->service(), *files_,
                                            config_.public_url, plans_->plans().measures());
  catalog_ = add<catalog::CatalogDomain>(database, *files_, jurisdictions_->service(), config_.public_url,
                                         config_.check_links);

  register_system_routes();
  web::Site site{router_, pages_, permissions_, file_uploads_, token_only_paths_};
  for (auto& domain : domains_) domain->install(site);
}

Application::~Application() {
  stop_background_work();
  while (!domains_.empty()) domains_.pop_back();
}

void Application::start_background_work() {
  for (auto& domain : domains_) domain->start();
}

void Application::stop_background_work() {
  for (auto domain = domains_.rbegin(); domain != domains_.rend(); ++domain) (*domain)->stop();
}

void Application::register_system_routes() {
  router_.get("/healthz", [](web::Request&) { return web::Response::text("ok\n"); });
  router_.get("/readyz", [this](web::Request&) {
    try {
      auto connection = database_->connect();
      connection->query("SELECT 1");
      return web::Response::text("ready\n");
    } catch (const std::exception& e) {
      spdlog::warn("readiness check failed: {}", e.what());
      return web::Response::text("database unavailable\n", 503);
    }
  });
  pages_.navigation().add({"API", "/api/v1/openapi.json", 1000});
  router_.get("/api/v1/openapi.json", [this](web::Request&) {
    web::Response response{200, "application/json; charset=utf-8",
                           std::string(assets_.file("api/openapi.json").value_or("{}")), {}};
    response.set_header("Access-Control-Allow-Origin", "*");
    return response;
  });
}

void Application::configure(web::ServerOptions& options) {
  options.file_body_paths.clear();
  for (const auto& upload : file_uploads_) options.file_body_paths.push_back(upload.path);
  // Work beside the requests stops after its step (an import, after its
  // batch; the next start resumes it), and requests waiting on it answer.
  options.on_stop = [this] { stop_background_work(); };
  options.file_body_dir = config_.upload_dir;
  options.file_body_allowed = [this, session = middleware_options()](const web::Request& request) {
    for (const auto& upload : file_uploads_) {
      if (upload.path == request.path) return web::authorised_write(request, session, upload.allowed);
    }
    return false;
  };
}

web::MiddlewareOptions Application::middleware_options() {
  web::MiddlewareOptions options;
  options.secure_cookies = config_.secure_cookies;
  options.find_session = [this](const std::string& token) { return accounts().actor_for_session(token); };
  options.find_token = [this](const std::string& token) { return accounts_->tokens().actor_for_token(token); };
  options.token_only_paths = token_only_paths_;
  if (page_cache_) {
    options.cache = page_cache_.get();
    options.data_version = [this] {
      auto connection = database_->connect();
      return store::current_data_version(*connection);
    };
  }
  return options;
}

web::Handler Application::handler() { return web::with_middleware(router_, pages_, middleware_options()); }

}  // namespace apertura::app
