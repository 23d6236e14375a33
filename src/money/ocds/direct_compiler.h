#pragma once
// Compiles the releases of one contracting process straight from their text:
// simdjson reads each release and the merge rules are applied to an arena
// tree (merge_tree), whose text is what compile_releases(...).dump() gives,
// byte for byte. An import spends most of its reading thread compiling, and
// nlohmann trees (built, merged, written, freed) were most of that. What
// reads the compiled release as a tree (summary, red flags) reads the arena
// tree through a JsonView, while it lasts.
//
// Anything out of the ordinary (a release that is not an object, a field that
// is an object in one release and a list in another, an array identifier
// that is itself an object or list) gives nothing: the caller then compiles
// with release_merger, which reports or handles it as it always has.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "money/ocds/merge_rules.h"
#include "money/ocds/merge_tree.h"

namespace apertura::money {

struct ReleaseText {
  // Text with SIMDJSON_PADDING bytes of spare capacity is read in place, else copied.
  const std::string* text = nullptr;
  std::string_view date;  // the release's `date`, which orders the merge
};

struct DirectlyCompiled {
  std::string text;  // the compiled release as nlohmann's dump() writes it
  // The compiled release itself, for what reads it as a tree (summary, red
  // flags); it lives in the compiler's arena until its next compile.
  const merge_tree::Node* tree = nullptr;
  std::string first_date;  // of the releases
  std::string last_date;
  int64_t count = 0;
  // The sum of the first value of each contract (see initial_contract_amount).
  std::optional<double> initial_contract_amount;
};

class DirectCompiler {
 public:
  DirectCompiler();
  ~DirectCompiler();
  DirectCompiler(const DirectCompiler&) = delete;
  DirectCompiler& operator=(const DirectCompiler&) = delete;

  // Releases in any order; they are merged by `date` (a stable sort).
  // Frees the tree of the compile before.
  std::optional<DirectlyCompiled> compile(const std::vector<ReleaseText>& releases, const MergeRules& rules);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace apertura::money
