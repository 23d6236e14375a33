#include "money/ocds/direct_compiler.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <numeric>

#include "money/ocds/merge_tree.h"

namespace apertura::money {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using merge_tree::Kind;
using merge_tree::Node;

// Thrown where release_merger would report the releases or treat them in a
// way of its own: the caller compiles them with it instead.
struct Unusual {};

struct Field {
  std::string_view key;
  element value;
};

// How the merge routine treats one input value (as release_merger's shape_of).
enum class Shape { literal, object, identified_array, ignored };

Shape shape_of(element value, const MergeRuleNode* rule) {
  if (rule && rule->whole_list) return Shape::literal;
  if (value.type() == element_type::OBJECT) {
    return simdjson::dom::object(value).size() == 0 ? Shape::ignored : Shape::object;
  }
  if (value.type() == element_type::ARRAY) {
    simdjson::dom::array items(value);
    for (element item : items) {
      if (item.type() != element_type::OBJECT) return Shape::literal;
    }
    return items.size() == 0 ? Shape::ignored : Shape::identified_array;
  }
  return Shape::literal;
}

// The value of the last `key` of an object (nlohmann keeps the last of equal keys).
std::optional<element> last_field(simdjson::dom::object object, std::string_view key) {
  std::optional<element> found;
  for (auto field : object) {
    if (field.key == key) found = field.value;
  }
  return found;
}

std::optional<element> last_field(element value, std::string_view key) {
  if (value.type() != element_type::OBJECT) return std::nullopt;
  return last_field(simdjson::dom::object(value), key);
}

// Identifiers as json_access's text_of reads them.
std::string text_of(element value) {
  switch (value.type()) {
    case element_type::STRING:
      return std::string(std::string_view(value));
    case element_type::INT64:
      return std::to_string(int64_t(value));
    case element_type::UINT64:
      return std::to_string(static_cast<int64_t>(uint64_t(value)));
    case element_type::DOUBLE: {
      std::string text;
      merge_tree::write_double(double(value), text);
      return text;
    }
    default:
      return "";
  }
}

// As process_summary's amount_of: a number, or text that is all a number.
std::optional<double> amount_of(element value) {
  switch (value.type()) {
    case element_type::INT64:
      return static_cast<double>(int64_t(value));
    case element_type::UINT64:
      return static_cast<double>(uint64_t(value));
    case element_type::DOUBLE:
      return double(value);
    case element_type::STRING: {
      std::string text{std::string_view(value)};
      char* end = nullptr;
      double number = std::strtod(text.c_str(), &end);
      if (end != text.c_str() && *end == '\0') return number;
      return std::nullopt;
    }
    default:
      return std::nullopt;
  }
}

// The merge of one process's releases into an arena tree.
class Merge {
 public:
  Merge(merge_tree::Arena& arena, std::deque<std::vector<Field>>& scratch) : arena_(arena), scratch_(scratch) {}

  bool merge_object(Node& out, simdjson::dom::object in, const MergeRuleNode* rules, bool top, size_t depth) {
    const std::vector<Field>& fields = sorted_fields(in, depth);
    bool touched = false;
    for (const Field& field : fields) {
      if (top && field.key == "tag") continue;  // `tag` is never merged
      const MergeRuleNode* rule = rules ? rules->child(field.key) : nullptr;
      if (rule && rule->omit) continue;
      Shape shape = shape_of(field.value, rule);
      if (shape == Shape::ignored) continue;
      size_t at = out.lower_bound(field.key);
      bool exists = at < out.members.size() && out.members[at].key == field.key;
      auto position = out.members.begin() + static_cast<std::ptrdiff_t>(at);
      if (shape == Shape::literal) {
        if (field.value.is_null()) {
          if (exists) out.members.erase(position);  // null removes the field
        } else if (exists) {
          position->value = copy(field.value, depth + 1);
        } else {
          out.members.insert(position, {arena_.copy(field.key), copy(field.value, depth + 1)});
        }
        touched = true;
        continue;
      }
      // An object, or an array of objects: merged into what is there, created
      // when missing and removed again when nothing was merged into it.
      Kind kind = shape == Shape::object ? Kind::object : Kind::array;
      if (exists) {
        if (position->value->kind == Kind::null) {
          position->value = arena_.make(kind);
        } else if (position->value->kind != kind) {
          throw Unusual{};
        }
      } else {
        out.members.insert(position, {arena_.copy(field.key), arena_.make(kind)});
      }
      Node& slot = *out.members[at].value;
      bool merged = kind == Kind::object
                        ? merge_object(slot, simdjson::dom::object(field.value), rule, false, depth + 1)
                        : merge_array(slot, simdjson::dom::array(field.value), rule, depth + 1);
      if (!exists && !merged) out.members.erase(out.members.begin() + static_cast<std::ptrdiff_t>(at));
      touched = merged || touched;
    }
    return touched;
  }

