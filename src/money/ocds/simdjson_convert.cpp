#include "money/ocds/simdjson_convert.h"

#include <simdjson.h>

#include <algorithm>
#include <stdexcept>

namespace apertura::money {

namespace {

nlohmann::json convert(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT: {
      nlohmann::json object = nlohmann::json::object();
      auto& fields = object.get_ref<nlohmann::json::object_t&>();
      for (auto field : simdjson::dom::object(element)) {
        // The last of two equal keys wins, as in nlohmann's own parser.
        fields.insert_or_assign(std::string(field.key), convert(field.value));
      }
      return object;
    }
    case simdjson::dom::element_type::ARRAY: {
      nlohmann::json array = nlohmann::json::array();
      auto& items = array.get_ref<nlohmann::json::array_t&>();
      items.reserve(simdjson::dom::array(element).size());
      for (auto item : simdjson::dom::array(element)) items.push_back(convert(item));
      return array;
    }
    case simdjson::dom::element_type::STRING:
      return std::string(std::string_view(element));
    case simdjson::dom::element_type::INT64:
      return int64_t(element);
    case simdjson::dom::element_type::UINT64:
      return uint64_t(element);
    case simdjson::dom::element_type::DOUBLE:
      return double(element);
    case simdjson::dom::element_type::BOOL:
      return bool(element);
    case simdjson::dom::element_type::NULL_VALUE:
      return nullptr;
  }
  return nullptr;
}

std::string identifier_text(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::STRING:
      return std::string(std::string_view(element));
    case simdjson::dom::element_type::INT64:
      return std::to_string(int64_t(element));
    case simdjson::dom::element_type::UINT64:
      return std::to_string(uint64_t(element));
    default:
      return "";
  }
}

// The document's root; throws std::invalid_argument when the text is not JSON.
simdjson::dom::element root_of(simdjson::simdjson_result<simdjson::dom::element> parsed) {
  simdjson::dom::element root;
  auto error = std::move(parsed).get(root);
  if (error) throw std::invalid_argument(simdjson::error_message(error));
  return root;
}

// A copy of the text, padded, is parsed.
simdjson::dom::element root_of(simdjson::dom::parser& parser, std::string_view text) {
  return root_of(parser.parse(text.data(), text.size(), true));
}

// The text itself when it has room for simdjson's padding after it.
simdjson::dom::element root_of(simdjson::dom::parser& parser, const std::string& text) {
  return root_of(parser.parse(text));
}

// What an import reads of a release before compiling it.
ReleaseHead head_of(simdjson::dom::element root) {
  ReleaseHead head;
  if (!root.is_object()) return head;
  head.is_object = true;
  for (auto field : simdjson::dom::object(root)) {
    std::string_view key = field.key;
    if (key == "ocid") {
      head.has_ocid = true;
      head.ocid = identifier_text(field.value);
    } else if (key == "id") {
      head.id = identifier_text(field.value);
    } else if (key == "date") {
      head.date = field.value.is_string() ? std::optional<std::string>(std::string_view(field.value)) : std::nullopt;
    } else if (key == "tag") {
      head.tags.clear();
      if (field.value.is_array()) head.tags = convert(field.value).dump();
      if (field.value.is_string()) head.tags = nlohmann::json::array({convert(field.value)}).dump();
    } else if (key == "version") {
      head.version = field.value.is_string() ? std::string(std::string_view(field.value)) : "";
    } else if (key == "packageInfo") {
      head.has_package_info = true;
    } else if (key == "compiledRelease" || key == "releases") {
      head.has_records_fields = true;
    }
  }
  return head;
}

}  // namespace

struct FastJsonParser::State {
  simdjson::dom::parser parser;
};

FastJsonParser::FastJsonParser() : state_(new State) {}
FastJsonParser::~FastJsonParser() { delete state_; }

nlohmann::json FastJsonParser::parse(std::string_view text) {
  return convert(root_of(state_->parser, text));
}

nlohmann::json FastJsonParser::parse_fields(std::string_view text, const std::vector<std::string_view>& keys) {
  simdjson::dom::element root = root_of(state_->parser, text);
  if (!root.is_object()) return convert(root);
  nlohmann::json object = nlohmann::json::object();
  auto& fields = object.get_ref<nlohmann::json::object_t&>();
  for (auto field : simdjson::dom::object(root)) {
    if (std::find(keys.begin(), keys.end(), field.key) == keys.end()) continue;
    fields.insert_or_assign(std::string(field.key), convert(field.value));
  }
  return object;
}

ReleaseHead FastJsonParser::release_head(const std::string& text) {
  return head_of(root_of(state_->parser, text));
}

}  // namespace apertura::money
