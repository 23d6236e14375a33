#pragma once
// Reading fields of OCDS data that may be missing or of the wrong type, as
// real publications often are: a missing field reads as null, never throws.
#include <string>

#include <nlohmann/json.hpp>

namespace apertura::money {

// The member `key` of `object`, or null when `object` is not an object or lacks it.
const nlohmann::json& field(const nlohmann::json& object, const char* key);
// The member when it is an array, else an empty array.
const nlohmann::json& array_field(const nlohmann::json& object, const char* key);
// The member when it is a string, else nullptr.
const std::string* string_field(const nlohmann::json& object, const char* key);
// A string or a number as text ("" for anything else): identifiers are written both ways.
std::string text_of(const nlohmann::json& value);

}  // namespace apertura::money