  Node* copy(element value, size_t depth) {
    switch (value.type()) {
      case element_type::OBJECT: {
        Node* node = arena_.make(Kind::object);
        const std::vector<Field>& fields = sorted_fields(simdjson::dom::object(value), depth);
        node->members.reserve(fields.size());
        for (const Field& field : fields) node->members.push_back({arena_.copy(field.key), copy(field.value, depth + 1)});
        return node;
      }
      case element_type::ARRAY: {
        Node* node = arena_.make(Kind::array);
        simdjson::dom::array items(value);
        node->items.reserve(items.size());
        for (element item : items) node->items.push_back(copy(item, depth + 1));
        return node;
      }
      case element_type::STRING: {
        Node* node = arena_.make(Kind::string);
        node->text = arena_.copy(std::string_view(value));
        return node;
      }
      case element_type::INT64: {
        Node* node = arena_.make(Kind::integer);
        node->integer = int64_t(value);
        return node;
      }
      case element_type::UINT64: {
        Node* node = arena_.make(Kind::unsigned_integer);
        node->unsigned_integer = uint64_t(value);
        return node;
      }
      case element_type::DOUBLE: {
        Node* node = arena_.make(Kind::floating);
        node->floating = double(value);
        return node;
      }
      case element_type::BOOL: {
        Node* node = arena_.make(Kind::boolean);
        node->boolean = bool(value);
        return node;
      }
      case element_type::NULL_VALUE:
        break;
    }
    return arena_.make(Kind::null);
  }

 private:
  bool merge_array(Node& out, simdjson::dom::array in, const MergeRuleNode* rule, size_t depth) {
    ArrayStrategy strategy = rule ? rule->array_strategy : ArrayStrategy::by_identifier;
    bool touched = false;
    size_t position = 0;
    for (element item : in) {
      simdjson::dom::object object(item);  // the shape says every item is an object
      Node* target = nullptr;
      if (strategy == ArrayStrategy::by_position && position < out.items.size()) {
        target = out.items[position];
        if (target->kind != Kind::object) throw Unusual{};
      } else if (strategy == ArrayStrategy::by_identifier) {
        target = identified(out, object);
      }
      ++position;
      if (target) {
        touched = merge_object(*target, object, rule, false, depth) || touched;
        continue;
      }
      Node* fresh = arena_.make(Kind::object);
      if (merge_object(*fresh, object, rule, false, depth)) {
        out.items.push_back(fresh);
        touched = true;
      }
    }
    return touched;
  }

  // The object of `out` with the item's `id` (equal in type and value), or
  // nullptr: an item without one is always a new object.
  static Node* identified(Node& out, simdjson::dom::object item) {
    std::optional<element> id = last_field(item, "id");
    if (!id || id->is_null()) return nullptr;
    if (id->type() == element_type::OBJECT || id->type() == element_type::ARRAY) throw Unusual{};
    for (Node* existing : out.items) {
      if (existing->kind != Kind::object) continue;
      const Node* existing_id = existing->find("id");
      if (existing_id && same_scalar(*existing_id, *id)) return existing;
    }
    return nullptr;
  }

  static bool same_scalar(const Node& node, element value) {
    switch (value.type()) {
      case element_type::STRING: return node.kind == Kind::string && node.text == std::string_view(value);
      case element_type::INT64: return node.kind == Kind::integer && node.integer == int64_t(value);
      case element_type::UINT64: return node.kind == Kind::unsigned_integer && node.unsigned_integer == uint64_t(value);
      case element_type::DOUBLE: return node.kind == Kind::floating && node.floating == double(value);
      case element_type::BOOL: return node.kind == Kind::boolean && node.boolean == bool(value);
      default: return false;
    }
  }

  // An object's fields sorted by key with the last of equal keys kept: the
  // tree nlohmann would have read. One list per depth, reused.
  const std::vector<Field>& sorted_fields(simdjson::dom::object in, size_t depth) {
    while (scratch_.size() <= depth) scratch_.emplace_back();
    std::vector<Field>& fields = scratch_[depth];
    fields.clear();
    for (auto field : in) {
      // Insertion sort: objects have a few keys, often in order already.
      Field next{field.key, field.value};
      size_t at = fields.size();
      fields.push_back(next);
      while (at > 0 && next.key < fields[at - 1].key) {
        fields[at] = fields[at - 1];
        --at;
      }
      fields[at] = next;
    }
    size_t kept = 0;
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i + 1 < fields.size() && fields[i + 1].key == fields[i].key) continue;
      fields[kept++] = fields[i];
    }
    fields.resize(kept);
    return fields;
  }

  merge_tree::Arena& arena_;
  std::deque<std::vector<Field>>& scratch_;
};

