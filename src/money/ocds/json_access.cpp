#include "money/ocds/json_access.h"

#include "money/ocds/json_view.h"

namespace apertura::money {

const nlohmann::json& field(const nlohmann::json& object, const char* key) {
  static const nlohmann::json null;
  if (!object.is_object()) return null;
  auto it = object.find(key);
  return it == object.end() ? null : *it;
}

const nlohmann::json& array_field(const nlohmann::json& object, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  const nlohmann::json& value = field(object, key);
  return value.is_array() ? value : empty;
}

const std::string* string_field(const nlohmann::json& object, const char* key) {
  const nlohmann::json& value = field(object, key);
  return value.is_string() ? &value.get_ref<const std::string&>() : nullptr;
}

std::string text_of(const nlohmann::json& value) {
  return text_of(JsonView(value));
}

}  // namespace apertura::money
