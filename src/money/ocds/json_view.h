#pragma once
// A read-only look at a JSON value wherever it is held: an nlohmann tree (a
// compiled release read back from the store) or the direct compiler's arena
// tree (one just compiled). The summary and the red flags read a compiled
// release through it, so an import describes each process from the tree it
// merged instead of parsing the text it wrote into a second tree.
//
// Like json_access, it never throws: a missing member or a value of another
// type reads as null, an empty text or an empty list.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "money/ocds/merge_tree.h"

namespace apertura::money {

class JsonView {
 public:
  JsonView() = default;  // null
  // Implicit, so that whatever reads a view reads an nlohmann tree as it is.
  JsonView(const nlohmann::json& value) : json_(&value) {}
  explicit JsonView(const merge_tree::Node& node) : node_(&node) {}

  bool is_null() const;
  bool is_object() const;
  bool is_array() const;
  bool is_string() const;
  bool is_number() const;
  bool is_number_integer() const;  // signed or unsigned, as nlohmann's

  // The member `key`; null when this is not an object or lacks it.
  JsonView operator[](std::string_view key) const;
  bool contains(std::string_view key) const;
  // An array's element; null past the end or when this is not an array.
  JsonView operator[](size_t index) const;
  // An array's elements or an object's members; 0 for anything else.
  size_t size() const;
  bool empty() const { return size() == 0; }

  std::string_view string() const;  // "" unless a string
  double number() const;            // 0 unless a number
  int64_t integer() const;          // 0 unless a whole number

  // The elements of an array (none for anything else).
  class iterator {
   public:
    iterator(const JsonView* array, size_t index) : array_(array), index_(index) {}
    JsonView operator*() const { return (*array_)[index_]; }
    iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return index_ != other.index_; }

   private:
    const JsonView* array_;
    size_t index_;
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, is_array() ? size() : 0}; }

  // Values equal as nlohmann compares them (numbers by value, whatever their type).
  friend bool operator==(const JsonView& a, const JsonView& b);
  friend bool operator==(const JsonView& a, std::string_view text) { return a.is_string() && a.string() == text; }

 private:
  const nlohmann::json* json_ = nullptr;
  const merge_tree::Node* node_ = nullptr;
};

// The helpers of json_access, for a view.
JsonView field(JsonView object, const char* key);
// The member when it is an array, else an empty one.
JsonView array_field(JsonView object, const char* key);
// The member when it is a string.
std::optional<std::string_view> string_field(JsonView object, const char* key);
// A string or a number as text ("" for anything else): identifiers are written both ways.
std::string text_of(JsonView value);

}  // namespace apertura::money
