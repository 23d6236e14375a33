#include "money/ocds/merge_tree.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include <nlohmann/detail/conversions/to_chars.hpp>

#include "core/byte_words.h"

namespace apertura::money::merge_tree {

namespace {

// Releases of a process fit in a few hundred kilobytes as trees.
constexpr size_t kFirstBlockBytes = 1 << 20;

bool needs_escape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// Whether any of eight bytes needs escaping: a control character, a quote or a backslash.
bool any_needs_escape(uint64_t word) {
  return byte_words::has_byte_below(word, 0x20) | byte_words::has_byte(word, '"') |
         byte_words::has_byte(word, '\\');
}

void write_string(std::string_view text, std::string& out) {
  out += '"';
  size_t start = 0;
  size_t i = 0;
  for (;;) {
    // Most strings need no escape: skip them eight bytes at a time.
    while (i + 8 <= text.size() && !any_needs_escape(byte_words::load(text.data() + i))) i += 8;
    while (i < text.size() && !needs_escape(static_cast<unsigned char>(text[i]))) ++i;
    if (i == text.size()) break;
    auto c = static_cast<unsigned char>(text[i]);
    out.append(text.data() + start, i - start);
    start = ++i;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(text.data() + start, text.size() - start);
  out += '"';
}

template <typename Integer>
void write_integer(Integer value, std::string& out) {
  char buffer[24];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace

// nlohmann's own formatting, so both trees write the same text for a double.
void write_double(double value, std::string& out) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[64];
  char* end = nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

size_t Node::lower_bound(std::string_view key) const {
  auto it = std::lower_bound(members.begin(), members.end(), key,
                             [](const Member& member, std::string_view k) { return member.key < k; });
  return static_cast<size_t>(it - members.begin());
}

const Node* Node::find(std::string_view key) const {
  size_t at = lower_bound(key);
  return at < members.size() && members[at].key == key ? members[at].value : nullptr;
}

Arena::Arena() : first_block_(kFirstBlockBytes), memory_(first_block_.data(), first_block_.size()) {}

Node* Arena::make(Kind kind) {
  void* place = memory_.allocate(sizeof(Node), alignof(Node));
  return new (place) Node(kind, &memory_);
}

std::string_view Arena::copy(std::string_view text) {
  if (text.empty()) return {};
  char* place = static_cast<char*>(memory_.allocate(text.size(), 1));
  std::memcpy(place, text.data(), text.size());
  return {place, text.size()};
}

// Nodes hold only arena memory, so they are dropped without destructors.
void Arena::reset() {
  memory_.release();
}

void write_json(const Node& node, std::string& out) {
  switch (node.kind) {
    case Kind::null: out += "null"; return;
    case Kind::boolean: out += node.boolean ? "true" : "false"; return;
    case Kind::integer: write_integer(node.integer, out); return;
    case Kind::unsigned_integer: write_integer(node.unsigned_integer, out); return;
    case Kind::floating: write_double(node.floating, out); return;
    case Kind::string: write_string(node.text, out); return;
    case Kind::object: {
      out += '{';
      bool first = true;
      for (const Member& member : node.members) {
        if (!first) out += ',';
        first = false;
        write_string(member.key, out);
        out += ':';
        write_json(*member.value, out);
      }
      out += '}';
      return;
    }
    case Kind::array: {
      out += '[';
      bool first = true;
      for (const Node* item : node.items) {
        if (!first) out += ',';
        first = false;
        write_json(*item, out);
      }
      out += ']';
      return;
    }
  }
}

}  // namespace apertura::money::merge_tree
