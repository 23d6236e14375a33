#pragma once
// Templates and static files, read once at start-up from the binary or from a
// directory (--assets-dir, for editing templates without rebuilding). Static
// files are served under fingerprinted names ("/static/css/apertura.1a2b3c4d.css")
// so browsers may cache them for a year; a new build changes the name.
#include <map>
#include <optional>
#include <string>

#include "web/request.h"
#include "web/response.h"

namespace apertura::web {

class Assets {
 public:
  static Assets embedded();
  // Reads templates/, static/ and api/ below `root`.
  static Assets from_directory(const std::string& root);

  // A file by its path relative to the root ("templates/layout/base.mustache").
  std::optional<std::string_view> file(const std::string& path) const;
  // Every file whose path starts with `prefix`.
  std::map<std::string, std::string> files_under(const std::string& prefix) const;
  // "/static/css/apertura.<hash>.css" for "css/apertura.css".
  std::string static_url(const std::string& name) const;
  // Serves GET /static/...; nullopt when no such file.
  std::optional<Response> serve_static(const Request& request) const;

 private:
  void add(std::string path, std::string content);
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> fingerprints_;  // static name -> short hash
};

std::string content_type_for(const std::string& path);

}  // namespace apertura::web
