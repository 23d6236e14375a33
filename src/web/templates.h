#pragma once
// Renders Mustache templates (logic-less, HTML-escaped by default) from JSON
// view models, so one view model can feed a page and the API alike. Shared
// fragments (pagination, form errors) are rendered on their own and inserted
// as HTML, which keeps every template self-contained.
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "web/assets.h"
#include "web/mustache.h"

namespace apertura::web {

class Templates {
 public:
  // Parses every template under templates/; throws on the first invalid one.
  explicit Templates(const Assets& assets);
  // Renders "templates/<name>.mustache"; throws if it is missing or invalid.
  std::string render(const std::string& name, const nlohmann::json& data) const;

 private:
  std::map<std::string, MustacheTemplate> templates_;
};

}  // namespace apertura::web
