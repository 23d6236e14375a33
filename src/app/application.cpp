#include "app/application.h"

#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>

#include "accounts/account_handlers.h"
#include "audit/audit_handlers.h"
#include "jurisdictions/jurisdiction_handlers.h"
#include "money/budget/budget_routes.h"
#include "money/contracting/contracting_routes.h"
#include "money/flags/flag_routes.h"
#include "money/import/import_job_routes.h"
#include "money/import/import_indexes.h"
#include "money/import/permissions.h"
#include "plans/plan_routes.h"
#include "participation/proposal_routes.h"
#include "plans/session_routes.h"
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
  // After an import that was killed before it built them again.
  auto connection = database->connect();
  if (int built = money::ImportIndexes::build_missing(*connection)) {
    spdlog::info("built {} list indexes that an interrupted OCDS import had left out", built);
  }
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
      jurisdictions_(*database_),
      accounts_(*database_, account_settings,
                [this](int64_t id) { return jurisdictions_.institution_exists(id); },
                [this](const std::string& code) -> std::optional<int64_t> {
                  auto found = jurisdictions_.find(code);
                  return found ? std::optional<int64_t>(found->id) : std::nullopt;
                }),
      audit_(*database_),
      secretariats_(*database_, jurisdictions_,
                    [this](const std::string& email) -> std::optional<int64_t> {
                      auto user = accounts_.find_by_email(email);
                      return user ? std::optional<int64_t>(user->id) : std::nullopt;
                    }),
      plans_(*database_, jurisdictions_),
      proposals_(*database_, jurisdictions_, plans_,
                 [this](int64_t user_id) -> std::optional<std::string> {
                   auto user = accounts_.find(user_id);
                   return user ? std::optional<std::string>(user->email) : std::nullopt;
                 },
                 config_.public_url),
      files_(store::make_file_store(config.files_dir)),
      evidence_(*database_, *files_, plans_, secretariats_,
                [this](const std::string& ocid) { return contracting_.process_title(ocid); }),
      sessions_(*database_, jurisdictions_, *files_),
      red_flags_(*database_, load_flag_settings(config.flags_settings)),
      contracting_(*database_),
      budget_(*database_, jurisdictions_),
      import_jobs_(*database_, red_flags_.settings(), jurisdictions_, config.upload_dir) {
  register_system_routes();
  plans::PlanServices plan_services{plans_, secretariats_, evidence_, sessions_};
  jurisdictions::register_jurisdiction_routes(
      router_, jurisdictions_, pages_,
      {[this, plan_services](const web::Request& request, const jurisdictions::Jurisdiction& jurisdiction) {
        return plans::jurisdiction_section_html(plan_services, pages_, request, jurisdiction);
      }});
  plans::register_plan_api(router_, plan_services);
  participation::register_proposal_routes(router_, proposals_, plans_, pages_);
  plans::register_session_routes(router_, sessions_, pages_);
  plans::register_plan_pages(router_, plan_services, pages_);
  accounts::register_account_routes(router_, accounts_, pages_,
                                    {config_.secure_cookies, config_.public_url});
  audit::register_audit_routes(router_, audit_, pages_);
  money::register_import_job_routes(router_, import_jobs_, pages_);
  money::extend_contracting_pages(contracting_extensions_, red_flags_);
  money::extend_contracting_pages(contracting_extensions_, budget_);
  money::extend_contracting_pages(contracting_extensions_);
  money::register_contracting_routes(router_, contracting_, pages_, contracting_extensions_);
  money::register_flag_routes(router_, red_flags_, contracting_, pages_);
  money::register_budget_routes(router_, budget_, pages_);
}

void Application::start_background_work() { import_jobs_.start(); }

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
  router_.get("/api/v1/openapi.json", [this](web::Request&) {
    web::Response response{200, "application/json; charset=utf-8",
                           std::string(assets_.file("api/openapi.json").value_or("{}")), {}};
    response.set_header("Access-Control-Allow-Origin", "*");
    return response;
  });
}

void Application::configure(web::ServerOptions& options) {
  options.file_body_paths = {money::kOcdsImportApiPath};
  // The import under way stops after its batch (the next start resumes it),
  // and requests waiting for an import answer.
  options.on_stop = [this] { import_jobs_.stop(); };
  options.file_body_dir = config_.upload_dir;
  options.file_body_allowed = [this, session = middleware_options()](const web::Request& request) {
    return web::authorised_write(request, session, [](const Actor& actor) {
      return money::import_permissions().allows(actor.role, money::ImportAction::import_releases);
    });
  };
}

web::MiddlewareOptions Application::middleware_options() {
  web::MiddlewareOptions options;
  options.secure_cookies = config_.secure_cookies;
  options.find_session = [this](const std::string& token) { return accounts_.actor_for_session(token); };
  return options;
}

web::Handler Application::handler() { return web::with_middleware(router_, pages_, middleware_options()); }

}  // namespace apertura::app
