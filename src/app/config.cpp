#include "app/config.h"

#include <charconv>
#include <filesystem>

#include "core/text.h"
#include "store/database.h"

namespace apertura::app {

namespace {

std::string env_name(const std::string& key) {
  std::string name = "APERTURA_";
  for (char c : key) name += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return name;
}

std::optional<bool> parse_bool(const std::string& text) {
  std::string value = to_lower_ascii(text);
  if (value == "1" || value == "true" || value == "yes" || value == "on") return true;
  if (value == "0" || value == "false" || value == "no" || value == "off") return false;
  return std::nullopt;
}

template <typename Number>
std::optional<Number> parse_number(const std::string& text, Number max) {
  Number value{};
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

}  // namespace

const std::vector<std::string>& config_keys() {
  static const std::vector<std::string> keys = {"db",         "address",        "port",
                                                "threads",    "assets_dir",     "secure_cookies",
                                                "public_url", "log_level",      "access_log", "files_dir",
                                                "flags_settings", "upload_dir", "smtp_url", "smtp_from",
                                                "page_cache_mb", "trusted_proxies", "check_links"};
  return keys;
}

Result<std::map<std::string, std::string>> parse_config_file(const std::string& text) {
  std::map<std::string, std::string> values;
  int number = 0;
  for (const std::string& raw : split(text, '\n')) {
    ++number;
    std::string line = trim(raw.substr(0, raw.find('#')));
    if (line.empty()) continue;
    size_t equals = line.find('=');
    if (equals == std::string::npos) {
      return Error::invalid("línea " + std::to_string(number) + ": se esperaba `clave = valor`");
    }
    std::string key = trim(line.substr(0, equals));
    bool known = std::find(config_keys().begin(), config_keys().end(), key) != config_keys().end();
    if (!known) return Error::invalid("línea " + std::to_string(number) + ": clave desconocida `" + key + "`");
    values[key] = trim(line.substr(equals + 1));
  }
  return values;
}

std::string default_upload_dir(const std::string& db) {
  // Beside a SQLite file, so that a queued upload lives as long as the
  // database that names it; the system's temporary folder may be emptied at
  // every boot, and a job queued before a restart would find no file.
  std::optional<std::string> path = store::sqlite_path(db);
  if (!path || path->empty() || *path == ":memory:") return "apertura-uploads";
  std::filesystem::path file(*path);
  return (file.parent_path() / (file.stem().string() + "-uploads")).string();
}

Result<Config> resolve_config(const std::map<std::string, std::string>& flags,
                              const std::function<std::optional<std::string>(const std::string&)>& getenv,
                              const std::map<std::string, std::string>& file) {
  Config config;
  Validation validation;
  for (const std::string& key : config_keys()) {
    std::optional<std::string> value;
    std::string source;
    if (auto it = flags.find(key); it != flags.end()) {
      value = it->second;
      source = "--" + key;
    } else if (auto env = getenv(env_name(key))) {
      value = *env;
      source = env_name(key);
    } else if (auto it = file.find(key); it != file.end()) {
      value = it->second;
      source = "config: " + key;
    }
    if (!value) continue;
    if (key == "db") config.db = *value;
    if (key == "address") config.address = *value;
    if (key == "assets_dir") config.assets_dir = *value;
    if (key == "files_dir") config.files_dir = *value;
    if (key == "upload_dir") config.upload_dir = *value;
    if (key == "flags_settings") config.flags_settings = *value;
    if (key == "smtp_url") config.smtp_url = *value;
    if (key == "smtp_from") config.smtp_from = *value;
    if (key == "public_url") config.public_url = *value;
    if (key == "log_level") config.log_level = *value;
    if (key == "trusted_proxies") {
      config.trusted_proxies.clear();
      for (const std::string& address : split(*value, ',')) {
        if (!trim(address).empty()) config.trusted_proxies.push_back(trim(address));
      }
    }
    if (key == "port") {
      auto port = parse_number<unsigned>(*value, 65535);
      if (port) config.port = static_cast<uint16_t>(*port);
      else validation.fail(source, "el puerto debe ser un número de 0 a 65535");
    }
    if (key == "threads") {
      auto threads = parse_number<unsigned>(*value, 1024);
      if (threads) config.threads = *threads;
      else validation.fail(source, "debe ser un número de 0 a 1024");
    }
    if (key == "page_cache_mb") {
      auto megabytes = parse_number<unsigned>(*value, 65536);
      if (megabytes) config.page_cache_mb = *megabytes;
      else validation.fail(source, "debe ser un número de megabytes de 0 a 65536 (0: sin caché)");
    }
    if (key == "secure_cookies" || key == "access_log" || key == "check_links") {
      auto flag = parse_bool(*value);
      if (!flag) validation.fail(source, "debe ser true o false");
      else (key == "secure_cookies" ? config.secure_cookies : key == "access_log" ? config.access_log : config.check_links) = *flag;
    }
  }
  if (!validation.ok()) return validation.error("La configuración no es válida.");
  if (config.public_url.empty()) config.public_url = "http://localhost:" + std::to_string(config.port);
  if (config.upload_dir.empty()) config.upload_dir = default_upload_dir(config.db);
  return config;
}

}  // namespace apertura::app
