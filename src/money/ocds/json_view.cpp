#include "money/ocds/json_view.h"

#include <cstdlib>

namespace apertura::money {

namespace {

using merge_tree::Kind;

bool node_is(const merge_tree::Node* node, Kind kind) { return node && node->kind == kind; }

const nlohmann::json& empty_array() {
  static const nlohmann::json empty = nlohmann::json::array();
  return empty;
}

}  // namespace

bool JsonView::is_null() const {
  if (json_) return json_->is_null();
  return !node_ || node_->kind == Kind::null;
}

bool JsonView::is_object() const { return json_ ? json_->is_object() : node_is(node_, Kind::object); }

bool JsonView::is_array() const { return json_ ? json_->is_array() : node_is(node_, Kind::array); }

bool JsonView::is_string() const { return json_ ? json_->is_string() : node_is(node_, Kind::string); }

bool JsonView::is_number() const {
  if (json_) return json_->is_number();
  return is_number_integer() || node_is(node_, Kind::floating);
}

bool JsonView::is_number_integer() const {
  if (json_) return json_->is_number_integer();
  return node_is(node_, Kind::integer) || node_is(node_, Kind::unsigned_integer);
}

JsonView JsonView::operator[](std::string_view key) const {
  if (json_) {
    if (!json_->is_object()) return {};
    auto it = json_->find(key);
    return it == json_->end() ? JsonView() : JsonView(*it);
  }
  if (!node_is(node_, Kind::object)) return {};
  const merge_tree::Node* value = node_->find(key);
  return value ? JsonView(*value) : JsonView();
}

bool JsonView::contains(std::string_view key) const {
  if (json_) return json_->is_object() && json_->find(key) != json_->end();
  return node_is(node_, Kind::object) && node_->find(key) != nullptr;
}

JsonView JsonView::operator[](size_t index) const {
  if (index >= size() || !is_array()) return {};
  return json_ ? JsonView((*json_)[index]) : JsonView(*node_->items[index]);
}

size_t JsonView::size() const {
  if (json_) return json_->is_array() || json_->is_object() ? json_->size() : 0;
  if (node_is(node_, Kind::array)) return node_->items.size();
  if (node_is(node_, Kind::object)) return node_->members.size();
  return 0;
}

std::string_view JsonView::string() const {
  if (json_) return json_->is_string() ? std::string_view(json_->get_ref<const std::string&>()) : std::string_view();
  return node_is(node_, Kind::string) ? node_->text : std::string_view();
}

double JsonView::number() const {
  if (json_) return json_->is_number() ? json_->get<double>() : 0.0;
  if (!node_) return 0.0;
  switch (node_->kind) {
    case Kind::integer: return static_cast<double>(node_->integer);
    case Kind::unsigned_integer: return static_cast<double>(node_->unsigned_integer);
    case Kind::floating: return node_->floating;
    default: return 0.0;
  }
}

int64_t JsonView::integer() const {
  if (json_) return json_->is_number_integer() ? json_->get<int64_t>() : 0;
  if (node_is(node_, Kind::integer)) return node_->integer;
  if (node_is(node_, Kind::unsigned_integer)) return static_cast<int64_t>(node_->unsigned_integer);
  return 0;
}

bool operator==(const JsonView& a, const JsonView& b) {
  if (a.json_ && b.json_) return *a.json_ == *b.json_;
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_string() || b.is_string()) return a.is_string() && b.is_string() && a.string() == b.string();
  if (a.is_number() || b.is_number()) {
    if (!a.is_number() || !b.is_number()) return false;
    if (a.is_number_integer() && b.is_number_integer()) return a.integer() == b.integer();
    return a.number() == b.number();
  }
  if (a.is_array() || b.is_array()) {
    if (!a.is_array() || !b.is_array() || a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (!(a[i] == b[i])) return false;
    }
    return true;
  }
  if (a.is_object() || b.is_object()) {
    if (!a.is_object() || !b.is_object() || a.size() != b.size()) return false;
    const JsonView& node_side = a.node_ ? a : b;
    const JsonView& other = a.node_ ? b : a;
    for (const merge_tree::Member& member : node_side.node_->members) {
      if (!other.contains(member.key) || !(JsonView(*member.value) == other[member.key])) return false;
    }
    return true;
  }
  // Booleans.
  bool a_value = a.json_ ? a.json_->get<bool>() : a.node_->boolean;
  bool b_value = b.json_ ? b.json_->get<bool>() : b.node_->boolean;
  return a_value == b_value;
}

JsonView field(JsonView object, const char* key) { return object[key]; }

JsonView array_field(JsonView object, const char* key) {
  JsonView value = object[key];
  return value.is_array() ? value : JsonView(empty_array());
}

std::optional<std::string_view> string_field(JsonView object, const char* key) {
  JsonView value = object[key];
  if (!value.is_string()) return std::nullopt;
  return value.string();
}

std::string text_of(JsonView value) {
  if (value.is_string()) return std::string(value.string());
  if (value.is_number_integer()) return std::to_string(value.integer());
  if (value.is_number()) {
    std::string out;
    merge_tree::write_double(value.number(), out);
    return out;
  }
  return "";
}

}  // namespace apertura::money
