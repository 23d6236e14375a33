#include "web/templates.h"

#include <stdexcept>

namespace apertura::web {

Templates::Templates(const Assets& assets) {
  // Every template is parsed at start-up, so a broken one stops the server
  // from starting instead of failing a request later.
  const std::string prefix = "templates/";
  const std::string suffix = ".mustache";
  for (const auto& [path, text] : assets.files_under(prefix)) {
    if (path.size() <= prefix.size() + suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) {
      continue;
    }
    std::string name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    try {
      templates_.emplace(name, MustacheTemplate(text));
    } catch (const TemplateError& e) {
      throw std::runtime_error("template " + path + ": " + e.what());
    }
  }
}

std::string Templates::render(const std::string& name, const nlohmann::json& data) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) throw std::runtime_error("no template named " + name);
  return it->second.render(data);
}

}  // namespace apertura::web