void set_member(Node& object, std::string_view key, Node* value) {
  size_t at = object.lower_bound(key);
  if (at < object.members.size() && object.members[at].key == key) {
    object.members[at].value = value;
  } else {
    object.members.insert(object.members.begin() + static_cast<std::ptrdiff_t>(at), {key, value});
  }
}

// The first value of each contract by id, reading the releases in merge order.
void note_first_amounts(simdjson::dom::object release, std::map<std::string, double>& first) {
  std::optional<element> contracts = last_field(release, "contracts");
  if (!contracts || contracts->type() != element_type::ARRAY) return;
  for (element contract : simdjson::dom::array(*contracts)) {
    std::optional<element> id = last_field(contract, "id");
    std::string text = id ? text_of(*id) : "";
    if (text.empty() || first.count(text)) continue;
    std::optional<element> value = last_field(contract, "value");
    std::optional<element> amount = value ? last_field(*value, "amount") : std::nullopt;
    if (std::optional<double> number = amount ? amount_of(*amount) : std::nullopt) first[text] = *number;
  }
}

}  // namespace

struct DirectCompiler::State {
  simdjson::dom::parser parser;
  merge_tree::Arena arena;
  std::deque<std::vector<Field>> scratch;
};

DirectCompiler::DirectCompiler() : state_(std::make_unique<State>()) {}
DirectCompiler::~DirectCompiler() = default;

std::optional<DirectlyCompiled> DirectCompiler::compile(const std::vector<ReleaseText>& releases,
                                                        const MergeRules& rules) {
  std::vector<size_t> order(releases.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return releases[a].date < releases[b].date; });

  merge_tree::Arena& arena = state_->arena;
  arena.reset();
  Merge merge(arena, state_->scratch);
  Node* compiled = arena.make(Kind::object);
  auto compiled_tag = [&] {
    Node* tag = arena.make(Kind::array);
    Node* word = arena.make(Kind::string);
    word->text = "compiled";
    tag->items.push_back(word);
    return tag;
  };
  set_member(*compiled, "tag", compiled_tag());
  Node* ocid = nullptr;
  Node* date = nullptr;
  std::map<std::string, double> first_amounts;
  try {
    for (size_t i : order) {
      element root;
      if (state_->parser.parse(*releases[i].text).get(root) || root.type() != element_type::OBJECT) {
        return std::nullopt;
      }
      simdjson::dom::object release(root);
      // The last release in merge order gives the compiled release these.
      std::optional<element> ocid_value = last_field(release, "ocid");
      std::optional<element> date_value = last_field(release, "date");
      ocid = ocid_value ? merge.copy(*ocid_value, 0) : nullptr;
      date = date_value ? merge.copy(*date_value, 0) : nullptr;
      note_first_amounts(release, first_amounts);
      merge.merge_object(*compiled, release, &rules.root(), true, 0);
    }
  } catch (const Unusual&) {
    return std::nullopt;
  }

  auto text_or_none = [](const Node* node) {
    return node && node->kind == Kind::string ? std::string(node->text) : std::string("None");
  };
  Node* id = arena.make(Kind::string);
  id->text = arena.copy(text_or_none(ocid) + "-" + text_or_none(date));
  set_member(*compiled, "tag", compiled_tag());
  set_member(*compiled, "id", id);
  set_member(*compiled, "date", date ? date : arena.make(Kind::null));
  if (!ocid || ocid->kind == Kind::null) {
    size_t at = compiled->lower_bound("ocid");
    if (at < compiled->members.size() && compiled->members[at].key == "ocid") {
      compiled->members.erase(compiled->members.begin() + static_cast<std::ptrdiff_t>(at));
    }
  } else {
    set_member(*compiled, "ocid", ocid);
  }

  DirectlyCompiled out;
  if (!order.empty()) {
    out.first_date = std::string(releases[order.front()].date);
    out.last_date = std::string(releases[order.back()].date);
  }
  out.count = static_cast<int64_t>(releases.size());
  // A compiled release is rarely longer than its releases together.
  size_t input_bytes = 0;
  for (const ReleaseText& release : releases) input_bytes += release.text->size();
  out.text.reserve(input_bytes + 64);
  merge_tree::write_json(*compiled, out.text);
  if (!first_amounts.empty()) {
    double total = 0;
    for (const auto& [_, amount] : first_amounts) total += amount;
    out.initial_contract_amount = total;
  }
  out.tree = compiled;
  return out;
}

}  // namespace apertura::money
