#include "money/ocds/merge_rules.h"

#include <stdexcept>

#include "core/embedded_files.h"

namespace apertura::money {

namespace {

using nlohmann::json;

constexpr int kMaxDepth = 32;  // a schema that refers to itself stops here

const json& resolve(const json& root, const json& node, int depth = 0) {
  if (!node.is_object() || !node.contains("$ref") || depth > kMaxDepth) return node;
  const json& ref = node["$ref"];
  if (!ref.is_string()) return node;
  std::string pointer = ref.get<std::string>();
  if (pointer.rfind("#", 0) != 0) return node;  // remote references are not followed
  pointer.erase(0, 1);
  try {
    return resolve(root, root.at(json::json_pointer(pointer)), depth + 1);
  } catch (const json::exception&) {
    throw std::invalid_argument("the schema refers to " + ref.get<std::string>() + ", which it does not define");
  }
}

std::vector<std::string> types_of(const json& node) {
  std::vector<std::string> types;
  if (!node.is_object() || !node.contains("type")) return types;
  const json& type = node["type"];
  if (type.is_string()) types.push_back(type.get<std::string>());
  if (type.is_array()) {
    for (const json& t : type) {
      if (t.is_string()) types.push_back(t.get<std::string>());
    }
  }
  return types;
}

bool has(const std::vector<std::string>& types, std::string_view type) {
  for (const auto& t : types) {
    if (t == type) return true;
  }
  return false;
}

bool flag(const json& node, const char* name) {
  auto it = node.find(name);
  return it != node.end() && it->is_boolean() && it->get<bool>();
}

bool strategy(const json& node, const char* name) {
  auto it = node.find("mergeStrategy");
  return it != node.end() && it->is_string() && it->get<std::string>() == name;
}

// Adds the rules of `properties` below `parent`; returns whether any rule was
// found so that empty branches are not kept.
bool read_properties(const json& root, const json& properties, MergeRuleNode& parent, int depth) {
  if (!properties.is_object() || depth > kMaxDepth) return false;
  bool any = false;
  for (const auto& [name, raw] : properties.items()) {
    const json& property = resolve(root, raw);
    if (!property.is_object()) continue;
    std::vector<std::string> types = types_of(property);
    MergeRuleNode node;
    bool keep = false;
    if (flag(property, "omitWhenMerged") || strategy(property, "ocdsOmit")) {
      node.omit = keep = true;
    } else if (has(types, "array") && (flag(property, "wholeListMerge") || strategy(property, "ocdsVersion"))) {
      node.whole_list = keep = true;
    } else if (has(types, "object") && property.contains("properties")) {
      keep = read_properties(root, property["properties"], node, depth + 1);
    } else if (has(types, "array") && property.contains("items")) {
      const json& items = resolve(root, property["items"]);
      std::vector<std::string> item_types = types_of(items);
      bool only_objects = true;
      for (const auto& t : item_types) only_objects = only_objects && t == "object";
      if (!only_objects) {
        node.whole_list = keep = true;
      } else if (has(item_types, "object") && items.contains("properties")) {
        const json& item_properties = items["properties"];
        if (!item_properties.is_object() || !item_properties.contains("id")) {
          node.whole_list = keep = true;
        } else {
          keep = read_properties(root, item_properties, node, depth + 1);
        }
      }
    }
    if (keep) {
      parent.children[name] = std::move(node);
      any = true;
    }
  }
  return any;
}

void list_rules(const MergeRuleNode& node, const std::string& path,
                std::vector<std::pair<std::string, std::string>>& out) {
  for (const auto& [name, child] : node.children) {
    std::string child_path = path.empty() ? name : path + "/" + name;
    if (child.omit) out.emplace_back(child_path, "omitWhenMerged");
    if (child.whole_list) out.emplace_back(child_path, "wholeListMerge");
    if (child.array_strategy == ArrayStrategy::by_position) out.emplace_back(child_path, "mergeByPosition");
    if (child.array_strategy == ArrayStrategy::append) out.emplace_back(child_path, "append");
    list_rules(child, child_path, out);
  }
}

MergeRules load_embedded(std::string_view path) {
  if (auto schema = embedded_file(path)) return MergeRules::from_schema(json::parse(*schema));
  throw std::logic_error("release schema missing from the binary: " + std::string(path));
}

}  // namespace

const MergeRuleNode* MergeRuleNode::child(std::string_view name) const {
  auto it = children.find(name);
  return it == children.end() ? nullptr : &it->second;
}

MergeRules MergeRules::from_schema(const json& schema) {
  MergeRules rules;
  if (!schema.is_object() || !schema.contains("properties")) {
    throw std::invalid_argument("a release schema needs a top-level \"properties\" object");
  }
  read_properties(schema, schema["properties"], rules.root_, 0);
  return rules;
}

std::optional<std::string> MergeRules::minor_version(std::string_view version) {
  for (const char* minor : {"1.0", "1.1"}) {
    std::string_view m(minor);
    if (version.substr(0, m.size()) == m && (version.size() == m.size() || version[m.size()] == '.')) {
      return std::string(m);
    }
  }
  return std::nullopt;
}

std::string MergeRules::rules_version(std::string_view package_version) {
  if (package_version.empty()) return "1.0";
  return minor_version(package_version).value_or("1.1");
}

std::string_view MergeRules::schema_version(std::string_view minor) {
  return minor == "1.0" ? "1.0.3" : "1.1.5";
}

const MergeRules& MergeRules::for_version(std::string_view version) {
  // The files named by schema_version().
  static const MergeRules v1_0 = load_embedded("api/ocds/release-schema-1__0__3.json");
  static const MergeRules v1_1 = load_embedded("api/ocds/release-schema-1__1__5.json");
  return minor_version(version).value_or("1.1") == "1.0" ? v1_0 : v1_1;
}

void MergeRules::override_array(const std::string& path, ArrayStrategy array_strategy) {
  MergeRuleNode* node = &root_;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    node = &node->children[path.substr(start, end - start)];
    start = end + 1;
  }
  node->array_strategy = array_strategy;
}

std::vector<std::pair<std::string, std::string>> MergeRules::listing() const {
  std::vector<std::pair<std::string, std::string>> out;
  list_rules(root_, "", out);
  return out;
}

}  // namespace apertura::money
