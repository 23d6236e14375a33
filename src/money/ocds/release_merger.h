#pragma once
// Compiles the releases of one contracting process into a compiled release
// (the latest value of every field) and a versioned release (every value with
// the release that set it), following the OCDS merge routine:
// https://standard.open-contracting.org/1.1/en/schema/merging/
//
// Releases are ordered by `date` as plain strings with a stable sort, as the
// reference implementation does: releases with equal dates keep their input
// order and the later one wins. Objects in identifier-merged arrays match when
// their `id`s are equal in type and value (1 and "1" are different objects).
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "money/ocds/merge_rules.h"

namespace apertura::money {

// A release cannot be merged: no date, a date that is not text, a field that
// is an object in one release and something else in another.
class MergeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The releases in merge order; throws MergeError for a release that is not an
// object or whose `date` is missing or not a string (a single release is
// taken as it is).
std::vector<const nlohmann::json*> releases_in_merge_order(const std::vector<nlohmann::json>& releases);

nlohmann::json compile_releases(const std::vector<nlohmann::json>& releases, const MergeRules& rules);
// The same, moving values out of `releases` instead of copying them: their
// trees are left with holes and are only good for destroying.
nlohmann::json compile_releases(std::vector<nlohmann::json>&& releases, const MergeRules& rules);
nlohmann::json version_releases(const std::vector<nlohmann::json>& releases, const MergeRules& rules);

}  // namespace apertura::money
