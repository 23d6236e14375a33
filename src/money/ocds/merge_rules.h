#pragma once
// The OCDS merge rules of a release schema, as a tree of property names
// (array positions are not part of a path). Read from the schema itself, the
// way the standard's reference implementation does, so an extension or a new
// version of OCDS is a schema swap, not a code change:
//   - `omitWhenMerged` (1.0: mergeStrategy "ocdsOmit") drops the field;
//   - `wholeListMerge` (1.0: "ocdsVersion") on an array, an array of
//     non-objects, or an array of objects without an `id` property replaces
//     the whole list;
//   - other arrays of objects are merged by `id` (identifier merge).
// Overrides for publishers whose arrays cannot be merged by `id` (ids that
// restart at "1" in every release) merge an array by position or never.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::money {

enum class ArrayStrategy { by_identifier, by_position, append };

struct MergeRuleNode {
  bool omit = false;
  bool whole_list = false;
  ArrayStrategy array_strategy = ArrayStrategy::by_identifier;
  std::map<std::string, MergeRuleNode, std::less<>> children;

  // The node of a property, or nullptr when the schema says nothing of it.
  const MergeRuleNode* child(std::string_view name) const;
};

class MergeRules {
 public:
  // An empty rule set: every field is merged by the data-driven defaults.
  MergeRules() = default;
  // Reads the rules from a release schema; `$ref`s to "#/definitions/..." are followed.
  static MergeRules from_schema(const nlohmann::json& schema);
  // The rules of OCDS "1.0" or "1.1" from the release schemas shipped with
  // Apertura (api/ocds/); any other version string gets the 1.1 rules.
  static const MergeRules& for_version(std::string_view version);
  // The minor version whose rules a package `version` selects: "1.0.1" and
  // "1.0" give "1.0", "1.1.4" and "1.1" give "1.1"; nullopt for anything
  // else (none, or a version Apertura has no schema for).
  static std::optional<std::string> minor_version(std::string_view version);
  // The rules ("1.0" or "1.1") a package's `version` selects: its minor
  // version; none stated is 1.0, as the standard says; one Apertura has no
  // schema for (a later one) gets the latest rules it has, 1.1's.
  static std::string rules_version(std::string_view package_version);
  // The schema whose rules a minor version ("1.0", "1.1") merges by: "1.0.3", "1.1.5".
  static std::string_view schema_version(std::string_view minor);

  // Sets a strategy for the array at `path` ("awards" or "tender/items").
  void override_array(const std::string& path, ArrayStrategy strategy);

  const MergeRuleNode& root() const { return root_; }
  // Every rule as ("tender/items/additionalClassifications", "wholeListMerge"), sorted.
  std::vector<std::pair<std::string, std::string>> listing() const;

 private:
  MergeRuleNode root_;
};

}  // namespace apertura::money
