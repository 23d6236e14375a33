#include "web/assets.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.h"
#include "core/embedded_files.h"

namespace apertura::web {

namespace {
constexpr std::string_view kStaticPrefix = "static/";

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

std::string content_type_for(const std::string& path) {
  static const std::pair<std::string_view, std::string_view> types[] = {
      {".css", "text/css; charset=utf-8"},   {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"},                 {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},              {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
  };
  for (const auto& [suffix, type] : types) {
    if (ends_with(path, suffix)) return std::string(type);
  }
  return "application/octet-stream";
}

void Assets::add(std::string path, std::string content) {
  if (path.rfind(kStaticPrefix, 0) == 0) {
    fingerprints_[path.substr(kStaticPrefix.size())] = sha256_hex(content).substr(0, 10);
  }
  files_[std::move(path)] = std::move(content);
}

Assets Assets::embedded() {
  Assets assets;
  for (const EmbeddedFile& file : embedded_files()) {
    if (file.path.rfind("migrations/", 0) == 0) continue;  // the schema's, not the web's
    assets.add(std::string(file.path), std::string(file.data));
  }
  return assets;
}

Assets Assets::from_directory(const std::string& root) {
  namespace fs = std::filesystem;
  // Built files (the bundled scripts) are not in the source folders; they come
  // from the binary, and everything on disk replaces its embedded copy.
  Assets assets = embedded();
  for (const char* folder : {"templates", "static", "api"}) {
    fs::path base = fs::path(root) / folder;
    if (!fs::is_directory(base)) throw std::runtime_error("no folder " + base.string());
    for (const auto& entry : fs::recursive_directory_iterator(base)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream content;
      content << in.rdbuf();
      assets.add(fs::relative(entry.path(), root).generic_string(), content.str());
    }
  }
  return assets;
}

std::optional<std::string_view> Assets::file(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return std::string_view(it->second);
}

std::map<std::string, std::string> Assets::files_under(const std::string& prefix) const {
  std::map<std::string, std::string> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.rfind(prefix, 0) == 0;
       ++it) {
    out.insert(*it);
  }
  return out;
}

std::string Assets::static_url(const std::string& name) const {
  auto it = fingerprints_.find(name);
  if (it == fingerprints_.end()) return "/static/" + name;
  size_t dot = name.rfind('.');
  return "/static/" + name.substr(0, dot) + "." + it->second + name.substr(dot);
}

std::optional<Response> Assets::serve_static(const Request& request) const {
  std::string name = request.path.substr(std::string_view("/static/").size());
  if (name.find("..") != std::string::npos) return std::nullopt;
  // "css/apertura.1a2b3c4d5e.css" -> "css/apertura.css" with fingerprint "1a2b3c4d5e".
  std::string fingerprint;
  size_t last_dot = name.rfind('.');
  size_t hash_dot = last_dot == std::string::npos ? std::string::npos : name.rfind('.', last_dot - 1);
  std::string plain = name;
  if (hash_dot != std::string::npos && last_dot - hash_dot - 1 == 10) {
    fingerprint = name.substr(hash_dot + 1, 10);
    plain = name.substr(0, hash_dot) + name.substr(last_dot);
  }
  auto content = files_.find(std::string(kStaticPrefix) + plain);
  if (content == files_.end()) return std::nullopt;
  auto expected = fingerprints_.find(plain);
  Response response{200, content_type_for(plain), content->second, {}};
  std::string etag = "\"" + expected->second + "\"";
  response.set_header("ETag", etag);
  if (!fingerprint.empty() && fingerprint == expected->second) {
    response.set_header("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    response.set_header("Cache-Control", "no-cache");
  }
  if (request.header("if-none-match") == etag) {
    response.status = 304;
    response.body.clear();
  }
  return response;
}

}  // namespace apertura::web
