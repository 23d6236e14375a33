#pragma once
// Settings of a running instance. Each comes, in this order of precedence,
// from a command-line flag, an environment variable (APERTURA_DB,
// APERTURA_PORT, ...), a config file (--config or APERTURA_CONFIG, lines of
// `key = value`), or the default.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"

namespace apertura::app {

struct Config {
  std::string db = "sqlite:apertura.db";
  std::string address = "127.0.0.1";
  uint16_t port = 8080;
  unsigned threads = 0;  // one per core
  std::string assets_dir;  // empty: the copies built into the binary
  std::string files_dir;   // empty: uploaded files are kept in the database
  std::string upload_dir;  // OCDS uploads while they arrive and wait; empty: default_upload_dir(db)
  std::string flags_settings;  // red-flag settings (Cardinal's INI format); empty: the defaults
  std::string smtp_url;   // "smtp://host:25", "smtps://user:password@host:465"; empty: messages wait in the outbox
  std::string smtp_from = "Apertura <no-responder@localhost>";
  bool secure_cookies = false;
  std::string public_url;  // empty: http://localhost:<port>
  std::string log_level = "info";
  bool access_log = true;
  // The hourly check that the catalog's links still answer (it reaches their servers).
  bool check_links = true;
  unsigned page_cache_mb = 64;  // anonymous pages and API answers kept in memory (web/page_cache.h); 0: none
  // Addresses of the reverse proxies in front (e.g. "127.0.0.1"): from them the
  // client's address is read from X-Forwarded-For, for the rate limits.
  std::vector<std::string> trusted_proxies;
};

// The keys a config file or environment may set, e.g. "db" <-> APERTURA_DB.
const std::vector<std::string>& config_keys();

// Parses `key = value` lines; `#` starts a comment. Errors name the line.
Result<std::map<std::string, std::string>> parse_config_file(const std::string& text);

// Where OCDS uploads wait for their import unless configured: beside a
// SQLite file ("data/portal.db" -> "data/portal-uploads"), else
// "apertura-uploads" in the working folder.
std::string default_upload_dir(const std::string& db);

// Combines the sources. `flags` holds only what the command line set;
// `getenv` returns nullopt for unset variables.
Result<Config> resolve_config(const std::map<std::string, std::string>& flags,
                              const std::function<std::optional<std::string>(const std::string&)>& getenv,
                              const std::map<std::string, std::string>& file);

}  // namespace apertura::app
