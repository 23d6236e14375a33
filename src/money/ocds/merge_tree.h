#pragma once
// A JSON tree for compiling releases without nlohmann's: its nodes live in an
// arena that is emptied at once, objects keep their members sorted by key
// (the order nlohmann's std::map gives them), and the text it writes is what
// nlohmann's dump() writes for the same tree, byte for byte. Building and
// freeing an nlohmann tree per release cost more than merging them.
#include <cstdint>
#include <memory_resource>
#include <string>
#include <string_view>
#include <vector>

namespace apertura::money::merge_tree {

struct Node;

struct Member {
  std::string_view key;
  Node* value;
};

enum class Kind : uint8_t { null, boolean, integer, unsigned_integer, floating, string, object, array };

struct Node {
  explicit Node(Kind kind, std::pmr::memory_resource* memory) : kind(kind), members(memory), items(memory) {}

  Kind kind;
  union {
    bool boolean;
    int64_t integer;
    uint64_t unsigned_integer;
    double floating;
  };
  std::string_view text;              // a string's
  std::pmr::vector<Member> members;   // an object's, sorted by key, each key once
  std::pmr::vector<Node*> items;      // an array's

  // The member's position, or where it would go to keep the order.
  size_t lower_bound(std::string_view key) const;
  // The member's value, or nullptr.
  const Node* find(std::string_view key) const;
};

// Owns the nodes and the text they point to; `reset` frees them all and
// keeps the first block for the next tree.
class Arena {
 public:
  Arena();
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  Node* make(Kind kind);
  std::string_view copy(std::string_view text);
  void reset();

 private:
  std::vector<std::byte> first_block_;
  std::pmr::monotonic_buffer_resource memory_;
};

// Appends the node as nlohmann's dump() would write it (no spaces, UTF-8 as is).
void write_json(const Node& node, std::string& out);
// A double as nlohmann writes it: its shortest round-trip form ("1.0", "1e+21").
void write_double(double value, std::string& out);

}  // namespace apertura::money::merge_tree
