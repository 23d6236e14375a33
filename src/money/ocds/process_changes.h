#pragma once
// "What changed and when" for a contracting process, read from its versioned
// release: every value that a later release replaced, with the release date.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace apertura::money {

struct FieldChange {
  std::string date;        // the release that made the change
  std::string release_id;
  std::string path;        // "tender/value/amount", "awards[2]/status"
  nlohmann::json before;   // null when the field first appeared
  nlohmann::json after;
};

// In date order; the first value of each field is included (before = null)
// only when `include_first` is set.
std::vector<FieldChange> changes_of(const nlohmann::json& versioned, bool include_first = false);

}  // namespace apertura::money
