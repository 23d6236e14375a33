#include "web/templates.h"

#include <kainjow/mustache.hpp>
#include <memory>
#include <stdexcept>
#include <unordered_map>

namespace apertura::web {

namespace mustache = kainjow::mustache;

namespace {

mustache::data to_data(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, to_data(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(to_data(item));
      return list;
    }
    case nlohmann::json::value_t::string:
      // An empty string is falsy, as in most Mustache implementations, so
      // {{#website}} hides a link with no address; it still renders as "".
      if (value.get_ref<const std::string&>().empty()) return mustache::data{false};
      return mustache::data{value.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return mustache::data{value.get<bool>()};
    case nlohmann::json::value_t::null:
      return mustache::data{false};
    default:
      return mustache::data{value.dump()};
  }
}

// Parsed templates are cached per thread: kainjow's render is not const.
using Cache = std::unordered_map<std::string, std::unique_ptr<mustache::mustache>>;
Cache& thread_cache(const Assets* assets) {
  thread_local const Assets* owner = nullptr;
  thread_local Cache cache;
  if (owner != assets) {
    cache.clear();
    owner = assets;
  }
  return cache;
}

}  // namespace

Templates::Templates(const Assets& assets) : assets_(assets) {
  // Fail at start-up, not at the first request, if a template does not parse.
  for (const auto& [path, text] : assets_.files_under("templates/")) {
    mustache::mustache parsed{text};
    if (!parsed.is_valid()) {
      throw std::runtime_error("template " + path + " is invalid: " + parsed.error_message());
    }
  }
}

std::string Templates::render(const std::string& name, const nlohmann::json& data) const {
  Cache& cache = thread_cache(&assets_);
  auto it = cache.find(name);
  if (it == cache.end()) {
    auto text = assets_.file("templates/" + name + ".mustache");
    if (!text) throw std::runtime_error("no template named " + name);
    it = cache.emplace(name, std::make_unique<mustache::mustache>(std::string(*text))).first;
  }
  mustache::data root = to_data(data);
  return it->second->render(root);
}

}  // namespace apertura::web
