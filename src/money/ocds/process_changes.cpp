#include "money/ocds/process_changes.h"

#include <algorithm>

namespace apertura::money {

namespace {

using nlohmann::json;

bool is_history(const json& value) {
  return value.is_array() && !value.empty() && value.front().is_object() && value.front().contains("releaseID") &&
         value.front().contains("value");
}

void walk(const json& node, const std::string& path, bool include_first, std::vector<FieldChange>& out) {
  if (is_history(node)) {
    json before;
    bool first = true;
    for (const json& version : node) {
      if (!first || include_first) {
        FieldChange change;
        change.date = version.value("releaseDate", json()).is_string() ? version["releaseDate"].get<std::string>() : "";
        change.release_id = version["releaseID"].is_string() ? version["releaseID"].get<std::string>() : version["releaseID"].dump();
        change.path = path;
        change.before = before;
        change.after = version["value"];
        out.push_back(std::move(change));
      }
      before = version["value"];
      first = false;
    }
    return;
  }
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "ocid") continue;
      walk(value, path.empty() ? key : path + "/" + key, include_first, out);
    }
    return;
  }
  if (node.is_array()) {
    for (const json& item : node) {
      std::string label = item.is_object() && item.contains("id") ? (item["id"].is_string() ? item["id"].get<std::string>() : item["id"].dump()) : "?";
      walk(item, path + "[" + label + "]", include_first, out);
    }
  }
}

}  // namespace

std::vector<FieldChange> changes_of(const json& versioned, bool include_first) {
  std::vector<FieldChange> out;
  walk(versioned, "", include_first, out);
  std::stable_sort(out.begin(), out.end(), [](const FieldChange& a, const FieldChange& b) { return a.date < b.date; });
  return out;
}

}  // namespace apertura::money
