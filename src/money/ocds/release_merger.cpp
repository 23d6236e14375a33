#include "money/ocds/release_merger.h"

#include <algorithm>
#include <type_traits>

#include "money/ocds/messages.h"

namespace apertura::money {

namespace {

using nlohmann::json;

const MergeRuleNode* child_rule(const MergeRuleNode* rules, std::string_view name) {
  return rules ? rules->child(name) : nullptr;
}

bool only_objects(const json& array) {
  return std::all_of(array.begin(), array.end(), [](const json& item) { return item.is_object(); });
}

// How the merge routine treats one input value.
enum class Shape { literal, object, identified_array, ignored };

Shape shape_of(const json& value, const MergeRuleNode* rule) {
  if (rule && rule->whole_list) return Shape::literal;
  if (value.is_object()) return value.empty() ? Shape::ignored : Shape::object;
  if (value.is_array()) {
    if (!only_objects(value)) return Shape::literal;       // strings, numbers or a mix
    return value.empty() ? Shape::ignored : Shape::identified_array;
  }
  return Shape::literal;  // strings, numbers, booleans and null
}

// Where a value is, as a chain on the stack: the text is built only for an error.
struct PathNode {
  const PathNode* parent;
  std::string_view key;
  std::string text() const {
    std::string prefix = parent ? parent->text() : "";
    return prefix.empty() ? std::string(key) : prefix + "/" + std::string(key);
  }
};

std::string describe(const json& value) {
  std::string text = value.dump();
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

void check_object_slot(const json& existing, const std::string& path) {
  if (!existing.is_null() && !existing.is_object()) {
    throw MergeError(say(OcdsMsg::object_over_value, describe(existing), path));
  }
}

void check_array_slot(const json& existing, const std::string& path) {
  if (!existing.is_null() && !existing.is_array()) {
    throw MergeError(say(OcdsMsg::array_over_value, describe(existing), path));
  }
}

void check_object_slot(const json& existing, const PathNode& path) {
  if (!existing.is_null() && !existing.is_object()) check_object_slot(existing, path.text());
}

void check_array_slot(const json& existing, const PathNode& path) {
  if (!existing.is_null() && !existing.is_array()) check_array_slot(existing, path.text());
}

// Merging by position into a list an earlier release wrote with something
// else than an object there (a list of literals, replaced whole then).
void check_position_slot(const json& existing, size_t position, const std::string& path) {
  if (!existing.is_object()) {
    throw MergeError(say(OcdsMsg::object_over_position, describe(existing), position, path));
  }
}

// Finds the object an array item merges into, or nullptr to append it.
json* merge_target(json& output, const json& item, size_t position, ArrayStrategy strategy) {
  switch (strategy) {
    case ArrayStrategy::append:
      return nullptr;
    case ArrayStrategy::by_position:
      return position < output.size() ? &output[position] : nullptr;
    case ArrayStrategy::by_identifier: {
      auto id = item.find("id");
      if (id == item.end() || id->is_null()) return nullptr;  // no id: always a new object
      for (json& existing : output) {
        auto existing_id = existing.find("id");
        if (existing_id != existing.end() && existing_id->type() == id->type() && *existing_id == *id) {
          return &existing;
        }
      }
      return nullptr;
    }
  }
  return nullptr;
}

// --- compiled release -------------------------------------------------------

// The input of compiling: read, or consumed when the caller has no further use
// for the releases (values are then moved into the compiled release, not copied).
template <bool Consume>
using Input = std::conditional_t<Consume, json&, const json&>;

template <bool Consume>
json taken(Input<Consume> value) {
  if constexpr (Consume) {
    return std::move(value);
  } else {
    return value;
  }
}

// Each merge function returns whether it met a field to merge (a value or a
// null): as in the reference implementation, an object or array that only
// held empty objects does not appear in the output.
template <bool Consume>
bool compile_object(json& output, Input<Consume> input, const MergeRuleNode* rules, const PathNode* path,
                    const char* skip);

template <bool Consume>
bool compile_array(json& output, Input<Consume> input, const MergeRuleNode* rule, const PathNode* path) {
  bool touched = false;
  ArrayStrategy strategy = rule ? rule->array_strategy : ArrayStrategy::by_identifier;
  size_t position = 0;
  for (auto& item : input) {
    json* target = merge_target(output, item, position, strategy);
    if (target && !target->is_object()) check_position_slot(*target, position, path ? path->text() : "");
    ++position;
    if (target) {
      touched = compile_object<Consume>(*target, item, rule, path, nullptr) || touched;
      continue;
    }
    json fresh = json::object();
    if (compile_object<Consume>(fresh, item, rule, path, nullptr)) {
      output.push_back(std::move(fresh));
      touched = true;
    }
  }
  return touched;
}

template <bool Consume>
bool compile_object(json& output, Input<Consume> input, const MergeRuleNode* rules, const PathNode* path,
                    const char* skip) {
  // Both are std::maps: one search of the output per input field (this runs
  // for every field of every release an import stores).
  auto& fields = output.get_ref<json::object_t&>();
  bool touched = false;
  using Fields = std::conditional_t<Consume, json::object_t&, const json::object_t&>;
  for (auto& [key, value] : input.template get_ref<Fields>()) {
    if (skip && key == skip) continue;
    const MergeRuleNode* rule = child_rule(rules, key);
    if (rule && rule->omit) continue;
    Shape shape = shape_of(value, rule);
    if (shape == Shape::ignored) continue;
    auto slot = fields.lower_bound(key);
    bool exists = slot != fields.end() && slot->first == key;
    if (shape == Shape::literal) {
      if (value.is_null()) {
        if (exists) fields.erase(slot);  // null removes the field
      } else if (exists) {
        slot->second = taken<Consume>(value);
      } else {
        fields.emplace_hint(slot, key, taken<Consume>(value));
      }
      touched = true;
      continue;
    }
    // An object, or an array of objects: merged into what is there, created
    // when missing and removed again when nothing was merged into it.
    PathNode child_path{path, key};
    bool is_object = shape == Shape::object;
    if (exists) {
      if (is_object) {
        check_object_slot(slot->second, child_path);
      } else {
        check_array_slot(slot->second, child_path);
      }
      if (slot->second.is_null()) slot->second = is_object ? json::object() : json::array();
    } else {
      slot = fields.emplace_hint(slot, key, is_object ? json::object() : json::array());
    }
    bool merged = is_object ? compile_object<Consume>(slot->second, value, rule, &child_path, nullptr)
                            : compile_array<Consume>(slot->second, value, rule, &child_path);
    if (!exists && !merged) fields.erase(slot);
    touched = merged || touched;
  }
  return touched;
}

// --- versioned release ------------------------------------------------------

// Merges `input` into the object or array at output[key], creating it when
// missing and removing it again when nothing was merged into it.
template <typename Merge>
bool merge_into_slot(json& output, const std::string& key, json empty, Merge&& merge) {
  bool created = !output.contains(key);
  json& slot = output[key];
  if (created) slot = std::move(empty);
  bool touched = merge(slot);
  if (created && !touched) output.erase(key);
  return touched;
}

struct Provenance {
  json release_id;
  json release_date;
  json release_tag;
};

bool version_object(json& output, const json& input, const MergeRuleNode* rules, const Provenance& from,
                    const std::string& path, bool in_array);

void add_version(json& history, const json& value, const Provenance& from, const std::string& path) {
  if (history.is_null()) history = json::array();
  if (!history.is_array()) {
    throw MergeError(say(OcdsMsg::value_over_history, path, describe(value)));
  }
  if (!history.empty() && history.back().is_object() && history.back()["value"] == value) return;
  history.push_back({{"releaseID", from.release_id},
                     {"releaseDate", from.release_date},
                     {"releaseTag", from.release_tag},
                     {"value", value}});
}

bool version_array(json& output, const json& input, const MergeRuleNode* rule, const Provenance& from,
                   const std::string& path) {
  bool touched = false;
  ArrayStrategy strategy = rule ? rule->array_strategy : ArrayStrategy::by_identifier;
  size_t position = 0;
  for (const json& item : input) {
    json* target = merge_target(output, item, position, strategy);
    if (target && !target->is_object()) check_position_slot(*target, position, path);
    ++position;
    if (target) {
      touched = version_object(*target, item, rule, from, path, true) || touched;
      continue;
    }
    // The `id` of an object in an array identifies it and is not versioned.
    json fresh = json::object();
    auto id = item.find("id");
    bool has_id = id != item.end() && !id->is_null();
    if (has_id) fresh["id"] = *id;
    if (version_object(fresh, item, rule, from, path, true) || has_id) {
      output.push_back(std::move(fresh));
      touched = true;
    }
  }
  return touched;
}

bool version_object(json& output, const json& input, const MergeRuleNode* rules, const Provenance& from,
                    const std::string& path, bool in_array) {
  bool touched = false;
  for (const auto& item : input.items()) {
    // Named, not a structured binding: the lambdas below capture them (clang 14).
    const std::string& key = item.key();
    const json& value = item.value();
    if (in_array && key == "id") continue;
    const MergeRuleNode* rule = child_rule(rules, key);
    if (rule && rule->omit) continue;
    std::string child_path = path.empty() ? key : path + "/" + key;
    switch (shape_of(value, rule)) {
      case Shape::ignored:
        break;
      case Shape::literal:
        add_version(output[key], value, from, child_path);
        touched = true;
        break;
      case Shape::object:
        if (output.contains(key)) check_object_slot(output[key], child_path);
        touched = merge_into_slot(output, key, json::object(), [&](json& slot) {
          return version_object(slot, value, rule, from, child_path, false);
        }) || touched;
        break;
      case Shape::identified_array:
        if (output.contains(key)) {
          const json& slot = output[key];
          if (!slot.is_array() || (!slot.empty() && slot.front().contains("releaseID"))) {
            throw MergeError(say(OcdsMsg::array_over_other, child_path));
          }
        }
        touched = merge_into_slot(output, key, json::array(), [&](json& slot) {
          return version_array(slot, value, rule, from, child_path);
        }) || touched;
        break;
    }
  }
  return touched;
}

json field_or_null(const json& release, const char* name) {
  auto it = release.find(name);
  return it == release.end() ? json() : *it;
}

}  // namespace

std::vector<const json*> releases_in_merge_order(const std::vector<json>& releases) {
  std::vector<const json*> ordered;
  ordered.reserve(releases.size());
  for (const json& release : releases) ordered.push_back(&release);
  if (ordered.size() < 2) return ordered;
  for (size_t i = 0; i < ordered.size(); ++i) {
    const json& release = *ordered[i];
    if (!release.is_object()) throw MergeError(say(OcdsMsg::numbered_release_not_object, i + 1));
    auto date = release.find("date");
    if (date == release.end()) throw MergeError(say(OcdsMsg::release_without_date, i + 1));
    if (date->is_null()) throw MergeError(say(OcdsMsg::release_null_date, i + 1));
    if (!date->is_string()) throw MergeError(say(OcdsMsg::release_date_not_text, i + 1));
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const json* a, const json* b) {
    return (*a)["date"].get_ref<const std::string&>() < (*b)["date"].get_ref<const std::string&>();
  });
  return ordered;
}

namespace {

template <bool Consume>
json compile_in_order(const std::vector<const json*>& ordered, const MergeRules& rules) {
  json compiled = json::object();
  compiled["tag"] = json::array({"compiled"});
  json ocid, date;
  for (const json* release : ordered) {
    if (!release->is_object()) throw MergeError(say(OcdsMsg::release_not_object));
    ocid = field_or_null(*release, "ocid");
    date = field_or_null(*release, "date");
    // The caller of the consuming form owns the releases (see compile_releases).
    Input<Consume> input = const_cast<json&>(*release);
    compile_object<Consume>(compiled, input, &rules.root(), nullptr, "tag");  // `tag` is never merged
  }
  std::string ocid_text = ocid.is_string() ? ocid.get<std::string>() : "None";
  std::string date_text = date.is_string() ? date.get<std::string>() : "None";
  compiled["tag"] = json::array({"compiled"});
  compiled["id"] = ocid_text + "-" + date_text;
  compiled["date"] = date;
  if (ocid.is_null()) {
    compiled.erase("ocid");
  } else {
    compiled["ocid"] = ocid;
  }
  return compiled;
}

}  // namespace

json compile_releases(const std::vector<json>& releases, const MergeRules& rules) {
  return compile_in_order<false>(releases_in_merge_order(releases), rules);
}

json compile_releases(std::vector<json>&& releases, const MergeRules& rules) {
  return compile_in_order<true>(releases_in_merge_order(releases), rules);
}

json version_releases(const std::vector<json>& releases, const MergeRules& rules) {
  json versioned = json::object();
  json ocid;
  for (const json* release : releases_in_merge_order(releases)) {
    if (!release->is_object()) throw MergeError(say(OcdsMsg::release_not_object));
    ocid = field_or_null(*release, "ocid");
    Provenance from{field_or_null(*release, "id"), field_or_null(*release, "date"), field_or_null(*release, "tag")};
    json body = *release;
    body.erase("tag");
    body.erase("ocid");  // the process identifier is not versioned
    version_object(versioned, body, &rules.root(), from, "", false);
  }
  if (!ocid.is_null()) versioned["ocid"] = ocid;
  return versioned;
}

}  // namespace apertura::money
